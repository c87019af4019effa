import { describe, expect, it } from 'vitest';
import type { NudgeRecord } from '../../bindings/NudgeRecord';
import {
  NO_NUDGES_YET,
  followUp,
  localParts,
  namesText,
  nudgeLine,
  outcomeText,
  sentAtLocal,
  sentAtText,
  sentAtTitle,
  whoText,
} from './nudgeHistory';

const TODAY = '2026-11-19'; // a Thursday

/** An RFC 3339 UTC instant for a local wall-clock time, whatever zone the tests run in. */
function utc(year: number, month: number, day: number, hours: number, minutes: number): string {
  return new Date(year, month - 1, day, hours, minutes).toISOString();
}

function record(over: Partial<NudgeRecord> = {}): NudgeRecord {
  return {
    id: 1,
    sentAt: utc(2026, 11, 17, 9, 0),
    delivered: true,
    outcome: null,
    mentors: [{ id: 7, name: 'Ana Sousa', caughtUpOn: null }],
    ...over,
  };
}

describe('when a nudge was sent', () => {
  it('reads the instant in local time', () => {
    expect(localParts(new Date(2026, 10, 17, 9, 5))).toEqual({ day: '2026-11-17', time: '09:05' });
    expect(sentAtLocal(utc(2026, 1, 2, 23, 59))).toEqual({ day: '2026-01-02', time: '23:59' });
    expect(sentAtLocal('not a time')).toBeNull();
  });

  it('says the day like a person, with the time', () => {
    expect(sentAtText(utc(2026, 11, 17, 9, 0), TODAY)).toBe('Tue 17 Nov, 09:00');
    expect(sentAtText(utc(2026, 11, 19, 8, 30), TODAY)).toBe('Today, 08:30');
    expect(sentAtText(utc(2026, 11, 18, 21, 15), TODAY)).toBe('Yesterday, 21:15');
    expect(sentAtText(utc(2025, 11, 17, 9, 0), TODAY)).toBe('Mon 17 Nov 2025, 09:00');
  });

  it('gives the exact moment for hovering', () => {
    expect(sentAtTitle(utc(2026, 11, 17, 9, 0))).toBe('Tuesday 17 November 2026 at 09:00');
  });

  it('reads the UTC offset the backend sends', () => {
    const at = new Date('2026-11-17T09:00:00Z');
    expect(sentAtLocal('2026-11-17T09:00:00Z')).toEqual(localParts(at));
    expect(sentAtLocal('2026-11-17T09:00:00.123456+00:00')).toEqual(localParts(at));
  });
});

describe('who a nudge was about', () => {
  it('names one mentor, and counts a digest', () => {
    expect(whoText([{ id: 1, name: 'Ana', caughtUpOn: null }])).toBe('Ana');
    expect(
      whoText([
        { id: 1, name: 'Ana', caughtUpOn: null },
        { id: 2, name: 'Ben', caughtUpOn: null },
        { id: 3, name: 'Cleo', caughtUpOn: null },
      ]),
    ).toBe('3 mentors');
  });

  it('lists names the way people say them', () => {
    expect(namesText([])).toBe('');
    expect(namesText(['Ana'])).toBe('Ana');
    expect(namesText(['Ana', 'Ben'])).toBe('Ana and Ben');
    expect(namesText(['Ana', 'Ben', 'Cleo'])).toBe('Ana, Ben and Cleo');
  });
});

describe('what came of a nudge', () => {
  it('says what the user did with it', () => {
    expect(outcomeText('opened')).toBe('You opened it');
    expect(outcomeText('loggedCatchUp')).toBe('You chose to log a catch-up');
    expect(outcomeText('snoozed')).toBe('You snoozed it a day');
    expect(outcomeText(null)).toBeNull();
  });

  it('says whether a catch-up followed, for each mentor', () => {
    expect(followUp({ id: 1, name: 'Ana', caughtUpOn: '2026-11-18' }, TODAY)).toEqual({
      id: 1,
      name: 'Ana',
      text: 'Caught up on Wed 18 Nov',
      day: '2026-11-18',
    });
    expect(followUp({ id: 2, name: 'Ben', caughtUpOn: null }, TODAY)).toEqual({
      id: 2,
      name: 'Ben',
      text: 'No catch-up yet',
      day: null,
    });
  });

  it('puts a single nudge into one line', () => {
    const line = nudgeLine(
      record({ outcome: 'opened', mentors: [{ id: 7, name: 'Ana Sousa', caughtUpOn: '2026-11-18' }] }),
      TODAY,
    );
    expect(line).toMatchObject({
      id: 1,
      when: 'Tue 17 Nov, 09:00',
      whenTitle: 'Tuesday 17 November 2026 at 09:00',
      who: 'Ana Sousa',
      digest: false,
      outcome: 'You opened it',
      mayNotHaveArrived: false,
    });
    expect(line.followUps.map((f) => f.text)).toEqual(['Caught up on Wed 18 Nov']);
  });

  it('lists each mentor of a digest, and flags a nudge that may not have arrived', () => {
    const line = nudgeLine(
      record({
        delivered: false,
        mentors: [
          { id: 1, name: 'Ana', caughtUpOn: '2026-11-18' },
          { id: 2, name: 'Ben', caughtUpOn: null },
        ],
      }),
      TODAY,
    );
    expect(line.who).toBe('2 mentors');
    expect(line.digest).toBe(true);
    expect(line.outcome).toBeNull();
    expect(line.mayNotHaveArrived).toBe(true);
    expect(line.followUps.map((f) => `${f.name}: ${f.text}`)).toEqual(['Ana: Caught up on Wed 18 Nov', 'Ben: No catch-up yet']);
  });

  it('teaches what nudges are before the first one', () => {
    expect(NO_NUDGES_YET).toBe(
      'No nudges yet. When a mentor is due, Mentor Circle sends one notification — never more than you allow.',
    );
  });
});
