import { describe, expect, it } from 'vitest';
import type { Gap } from '../../bindings/Gap';
import { CHART, gapTitle, layoutTimeline, timelineSummary } from './timelineGeometry';

const TODAY = '2026-04-30';

// Joined 1 Jan, catch-ups 11 Jan, 10 Mar, 20 Mar; today 30 Apr. Cadence 14, longest 30.
const GAPS: Gap[] = [
  { from: '2026-01-01', to: '2026-01-11', days: 10, kind: 'withinCadence', open: false },
  { from: '2026-01-11', to: '2026-03-10', days: 58, kind: 'pastMaxGap', open: false },
  { from: '2026-03-10', to: '2026-03-20', days: 10, kind: 'withinCadence', open: false },
  { from: '2026-03-20', to: '2026-04-30', days: 41, kind: 'pastMaxGap', open: true },
];
const DAYS = ['2026-03-20', '2026-03-10', '2026-01-11'];

describe('timeline layout', () => {
  it('has nothing to draw without a gap', () => {
    expect(layoutTimeline([], [], TODAY)).toBeNull();
  });

  it('spans the first gap to today, in order', () => {
    const layout = layoutTimeline(GAPS, DAYS, TODAY)!;
    expect(layout.start).toEqual({ x: CHART.left, date: '2026-01-01' });
    expect(layout.end).toEqual({ x: CHART.width - CHART.right, date: TODAY });
    const xs = layout.segments.flatMap((s) => [s.x1, s.x2]);
    expect(xs[0]).toBe(CHART.left);
    expect(xs[xs.length - 1]).toBe(CHART.width - CHART.right);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
  });

  it('labels only the gaps past the longest agreed gap', () => {
    const layout = layoutTimeline(GAPS, DAYS, TODAY)!;
    expect(layout.segments.map((s) => s.label?.text ?? null)).toEqual([null, '58 days', null, '41 days']);
  });

  it('marks catch-ups, and the day the mentor joined when it was not one', () => {
    const layout = layoutTimeline(GAPS, DAYS, TODAY)!;
    expect(layout.marks.map((m) => [m.date, m.kind])).toEqual([
      ['2026-01-01', 'start'],
      ['2026-01-11', 'catchUp'],
      ['2026-03-10', 'catchUp'],
      ['2026-03-20', 'catchUp'],
    ]);
  });

  it('puts close labels on another row', () => {
    const close: Gap[] = [
      { from: '2025-01-01', to: '2025-02-01', days: 31, kind: 'pastMaxGap', open: false },
      { from: '2025-02-01', to: '2025-03-04', days: 31, kind: 'pastMaxGap', open: false },
      { from: '2025-03-04', to: '2026-04-30', days: 422, kind: 'pastMaxGap', open: true },
    ];
    const [a, b, c] = layoutTimeline(close, ['2025-02-01', '2025-03-04'], TODAY)!.segments;
    expect(c!.label!.y).toBe(a!.label!.y);
    expect(a!.label!.y).not.toBe(b!.label!.y);
  });
});

describe('timeline words', () => {
  it('describes one gap for hover', () => {
    expect(gapTitle(GAPS[1]!, TODAY)).toBe('Sun 11 Jan to Tue 10 Mar: 58 days, longer than the longest gap');
    expect(gapTitle(GAPS[3]!, TODAY)).toBe('Fri 20 Mar to today: 41 days, longer than the longest gap, still running');
  });

  it('summarises the whole timeline', () => {
    expect(timelineSummary(GAPS, DAYS, TODAY)).toBe('3 catch-ups since Sun 11 Jan; 2 gaps longer than the longest agreed gap');
    expect(timelineSummary([], [], TODAY)).toBe('No catch-ups yet');
    expect(timelineSummary([{ ...GAPS[0]!, open: true }], [], TODAY)).toBe(
      'No catch-ups yet; every gap within the agreed cadence',
    );
    expect(timelineSummary([{ ...GAPS[0]!, kind: 'pastCadence' }], ['2026-01-11'], TODAY)).toBe(
      '1 catch-up since Sun 11 Jan; 1 gap longer than agreed, none past the longest gap',
    );
  });
});
