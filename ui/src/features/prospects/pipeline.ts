// The prospect pipeline in words and as data: stages and sources as the user says them,
// the list grouped by stage, the add/edit form, and a prospect welcomed into the circle
// as a filled-in mentor form. Pure, so it can be tested without a window.
import type { Outreach } from '../../bindings/Outreach';
import type { Prospect } from '../../bindings/Prospect';
import type { ProspectDraft } from '../../bindings/ProspectDraft';
import type { ProspectSource } from '../../bindings/ProspectSource';
import type { Role } from '../../bindings/Role';
import type { Stage } from '../../bindings/Stage';
import { isValidDay } from '../../ui/dates';
import { ROLES, roleLabel } from '../mentors/labels';
import { MAX_DETAIL_CHARS, type MentorForm, looksLikeEmail, newForm } from '../mentors/mentorForm';

/** Every stage, in pipeline order: the order of the headings on the Prospects place. */
export const STAGES: ReadonlyArray<{ value: Stage; label: string }> = [
  { value: 'identified', label: 'Identified' },
  { value: 'reachedOut', label: 'Reached out' },
  { value: 'informalChat', label: 'Informal chat' },
  { value: 'gaugingFit', label: 'Gauging fit' },
  { value: 'notNow', label: 'Not now' },
  { value: 'mentor', label: 'In your circle' },
];

/** The stages a prospect can be moved to by hand: becoming a mentor is "Welcome to the circle". */
export const MOVABLE_STAGES = STAGES.filter((s) => s.value !== 'mentor');

export const SOURCES: ReadonlyArray<{ value: ProspectSource; label: string }> = [
  { value: 'professor', label: 'Professor' },
  { value: 'formerBoss', label: 'Former boss' },
  { value: 'formerColleague', label: 'Former colleague' },
  { value: 'professionalAssociation', label: 'Professional association' },
  { value: 'informationalInterview', label: 'Informational interview' },
  { value: 'interviewer', label: 'Interviewed you' },
  { value: 'event', label: 'Event' },
  { value: 'other', label: 'Other' },
];

/** What the "Where you found them" select shows for "not known". */
export const NO_SOURCE_LABEL = '—';

/** A line under each stage's heading: where things stand, without pressure. */
const STAGE_HINTS: Record<Stage, string> = {
  identified: 'People you might ask one day.',
  reachedOut: 'Waiting to hear back: no need to chase.',
  informalChat: 'Getting to know each other over a coffee or a call.',
  gaugingFit: 'Seeing whether it fits, for both of you.',
  notNow: 'Kept here, without pressure.',
  mentor: 'Now in your circle; their history as a prospect stays on their page.',
};

export function stageHint(stage: Stage): string {
  return STAGE_HINTS[stage];
}

/** "1 person", "3 people". */
export function peopleText(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}

export function stageLabel(stage: Stage): string {
  return STAGES.find((s) => s.value === stage)?.label ?? stage;
}

/** The source in words; empty when not known. */
export function sourceLabel(source: ProspectSource | null): string {
  if (source === null) return '';
  return SOURCES.find((s) => s.value === source)?.label ?? source;
}

/** A select's value back to a source: '' is "not known". */
export function sourceFromValue(value: string): ProspectSource | null {
  return SOURCES.find((s) => s.value === value)?.value ?? null;
}

export interface StageGroup {
  stage: Stage;
  label: string;
  prospects: Prospect[];
}

/** Prospects under their stage, in pipeline order, each group in the list's order; empty stages left out. */
export function groupByStage(prospects: readonly Prospect[]): StageGroup[] {
  return STAGES.map((s) => ({ stage: s.value, label: s.label, prospects: prospects.filter((p) => p.stage === s.value) })).filter(
    (g) => g.prospects.length > 0,
  );
}

/** Prospects who could fill `role` (all of them when no role is asked for). */
export function couldFill(prospects: readonly Prospect[], role: Role | null): Prospect[] {
  return role === null ? [...prospects] : prospects.filter((p) => p.couldFill.includes(role));
}

