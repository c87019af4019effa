// The nudge settings form and the snooze choices, as pure functions: minutes after
// midnight ⇄ "HH:MM", the form ⇄ `NudgeSettings`, the checks (the same the backend
// makes, in the same words) and the hints shown next to the fields.
import type { NudgeSettings } from '../../bindings/NudgeSettings';
import type { QuietHours } from '../../bindings/QuietHours';
import type { Snooze } from '../../bindings/Snooze';
import { type IsoDay, addDays, daysBetween, isValidDay, shortDate } from '../../ui/dates';

const MINUTES_A_DAY = 24 * 60;

/** Quiet hours when the user turns them on: 21:00 until 08:00 (the backend's default). */
export const DEFAULT_QUIET: Readonly<QuietHours> = { fromMinute: 21 * 60, untilMinute: 8 * 60 };
/** The most notifications a day the user may allow (as the backend). */
export const MAX_DAILY_CAP = 20;
/** How far ahead nudges can be paused or a mentor snoozed (as the backend). */
export const MAX_PAUSE_DAYS = 366;

/** 1260 → "21:00". Wraps around midnight, so any whole number gives a time of day. */
export function minutesToTime(minutes: number): string {
  const m = ((Math.round(minutes) % MINUTES_A_DAY) + MINUTES_A_DAY) % MINUTES_A_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "21:00" (or "21:00:00", as a time input may give) → 1260; `null` when it is not a time of day. */
export function timeToMinutes(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** The settings form's values, as the fields hold them. */
export interface NudgeForm {
  showNames: boolean;
  quietOn: boolean;
  /** "HH:MM" */
  quietFrom: string;
  /** "HH:MM" */
  quietUntil: string;
  dailyCap: string;
  /** `YYYY-MM-DD`, or empty for "not paused". */
  pausedUntil: string;
}

/** The backend's names for the fields it may find fault with. */
export type NudgeField = 'quietHours' | 'dailyCap' | 'pausedUntil';
export type NudgeErrors = Partial<Record<NudgeField, string>>;

const FIELD_ORDER: readonly NudgeField[] = ['quietHours', 'dailyCap', 'pausedUntil'];

export function formFromSettings(s: NudgeSettings): NudgeForm {
  const quiet = s.quietHours ?? DEFAULT_QUIET;
  return {
    showNames: s.showNames,
    quietOn: s.quietHours !== null,
    quietFrom: minutesToTime(quiet.fromMinute),
    quietUntil: minutesToTime(quiet.untilMinute),
    dailyCap: String(s.dailyCap),
    pausedUntil: s.pausedUntil ?? '',
  };
}

function parseCap(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= MAX_DAILY_CAP ? n : null;
}

/** What is wrong with the form, field by field; empty when it can be saved. */
export function validateNudgeForm(form: NudgeForm, today: IsoDay): NudgeErrors {
  const errors: NudgeErrors = {};
  if (form.quietOn) {
    const from = timeToMinutes(form.quietFrom);
    const until = timeToMinutes(form.quietUntil);
    if (from === null || until === null) errors.quietHours = 'Enter both times, like 21:00 and 08:00.';
    else if (from === until) errors.quietHours = 'Quiet hours need different start and end times, or turn them off.';
  }
  if (parseCap(form.dailyCap) === null) {
    errors.dailyCap = `Allow between 1 and ${MAX_DAILY_CAP} notifications a day.`;
  }
  const paused = form.pausedUntil.trim();
  if (paused !== '') {
    if (!isValidDay(paused)) errors.pausedUntil = 'Enter a whole date, or leave it empty to keep nudges coming.';
    else if (daysBetween(today, paused) <= 0) errors.pausedUntil = 'Choose a day after today to resume nudges.';
    else if (daysBetween(today, paused) > MAX_PAUSE_DAYS) errors.pausedUntil = 'Nudges can be paused for up to a year.';
  }
  return errors;
}

/** The first field with a message, in the order the form shows them. */
export function firstNudgeError(errors: NudgeErrors): NudgeField | undefined {
  return FIELD_ORDER.find((f) => errors[f] !== undefined);
}

/** The settings a valid form stands for (check it with `validateNudgeForm` first). */
export function settingsFromForm(form: NudgeForm): NudgeSettings {
  const from = timeToMinutes(form.quietFrom);
  const until = timeToMinutes(form.quietUntil);
  const paused = form.pausedUntil.trim();
  return {
    pausedUntil: paused === '' ? null : paused,
    quietHours: form.quietOn && from !== null && until !== null ? { fromMinute: from, untilMinute: until } : null,
    dailyCap: parseCap(form.dailyCap) ?? Number(form.dailyCap.trim()),
    showNames: form.showNames,
  };
}

/** Whether two forms would save the same settings (what the user sees, not how it was typed). */
export function sameNudgeForm(a: NudgeForm, b: NudgeForm): boolean {
  const quiet = (f: NudgeForm) => (f.quietOn ? `${timeToMinutes(f.quietFrom)}-${timeToMinutes(f.quietUntil)}` : 'off');
  return (
    a.showNames === b.showNames &&
    quiet(a) === quiet(b) &&
    a.dailyCap.trim() === b.dailyCap.trim() &&
    a.pausedUntil.trim() === b.pausedUntil.trim()
  );
}

/** The line under the quiet hours: what they mean, in words. */
export function quietHint(form: NudgeForm): string {
  if (!form.quietOn) return 'Notifications may arrive at any hour.';
  const from = timeToMinutes(form.quietFrom);
  const until = timeToMinutes(form.quietUntil);
  if (from === null || until === null || from === until) return 'No notifications between these times.';
  const next = until < from ? ' the next morning' : '';
  return `No notifications from ${minutesToTime(from)} until ${minutesToTime(until)}${next}; anything due waits until then.`;
}

/** "Nudges are paused; they resume on Sat 28 Nov." — `null` when nudges are not paused. */
export function pausedText(pausedUntil: IsoDay | null, today: IsoDay): string | null {
  if (pausedUntil === null || !isValidDay(pausedUntil) || daysBetween(today, pausedUntil) <= 0) return null;
  return `Nudges are paused; they resume on ${shortDate(pausedUntil, today)}.`;
}

// ---------- Snoozing one mentor ----------

export type SnoozeKind = Exclude<Snooze['kind'], 'until'>;

/** The quick snooze choices, in the order the menu shows them. */
export const SNOOZE_CHOICES: ReadonlyArray<{ kind: SnoozeKind; label: string }> = [
  { kind: 'tomorrow', label: 'Tomorrow' },
  { kind: 'thisWeekend', label: 'This weekend' },
  { kind: 'nextWeek', label: 'Next week' },
];

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(iso: IsoDay): number {
  const n = daysBetween('1970-01-01', iso);
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** The next `weekday` strictly after `today` (a week ahead when today is that day). */
function nextWeekday(today: IsoDay, weekday: number): IsoDay {
  const ahead = (weekday - weekdayOf(today) + 7) % 7;
  return addDays(today, ahead === 0 ? 7 : ahead);
}

/**
 * The day nudges would resume after a quick snooze chosen on `today`, as the backend
 * works it out: tomorrow, the coming Saturday, the coming Monday.
 */
export function snoozeDay(kind: SnoozeKind, today: IsoDay): IsoDay {
  switch (kind) {
    case 'tomorrow':
      return addDays(today, 1);
    case 'thisWeekend':
      return nextWeekday(today, 6);
    case 'nextWeek':
      return nextWeekday(today, 1);
  }
}

/** A message for a picked snooze date, or `null` when the backend will take it. */
export function snoozeDateError(until: string, today: IsoDay): string | null {
  if (until.trim() === '' || !isValidDay(until.trim())) return 'Choose the day nudges should resume.';
  const ahead = daysBetween(today, until.trim());
  if (ahead <= 0) return 'Choose a day after today to snooze until.';
  if (ahead > MAX_PAUSE_DAYS) return 'A snooze can last up to a year.';
  return null;
}

/** "Nudges about Ana are snoozed until Sat 28 Nov" */
export function snoozedMessage(name: string, until: IsoDay, today: IsoDay): string {
  return `Nudges about ${name} are snoozed until ${shortDate(until, today)}`;
}
