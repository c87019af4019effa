// Reading a date as a person types it, for the date fields (DateField.tsx). WebKitGTK's
// own date field takes keystrokes in the platform's order (mm/dd/yyyy), so "2026-11-07"
// typed into it became the year 0007; a plain text field read here takes what people
// write instead: "2026-11-07", "today", "7 Nov 2026", "Nov 7", or numbers in the order
// their locale writes them. Pure: "today", the order and the month names are passed in.
import { foldText } from './fold';
import { type IsoDay, MONTHS_LONG, WEEKDAYS_LONG, addDays, dayLabel, dayWithYear, daysBetween, formatDay, isValidDay, parseDay } from './dates';

/** The order a locale writes a day, month and year in numbers: 7/11/2026, 11/7/2026, 2026/11/7. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export type DateReading = { kind: 'empty' } | { kind: 'day'; iso: IsoDay } | { kind: 'unreadable' };

export interface ReadOptions {
  /** The local calendar day (the backend's), for "today", "yesterday" and a missing year. */
  today: IsoDay;
  /** How the user's locale orders numeric dates: read from `Intl` (see `localeWords`). */
  order: DateOrder;
  /** The locale's month names, by month (index 0: January), read besides the English ones. */
  months?: readonly (readonly string[])[];
  /** The locale's weekday names, by day (index 0: Sunday), besides the English ones. */
  weekdays?: readonly (readonly string[])[];
}

/** The one form of a date every field reads, whatever the locale. */
export const DATE_EXAMPLE = '2026-11-07';

/** Shown beside a date field whose text cannot be read as a day. */
export const UNREADABLE_TEXT = `Type a date like ${DATE_EXAMPLE}`;

/** What a date field shows before anything is typed: the one form it always reads. */
export const DATE_PLACEHOLDER = 'YYYY-MM-DD';

/** Lower case, without accents or a trailing full stop: "Févr." and "fevr" are one word. */
function fold(word: string): string {
  return foldText(word).replace(/\.+$/, '');
}

const ENGLISH_MONTHS: readonly (readonly string[])[] = MONTHS_LONG.map((m) => [m]);
const ENGLISH_WEEKDAYS: readonly (readonly string[])[] = WEEKDAYS_LONG.map((d) => [d]);

/**
 * Which of `names` (one list of names per entry) `word` names: a whole name ("Nov", or a
 * locale's two-letter "Sa"), else the start of one, three letters or more ("sept").
 * `null` when none, or more than one entry, fits.
 */
function nameIndex(word: string, names: readonly (readonly string[])[]): number | null {
  const w = fold(word);
  if (w.length < 2 || !/^\p{L}+$/u.test(w)) return null;
  const folded = names.map((list) => list.map(fold));
  const exact = new Set<number>();
  const starts = new Set<number>();
  folded.forEach((list, i) => {
    if (list.some((n) => n === w)) exact.add(i);
    if (w.length >= 3 && list.some((n) => n.startsWith(w))) starts.add(i);
  });
  const found = exact.size > 0 ? exact : starts;
  return found.size === 1 ? [...found][0]! : null;
}

/** Both lists of names, entry by entry. */
function joined(a: readonly (readonly string[])[], b: readonly (readonly string[])[] | undefined): (readonly string[])[] {
  return a.map((list, i) => [...list, ...(b?.[i] ?? [])]);
}

/** A four-digit year from 1000 on, or a two-digit one for this century ("26": 2026). */
function yearOf(digits: string): number | null {
  if (/^\d{4}$/.test(digits)) {
    const y = Number(digits);
    return y >= 1000 ? y : null;
  }
  if (/^\d{2}$/.test(digits)) return 2000 + Number(digits);
  return null;
}

