import { describe, expect, it } from 'vitest';
import { PAUSED_CHIP, agreementSummary, cadenceSummary, cadenceText, chipFor, lengthText, modesText } from './status';

describe('status chips', () => {
  it('keeps ok quiet, without a chip', () => {
    expect(chipFor({ status: 'ok', daysUntilDue: 21 })).toEqual({ kind: 'quiet', text: 'due in 3 weeks' });
    expect(chipFor({ status: 'ok', daysUntilDue: 9 })).toEqual({ kind: 'quiet', text: 'due in 9 days' });
    expect(chipFor({ status: 'ok', daysUntilDue: 1 })).toEqual({ kind: 'quiet', text: 'due tomorrow' });
  });

  it('counts down when due soon, singular and plural', () => {
    expect(chipFor({ status: 'dueSoon', daysUntilDue: 3 })).toEqual({ kind: 'soon', text: 'in 3 days' });
    expect(chipFor({ status: 'dueSoon', daysUntilDue: 1 })).toEqual({ kind: 'soon', text: 'in 1 day' });
  });

  it('says due today, then how long ago it became due', () => {
    expect(chipFor({ status: 'due', daysUntilDue: 0 })).toEqual({ kind: 'due', text: 'due today' });
    expect(chipFor({ status: 'due', daysUntilDue: -1 })).toEqual({ kind: 'due', text: 'due yesterday' });
    expect(chipFor({ status: 'due', daysUntilDue: -5 })).toEqual({ kind: 'due', text: 'due 5 days ago' });
  });

  it('counts days past the ideal due day once past the longest gap', () => {
    expect(chipFor({ status: 'overdue', daysUntilDue: -12 })).toEqual({ kind: 'over', text: '12 days over' });
    expect(chipFor({ status: 'overdue', daysUntilDue: -1 })).toEqual({ kind: 'over', text: '1 day over' });
  });

  it('keeps a paused mentor quiet', () => {
    expect(chipFor(null)).toEqual({ kind: 'quiet', text: 'paused' });
    expect(chipFor(null)).toBe(PAUSED_CHIP);
  });
});

describe('agreement summary', () => {
  it('names the cadence in weeks or months when it fits', () => {
    expect(cadenceText(1)).toBe('Every day');
    expect(cadenceText(7)).toBe('Every week');
    expect(cadenceText(14)).toBe('Every 2 weeks');
    expect(cadenceText(21)).toBe('Every 3 weeks');
    expect(cadenceText(28)).toBe('Every 4 weeks');
    expect(cadenceText(91)).toBe('Every 3 months');
    expect(cadenceText(182)).toBe('Every 6 months');
    expect(cadenceText(30)).toBe('Every month');
    expect(cadenceText(10)).toBe('Every 10 days');
    expect(cadenceText(365)).toBe('Every year');
  });

  it('names a length the same way', () => {
    expect(lengthText(1)).toBe('1 day');
    expect(lengthText(7)).toBe('1 week');
    expect(lengthText(42)).toBe('6 weeks');
    expect(lengthText(45)).toBe('45 days');
    expect(lengthText(182)).toBe('6 months');
    expect(lengthText(365)).toBe('1 year');
  });

  it('joins the preferred ways to talk', () => {
    expect(modesText([])).toBe('');
    expect(modesText(['video'])).toBe('video');
    expect(modesText(['video', 'inPerson'])).toBe('video or in person');
    expect(modesText(['phone', 'email', 'message'])).toBe('phone, email or message');
  });

  it('adds the longest gap and the preferred ways to talk', () => {
    expect(agreementSummary({ cadenceDays: 21, maxGapDays: 42, modes: ['video', 'inPerson'] })).toBe(
      'Every 3 weeks, never more than 6 weeks · prefers video or in person',
    );
    expect(agreementSummary({ cadenceDays: 7, maxGapDays: 10, modes: ['phone'] })).toBe(
      'Every week, never more than 10 days · prefers phone',
    );
    expect(agreementSummary({ cadenceDays: 28, maxGapDays: 56, modes: [] })).toBe('Every 4 weeks, never more than 8 weeks');
  });

  it('never shows a longest gap shorter than the cadence', () => {
    expect(cadenceSummary({ cadenceDays: 14, maxGapDays: 7 })).toBe('Every 2 weeks, never more than 2 weeks');
  });
});
