// The user's words for the backend's enum values.
import type { MentorChecks } from '../../bindings/MentorChecks';
import type { MentorStatus } from '../../bindings/MentorStatus';
import type { Mode } from '../../bindings/Mode';
import type { Purpose } from '../../bindings/Purpose';
import type { Role } from '../../bindings/Role';
import type { Term } from '../../bindings/Term';

export const ROLES: ReadonlyArray<{ value: Role; label: string }> = [
  { value: 'networkConnector', label: 'Network connector' },
  { value: 'adviser', label: 'Adviser' },
  { value: 'ideaPerson', label: 'Idea person' },
  { value: 'emotionalConnector', label: 'Emotional connector' },
  { value: 'successPartner', label: 'Success partner' },
  { value: 'insider', label: 'Company or industry insider' },
  { value: 'peer', label: 'Peer / co-mentor' },
];

export const MODES: ReadonlyArray<{ value: Mode; label: string }> = [
  { value: 'inPerson', label: 'In person' },
  { value: 'video', label: 'Video' },
  { value: 'phone', label: 'Phone' },
  { value: 'email', label: 'Email' },
  { value: 'message', label: 'Message' },
];

export const PURPOSES: ReadonlyArray<{ value: Purpose; label: string }> = [
  { value: 'expandNetwork', label: 'Expand my network' },
  { value: 'developmentFocus', label: 'Clarify my development focus' },
  { value: 'learnFunctionOrIndustry', label: 'Learn about a function or industry' },
  { value: 'organisationalPolitics', label: 'Understand organisational politics' },
  { value: 'skillsFeedback', label: 'Feedback on my skills' },
  { value: 'testIdeas', label: 'Test ideas safely' },
  { value: 'jobSearch', label: 'Job-search support' },
];

export const TERMS: ReadonlyArray<{ value: Term; label: string }> = [
  { value: 'ongoing', label: 'Ongoing' },
  { value: 'fixedPeriod', label: 'Fixed period' },
  { value: 'oneOff', label: 'One-off' },
];

export const STATUSES: ReadonlyArray<{ value: MentorStatus; label: string }> = [
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'alumni', label: 'Alumni' },
];

export type CheckKey = keyof MentorChecks;

/** The four things worth checking in a mentor; `short` names it in "Note on …". */
export const CHECKS: ReadonlyArray<{ value: CheckKey; label: string; short: string }> = [
  { value: 'experience', label: 'More experience where I want to grow', short: 'experience' },
  { value: 'values', label: 'Values I respect', short: 'values' },
  { value: 'accountability', label: 'Helps set goals and holds me to them', short: 'accountability' },
  { value: 'time', label: 'Able to give the time', short: 'time' },
];

function labelOf<T extends string>(list: ReadonlyArray<{ value: T; label: string }>, value: T): string {
  return list.find((item) => item.value === value)?.label ?? value;
}

export function roleLabel(role: Role): string {
  return labelOf(ROLES, role);
}

export function rolesText(roles: readonly Role[]): string {
  // Show roles in the order of the form, whatever order they were stored in.
  return ROLES.filter((r) => roles.includes(r.value)).map((r) => r.label).join(', ');
}

export function modeLabel(mode: Mode): string {
  return labelOf(MODES, mode);
}

export function purposeLabel(purpose: Purpose): string {
  return labelOf(PURPOSES, purpose);
}

export function termLabel(term: Term): string {
  return labelOf(TERMS, term);
}

export function statusLabel(status: MentorStatus): string {
  return labelOf(STATUSES, status);
}

export function checkLabel(check: CheckKey): string {
  return labelOf(CHECKS, check);
}

// One collator for every list sorted by name: `localeCompare` with options may build a
// new one for each comparison, which a sort of thousands of names feels. Built on first
// use, not as the script loads: the first collator loads ICU's collation data, and the
// home screen sorts nothing.
let nameOrder: Intl.Collator | null = null;

/** Two names in the order people expect: accents and case do not matter. */
export function compareNames(a: string, b: string): number {
  nameOrder ??= new Intl.Collator(undefined, { sensitivity: 'base' });
  return nameOrder.compare(a, b);
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