/** The day, as ISO, when the three numbers make one that exists (no 31 February). */
function dayOf(year: number | null, month: number, day: number): IsoDay | null {
  if (year === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = formatDay({ year, month, day });
  return isValidDay(iso) ? iso : null;
}

function yearOfToday(today: IsoDay): number | null {
  return parseDay(today)?.year ?? null;
}

/** Numbers only: ISO (with `-`, `/` or `.`), 20261107, or the locale's order. */
function readNumbers(text: string, options: ReadOptions): IsoDay | null {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (iso) return dayOf(yearOf(iso[1]!), Number(iso[2]), Number(iso[3]));

  const three = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(text);
  if (three) {
    const [a, b, c] = [three[1]!, three[2]!, three[3]!];
    switch (options.order) {
      case 'dmy':
        return dayOf(yearOf(c), Number(b), Number(a));
      case 'mdy':
        return dayOf(yearOf(c), Number(a), Number(b));
      case 'ymd':
        // 26/11/07; "11/07/2026" does not fit this order and is not guessed at.
        return c.length === 2 && a.length === 2 ? dayOf(yearOf(a), Number(b), Number(c)) : null;
    }
  }

  // Day and month only, in the locale's order: this year.
  const two = /^(\d{1,2})[-/.](\d{1,2})\.?$/.exec(text);
  if (two) {
    const [a, b] = [Number(two[1]), Number(two[2])];
    const year = yearOfToday(options.today);
    return options.order === 'dmy' ? dayOf(year, b, a) : dayOf(year, a, b);
  }
  return null;
}

/** With a month's name: "7 Nov 2026", "Nov 7, 2026", "Saturday 7th of November", "7 November". */
function readWords(text: string, options: ReadOptions): IsoDay | null {
  const months = joined(ENGLISH_MONTHS, options.months);
  const weekdays = joined(ENGLISH_WEEKDAYS, options.weekdays);
  let words = text
    .split(/[\s,/-]+|\.(?!\d)/)
    .map((w) => w.trim())
    .filter((w) => w !== '' && !['of', 'the'].includes(fold(w)));
  // A weekday in front ("Sat 7 Nov 2026", as a field reads a date back) says nothing more.
  if (words.length > 1 && nameIndex(words[0]!, weekdays) !== null && words.slice(1).some((w) => nameIndex(w, months) !== null)) {
    words = words.slice(1);
  }
  let month: number | null = null;
  const numbers: { digits: string; ordinal: boolean }[] = [];
  for (const word of words) {
    const number = /^(\d{1,4})(st|nd|rd|th)?$/i.exec(word);
    if (number) {
      numbers.push({ digits: number[1]!, ordinal: number[2] !== undefined });
      continue;
    }
    const m = nameIndex(word, months);
    if (m === null || month !== null) return null;
    month = m + 1;
  }
  if (month === null) return null;
  if (numbers.length === 1) {
    const [only] = numbers;
    if (only!.digits.length > 2) return null;
    return dayOf(yearOfToday(options.today), month, Number(only!.digits));
  }
  if (numbers.length !== 2) return null;
  const [first, second] = numbers as [{ digits: string; ordinal: boolean }, { digits: string; ordinal: boolean }];
  // The year is the four-digit number, or else the one after the day ("7 Nov 26").
  const yearFirst = first.digits.length === 4 && !first.ordinal;
  const [day, year] = yearFirst ? [second, first] : [first, second];
  if (day.digits.length > 2 || year.ordinal) return null;
  return dayOf(yearOf(year.digits), month, Number(day.digits));
}

/** How `text` reads as a day: ISO, words, numbers in the locale's order; or not at all. */
export function readDate(text: string, options: ReadOptions): DateReading {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  const word = fold(t);
  const relative: Record<string, number> = { today: 0, yesterday: -1, tomorrow: 1 };
  if (word in relative) return { kind: 'day', iso: addDays(options.today, relative[word]!) };
  const iso = /\p{L}/u.test(t) ? readWords(t, options) : readNumbers(t, options);
  return iso === null ? { kind: 'unreadable' } : { kind: 'day', iso };
}

/**
 * What the form is given for what was typed: the day as ISO, or '' when the field is
 * empty. Text that cannot be read is passed on as typed, so that no form takes it for a
 * day (each one checks its value with `isValidDay`) nor for "no date": it is refused with
 * the form's own message. The one typed text that `isValidDay` would take but this does
 * not read (a year before 1000, "0007-11-07") is marked so that it is refused too.
 */
export function dateFieldValue(reading: DateReading, text: string): string {
  if (reading.kind === 'day') return reading.iso;
  if (reading.kind === 'empty') return '';
  const typed = text.trim();
  return isValidDay(typed) ? `${typed}?` : typed;
}

/** How a read day is shown beside its field: "Sat 7 Nov 2026", with "(today)" and the like. */
export function readingText(iso: IsoDay, today: IsoDay): string {
  const near = Math.abs(daysBetween(today, iso)) <= 1 ? ` (${dayLabel(iso, today)})` : '';
  return `${dayWithYear(iso)}${near}`;
}

/**
 * The day ArrowUp (`by` 1) or ArrowDown (`by` -1) moves a field to: a day on from the one
 * read, or today when the field is empty; kept within `min` and `max` when they are days.
 * `null` when the text cannot be read: nothing to move.
 */
export function stepDay(text: string, by: number, options: ReadOptions & { min?: string; max?: string }): IsoDay | null {
  const reading = readDate(text, options);
  if (reading.kind === 'unreadable') return null;
  let day = reading.kind === 'day' ? addDays(reading.iso, by) : options.today;
  if (options.min && isValidDay(options.min) && daysBetween(options.min, day) < 0) day = options.min;
  if (options.max && isValidDay(options.max) && daysBetween(day, options.max) < 0) day = options.max;
  return day;
}

/** The order of day, month and year in `Intl.DateTimeFormat(…).formatToParts(…)`'s answer. */
export function orderFromParts(parts: readonly { type: string }[]): DateOrder {
  const at = (type: string) => parts.findIndex((p) => p.type === type);
  const [day, month, year] = [at('day'), at('month'), at('year')];
  if (year !== -1 && year < month && year < day) return 'ymd';
  if (month !== -1 && day !== -1 && month < day) return 'mdy';
  return 'dmy';
}

let cached: Pick<ReadOptions, 'order' | 'months' | 'weekdays'> | null = null;

/** The user's locale's numeric order and its month and weekday names (read once). */
export function localeWords(): Pick<ReadOptions, 'order' | 'months' | 'weekdays'> {
  if (cached) return cached;
  try {
    const utc = (month: number, day: number) => new Date(Date.UTC(2026, month, day, 12));
    const order = orderFromParts(new Intl.DateTimeFormat(undefined, { timeZone: 'UTC' }).formatToParts(utc(10, 7)));
    const names = (options: Intl.DateTimeFormatOptions, date: (i: number) => Date, count: number, type: string) => {
      const format = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
      return Array.from({ length: count }, (_, i) =>
        format
          .formatToParts(date(i))
          .filter((p) => p.type === type)
          .map((p) => p.value),
      );
    };
    const byMonth = (i: number) => utc(i, 15);
    // Some languages name a month differently inside a date ("7 ноября") than alone ("ноябрь").
    const monthLists = [
      names({ month: 'long' }, byMonth, 12, 'month'),
      names({ month: 'short' }, byMonth, 12, 'month'),
      names({ day: 'numeric', month: 'long' }, byMonth, 12, 'month'),
      names({ day: 'numeric', month: 'short' }, byMonth, 12, 'month'),
    ];
    // 2026-11-01 was a Sunday.
    const byWeekday = (i: number) => utc(10, 1 + i);
    const weekdayLists = [names({ weekday: 'long' }, byWeekday, 7, 'weekday'), names({ weekday: 'short' }, byWeekday, 7, 'weekday')];
    const merge = (lists: string[][][], count: number) =>
      Array.from({ length: count }, (_, i) => [...new Set(lists.flatMap((list) => list[i] ?? []))]);
    cached = { order, months: merge(monthLists, 12), weekdays: merge(weekdayLists, 7) };
  } catch {
    cached = { order: 'dmy' };
  }
  return cached;
}
