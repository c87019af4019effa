/** A small crescent moon, shown with the words "snoozed" (never instead of them). */
export function SnoozeIcon() {
  return (
    <svg class="snooze-icon" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
      <path d="M8.5 1.2A5 5 0 1 0 10.8 8 4 4 0 0 1 8.5 1.2Z" fill="none" stroke="currentColor" stroke-width="1.3" />
    </svg>
  );
}