/** A role as a sentence names it: "adviser", "network connector". */
export function roleInSentence(role: Role): string {
  const label = roleLabel(role);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The heading of the Prospects place filtered to a role the circle is missing. */
export function roleFilterHeading(role: Role): string {
  return `Prospects who could be your ${roleInSentence(role)}`;
}

/** What the filtered place says when nobody could fill the role yet. */
export function roleFilterEmptyText(role: Role): string {
  return `No prospects who could be your ${roleInSentence(role)} yet.`;
}

/** "Reached out to 2 this week", with " of 3" when the user set a weekly cap. */
export function outreachText(outreach: Outreach): string {
  const base = `Reached out to ${outreach.thisWeek} this week`;
  return outreach.cap === null ? base : `${base} of ${outreach.cap}`;
}

/** The weekly caps offered. */
export const CAP_CHOICES: readonly number[] = [1, 2, 3, 5, 10];

/** The "Weekly outreach cap" options: no cap, the usual ones, and the cap in force if it is another. */
export function capChoices(cap: number | null): Array<{ value: string; label: string }> {
  const caps = cap === null || CAP_CHOICES.includes(cap) ? CAP_CHOICES : [...CAP_CHOICES, cap].sort((a, b) => a - b);
  return [{ value: '', label: 'No cap' }, ...caps.map((n) => ({ value: String(n), label: String(n) }))];
}

export function capValue(cap: number | null): string {
  return cap === null ? '' : String(cap);
}

export function capFromValue(value: string): number | null {
  return value === '' ? null : Number(value);
}

/** The toast once a cap is saved. */
export function capSavedText(cap: number | null): string {
  return cap === null ? 'No weekly outreach cap.' : `At most ${cap} a week: reaching out stays gentle.`;
}

/** The toast once a prospect moved along the pipeline. */
export function movedText(name: string, stage: Stage): string {
  return `Moved ${name} to “${stageLabel(stage)}”.`;
}

/** The toast once a prospect joined the circle. */
export function joinedText(name: string): string {
  return `${name} joined your circle. Their history as a prospect stays on their page.`;
}

// ---- The add/edit form ----

/** The form's fields the backend can name. "position" and "note" are kept, not shown. */
export type ProspectField =
  | 'name'
  | 'organisation'
  | 'source'
  | 'wants'
  | 'couldFill'
  | 'chemistry'
  | 'nextStep'
  | 'nextStepOn'
  | 'email'
  | 'profileUrl';

export const PROSPECT_FIELD_ORDER: readonly ProspectField[] = [
  'name',
  'organisation',
  'source',
  'wants',
  'couldFill',
  'chemistry',
  'nextStep',
  'nextStepOn',
  'email',
  'profileUrl',
];

export interface ProspectForm {
  name: string;
  organisation: string;
  /** '' for not known. */
  source: string;
  wants: string;
  couldFill: Role[];
  chemistry: string;
  nextStep: string;
  /** '' for none. */
  nextStepOn: string;
  email: string;
  profileUrl: string;
}

/** A new prospect; `role` ticked as one they could fill, when the user came from a missing role. */
export function newProspectForm(role: Role | null = null): ProspectForm {
  return {
    name: '',
    organisation: '',
    source: '',
    wants: '',
    couldFill: role === null ? [] : [role],
    chemistry: '',
    nextStep: '',
    nextStepOn: '',
    email: '',
    profileUrl: '',
  };
}

export function formFromProspect(p: Prospect): ProspectForm {
  return {
    name: p.name,
    organisation: p.organisation,
    source: p.source ?? '',
    wants: p.wants,
    couldFill: [...p.couldFill],
    chemistry: p.chemistry,
    nextStep: p.nextStep,
    nextStepOn: p.nextStepOn ?? '',
    email: p.email,
    profileUrl: p.profileUrl,
  };
}

export function sameProspectForm(a: ProspectForm, b: ProspectForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What to fix before saving; the backend checks the rest (lengths). */
export function validateProspect(form: ProspectForm): Partial<Record<ProspectField, string>> {
  const found: Partial<Record<ProspectField, string>> = {};
  if (form.name.trim() === '') found.name = 'Give the prospect a name.';
  if (form.nextStepOn !== '' && !isValidDay(form.nextStepOn)) {
    found.nextStepOn = 'Choose a day, or leave "Next step by" empty.';
  }
  const email = form.email.trim();
  if (email !== '' && !looksLikeEmail(email)) {
    found.email = 'That e-mail address doesn’t look right: it needs a name, an @ and a domain, like ana@example.com.';
  }
  return found;
}

/**
 * What the form sends: trimmed text, roles in the form's order. What the form does not
 * show (position, when connected, the note) is kept from `before` when editing.
 */
export function draftFromProspectForm(form: ProspectForm, before: Prospect | null = null): ProspectDraft {
  return {
    name: form.name.trim(),
    organisation: form.organisation.trim(),
    position: before?.position ?? '',
    email: form.email.trim(),
    profileUrl: form.profileUrl.trim(),
    connectedOn: before?.connectedOn ?? null,
    note: before?.note ?? '',
    source: sourceFromValue(form.source),
    wants: form.wants.trim(),
    chemistry: form.chemistry.trim(),
    couldFill: ROLES.map((r) => r.value).filter((r) => form.couldFill.includes(r)),
    nextStep: form.nextStep.trim(),
    nextStepOn: form.nextStepOn === '' ? null : form.nextStepOn,
  };
}

// ---- Welcome to the circle ----

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** "How you met" for a prospect welcomed in: where they were found, then the note. */
export function howWeMetText(p: Pick<Prospect, 'source' | 'note'>): string {
  const parts = [sourceLabel(p.source), p.note.trim()].filter((s) => s !== '');
  return cut(parts.join(' — '), MAX_DETAIL_CHARS);
}

/**
 * The add-mentor form for a prospect welcomed into the circle: what is known about them
 * filled in, the roles they could fill ticked (adviser when none was noted), the
 * agreement as for any new mentor.
 */
export function mentorFormFromProspect(p: Prospect, today: string): MentorForm {
  const roles = ROLES.map((r) => r.value).filter((r) => p.couldFill.includes(r));
  return {
    ...newForm(today),
    name: p.name,
    organisation: p.organisation,
    roles: roles.length > 0 ? roles : ['adviser'],
    howWeMet: howWeMetText(p),
    email: p.email,
    linkedin: p.profileUrl,
  };
}
