import { describe, expect, it } from 'vitest';
import { type DateOrder, type ReadOptions, dateFieldValue, localeWords, orderFromParts, readDate, readingText, stepDay } from './dateInput';
import { isValidDay } from './dates';

const today = '2026-04-14'; // a Tuesday

function options(order: DateOrder = 'dmy', extra: Partial<ReadOptions> = {}): ReadOptions {
  return { today, order, ...extra };
}

/** The ISO day `text` reads as, or null when it cannot be read. */
function read(text: string, order: DateOrder = 'dmy', extra: Partial<ReadOptions> = {}): string | null {
  const r = readDate(text, options(order, extra));
  return r.kind === 'day' ? r.iso : null;
}

describe('reading a typed date', () => {
  it('reads ISO as ISO, never as the year 0007', () => {
    for (const order of ['dmy', 'mdy', 'ymd'] as const) {
      expect(read('2026-11-07', order)).toBe('2026-11-07');
    }
    expect(read('  2026-11-07 ')).toBe('2026-11-07');
  });

  it('takes ISO with slashes or dots, and without leading zeros', () => {
    expect(read('2026/11/07')).toBe('2026-11-07');
    expect(read('2026.11.07')).toBe('2026-11-07');
    expect(read('2026-1-7')).toBe('2026-01-07');
    expect(read('20261107')).toBe('2026-11-07');
  });

  it('says nothing of an empty field', () => {
    expect(readDate('', options())).toEqual({ kind: 'empty' });
    expect(readDate('   ', options())).toEqual({ kind: 'empty' });
  });

  it('reads today, yesterday and tomorrow from the backend’s today', () => {
    expect(read('today')).toBe('2026-04-14');
    expect(read('Yesterday')).toBe('2026-04-13');
    expect(read(' TOMORROW ')).toBe('2026-04-15');
    expect(readDate('today', { today: '2026-12-31', order: 'dmy' })).toEqual({ kind: 'day', iso: '2026-12-31' });
    expect(readDate('tomorrow', { today: '2026-12-31', order: 'dmy' })).toEqual({ kind: 'day', iso: '2027-01-01' });
  });

  it('reads a month by its name, before or after the day', () => {
    expect(read('7 Nov 2026')).toBe('2026-11-07');
    expect(read('Nov 7 2026')).toBe('2026-11-07');
    expect(read('Nov 7, 2026')).toBe('2026-11-07');
    expect(read('November 7th, 2026')).toBe('2026-11-07');
    expect(read('7th of November 2026')).toBe('2026-11-07');
    expect(read('7 Nov. 2026')).toBe('2026-11-07');
    expect(read('7-Nov-2026')).toBe('2026-11-07');
    expect(read('2026 Nov 7')).toBe('2026-11-07');
    expect(read('7 sept 2026')).toBe('2026-09-07');
    expect(read('7 nov 26')).toBe('2026-11-07');
  });

  it('takes this year when the year is left out', () => {
    expect(read('7 November')).toBe('2026-11-07');
    expect(read('November 7')).toBe('2026-11-07');
    expect(read('1 jan')).toBe('2026-01-01');
  });

  it('reads back what a field shows, weekday and all', () => {
    expect(read('Sat 7 Nov 2026')).toBe('2026-11-07');
    expect(read('Saturday, 7 November 2026')).toBe('2026-11-07');
  });

  it('reads numbers in the locale’s order', () => {
    expect(read('7/11/2026', 'dmy')).toBe('2026-11-07');
    expect(read('11/7/2026', 'mdy')).toBe('2026-11-07');
    expect(read('11/07/2026', 'mdy')).toBe('2026-11-07');
    expect(read('7.11.2026', 'dmy')).toBe('2026-11-07');
    expect(read('7/11/26', 'dmy')).toBe('2026-11-07');
    expect(read('26/11/07', 'ymd')).toBe('2026-11-07');
    expect(read('7/11', 'dmy')).toBe('2026-11-07');
    expect(read('11/7', 'mdy')).toBe('2026-11-07');
  });

  it('rejects days that do not exist', () => {
    expect(read('2026-02-31')).toBeNull();
    expect(read('31 Feb 2026')).toBeNull();
    expect(read('2026-02-29')).toBeNull();
    expect(read('2024-02-29')).toBe('2024-02-29');
    expect(read('2026-13-01')).toBeNull();
    expect(read('2026-00-10')).toBeNull();
    expect(read('32/01/2026', 'dmy')).toBeNull();
    expect(read('13/07/2026', 'mdy')).toBeNull();
    expect(read('0 Nov 2026')).toBeNull();
  });

  it('rejects what is not a date, or only half of one', () => {
    for (const text of ['soon', 'next week', '2026-11', '2026-11-0x', '11/2026', '7', '2026', 'Nov', 'Nov 2026', 'ju 7 2026', '7 Nov 2026 8']) {
      expect(readDate(text, options()), text).toEqual({ kind: 'unreadable' });
    }
  });

  it('does not take a half-typed year for an old one', () => {
    expect(read('0007-11-07')).toBeNull();
    expect(read('207-11-07')).toBeNull();
    expect(read('7 Nov 202')).toBeNull();
    expect(read('11/07/202', 'mdy')).toBeNull();
  });

  it('does not guess at an order the locale does not use', () => {
    expect(read('11/07/2026', 'ymd')).toBeNull();
  });

  it('reads a month of two that start alike only when the word says which', () => {
    expect(read('7 ju 2026')).toBeNull();
    expect(read('7 jun 2026')).toBe('2026-06-07');
    expect(read('7 jul 2026')).toBe('2026-07-07');
  });

  it('reads the locale’s own month names, accents or not', () => {
    const french = {
      months: [['janvier', 'janv.'], ['février', 'févr.'], ['mars'], ['avril', 'avr.'], ['mai'], ['juin'], ['juillet', 'juil.'], ['août'], ['septembre', 'sept.'], ['octobre', 'oct.'], ['novembre', 'nov.'], ['décembre', 'déc.']],
      weekdays: [['dimanche', 'dim.'], ['lundi', 'lun.'], ['mardi', 'mar.'], ['mercredi', 'mer.'], ['jeudi', 'jeu.'], ['vendredi', 'ven.'], ['samedi', 'sam.']],
    };
    expect(read('7 févr. 2026', 'dmy', french)).toBe('2026-02-07');
    expect(read('7 fevr 2026', 'dmy', french)).toBe('2026-02-07');
    expect(read('samedi 7 novembre 2026', 'dmy', french)).toBe('2026-11-07');
    expect(read('7 aout', 'dmy', french)).toBe('2026-08-07');
    // "mar." is Tuesday in French, and March in English: with a day and no other month, March.
    expect(read('mar 7 2026', 'dmy', french)).toBe('2026-03-07');
  });
});

