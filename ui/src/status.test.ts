import { describe, expect, it } from 'vitest';
import { agreementSummary, cadenceText, chipFor } from './status';

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

  it('says due today', () => {
    expect(chipFor({ status: 'due', daysUntilDue: 0 })).toEqual({ kind: 'due', text: 'due today' });
  });

  it('counts days over, singular and plural', () => {
    expect(chipFor({ status: 'overdue', daysUntilDue: -12 })).toEqual({ kind: 'over', text: '12 days over' });
    expect(chipFor({ status: 'overdue', daysUntilDue: -1 })).toEqual({ kind: 'over', text: '1 day over' });
  });
});

describe('agreement summary', () => {
  it('names the cadence in weeks or months when it fits', () => {
    expect(cadenceText(1)).toBe('Every day');
    expect(cadenceText(7)).toBe('Every week');
    expect(cadenceText(14)).toBe('Every 2 weeks');
    expect(cadenceText(28)).toBe('Every 4 weeks');
    expect(cadenceText(91)).toBe('Every 3 months');
    expect(cadenceText(182)).toBe('Every 6 months');
    expect(cadenceText(30)).toBe('Every month');
    expect(cadenceText(10)).toBe('Every 10 days');
    expect(cadenceText(365)).toBe('Every year');
  });

  it('adds the preferred way to talk', () => {
    expect(agreementSummary(28, 'video')).toBe('Every 4 weeks · prefers video');
    expect(agreementSummary(7, 'coffee')).toBe('Every week · prefers coffee');
  });
});
