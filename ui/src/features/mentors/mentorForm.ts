// The add/edit mentor form as data: its starting values, the checks it makes before
// saving (mirroring the backend's, which stays the authority) and the draft it sends.
// Pure, so it can be tested without a window.
import type { Mentor } from '../../bindings/Mentor';
import type { MentorChecks } from '../../bindings/MentorChecks';
import type { MentorDraft } from '../../bindings/MentorDraft';
import type { MentorStatus } from '../../bindings/MentorStatus';
import type { Mode } from '../../bindings/Mode';
import type { Purpose } from '../../bindings/Purpose';
import type { Role } from '../../bindings/Role';
import type { Term } from '../../bindings/Term';
import { daysBetween, parseDay } from '../../ui/dates';
import { type CheckKey, CHECKS, MODES, PURPOSES, ROLES } from './labels';

/** Every field the form can point at; the backend names the same ones (except status). */
export type MentorField =
  | 'name'
  | 'organisation'
  | 'roles'
  | 'status'
  | 'cadenceDays'
  | 'maxGapDays'
  | 'modes'
  | 'startsOn'
  | 'reviewOn'
  | 'situation'
  | 'ownPurpose'
  | 'confidentiality'
  | 'expertise'
  | 'howWeMet'
  | 'email'
  | 'phone'
  | 'linkedin'
  | 'checkExperience'
  | 'checkValues'
  | 'checkAccountability'
  | 'checkTime';

/** The field of each check's note. */
export const CHECK_FIELDS: Record<CheckKey, MentorField> = {
  experience: 'checkExperience',
  values: 'checkValues',
  accountability: 'checkAccountability',
  time: 'checkTime',
};

/** The form's order: the first field at fault is the one to focus. */
export const FIELD_ORDER: readonly MentorField[] = [
  'name',
  'organisation',
  'roles',
  'status',
  'cadenceDays',
  'maxGapDays',
  'modes',
  'startsOn',
  'reviewOn',
  'situation',
  'ownPurpose',
  'confidentiality',
  'expertise',
  'howWeMet',
  'email',
  'phone',
  'linkedin',
  'checkExperience',
  'checkValues',
  'checkAccountability',
  'checkTime',
];

export const PROFILE_FIELDS: readonly MentorField[] = ['expertise', 'howWeMet', 'email', 'phone', 'linkedin'];
export const CHECK_NOTE_FIELDS: readonly MentorField[] = ['checkExperience', 'checkValues', 'checkAccountability', 'checkTime'];

export const DEFAULT_CADENCE_DAYS = 28;
export const MAX_CADENCE_DAYS = 730;
export const MAX_GAP_DAYS = 1095;
const MAX_NAME_CHARS = 120;
export const MAX_DETAIL_CHARS = 1000;
const MAX_OWN_PURPOSE_CHARS = 240;
/** A fixed period, when the user picks one without a date yet: about three months. */
export const DEFAULT_PERIOD_DAYS = 91;

export interface MentorForm {
  name: string;
  organisation: string;
  roles: Role[];
  sameCompany: boolean;
  status: MentorStatus;
  /** Number inputs, as typed. */
  cadence: string;
  maxGap: string;
  /** Most preferred first. */
  modes: Mode[];
  term: Term;
  startsOn: string;
  /** '' for none. */
  reviewOn: string;
  situation: string;
  purposes: Purpose[];
  ownPurpose: string;
  confidentiality: string;
  expertise: string;
  howWeMet: string;
  email: string;
  phone: string;
  linkedin: string;
  checks: MentorChecks;
}

export type FormErrors = Partial<Record<MentorField, string>>;

function emptyChecks(): MentorChecks {
  return {
    experience: { met: false, note: '' },
    values: { met: false, note: '' },
    accountability: { met: false, note: '' },
    time: { met: false, note: '' },
  };
}

/** A new mentor: active, talking every 4 weeks (never more than 8) in person, from today. */
export function newForm(today: string): MentorForm {
  return {
    name: '',
    organisation: '',
    roles: [],
    sameCompany: false,
    status: 'active',
    cadence: String(DEFAULT_CADENCE_DAYS),
    maxGap: String(DEFAULT_CADENCE_DAYS * 2),
    modes: ['inPerson'],
    term: 'ongoing',
    startsOn: today,
    reviewOn: '',
    situation: '',
    purposes: [],
    ownPurpose: '',
    confidentiality: '',
    expertise: '',
    howWeMet: '',
    email: '',
    phone: '',
    linkedin: '',
    checks: emptyChecks(),
  };
}

