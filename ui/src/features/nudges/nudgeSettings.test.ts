import { describe, expect, it } from 'vitest';
import type { NudgeSettings } from '../../bindings/NudgeSettings';
import {
  type NudgeForm,
  firstNudgeError,
  formFromSettings,
  minutesToTime,
  pausedText,
  quietHint,
  sameNudgeForm,
  settingsFromForm,
  snoozeDateError,
  snoozeDay,
  snoozedMessage,
  timeToMinutes,
  validateNudgeForm,
} from './nudgeSettings';

const TODAY = '2026-11-05'; // a Thursday

const defaults: NudgeSettings = {
  pausedUntil: null,
  quietHours: { fromMinute: 1260, untilMinute: 480 },
  dailyCap: 3,
  showNames: true,
};

const form = (over: Partial<NudgeForm> = {}): NudgeForm => ({ ...formFromSettings(defaults), ...over });

describe('minutes after midnight and "HH:MM"', () => {
  it('turns minutes into a time of day', () => {
    expect(minutesToTime(0)).toBe('00:00');
    expect(minutesToTime(480)).toBe('08:00');
    expect(minutesToTime(1260)).toBe('21:00');
    expect(minutesToTime(1439)).toBe('23:59');
    expect(minutesToTime(1440)).toBe('00:00');
    expect(minutesToTime(-60)).toBe('23:00');
  });

  it('reads what a time field gives, and nothing else', () => {
    expect(timeToMinutes('21:00')).toBe(1260);
    expect(timeToMinutes('08:05')).toBe(485);
    expect(timeToMinutes('8:05')).toBe(485);
    expect(timeToMinutes('21:00:00')).toBe(1260);
    expect(timeToMinutes('00:00')).toBe(0);
    expect(timeToMinutes('')).toBeNull();
    expect(timeToMinutes('24:00')).toBeNull();
    expect(timeToMinutes('12:60')).toBeNull();
    expect(timeToMinutes('noon')).toBeNull();
  });

  it('round-trips every minute of the day', () => {
    for (let m = 0; m < 1440; m += 7) expect(timeToMinutes(minutesToTime(m))).toBe(m);
  });
});

