// The record of nudges sent, in words: when (local time), about whom, and what came of
// it. Pure: "today" is passed in, and the sending time is read in the local time zone.
import type { NudgeOutcome } from '../../bindings/NudgeOutcome';
import type { NudgeRecord } from '../../bindings/NudgeRecord';
import type { NudgedMentor } from '../../bindings/NudgedMentor';
import { type IsoDay, daysBetween, formatDay, longDate, shortDate } from '../../ui/dates';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A moment as the local calendar day and "HH:MM" wall-clock time. */
export function localParts(at: Date): { day: IsoDay; time: string } {
  return {
    day: formatDay({ year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() }),
    time: `${pad2(at.getHours())}:${pad2(at.getMinutes())}`,
  };
}

/** An RFC 3339 instant in local time; `null` when it cannot be read. */
export function sentAtLocal(sentAt: string): { day: IsoDay; time: string } | null {
  const at = new Date(sentAt);
  return Number.isNaN(at.getTime()) ? null : localParts(at);
}

/** "Today, 09:00", "Yesterday, 21:30", "Tue 17 Nov, 09:00". */
export function sentAtText(sentAt: string, today: IsoDay): string {
  const local = sentAtLocal(sentAt);
  if (!local) return sentAt;
  const n = daysBetween(today, local.day);
  const day = n === 0 ? 'Today' : n === -1 ? 'Yesterday' : shortDate(local.day, today);
  return `${day}, ${local.time}`;
}

/** "Tuesday 17 November 2026 at 09:00": the exact moment, for hover titles. */
export function sentAtTitle(sentAt: string): string {
  const local = sentAtLocal(sentAt);
  return local ? `${longDate(local.day)} at ${local.time}` : sentAt;
}

/** "Ana", "Ana and Ben", "Ana, Ben and Cleo". */
export function namesText(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Who a nudge was about: the mentor's name, or "3 mentors" for a digest. */
export function whoText(mentors: readonly NudgedMentor[]): string {
  if (mentors.length === 1) return mentors[0]!.name;
  if (mentors.length === 0) return 'Your circle';
  return `${mentors.length} mentors`;
}

const OUTCOMES: Record<NudgeOutcome, string> = {
  opened: 'You opened it',
  loggedCatchUp: 'You chose to log a catch-up',
  snoozed: 'You snoozed it a day',
};

/** What the user did with the notification itself; `null` when nothing is known. */
export function outcomeText(outcome: NudgeOutcome | null): string | null {
  return outcome === null ? null : OUTCOMES[outcome];
}

export interface FollowUp {
  id: number;
  name: string;
  /** "Caught up on Wed 18 Nov" or "No catch-up yet". */
  text: string;
  /** The day of the catch-up, when there was one. */
  day: IsoDay | null;
}

/** Whether a catch-up followed the nudge, for one mentor. */
export function followUp(m: NudgedMentor, today: IsoDay): FollowUp {
  return m.caughtUpOn
    ? { id: m.id, name: m.name, text: `Caught up on ${shortDate(m.caughtUpOn, today)}`, day: m.caughtUpOn }
    : { id: m.id, name: m.name, text: 'No catch-up yet', day: null };
}

/** One line of the "Nudges sent" list, ready to show. */
export interface NudgeLine {
  id: number;
  /** The RFC 3339 instant, for `<time datetime>`. */
  sentAt: string;
  when: string;
  whenTitle: string;
  who: string;
  /** A digest about several mentors (each then gets a line of their own). */
  digest: boolean;
  outcome: string | null;
  /** The app stopped while handing it to the system: it may never have shown. */
  mayNotHaveArrived: boolean;
  followUps: FollowUp[];
}

export function nudgeLine(record: NudgeRecord, today: IsoDay): NudgeLine {
  return {
    id: record.id,
    sentAt: record.sentAt,
    when: sentAtText(record.sentAt, today),
    whenTitle: sentAtTitle(record.sentAt),
    who: whoText(record.mentors),
    digest: record.mentors.length > 1,
    outcome: outcomeText(record.outcome),
    mayNotHaveArrived: !record.delivered,
    followUps: record.mentors.map((m) => followUp(m, today)),
  };
}

/** Shown while no nudge has been sent yet. */
export const NO_NUDGES_YET =
  'No nudges yet. When a mentor is due, Mentor Circle sends one notification — never more than you allow.';
