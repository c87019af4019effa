import type { CadenceStatus } from '../bindings/CadenceStatus';
import { chipFor } from './status';

/**
 * Status as word + shape, never colour alone. ok stays quiet text, without a chip;
 * a paused mentor (`null`: never due) shows a quiet "paused".
 */
export function StatusChip({ cadence }: { cadence: CadenceStatus | null }) {
  const chip = chipFor(cadence);
  if (chip.kind === 'quiet') return <span class="status-quiet">{chip.text}</span>;
  return (
    <span class={`chip chip-${chip.kind}`}>
      <svg class="chip-icon" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" focusable="false">
        {chip.kind === 'soon' && <circle cx="5" cy="5" r="3.5" fill="none" stroke="currentColor" stroke-width="1.5" />}
        {chip.kind === 'due' && <circle cx="5" cy="5" r="4" fill="currentColor" />}
        {chip.kind === 'over' && <path d="M5 0.5 L9.5 9 L0.5 9 Z" fill="currentColor" />}
      </svg>
      <span class="chip-text">{chip.text}</span>
    </span>
  );
}
