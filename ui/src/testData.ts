// Builders for tests: a mentor and a circle member with sensible defaults.
import type { CadenceStatus } from './bindings/CadenceStatus';
import type { CircleMember } from './bindings/CircleMember';
import type { Mentor } from './bindings/Mentor';

let nextId = 1;

export function mentor(over: Partial<Mentor> = {}): Mentor {
  const check = { met: false, note: '' };
  return {
    id: nextId++,
    addedOn: '2026-01-01',
    sample: false,
    coMentoring: { theyHelpWith: '', iHelpWith: '' },
    name: 'Ana Sousa',
    organisation: '',
    roles: ['adviser'],
    sameCompany: false,
    expertise: '',
    howWeMet: '',
    contact: { email: '', phone: '', linkedin: '' },
    status: 'active',
    checks: { experience: check, values: check, accountability: check, time: check },
    agreement: {
      cadenceDays: 28,
      maxGapDays: 56,
      modes: ['video'],
      term: 'ongoing',
      startsOn: '2026-01-01',
      reviewOn: null,
      situation: '',
      purposes: [],
      ownPurpose: '',
      confidentiality: '',
    },
    ...over,
  };
}

export function cadence(over: Partial<CadenceStatus> = {}): CadenceStatus {
  return {
    status: 'ok',
    dueOn: '2026-05-12',
    overdueFrom: '2026-06-09',
    daysUntilDue: 28,
    changesOn: '2026-05-05',
    ...over,
  };
}

export function member(
  m: Partial<Mentor> = {},
  c: Partial<CadenceStatus> | null = {},
  extra: Partial<Omit<CircleMember, 'mentor' | 'cadence'>> = {},
): CircleMember {
  return {
    mentor: mentor(m),
    lastCatchUp: null,
    cadence: c === null ? null : cadence(c),
    reviewDue: false,
    snoozedUntil: null,
    ...extra,
  };
}
