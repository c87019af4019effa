// What the home screen shows of the backend's sections (each a page at a time, in the
// order the user should act: agreements to review, overdue, due, this week, later;
// paused mentors are never listed).
import type { CadenceStatus } from '../../bindings/CadenceStatus';
import type { CircleMember } from '../../bindings/CircleMember';
import type { HomeSection } from '../../bindings/HomeSection';
import type { Section } from '../../bindings/Section';

/** The headings of the home screen's sections. */
export const SECTION_HEADINGS: Readonly<Record<Section, string>> = {
  review: 'Agreements to review',
  overdue: 'Overdue',
  due: 'Due',
  week: 'Due this week',
  later: 'Later',
};

/** A member the home screen lists: never paused, so always with a cadence. */
export interface ListedMember extends CircleMember {
  cadence: CadenceStatus;
}

/** The members of a section that can be listed (all of them: the backend leaves paused ones out). */
export function listedMembers(members: readonly CircleMember[]): ListedMember[] {
  return members.filter((m): m is ListedMember => m.cadence !== null && m.mentor.status !== 'paused');
}

/**
 * Every home screen row is at least this tall (px): its padding and one line of text.
 * So a window's height in rows, at this height, always fills the window.
 */
export const ROW_MIN_HEIGHT = 48;

/** A section as the first frame draws it: its first `rows` rows, or `null` for all it has. */
export interface FirstFrameSection {
  section: HomeSection;
  rows: number | null;
}

/**
 * What the home screen's first frame draws: the sections in order, with as many rows as
 * can be seen in a window `height` px tall (`ROW_MIN_HEIGHT` each, as if nothing stood
 * above them). A section cut short shows no "Show more" yet, and sections past the
 * window are left out; the rest of each first page is drawn right after that frame.
 * A large circle's first pages hold 40 rows, of which the window shows about 10; the
 * other 30 cost its first frame about 10 ms.
 */
export function firstFrame(sections: readonly HomeSection[], height: number): FirstFrameSection[] {
  let left = Math.max(1, Math.ceil(height / ROW_MIN_HEIGHT));
  const drawn: FirstFrameSection[] = [];
  for (const section of sections) {
    if (left <= 0) break;
    const count = section.members.length;
    drawn.push({ section, rows: count <= left ? null : left });
    left -= count;
  }
  return drawn;
}

export type Greeting =
  | { kind: 'catchUp'; member: ListedMember }
  | { kind: 'soon'; member: ListedMember }
  | { kind: 'quiet' };

/**
 * The line at the top of the home screen: the most urgent mentor who is overdue or due
 * (not one whose agreement is up for review: that is a different question, and has its
 * own section), else the first one due this week, else quiet. Each section comes most
 * urgent first, so its first member is the one.
 */
export function greetingFor(sections: readonly HomeSection[]): Greeting {
  const first = (key: Section) => listedMembers(sections.find((s) => s.key === key)?.members ?? [])[0];
  const due = first('overdue') ?? first('due');
  if (due) return { kind: 'catchUp', member: due };
  const soon = first('week');
  if (soon) return { kind: 'soon', member: soon };
  return { kind: 'quiet' };
}

/** How many sample mentors are loaded. */
export function sampleCount(members: readonly CircleMember[]): number {
  return members.filter((m) => m.mentor.sample).length;
}

/** "The 7 sample mentors and their catch-ups are removed; your own mentors stay." */
export function removeSampleText(count: number): string {
  const who = count === 1 ? 'The 1 sample mentor' : `The ${count} sample mentors`;
  return `${who} and their catch-ups are removed; your own mentors stay.`;
}
