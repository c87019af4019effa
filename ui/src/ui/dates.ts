// Calendar-day arithmetic and the words people use for dates.
//
// Everything here is pure: "today" is always passed in (the backend decides it,
// in the user's local calendar), and days are ISO strings `YYYY-MM-DD`. No
// `Date` objects are involved, so time zones and daylight saving cannot shift a day.

export type IsoDay = string;

interface Civil {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const WEEKDAYS_LONG: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const MONTHS_LONG: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
function daysFromCivil({ year, month, day }: Civil): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): Civil {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Parses `YYYY-MM-DD`; `null` when it is not a real calendar day. */
export function parseDay(iso: IsoDay): Civil | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const civil = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = civilFromDays(daysFromCivil(civil));
  if (back.year !== civil.year || back.month !== civil.month || back.day !== civil.day) return null;
  return civil;
}

export function isValidDay(iso: IsoDay): boolean {
  return parseDay(iso) !== null;
}

export function formatDay(c: Civil): IsoDay {
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}

function dayNumber(iso: IsoDay): number {
  const c = parseDay(iso);
  return c ? daysFromCivil(c) : NaN;
}

/** The day `n` days after `iso` (before, when `n` is negative). */
export function addDays(iso: IsoDay, n: number): IsoDay {
  const d = dayNumber(iso);
  if (Number.isNaN(d)) return iso;
  return formatDay(civilFromDays(d + n));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return dayNumber(to) - dayNumber(from);
}

function weekday(iso: IsoDay): number {
  const d = dayNumber(iso);
  return (((d + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** "Tue 14 Apr", with the year added when it is not this year: "Mon 14 Apr 2025". */
export function shortDate(iso: IsoDay, today: IsoDay): string {
  const c = parseDay(iso);
  if (!c) return iso;
  const base = `${WEEKDAYS_SHORT[weekday(iso)]} ${c.day} ${MONTHS_SHORT[c.month - 1]}`;
  const t = parseDay(today);
  return t && t.year === c.year ? base : `${base} ${c.year}`;
}

/** "Tue 14 Apr 2026": a day with its year, whatever the year. */
export function dayWithYear(iso: IsoDay): string {
  const c = parseDay(iso);
  if (!c) return iso;
  return `${WEEKDAYS_SHORT[weekday(iso)]} ${c.day} ${MONTHS_SHORT[c.month - 1]} ${c.year}`;
}

/** "Tuesday 14 April 2026": the exact date, for hover titles. */
export function longDate(iso: IsoDay): string {
  const c = parseDay(iso);
  if (!c) return iso;
  return `${WEEKDAYS_LONG[weekday(iso)]} ${c.day} ${MONTHS_LONG[c.month - 1]} ${c.year}`;
}

/** "1 June 2027": a day as a plan names it, without the weekday. */
export function fullDate(iso: IsoDay): string {
  const c = parseDay(iso);
  if (!c) return iso;
  return `${c.day} ${MONTHS_LONG[c.month - 1]} ${c.year}`;
}

/** "today", "tomorrow", "yesterday", otherwise "Tue 14 Apr". */
export function dayLabel(iso: IsoDay, today: IsoDay): string {
  const n = daysBetween(today, iso);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return shortDate(iso, today);
}

function plural(n: number, one: string, many: string = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// Whole calendar months from `from` to `to` (from <= to), counting a month only
// once its day of the month is reached: 31 Jan -> 28 Feb is 0 months.
function wholeMonths(from: IsoDay, to: IsoDay): number {
  const a = parseDay(from);
  const b = parseDay(to);
  if (!a || !b) return 0;
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (b.day < a.day) months -= 1;
  return Math.max(0, months);
}

function spanWords(earlier: IsoDay, later: IsoDay): string {
  const n = daysBetween(earlier, later);
  if (n < 7) return plural(n, 'day');
  const months = wholeMonths(earlier, later);
  if (months < 2) return plural(Math.floor(n / 7), 'week');
  if (months < 12) return plural(months, 'month');
  return plural(Math.floor(months / 12), 'year');
}

/** "today", "yesterday", "3 days ago", "3 weeks ago", "2 months ago", "tomorrow", "in 3 weeks". */
export function relativeDay(iso: IsoDay, today: IsoDay): string {
  const n = daysBetween(today, iso);
  if (Number.isNaN(n)) return iso;
  if (n === 0) return 'today';
  if (n === -1) return 'yesterday';
  if (n === 1) return 'tomorrow';
  return n < 0 ? `${spanWords(iso, today)} ago` : `in ${spanWords(today, iso)}`;
}

/** How long since a day, as in "it's been 5 weeks": "3 days", "5 weeks", "2 months". */
export function timeSince(iso: IsoDay, today: IsoDay): string {
  const n = daysBetween(iso, today);
  if (Number.isNaN(n) || n <= 0) return 'today';
  return spanWords(iso, today);
}

/** A length of time in days, rounded the way people say it: "9 days", "3 weeks", "2 months". */
export function durationWords(days: number): string {
  const n = Math.max(0, Math.round(days));
  if (n < 14) return plural(n, 'day');
  if (n < 60) return plural(Math.round(n / 7), 'week');
  if (n < 365) return plural(Math.round(n / 30.44), 'month');
  return plural(Math.round(n / 365.25), 'year');
}