export function formFromMentor(m: Mentor): MentorForm {
  const a = m.agreement;
  return {
    name: m.name,
    organisation: m.organisation,
    roles: [...m.roles],
    sameCompany: m.sameCompany,
    status: m.status,
    cadence: String(a.cadenceDays),
    maxGap: String(a.maxGapDays),
    modes: [...a.modes],
    term: a.term,
    startsOn: a.startsOn,
    reviewOn: a.reviewOn ?? '',
    situation: a.situation,
    purposes: [...a.purposes],
    ownPurpose: a.ownPurpose,
    confidentiality: a.confidentiality,
    expertise: m.expertise,
    howWeMet: m.howWeMet,
    email: m.contact.email,
    phone: m.contact.phone,
    linkedin: m.contact.linkedin,
    checks: {
      experience: { ...m.checks.experience },
      values: { ...m.checks.values },
      accountability: { ...m.checks.accountability },
      time: { ...m.checks.time },
    },
  };
}

export function sameForm(a: MentorForm, b: MentorForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function wholeDays(text: string): number | null {
  const t = text.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

/** Double the cadence (as typed), within the longest allowed gap; null when it is not a number yet. */
export function defaultMaxGap(cadence: string): string | null {
  const n = wholeDays(cadence);
  if (n === null || n < 1) return null;
  return String(Math.min(n * 2, MAX_GAP_DAYS));
}

/** Whether the longest gap still follows the cadence (it was never set apart from it). */
export function maxGapFollowsCadence(form: Pick<MentorForm, 'cadence' | 'maxGap'>): boolean {
  return defaultMaxGap(form.cadence) === form.maxGap.trim();
}

/** The profile section holds something worth showing when editing. */
export function hasProfile(form: MentorForm): boolean {
  return [form.expertise, form.howWeMet, form.email, form.phone, form.linkedin].some((s) => s.trim() !== '');
}

/** The four checks hold something worth showing when editing. */
export function hasChecks(form: MentorForm): boolean {
  return CHECKS.some(({ value }) => form.checks[value].met || form.checks[value].note.trim() !== '');
}

function chars(text: string): number {
  return [...text].length;
}

function tooLong(text: string, max: number, what: string): string | undefined {
  const n = chars(text.trim());
  return n > max ? `${what} is ${n} characters long; keep it to ${max} at most.` : undefined;
}

/** `name@domain.tld`, no spaces, one @. Deliberately loose: the address is only shown. */
export function looksLikeEmail(text: string): boolean {
  const at = text.indexOf('@');
  if (at < 0) return false;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  return (
    text.length <= 254 &&
    local !== '' &&
    !domain.includes('@') &&
    domain.includes('.') &&
    !domain.startsWith('.') &&
    !domain.endsWith('.') &&
    !/\s/.test(text)
  );
}

export function looksLikePhone(text: string): boolean {
  const digits = (text.match(/[0-9]/g) ?? []).length;
  return chars(text) <= 40 && digits >= 5 && digits <= 20 && /^[0-9 +\-().]+$/.test(text);
}

/** An `http(s)://` address with a host that has a dot in it, and no spaces. */
export function isWebAddress(text: string): boolean {
  const lower = text.toLowerCase();
  let rest: string;
  if (lower.startsWith('https://')) rest = lower.slice(8);
  else if (lower.startsWith('http://')) rest = lower.slice(7);
  else return false;
  let host = rest.split(/[/?#]/)[0] ?? '';
  host = host.slice(host.lastIndexOf('@') + 1);
  host = host.split(':')[0] ?? '';
  return (
    text.length <= 2000 &&
    !/[\s\p{Cc}]/u.test(text) &&
    host.includes('.') &&
    host.split('.').every((label) => /^[\p{L}\p{N}-]+$/u.test(label))
  );
}

function checkDay(iso: string, what: string): string | undefined {
  const day = parseDay(iso);
  if (!day) return undefined;
  return day.year < 1900 ? `${what} is too far from today; check the year.` : undefined;
}

/** What to fix before saving, by field. Empty when the form looks fine. */
export function validateMentorForm(form: MentorForm): FormErrors {
  const e: FormErrors = {};
  if (!form.name.trim()) e.name = 'Give your mentor a name.';
  else e.name = tooLong(form.name, MAX_NAME_CHARS, 'The name');
  e.organisation = tooLong(form.organisation, MAX_NAME_CHARS, 'The organisation');
  if (form.roles.length === 0) e.roles = 'Pick at least one role this mentor plays in your circle.';

  const cadence = wholeDays(form.cadence);
  if (cadence === null || cadence < 1) {
    e.cadenceDays = 'Choose how often to talk, in whole days: at least every day.';
  } else if (cadence > MAX_CADENCE_DAYS) {
    e.cadenceDays = `That is longer than two years; choose ${MAX_CADENCE_DAYS} days or fewer.`;
  }
  const maxGap = wholeDays(form.maxGap);
  if (maxGap === null) {
    e.maxGapDays = 'Choose the longest gap, in whole days.';
  } else if (cadence !== null && cadence >= 1 && maxGap < cadence) {
    e.maxGapDays = `The longest gap can't be shorter than how often you talk: choose ${cadence} days or more.`;
  } else if (maxGap > MAX_GAP_DAYS) {
    e.maxGapDays = `That is longer than three years; choose ${MAX_GAP_DAYS} days or fewer.`;
  }
  if (form.modes.length === 0) e.modes = 'Pick at least one way you like to talk.';

  const startsOk = parseDay(form.startsOn) !== null;
  if (!startsOk) e.startsOn = 'Choose the day the agreement starts.';
  else e.startsOn = checkDay(form.startsOn, 'The start date');
  if (form.reviewOn.trim() === '') {
    if (form.term === 'fixedPeriod') e.reviewOn = 'A fixed-period agreement needs an end or review date.';
  } else if (parseDay(form.reviewOn) === null) {
    e.reviewOn =
      form.term === 'fixedPeriod'
        ? 'Choose the day the agreement ends or gets a review.'
        : 'Choose a whole date, or leave the end or review date empty.';
  } else if (startsOk && daysBetween(form.startsOn, form.reviewOn) < 0) {
    e.reviewOn = 'The end or review date is before the start date: pick a later day.';
  } else {
    e.reviewOn = checkDay(form.reviewOn, 'The end or review date');
  }
  if (form.term === 'oneOff') {
    if (!form.situation.trim()) e.situation = 'Say which situation this one-off agreement is for.';
    else e.situation = tooLong(form.situation, MAX_DETAIL_CHARS, 'The situation');
  }
  e.ownPurpose = tooLong(form.ownPurpose, MAX_OWN_PURPOSE_CHARS, 'Your own purpose');
  e.confidentiality = tooLong(form.confidentiality, MAX_DETAIL_CHARS, 'The confidentiality note');

  e.expertise = tooLong(form.expertise, MAX_DETAIL_CHARS, 'Areas of expertise');
  e.howWeMet = tooLong(form.howWeMet, MAX_DETAIL_CHARS, 'How you met');
  const email = form.email.trim();
  if (email && !looksLikeEmail(email)) {
    e.email = 'That email address doesn’t look right: it needs a name, an @ and a domain, like ana@example.com.';
  }
  const phone = form.phone.trim();
  if (phone && !looksLikePhone(phone)) {
    e.phone = 'That phone number doesn’t look right: use digits, spaces and + - ( ) only.';
  }
  const linkedin = form.linkedin.trim();
  if (linkedin && !isWebAddress(linkedin)) {
    e.linkedin = 'That is not a web address: paste the whole link, starting with https://';
  }
  for (const { value } of CHECKS) {
    e[CHECK_FIELDS[value]] = tooLong(form.checks[value].note, MAX_DETAIL_CHARS, 'The note');
  }

  const found: FormErrors = {};
  for (const field of FIELD_ORDER) {
    const message = e[field];
    if (message) found[field] = message;
  }
  return found;
}

/** The first field at fault, in the form's order. */
export function firstError(errors: FormErrors): MentorField | undefined {
  return FIELD_ORDER.find((f) => errors[f]);
}

/** What the form sends: trimmed text, lists in a stable order, no situation unless one-off. */
export function draftFromForm(form: MentorForm): MentorDraft {
  const check = (key: CheckKey) => ({ met: form.checks[key].met, note: form.checks[key].note.trim() });
  return {
    name: form.name.trim(),
    organisation: form.organisation.trim(),
    roles: ROLES.map((r) => r.value).filter((r) => form.roles.includes(r)),
    sameCompany: form.sameCompany,
    expertise: form.expertise.trim(),
    howWeMet: form.howWeMet.trim(),
    contact: { email: form.email.trim(), phone: form.phone.trim(), linkedin: form.linkedin.trim() },
    status: form.status,
    checks: {
      experience: check('experience'),
      values: check('values'),
      accountability: check('accountability'),
      time: check('time'),
    },
    agreement: {
      cadenceDays: Number(form.cadence.trim()),
      maxGapDays: Number(form.maxGap.trim()),
      // The user's order: the first is the quick log's default.
      modes: form.modes.filter((m, i) => MODES.some((x) => x.value === m) && form.modes.indexOf(m) === i),
      term: form.term,
      startsOn: form.startsOn,
      reviewOn: form.reviewOn.trim() === '' ? null : form.reviewOn,
      situation: form.term === 'oneOff' ? form.situation.trim() : '',
      purposes: PURPOSES.map((p) => p.value).filter((p) => form.purposes.includes(p)),
      ownPurpose: form.ownPurpose.trim(),
      confidentiality: form.confidentiality.trim(),
    },
  };
}

/** A mentor as a draft again: to put an agreement back as it was (undo a renewal). */
export function draftFromMentor(m: Mentor): MentorDraft {
  return {
    name: m.name,
    organisation: m.organisation,
    roles: [...m.roles],
    sameCompany: m.sameCompany,
    expertise: m.expertise,
    howWeMet: m.howWeMet,
    contact: { ...m.contact },
    status: m.status,
    checks: {
      experience: { ...m.checks.experience },
      values: { ...m.checks.values },
      accountability: { ...m.checks.accountability },
      time: { ...m.checks.time },
    },
    agreement: { ...m.agreement, modes: [...m.agreement.modes], purposes: [...m.agreement.purposes] },
  };
}
