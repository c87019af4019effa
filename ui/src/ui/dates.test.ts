import { describe, expect, it } from 'vitest';
import {
  addDays, dayLabel, daysBetween, durationWords, fullDate, isValidDay, longDate, relativeDay, shortDate, timeSince,
} from './dates';

const today = '2026-04-14'; // a Tuesday

describe('calendar arithmetic', () => {
  it('adds days across month ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-04-30', 1)).toBe('2026-05-01');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect(daysBetween('2024-01-31', '2024-03-01')).toBe(30);
    expect(daysBetween(today, today)).toBe(0);
    expect(daysBetween('2026-04-15', today)).toBe(-1);
  });

  it('rejects days that do not exist', () => {
    expect(isValidDay('2026-02-29')).toBe(false);
    expect(isValidDay('2024-02-29')).toBe(true);
    expect(isValidDay('2026-04-31')).toBe(false);
    expect(isValidDay('14/04/2026')).toBe(false);
  });
});

describe('dates read like a person speaks', () => {
  it('shows short dates with the weekday', () => {
    expect(shortDate('2026-04-14', today)).toBe('Tue 14 Apr');
    expect(shortDate('2026-01-31', today)).toBe('Sat 31 Jan');
    expect(shortDate('2026-02-28', today)).toBe('Sat 28 Feb');
    expect(shortDate('2024-02-29', today)).toBe('Thu 29 Feb 2024');
  });

  it('gives the exact date for hover titles', () => {
    expect(longDate('2026-04-14')).toBe('Tuesday 14 April 2026');
    expect(longDate('2026-12-31')).toBe('Thursday 31 December 2026');
  });

  it('names a planned day without its weekday', () => {
    expect(fullDate('2027-06-01')).toBe('1 June 2027');
    expect(fullDate('2026-12-31')).toBe('31 December 2026');
    expect(fullDate('not a day')).toBe('not a day');
  });

  it('says today, tomorrow and yesterday', () => {
    expect(dayLabel(today, today)).toBe('today');
    expect(dayLabel('2026-04-15', today)).toBe('tomorrow');
    expect(dayLabel('2026-04-13', today)).toBe('yesterday');
    expect(dayLabel('2026-04-21', today)).toBe('Tue 21 Apr');
    expect(dayLabel('2026-05-01', '2026-04-30')).toBe('tomorrow');
    expect(dayLabel('2026-12-31', '2027-01-01')).toBe('yesterday');
  });

  it('describes the past relative to today', () => {
    expect(relativeDay(today, today)).toBe('today');
    expect(relativeDay('2026-04-13', today)).toBe('yesterday');
    expect(relativeDay('2026-04-11', today)).toBe('3 days ago');
    expect(relativeDay('2026-04-07', today)).toBe('1 week ago');
    expect(relativeDay('2026-03-24', today)).toBe('3 weeks ago');
    expect(relativeDay('2026-02-14', today)).toBe('2 months ago');
    expect(relativeDay('2025-04-14', today)).toBe('1 year ago');
    expect(relativeDay('2023-01-01', today)).toBe('3 years ago');
  });

  it('describes the future relative to today', () => {
    expect(relativeDay('2026-04-15', today)).toBe('tomorrow');
    expect(relativeDay('2026-04-17', today)).toBe('in 3 days');
    expect(relativeDay('2026-05-05', today)).toBe('in 3 weeks');
  });

  it('counts months by the calendar at month ends', () => {
    expect(relativeDay('2026-01-31', '2026-03-01')).toBe('4 weeks ago');
    expect(relativeDay('2026-01-31', '2026-04-01')).toBe('2 months ago');
    expect(relativeDay('2026-01-31', '2026-03-31')).toBe('2 months ago');
    expect(relativeDay('2026-01-31', '2026-03-30')).toBe('8 weeks ago');
  });

  it('says how long it has been', () => {
    expect(timeSince('2026-03-10', today)).toBe('5 weeks');
    expect(timeSince('2026-04-13', today)).toBe('1 day');
    expect(timeSince(today, today)).toBe('today');
  });

  it('rounds durations the way people say them', () => {
    expect(durationWords(1)).toBe('1 day');
    expect(durationWords(9)).toBe('9 days');
    expect(durationWords(20)).toBe('3 weeks');
    expect(durationWords(14)).toBe('2 weeks');
    expect(durationWords(91)).toBe('3 months');
    expect(durationWords(400)).toBe('1 year');
  });
});
