// What a mentor's cadence status looks like in words: chip text and summaries.
// Pure; the status itself is computed by the backend.
import type { Agreement } from '../bindings/Agreement';
import type { CadenceStatus } from '../bindings/CadenceStatus';
import { durationWords } from './dates';
import { modeLabel, orList } from '../features/mentors/labels';

export type ChipKind = 'quiet' | 'soon' | 'due' | 'over';

export interface Chip {
  kind: ChipKind;
  text: string;
}

/** A paused mentor is never due: quiet text, no chip. */
export const PAUSED_CHIP: Chip = { kind: 'quiet', text: 'paused' };

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/**
 * ok -> quiet text "due in 3 weeks" (no chip); dueSoon -> outlined "in 3 days";
 * due -> filled "due today" / "due 5 days ago"; overdue -> strong "12 days over"
 * (days past the ideal due day); paused (`null`) -> quiet "paused".
 */
export function chipFor(cadence: Pick<CadenceStatus, 'status' | 'daysUntilDue'> | null): Chip {
  if (cadence === null) return PAUSED_CHIP;
  const n = cadence.daysUntilDue;
  switch (cadence.status) {
    case 'ok':
      return { kind: 'quiet', text: n <= 0 ? 'due today' : n === 1 ? 'due tomorrow' : `due in ${durationWords(n)}` };
    case 'dueSoon':
      return { kind: 'soon', text: `in ${days(Math.max(1, n))}` };
    case 'due':
      if (n >= 0) return { kind: 'due', text: 'due today' };
      return { kind: 'due', text: n === -1 ? 'due yesterday' : `due ${days(-n)} ago` };
    case 'overdue':
      return { kind: 'over', text: `${days(Math.max(1, -n))} over` };
  }
}

// A number of days in the unit people would use: 21 -> 3 weeks, 182 -> 6 months.
function period(daysCount: number): { count: number; unit: string } {
  const n = Math.round(daysCount);
  if (n === 7) return { count: 1, unit: 'week' };
  if (n === 365 || n === 366) return { count: 1, unit: 'year' };
  if (n % 7 === 0 && n > 0 && n < 91) return { count: n / 7, unit: 'week' };
  if (n % 91 === 0 && n > 0) return { count: (n / 91) * 3, unit: 'month' };
  if (n === 30 || n === 31) return { count: 1, unit: 'month' };
  return { count: n, unit: 'day' };
}

/** "Every week", "Every 4 weeks", "Every 3 months", "Every 10 days". */
export function cadenceText(cadenceDays: number): string {
  const { count, unit } = period(cadenceDays);
  return count === 1 ? `Every ${unit}` : `Every ${count} ${unit}s`;
}

/** A length of time as agreed: "6 weeks", "1 week", "3 months", "45 days". */
export function lengthText(daysCount: number): string {
  const { count, unit } = period(daysCount);
  return `${count} ${count === 1 ? unit : `${unit}s`}`;
}

/** "video or in person". */
export function modesText(modes: Agreement['modes']): string {
  return orList(modes.map((m) => modeLabel(m).toLowerCase()));
}

/** "Every 3 weeks, never more than 6 weeks". */
export function cadenceSummary(agreement: Pick<Agreement, 'cadenceDays' | 'maxGapDays'>): string {
  const max = Math.max(agreement.maxGapDays, agreement.cadenceDays);
  return `${cadenceText(agreement.cadenceDays)}, never more than ${lengthText(max)}`;
}

/** "Every 3 weeks, never more than 6 weeks · prefers video or in person". */
export function agreementSummary(agreement: Pick<Agreement, 'cadenceDays' | 'maxGapDays' | 'modes'>): string {
  const ways = modesText(agreement.modes);
  return ways ? `${cadenceSummary(agreement)} · prefers ${ways}` : cadenceSummary(agreement);
}
