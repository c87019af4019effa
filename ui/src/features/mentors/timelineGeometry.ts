// The mentor page's timeline chart as geometry and words. Pure: the gaps come from the
// backend, measured against the agreement; this only places them on an axis.
import type { Gap } from '../../bindings/Gap';
import type { GapKind } from '../../bindings/GapKind';
import { daysBetween, shortDate } from '../../ui/dates';

/** The chart's own coordinate space (the SVG scales it to the page width). */
export const CHART = { width: 840, height: 92, left: 16, right: 16, axisY: 54 } as const;

/** Centres of labels closer than this share no row. */
const LABEL_SPACE = 64;

export const GAP_WORDS: Record<GapKind, string> = {
  withinCadence: 'within the agreed cadence',
  pastCadence: 'longer than agreed',
  pastMaxGap: 'longer than the longest gap',
};

export interface Segment {
  x1: number;
  x2: number;
  gap: Gap;
  /** Hover text: dates, length and how it compares with the agreement. */
  title: string;
  /** Only for gaps past the longest agreed gap: "47 days" above the bar. */
  label: { x: number; y: number; text: string } | null;
}

export interface Mark {
  x: number;
  date: string;
  /** A catch-up, or the day the mentor joined the circle (before any catch-up). */
  kind: 'catchUp' | 'start';
}

export interface Layout {
  segments: Segment[];
  marks: Mark[];
  start: { x: number; date: string };
  end: { x: number; date: string };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function gapTitle(gap: Gap, today: string): string {
  const to = gap.open ? 'today' : shortDate(gap.to, today);
  const still = gap.open ? ', still running' : '';
  return `${shortDate(gap.from, today)} to ${to}: ${plural(gap.days, 'day')}, ${GAP_WORDS[gap.kind]}${still}`;
}

/** Places the gaps (oldest first) on an axis from the first gap's start to today. */
export function layoutTimeline(gaps: readonly Gap[], catchUpDays: readonly string[], today: string): Layout | null {
  const first = gaps[0];
  const last = gaps[gaps.length - 1];
  if (!first || !last) return null;
  const startDate = first.from;
  const endDate = daysBetween(last.to, today) > 0 ? today : last.to;
  const span = Math.max(1, daysBetween(startDate, endDate));
  const inner = CHART.width - CHART.left - CHART.right;
  const x = (iso: string) => CHART.left + (Math.min(span, Math.max(0, daysBetween(startDate, iso))) / span) * inner;
  const round = (n: number) => Math.round(n * 10) / 10;

  const rows = [CHART.axisY - 16, CHART.axisY - 32];
  const lastLabelX = [-Infinity, -Infinity];
  const segments: Segment[] = gaps.map((gap) => {
    const x1 = round(x(gap.from));
    const x2 = round(x(gap.to));
    let label: Segment['label'] = null;
    if (gap.kind === 'pastMaxGap') {
      const mid = round(Math.min(CHART.width - 32, Math.max(32, (x1 + x2) / 2)));
      const row = mid - lastLabelX[0]! >= LABEL_SPACE ? 0 : 1;
      lastLabelX[row] = mid;
      label = { x: mid, y: rows[row]!, text: plural(gap.days, 'day') };
    }
    return { x1, x2, gap, title: gapTitle(gap, today), label };
  });

  const caughtUp = new Set(catchUpDays);
  const boundaries: string[] = [first.from, ...gaps.filter((g) => !g.open).map((g) => g.to)];
  const marks: Mark[] = [...new Set(boundaries)].map((date) => ({
    x: round(x(date)),
    date,
    kind: caughtUp.has(date) ? 'catchUp' : 'start',
  }));

  return {
    segments,
    marks,
    start: { x: CHART.left, date: startDate },
    end: { x: CHART.width - CHART.right, date: endDate },
  };
}

/** "8 catch-ups since Tue 3 Mar; 2 gaps longer than the longest agreed gap". */
export function timelineSummary(gaps: readonly Gap[], catchUpDays: readonly string[], today: string): string {
  const parts: string[] = [];
  const earliest = [...catchUpDays].sort()[0];
  parts.push(
    earliest === undefined
      ? 'No catch-ups yet'
      : `${plural(catchUpDays.length, 'catch-up')} since ${shortDate(earliest, today)}`,
  );
  const pastMax = gaps.filter((g) => g.kind === 'pastMaxGap').length;
  const pastCadence = gaps.filter((g) => g.kind === 'pastCadence').length;
  if (gaps.length === 0) {
    // Nothing to compare yet.
  } else if (pastMax > 0) {
    parts.push(`${plural(pastMax, 'gap')} longer than the longest agreed gap`);
  } else if (pastCadence > 0) {
    parts.push(`${plural(pastCadence, 'gap')} longer than agreed, none past the longest gap`);
  } else {
    parts.push('every gap within the agreed cadence');
  }
  return parts.join('; ');
}
