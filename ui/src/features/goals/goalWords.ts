// Goals and mentors' agendas in words, and the mentors offered when raising something.
// Pure: "today" is passed in.
import type { GoalProgress } from '../../bindings/GoalProgress';
import type { GoalStatus } from '../../bindings/GoalStatus';
import type { MentorSummary } from '../../bindings/MentorSummary';
import type { MentorStatus } from '../../bindings/MentorStatus';
import { firstName } from '../mentors/circleLayout';
import { type IsoDay, daysBetween, fullDate, isValidDay } from '../../ui/dates';
import { STATUSES, compareNames } from '../mentors/labels';
import { namesText } from '../nudges/nudgeHistory';

const GOAL_STATUSES: Record<GoalStatus, string> = {
  active: 'Active',
  achieved: 'Achieved',
  dropped: 'Dropped',
};

export function goalStatusLabel(status: GoalStatus): string {
  return GOAL_STATUSES[status];
}

/** The "Status" select's choices, in this order. */
export const GOAL_STATUS_CHOICES: ReadonlyArray<{ value: GoalStatus; label: string }> = (
  ['active', 'achieved', 'dropped'] as const
).map((value) => ({ value, label: GOAL_STATUSES[value] }));

/** The toast once a goal's status changed: warm for an achievement, plain otherwise. */
export function goalStatusSavedText(status: GoalStatus): string {
  switch (status) {
    case 'achieved':
      return 'Goal achieved. Well done.';
    case 'dropped':
      return 'Goal dropped. It stays here, with its notes.';
    case 'active':
      return 'Goal active again.';
  }
}

/** Progress notes, newest first (the latest written first on the same day). */
export function progressNewestFirst(progress: readonly GoalProgress[]): GoalProgress[] {
  return [...progress].sort((a, b) => (a.writtenOn === b.writtenOn ? b.id - a.id : a.writtenOn < b.writtenOn ? 1 : -1));
}

/** What to fix before adding a progress note; the backend says the same (field "note"). */
export function validateProgressNote(note: string): string | undefined {
  return note.trim() === '' ? 'Write a few words on how it is going first.' : undefined;
}

/**
 * The day a goal may aim for: from today on, or the day it already aims for (a target
 * date already passed may stay as it is when editing).
 */
export function earliestTarget(today: IsoDay, current: IsoDay | null): IsoDay {
  return current !== null && isValidDay(current) && daysBetween(today, current) < 0 ? current : today;
}

/** "by 1 June 2027"; a day already gone reads "aimed for 1 June 2026" (a fact, not a scolding). */
export function targetText(targetOn: IsoDay, today: IsoDay): string {
  return daysBetween(today, targetOn) < 0 ? `aimed for ${fullDate(targetOn)}` : `by ${fullDate(targetOn)}`;
}

/** "With Ana and Ben": who is helping, by name, in the goal's order; empty when nobody known is. */
export function helpersText(mentorIds: readonly number[], names: ReadonlyMap<number, string>): string {
  const known = mentorIds.flatMap((id) => {
    const name = names.get(id);
    return name === undefined ? [] : [name];
  });
  return known.length === 0 ? '' : `With ${namesText(known)}`;
}

/** Longer than this (or more than a few lines), "why it matters" is folded on the Goals screen. */
export const WHY_FOLD_CHARS = 280;
const WHY_FOLD_LINES = 4;

export function isLongWhy(why: string): boolean {
  return [...why].length > WHY_FOLD_CHARS || why.split('\n').length > WHY_FOLD_LINES;
}

/** "Ana’s", for the words around a name. */
export function possessive(name: string): string {
  return `${name}’s`;
}

/** The toast after a question was added to a mentor's agenda. Names the mentor, never the question. */
export function agendaAddedText(name: string): string {
  return `Added to ${possessive(name)} agenda for your next catch-up.`;
}

/** The toast after quick capture from anywhere: the mentor's first name, never the question. */
export function quickAgendaAddedText(name: string): string {
  return `Added to ${firstName(name)}'s agenda.`;
}

/**
 * Who quick capture offers: active mentors by name, and the mentor whose page is open
 * (whatever their status).
 */
export function quickAgendaChoices(mentors: readonly MentorSummary[], openMentor: number | null): MentorSummary[] {
  return mentors.filter((m) => m.status === 'active' || m.id === openMentor).sort(byName);
}

/** The mentor chosen to start with: the one whose page is open, else the only one offered, else nobody. */
export function quickAgendaFirst(choices: readonly MentorSummary[], openMentor: number | null): number | null {
  if (openMentor !== null && choices.some((m) => m.id === openMentor)) return openMentor;
  return choices.length === 1 ? choices[0]!.id : null;
}

/** A group of mentors in the "Mentor" select; `label` is its heading. */
export interface MentorGroup {
  label: string;
  mentors: MentorSummary[];
}

function byName(a: MentorSummary, b: MentorSummary): number {
  return compareNames(a.name, b.name);
}

/**
 * The mentors to raise a question with: those the entry is "to raise with" first (in the
 * entry's order, whatever their status), then active, paused and alumni, by name.
 */
export function mentorGroups(mentors: readonly MentorSummary[], raiseWith: readonly number[]): MentorGroup[] {
  const linked = raiseWith.flatMap((id) => mentors.filter((m) => m.id === id));
  const rest = mentors.filter((m) => !raiseWith.includes(m.id));
  const byStatus = (status: MentorStatus) => rest.filter((m) => m.status === status).sort(byName);
  return [
    { label: 'To raise with', mentors: linked },
    ...STATUSES.map((s) => ({ label: s.label, mentors: byStatus(s.value) })),
  ].filter((g) => g.mentors.length > 0);
}

/**
 * The mentor chosen when the dialog opens: the first the entry is to raise with; else
 * the only active mentor; else nobody (the user chooses).
 */
export function firstChoice(mentors: readonly MentorSummary[], raiseWith: readonly number[]): number | null {
  const linked = raiseWith.find((id) => mentors.some((m) => m.id === id));
  if (linked !== undefined) return linked;
  const active = mentors.filter((m) => m.status === 'active');
  return active.length === 1 ? active[0]!.id : null;
}

/** Mentors to tick as helping with a goal: active ones, and any already ticked; by name. */
export function helperChoices(mentors: readonly MentorSummary[], ticked: readonly number[]): MentorSummary[] {
  return mentors.filter((m) => m.status === 'active' || ticked.includes(m.id)).sort(byName);
}

/** The goal form's fields the backend names. */
export type GoalField = 'title' | 'why' | 'targetOn';

/** What to fix before setting a goal; the backend checks the rest (lengths, how far ahead). */
export function validateGoal(form: { title: string; targetOn: string }): Partial<Record<GoalField, string>> {
  const found: Partial<Record<GoalField, string>> = {};
  if (form.title.trim() === '') found.title = 'Give the goal a short title.';
  if (form.targetOn !== '' && !isValidDay(form.targetOn)) found.targetOn = 'Choose a day, or leave the target date empty.';
  return found;
}
