// What a mentor's cadence status looks like in words: chip text and summaries.
// Pure; the status itself is computed by the backend.
import type { CadenceStatus } from './bindings/CadenceStatus';
import type { Mode } from './bindings/Mode';
import { durationWords } from './dates';
import { modeLabel } from './labels';

export type ChipKind = 'quiet' | 'soon' | 'due' | 'over';

export interface Chip {
  kind: ChipKind;
  text: string;
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/**
 * ok -> quiet text "due in 3 weeks" (no chip); dueSoon -> "in 3 days";
 * due -> "due today"; overdue -> "12 days over".
 */
export function chipFor(cadence: Pick<CadenceStatus, 'status' | 'daysUntilDue'>): Chip {
  const n = cadence.daysUntilDue;
  switch (cadence.status) {
    case 'ok':
      return { kind: 'quiet', text: n <= 0 ? 'due today' : n === 1 ? 'due tomorrow' : `due in ${durationWords(n)}` };
    case 'dueSoon':
      return { kind: 'soon', text: `in ${days(Math.max(1, n))}` };
    case 'due':
      return { kind: 'due', text: 'due today' };
    case 'overdue':
      return { kind: 'over', text: `${days(Math.max(1, -n))} over` };
  }
}

/** "Every week", "Every 4 weeks", "Every 3 months", "Every 10 days". */
export function cadenceText(cadenceDays: number): string {
  const n = Math.round(cadenceDays);
  if (n === 1) return 'Every day';
  if (n === 7) return 'Every week';
  if (n === 365 || n === 366) return 'Every year';
  if (n % 7 === 0 && n < 91) return `Every ${n / 7} weeks`;
  if (n % 91 === 0) return `Every ${(n / 91) * 3} months`;
  if (n === 30 || n === 31) return 'Every month';
  return `Every ${n} days`;
}

/** "Every 4 weeks · prefers video". */
export function agreementSummary(cadenceDays: number, preferredMode: Mode): string {
  return `${cadenceText(cadenceDays)} · prefers ${modeLabel(preferredMode).toLowerCase()}`;
}
