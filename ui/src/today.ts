// What the home screen shows, as pure functions of the circle (in the backend's
// order: agreements to review, then overdue, due, due soon, the rest by days until
// due, paused last).
import type { CadenceStatus } from './bindings/CadenceStatus';
import type { CircleMember } from './bindings/CircleMember';

export type SectionKey = 'review' | 'overdue' | 'due' | 'week' | 'later';

/** The headings of the home screen's sections, in the order they are shown. */
export const SECTION_HEADINGS: Readonly<Record<SectionKey, string>> = {
  review: 'Agreements to review',
  overdue: 'Overdue',
  due: 'Due',
  week: 'Due this week',
  later: 'Later',
};

const ORDER: readonly SectionKey[] = ['review', 'overdue', 'due', 'week', 'later'];

/** A member the home screen lists: never paused, so always with a cadence. */
export interface ListedMember extends CircleMember {
  cadence: CadenceStatus;
}

export interface TodaySection {
  key: SectionKey;
  heading: string;
  members: ListedMember[];
}

function listed(m: CircleMember): m is ListedMember {
  return m.cadence !== null && m.mentor.status !== 'paused';
}

/** Which section a listed member belongs to. */
export function sectionOf(m: ListedMember): SectionKey {
  if (m.reviewDue) return 'review';
  switch (m.cadence.status) {
    case 'overdue':
      return 'overdue';
    case 'due':
      return 'due';
    case 'dueSoon':
      return 'week';
    case 'ok':
      return m.cadence.daysUntilDue <= 7 ? 'week' : 'later';
  }
}

/**
 * The home screen's sections, only the non-empty ones, in order; each keeps the
 * backend's order. Paused mentors are left out: they are never due.
 */
export function todaySections(members: readonly CircleMember[]): TodaySection[] {
  const groups = new Map<SectionKey, ListedMember[]>();
  for (const m of members) {
    if (!listed(m)) continue;
    const key = sectionOf(m);
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  return ORDER.flatMap((key) => {
    const group = groups.get(key);
    return group ? [{ key, heading: SECTION_HEADINGS[key], members: group }] : [];
  });
}

export type Greeting =
  | { kind: 'catchUp'; member: ListedMember }
  | { kind: 'soon'; member: ListedMember }
  | { kind: 'quiet' };

/**
 * The line at the top of the home screen: the most urgent mentor who is due or
 * overdue (not one whose agreement is up for review: that is a different question),
 * else the next one due this week, else quiet.
 */
export function greetingFor(members: readonly CircleMember[]): Greeting {
  const candidates = members.filter(listed).filter((m) => !m.reviewDue);
  const overdue = candidates.find((m) => m.cadence.status === 'overdue');
  const due = overdue ?? candidates.find((m) => m.cadence.status === 'due');
  if (due) return { kind: 'catchUp', member: due };
  const soon = candidates.find((m) => sectionOf(m) === 'week');
  if (soon) return { kind: 'soon', member: soon };
  return { kind: 'quiet' };
}

/** How many sample mentors are loaded. */
export function sampleCount(members: readonly CircleMember[]): number {
  return members.filter((m) => m.mentor.sample).length;
}

/** How many mentors are paused (they do not show on the home screen). */
export function pausedCount(members: readonly CircleMember[]): number {
  return members.filter((m) => m.mentor.status === 'paused').length;
}

/** "The 7 sample mentors and their catch-ups are removed; your own mentors stay." */
export function removeSampleText(count: number): string {
  const who = count === 1 ? 'The 1 sample mentor' : `The ${count} sample mentors`;
  return `${who} and their catch-ups are removed; your own mentors stay.`;
}
