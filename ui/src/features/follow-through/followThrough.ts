// Following through with a mentor, as words and small decisions: what became of their
// advice, thanks and gives and the balance between asks and gives, the pre-meeting
// brief's sections, co-mentoring with a peer and the prospect a mentor once was. Pure, so
// it can be tested without a window.
import type { Advice } from '../../bindings/Advice';
import type { AdviceStatus } from '../../bindings/AdviceStatus';
import type { Balance } from '../../bindings/Balance';
import type { Brief } from '../../bindings/Brief';
import type { Give } from '../../bindings/Give';
import type { GiveKind } from '../../bindings/GiveKind';
import type { GiveState } from '../../bindings/GiveState';
import type { Mentor } from '../../bindings/Mentor';
import type { MentorDraft } from '../../bindings/MentorDraft';
import type { ProspectSource } from '../../bindings/ProspectSource';
import type { Stage } from '../../bindings/Stage';
import { daysBetween, isValidDay } from '../../ui/dates';
import { draftFromMentor } from '../mentors/mentorForm';

function labelOf<T extends string>(list: ReadonlyArray<{ value: T; label: string }>, value: T): string {
  return list.find((item) => item.value === value)?.label ?? value;
}

// ---------- Advice ----------

export const ADVICE_STATUSES: ReadonlyArray<{ value: AdviceStatus; label: string }> = [
  { value: 'considering', label: 'Considering' },
  { value: 'trying', label: 'Trying it' },
  { value: 'adopted', label: 'Adopted' },
  { value: 'declined', label: 'Declined' },
];

export function adviceStatusLabel(status: AdviceStatus): string {
  return labelOf(ADVICE_STATUSES, status);
}

/** The start of a text, for a button's name: "Ask for the stretch project before…". */
export function firstWords(text: string, count = 6): string {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  if (words.length <= count) return words.join(' ');
  return `${words.slice(0, count).join(' ')}…`;
}

/** "Ana" from "Ana Sousa": how the page speaks of someone in a sentence. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export type AdviceField = 'text' | 'givenOn';
export type ProgressField = 'reason' | 'outcome';

/** What is wrong with new advice before it is sent (the backend checks it again). */
export function adviceErrors(form: { text: string; givenOn: string }, today: string): Partial<Record<AdviceField, string>> {
  const errors: Partial<Record<AdviceField, string>> = {};
  if (form.text.trim() === '') errors.text = 'Write down the advice first.';
  if (!isValidDay(form.givenOn)) errors.givenOn = 'Please choose the day they gave it.';
  else if (daysBetween(today, form.givenOn) > 0)
    errors.givenOn = 'That day is still to come. Please choose today or an earlier day.';
  return errors;
}

/** What is wrong with "what came of it" before it is sent: declining needs a reason. */
export function progressErrors(form: { status: AdviceStatus; reason: string }): Partial<Record<ProgressField, string>> {
  if (form.status === 'declined' && form.reason.trim() === '') {
    return { reason: 'Say in a few words why it isn’t for you: it is worth telling your mentor too.' };
  }
  return {};
}

/** The progress to send: a reason belongs to a decline only. */
export function progressDraft(form: { status: AdviceStatus; reason: string; outcome: string }) {
  return {
    status: form.status,
    reason: form.status === 'declined' ? form.reason.trim() : '',
    outcome: form.outcome.trim(),
  };
}

// ---------- Thanks and gives ----------

export const GIVE_KINDS: ReadonlyArray<{ value: GiveKind; label: string }> = [
  { value: 'thanks', label: 'Thank-you' },
  { value: 'introduction', label: 'Introduction made' },
  { value: 'article', label: 'Article shared' },
  { value: 'technology', label: 'Help with a technology' },
  { value: 'candidate', label: 'Candidate referred' },
  { value: 'other', label: 'Other' },
];

export const GIVE_STATES: ReadonlyArray<{ value: GiveState; label: string }> = [
  { value: 'done', label: 'Done' },
  { value: 'offered', label: 'Offered' },
  { value: 'idea', label: 'Just an idea' },
];

export function giveKindLabel(kind: GiveKind): string {
  return labelOf(GIVE_KINDS, kind);
}

export function giveStateLabel(state: GiveState): string {
  return labelOf(GIVE_STATES, state);
}

/** The states a give of this kind can be in: a thank-you is logged once it is sent. */
export function statesFor(kind: GiveKind): ReadonlyArray<{ value: GiveState; label: string }> {
  return kind === 'thanks' ? GIVE_STATES.filter((s) => s.value === 'done') : GIVE_STATES;
}

/** A state that fits the kind: a thank-you is always done. */
export function fitState(kind: GiveKind, state: GiveState): GiveState {
  return kind === 'thanks' ? 'done' : state;
}

/** What an offer was, as something to do: "Make an introduction". */
const OFFER_WORDS: Record<GiveKind, string> = {
  thanks: 'Say thank you',
  introduction: 'Make an introduction',
  article: 'Share an article',
  technology: 'Help with a technology',
  candidate: 'Refer a candidate',
  other: 'Something else',
};

export function offerWords(kind: GiveKind): string {
  return OFFER_WORDS[kind];
}