describe('the nudge settings form', () => {
  it('shows the settings as the fields hold them', () => {
    expect(formFromSettings(defaults)).toEqual({
      showNames: true,
      quietOn: true,
      quietFrom: '21:00',
      quietUntil: '08:00',
      dailyCap: '3',
      pausedUntil: '',
    });
  });

  it('offers 21:00 until 08:00 when quiet hours are off, for when they are turned on', () => {
    const f = formFromSettings({ ...defaults, quietHours: null, pausedUntil: '2026-11-20', showNames: false });
    expect(f.quietOn).toBe(false);
    expect([f.quietFrom, f.quietUntil]).toEqual(['21:00', '08:00']);
    expect(f.pausedUntil).toBe('2026-11-20');
    expect(f.showNames).toBe(false);
  });

  it('round-trips settings through the form', () => {
    const cases: NudgeSettings[] = [
      defaults,
      { pausedUntil: '2026-12-01', quietHours: null, dailyCap: 20, showNames: false },
      { pausedUntil: null, quietHours: { fromMinute: 720, untilMinute: 780 }, dailyCap: 1, showNames: true },
    ];
    for (const s of cases) expect(settingsFromForm(formFromSettings(s))).toEqual(s);
  });

  it('leaves the quiet hours out when they are off, and trims what was typed', () => {
    expect(settingsFromForm(form({ quietOn: false, dailyCap: ' 5 ', pausedUntil: ' ' }))).toEqual({
      pausedUntil: null,
      quietHours: null,
      dailyCap: 5,
      showNames: true,
    });
  });

  it('accepts the defaults', () => {
    expect(validateNudgeForm(form(), TODAY)).toEqual({});
  });

  it('asks for two different, whole times while quiet hours are on', () => {
    expect(validateNudgeForm(form({ quietFrom: '' }), TODAY).quietHours).toMatch(/both times/);
    expect(validateNudgeForm(form({ quietFrom: '10:00', quietUntil: '10:00' }), TODAY).quietHours).toMatch(
      /different start and end/,
    );
    expect(validateNudgeForm(form({ quietOn: false, quietFrom: '', quietUntil: '' }), TODAY)).toEqual({});
  });

  it('allows 1 to 20 notifications a day, in whole numbers', () => {
    for (const ok of ['1', '3', '20', ' 7 ']) expect(validateNudgeForm(form({ dailyCap: ok }), TODAY)).toEqual({});
    for (const bad of ['0', '21', '', '2.5', '-1', 'three']) {
      expect(validateNudgeForm(form({ dailyCap: bad }), TODAY).dailyCap).toBe('Allow between 1 and 20 notifications a day.');
    }
  });

  it('pauses until a day after today, up to a year ahead', () => {
    expect(validateNudgeForm(form({ pausedUntil: '2026-11-06' }), TODAY)).toEqual({});
    expect(validateNudgeForm(form({ pausedUntil: '2027-11-06' }), TODAY)).toEqual({});
    expect(validateNudgeForm(form({ pausedUntil: TODAY }), TODAY).pausedUntil).toBe(
      'Choose a day after today to resume nudges.',
    );
    expect(validateNudgeForm(form({ pausedUntil: '2027-11-07' }), TODAY).pausedUntil).toBe(
      'Nudges can be paused for up to a year.',
    );
    expect(validateNudgeForm(form({ pausedUntil: '2026-02-30' }), TODAY).pausedUntil).toMatch(/whole date/);
  });

  it('points at the first field with a message, in the order of the form', () => {
    const errors = validateNudgeForm(form({ dailyCap: '0', pausedUntil: TODAY, quietFrom: 'x' }), TODAY);
    expect(firstNudgeError(errors)).toBe('quietHours');
    expect(firstNudgeError(validateNudgeForm(form({ dailyCap: '0', pausedUntil: TODAY }), TODAY))).toBe('dailyCap');
    expect(firstNudgeError({})).toBeUndefined();
  });

  it('compares forms by what they would save', () => {
    expect(sameNudgeForm(form(), form())).toBe(true);
    expect(sameNudgeForm(form(), form({ quietFrom: '21:00:00' }))).toBe(true);
    expect(sameNudgeForm(form({ quietOn: false }), form({ quietOn: false, quietFrom: '01:00' }))).toBe(true);
    expect(sameNudgeForm(form(), form({ dailyCap: '4' }))).toBe(false);
    expect(sameNudgeForm(form(), form({ showNames: false }))).toBe(false);
    expect(sameNudgeForm(form(), form({ pausedUntil: '2026-11-20' }))).toBe(false);
  });

  it('says what the quiet hours mean, across midnight or not', () => {
    expect(quietHint(form())).toBe(
      'No notifications from 21:00 until 08:00 the next morning; anything due waits until then.',
    );
    expect(quietHint(form({ quietFrom: '12:00', quietUntil: '14:00' }))).toBe(
      'No notifications from 12:00 until 14:00; anything due waits until then.',
    );
    expect(quietHint(form({ quietOn: false }))).toBe('Notifications may arrive at any hour.');
  });

  it('says when paused nudges resume, only while they are paused', () => {
    expect(pausedText('2026-11-28', TODAY)).toBe('Nudges are paused; they resume on Sat 28 Nov.');
    expect(pausedText(TODAY, TODAY)).toBeNull();
    expect(pausedText('2026-11-01', TODAY)).toBeNull();
    expect(pausedText(null, TODAY)).toBeNull();
  });
});

describe('snoozing a mentor', () => {
  it('lands on the days the backend chooses', () => {
    expect(snoozeDay('tomorrow', TODAY)).toBe('2026-11-06');
    expect(snoozeDay('thisWeekend', TODAY)).toBe('2026-11-07');
    expect(snoozeDay('nextWeek', TODAY)).toBe('2026-11-09');
    // On a Saturday, "this weekend" is the next one; on a Monday, "next week" is a week on.
    expect(snoozeDay('thisWeekend', '2026-11-07')).toBe('2026-11-14');
    expect(snoozeDay('nextWeek', '2026-11-09')).toBe('2026-11-16');
    expect(snoozeDay('thisWeekend', '2026-11-08')).toBe('2026-11-14');
    expect(snoozeDay('tomorrow', '2026-12-31')).toBe('2027-01-01');
  });

  it('checks a picked date before asking the backend', () => {
    expect(snoozeDateError('2026-11-06', TODAY)).toBeNull();
    expect(snoozeDateError('2027-11-06', TODAY)).toBeNull();
    expect(snoozeDateError('', TODAY)).toBe('Choose the day nudges should resume.');
    expect(snoozeDateError(TODAY, TODAY)).toBe('Choose a day after today to snooze until.');
    expect(snoozeDateError('2027-11-07', TODAY)).toBe('A snooze can last up to a year.');
  });

  it('confirms the snooze in words', () => {
    expect(snoozedMessage('Ana', '2026-11-28', TODAY)).toBe('Nudges about Ana are snoozed until Sat 28 Nov');
    expect(snoozedMessage('Ana', '2027-01-04', TODAY)).toBe('Nudges about Ana are snoozed until Mon 4 Jan 2027');
  });
});
