import { useId, useMemo } from 'preact/hooks';
import type { Gap } from '../../bindings/Gap';
import type { GapKind } from '../../bindings/GapKind';
import { longDate, shortDate } from '../../ui/dates';
import { CHART, GAP_WORDS, layoutTimeline, timelineSummary } from './timelineGeometry';
import './mentor.css';

interface Props {
  /** The page's gaps, oldest first. */
  gaps: readonly Gap[];
  /** The days of the mentor's catch-ups, in any order. */
  catchUpDays: readonly string[];
  today: string;
}

const KINDS: readonly GapKind[] = ['withinCadence', 'pastCadence', 'pastMaxGap'];

/**
 * The gaps between catch-ups on a time axis, measured against the agreement. Status is
 * never colour alone: each kind has its own thickness (and the longest gaps a hatch and
 * their length in words), and the gap still running is dashed.
 */
export function Timeline({ gaps, catchUpDays, today }: Props) {
  const hatch = `timeline-hatch-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const layout = useMemo(() => layoutTimeline(gaps, catchUpDays, today), [gaps, catchUpDays, today]);
  const summary = useMemo(() => timelineSummary(gaps, catchUpDays, today), [gaps, catchUpDays, today]);

  if (!layout) {
    return (
      <figure class="timeline timeline-empty">
        <figcaption class="timeline-caption">Your timeline starts with your first catch-up.</figcaption>
      </figure>
    );
  }

  const y = CHART.axisY;
  const hasStart = layout.marks.some((m) => m.kind === 'start');
  const hasOpen = gaps.some((g) => g.open);

  return (
    <figure class="timeline">
      <svg
        class="timeline-chart"
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
        focusable="false"
      >
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect class="tl-hatch" x="0" y="0" width="2.5" height="6" />
          </pattern>
        </defs>
        <line class="tl-axis" x1={layout.start.x} y1={y} x2={layout.end.x} y2={y} />
        {layout.segments.map((s) => (
          <g key={s.gap.from} class={`tl-gap tl-${s.gap.kind}${s.gap.open ? ' tl-open' : ''}`}>
            <title>{s.title}</title>
            <line class="tl-bar" x1={s.x1} y1={y} x2={s.x2} y2={y} />
            {s.gap.kind === 'pastMaxGap' && (
              <line class="tl-bar-hatch" stroke={`url(#${hatch})`} x1={s.x1} y1={y} x2={s.x2} y2={y} />
            )}
            <line class="tl-hit" x1={s.x1} y1={y} x2={s.x2} y2={y} />
            {s.label && (
              <text class="tl-label" x={s.label.x} y={s.label.y} text-anchor="middle">
                {s.label.text}
              </text>
            )}
          </g>
        ))}
        {layout.marks.map((m) => (
          <circle key={m.date} class={`tl-mark tl-mark-${m.kind}`} cx={m.x} cy={y} r={m.kind === 'catchUp' ? 5 : 4.5}>
            <title>{m.kind === 'catchUp' ? `Catch-up on ${longDate(m.date)}` : `Joined your circle on ${longDate(m.date)}`}</title>
          </circle>
        ))}
        <line class="tl-today" x1={layout.end.x} y1={y - 9} x2={layout.end.x} y2={y + 9} />
        <text class="tl-date" x={layout.start.x} y={y + 30} text-anchor="start">
          {shortDate(layout.start.date, today)}
        </text>
        <text class="tl-date" x={layout.end.x} y={y + 30} text-anchor="end">
          today
        </text>
      </svg>
      <figcaption class="timeline-caption">
        <span class="quiet">{summary}.</span>
        <ul class="tl-legend" aria-label="Key">
          {KINDS.map((kind) => (
            <li key={kind}>
              <svg class="tl-swatch" viewBox="0 0 32 14" width="32" height="14" aria-hidden="true" focusable="false">
                <g class={`tl-gap tl-${kind}`}>
                  <line class="tl-bar" x1="2" y1="7" x2="30" y2="7" />
                  {kind === 'pastMaxGap' && <line class="tl-bar-hatch" stroke={`url(#${hatch})`} x1="2" y1="7" x2="30" y2="7" />}
                </g>
              </svg>
              {GAP_WORDS[kind]}
            </li>
          ))}
          {hasOpen && (
            <li>
              <svg class="tl-swatch" viewBox="0 0 32 14" width="32" height="14" aria-hidden="true" focusable="false">
                <g class="tl-gap tl-withinCadence tl-open">
                  <line class="tl-bar" x1="2" y1="7" x2="30" y2="7" />
                </g>
              </svg>
              still running (dashed)
            </li>
          )}
          <li>
            <svg class="tl-swatch" viewBox="0 0 32 14" width="32" height="14" aria-hidden="true" focusable="false">
              <circle class="tl-mark tl-mark-catchUp" cx="16" cy="7" r="5" />
            </svg>
            catch-up
          </li>
          {hasStart && (
            <li>
              <svg class="tl-swatch" viewBox="0 0 32 14" width="32" height="14" aria-hidden="true" focusable="false">
                <circle class="tl-mark tl-mark-start" cx="16" cy="7" r="4.5" />
              </svg>
              joined your circle
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