export type GiveField = 'kind' | 'state' | 'note' | 'on';

/** What is wrong with a give before it is sent (the backend checks it again). */
export function giveErrors(
  form: { kind: GiveKind; state: GiveState; note: string; on: string },
  today: string,
): Partial<Record<GiveField, string>> {
  const errors: Partial<Record<GiveField, string>> = {};
  if (form.kind === 'other' && form.note.trim() === '') errors.note = 'Say in a few words what it is.';
  if (!isValidDay(form.on)) errors.on = 'Please choose a day.';
  else if (form.state === 'done' && daysBetween(today, form.on) > 0)
    errors.on = 'Something done can’t be in the future; choose today or an earlier day.';
  return errors;
}

/** Newest first; the later one first on the same day. */
export function newestFirst(gives: readonly Give[]): Give[] {
  return [...gives].sort((a, b) => (a.on === b.on ? b.id - a.id : a.on < b.on ? 1 : -1));
}

/** An idea or an offer can be marked as done. */
export function canMarkDone(give: Give): boolean {
  return give.state !== 'done';
}

/** What the user did or offered for a peer: the help that goes their way (thanks aside). */
export function helpGiven(gives: readonly Give[]): Give[] {
  return newestFirst(gives.filter((g) => g.kind !== 'thanks' && g.state !== 'idea'));
}

/** "1 ask", "4 asks". */
export function countText(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Last 6 months: 4 asks, 1 give, 2 thank-yous". */
export function balanceText(b: Balance): string {
  const span = b.months === 1 ? 'Last month' : `Last ${b.months} months`;
  return `${span}: ${countText(b.asks, 'ask')}, ${countText(b.gives, 'give')}, ${countText(b.thanks, 'thank-you')}`;
}

/** Said once, gently, when the balance is all asks: never an alarm. */
export const ALL_TAKE_NOTE =
  "It's been all asks lately. A relationship that is all take fades: perhaps share an article, make an introduction, or offer help with something you know.";

// ---------- Co-mentoring ----------

export function isPeer(m: Pick<Mentor, 'roles'>): boolean {
  return m.roles.includes('peer');
}

/** A mentor as the form edits them (without id, addedOn, sample, coMentoring). */
export function mentorDraft(m: Mentor): MentorDraft {
  return draftFromMentor(m);
}

/** The same mentor, now also a peer: the help goes both ways. */
export function peerDraft(m: Mentor): MentorDraft {
  const draft = mentorDraft(m);
  return isPeer(m) ? draft : { ...draft, roles: [...draft.roles, 'peer'] };
}

// ---------- The pre-meeting brief ----------

export type BriefSection = 'questions' | 'closeTheLoop' | 'goals' | 'toThank' | 'offered' | 'coMentoring';

export const BRIEF_TITLES: Record<BriefSection, string> = {
  questions: 'Questions to ask',
  closeTheLoop: 'Close the loop',
  goals: "Goals you're working on together",
  toThank: 'Thank them for',
  offered: 'You offered to',
  coMentoring: 'Helping each other',
};

/** The brief's sections that have something in them, in the order they are shown. */
export function briefSections(brief: Brief): BriefSection[] {
  const shown: BriefSection[] = [];
  if (brief.openQuestions.length > 0) shown.push('questions');
  if (brief.closeTheLoop.length > 0) shown.push('closeTheLoop');
  if (brief.goals.length > 0) shown.push('goals');
  if (brief.toThank.length > 0) shown.push('toThank');
  if (brief.offered.length > 0) shown.push('offered');
  const co = brief.coMentoring;
  if (co && (co.theyHelpWith.trim() !== '' || co.iHelpWith.trim() !== '')) shown.push('coMentoring');
  return shown;
}

/** Longest part of the last catch-up's note shown in the brief, as the backend's copy. */
export const SUMMARY_CHARS = 280;

/** The start of a note on one line, cut at a word and marked when cut. */
export function noteSummary(note: string, max = SUMMARY_CHARS): string {
  const flat = note.split(/\s+/).filter((w) => w !== '').join(' ');
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

/** "Adopted", "Declined, because …": advice's status with its reason, for a list. */
export function adviceStanding(a: Pick<Advice, 'status' | 'reason'>): string {
  const word = adviceStatusLabel(a.status);
  return a.status === 'declined' && a.reason.trim() !== '' ? `${word}: ${a.reason}` : word;
}

// ---------- Before they joined the circle ----------

export const STAGE_LABELS: Record<Stage, string> = {
  identified: 'Identified',
  reachedOut: 'Reached out',
  informalChat: 'Informal chat',
  gaugingFit: 'Gauging fit',
  mentor: 'In your circle',
  notNow: 'Not now',
};

export const SOURCE_LABELS: Record<ProspectSource, string> = {
  professor: 'Professor',
  formerBoss: 'Former boss',
  formerColleague: 'Former colleague',
  professionalAssociation: 'Professional association',
  informationalInterview: 'Informational interview',
  interviewer: 'Interviewed you',
  event: 'Event',
  other: 'Other',
};

export function stageLabel(stage: Stage): string {
  return STAGE_LABELS[stage];
}

export function sourceLabel(source: ProspectSource): string {
  return SOURCE_LABELS[source];
}
