// Builders for tests: a mentor and a circle member with sensible defaults.
import type { CadenceStatus } from './bindings/CadenceStatus';
import type { CircleMember } from './bindings/CircleMember';
import type { Mentor } from './bindings/Mentor';
import type { MentorStatus } from './bindings/MentorStatus';
import type { MentorSummary } from './bindings/MentorSummary';
import type { Role } from './bindings/Role';

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

/** A mentor as the lists read them (`api.circle()`). */
export function summary(over: Partial<MentorSummary> = {}): MentorSummary {
  return {
    id: nextId++,
    addedOn: '2026-01-01',
    sample: false,
    name: 'Ana Sousa',
    organisation: '',
    expertise: '',
    roles: ['adviser'],
    status: 'active',
    cadenceDays: 28,
    maxGapDays: 56,
    modes: ['video'],
    reviewOn: null,
    ...over,
  };
}

export function member(
  m: Partial<MentorSummary> = {},
  c: Partial<CadenceStatus> | null = {},
  extra: Partial<Omit<CircleMember, 'mentor' | 'cadence'>> = {},
): CircleMember {
  return {
    mentor: summary(m),
    lastCatchUp: null,
    cadence: c === null ? null : cadence(c),
    reviewDue: false,
    snoozedUntil: null,
    ...extra,
  };
}

const FIRST_NAMES = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eva', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lena'];
const LAST_NAMES = ['Sousa', 'Okafor', 'Martin', 'Patel', 'Nowak', 'Haddad', 'Kim', 'Larsen', 'Moreau'];
const ALL_ROLES: readonly Role[] = [
  'networkConnector',
  'adviser',
  'ideaPerson',
  'emotionalConnector',
  'successPartner',
  'insider',
  'peer',
];
const STANDINGS: ReadonlyArray<Partial<CadenceStatus>> = [
  { status: 'overdue', daysUntilDue: -40 },
  { status: 'due', daysUntilDue: -3 },
  { status: 'dueSoon', daysUntilDue: 3 },
  { status: 'ok', daysUntilDue: 6 },
  { status: 'ok', daysUntilDue: 20 },
];

/**
 * A circle as large as the stress dataset: `count` mentors, 80% active, 10% paused and
 * 10% alumni, spread over every role and standing (many overdue or due at once), one in
 * fifty with an agreement to review, in the backend's order (most urgent first).
 */
export function largeCircle(count: number): CircleMember[] {
  const members: CircleMember[] = [];
  for (let i = 0; i < count; i++) {
    const status: MentorStatus = i % 10 === 8 ? 'paused' : i % 10 === 9 ? 'alumni' : 'active';
    const standing = STANDINGS[i % STANDINGS.length]!;
    members.push(
      member(
        {
          name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]} ${i}`,
          organisation: i % 3 === 0 ? 'Northwind' : i % 3 === 1 ? 'Contoso Health' : '',
          roles: [ALL_ROLES[i % ALL_ROLES.length]!, ALL_ROLES[(i + 3) % ALL_ROLES.length]!],
          expertise: i % 4 === 0 ? 'Product strategy, hiring' : 'Public speaking',
          status,
        },
        status === 'paused' ? null : standing,
        { reviewDue: i % 50 === 0 },
      ),
    );
  }
  const rank = (m: CircleMember) => (m.reviewDue ? -1e6 : m.cadence === null ? 1e6 : m.cadence.daysUntilDue);
  return members.sort((a, b) => rank(a) - rank(b));
}