describe('what the form is given', () => {
  it('is the day as ISO, or empty', () => {
    expect(dateFieldValue(readDate('7 Nov 2026', options()), '7 Nov 2026')).toBe('2026-11-07');
    expect(dateFieldValue(readDate(' ', options()), ' ')).toBe('');
  });

  it('is never a day, nor empty, for text that cannot be read', () => {
    for (const text of ['soon', '31/02/2026', '0007-11-07', '2026-11-0']) {
      const value = dateFieldValue(readDate(text, options()), text);
      expect(value, text).not.toBe('');
      expect(isValidDay(value), text).toBe(false);
    }
  });
});

describe('showing how a date was read', () => {
  it('reads like a person speaks, with the year', () => {
    expect(readingText('2026-11-07', today)).toBe('Sat 7 Nov 2026');
    expect(readingText('2025-04-14', today)).toBe('Mon 14 Apr 2025');
  });

  it('says so when it is today, yesterday or tomorrow', () => {
    expect(readingText('2026-04-14', today)).toBe('Tue 14 Apr 2026 (today)');
    expect(readingText('2026-04-13', today)).toBe('Mon 13 Apr 2026 (yesterday)');
    expect(readingText('2026-04-15', today)).toBe('Wed 15 Apr 2026 (tomorrow)');
  });
});

describe('arrow keys', () => {
  it('move the day read by one, across months and years', () => {
    expect(stepDay('2026-04-30', 1, options())).toBe('2026-05-01');
    expect(stepDay('1 Jan 2026', -1, options())).toBe('2025-12-31');
    expect(stepDay('today', 1, options())).toBe('2026-04-15');
  });

  it('start from today in an empty field', () => {
    expect(stepDay('', 1, options())).toBe(today);
    expect(stepDay('', -1, options())).toBe(today);
  });

  it('stay within the field’s limits', () => {
    expect(stepDay('2026-04-14', 1, { ...options(), max: today })).toBe(today);
    expect(stepDay('2026-04-15', -1, { ...options(), min: '2026-04-15' })).toBe('2026-04-15');
    expect(stepDay('', 1, { ...options(), min: '2026-04-15' })).toBe('2026-04-15');
  });

  it('leave text that cannot be read alone', () => {
    expect(stepDay('soon', 1, options())).toBeNull();
  });
});

describe('the locale’s order', () => {
  const parts = (locale: string) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 10, 7)));

  it('follows where the day, month and year come', () => {
    expect(orderFromParts(parts('en-US'))).toBe('mdy');
    expect(orderFromParts(parts('en-GB'))).toBe('dmy');
    expect(orderFromParts(parts('de-DE'))).toBe('dmy');
    expect(orderFromParts(parts('ja-JP'))).toBe('ymd');
  });

  it('falls back to day first when the parts say nothing', () => {
    expect(orderFromParts([])).toBe('dmy');
  });

  it('is read with the locale’s month and weekday names, which the field then reads', () => {
    const words = localeWords();
    expect(words.months).toHaveLength(12);
    expect(words.weekdays).toHaveLength(7);
    expect(readDate('2026-11-07', { today, ...words })).toEqual({ kind: 'day', iso: '2026-11-07' });
    expect(readDate('7 November 2026', { today, ...words })).toEqual({ kind: 'day', iso: '2026-11-07' });
  });
});
