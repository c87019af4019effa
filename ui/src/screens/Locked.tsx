// Shown while the circle cannot be opened. Deliberately shows nothing personal.
import { useState } from 'preact/hooks';

export function Opening() {
  return (
    <div class="center-screen">
      <p class="quiet" role="status">
        Opening your circle…
      </p>
    </div>
  );
}

export function Locked({
  heading = 'Your circle is locked',
  message,
  onRetry,
}: {
  heading?: string;
  message: string;
  onRetry: () => Promise<void>;
}) {
  const [trying, setTrying] = useState(false);
  const retry = () => {
    setTrying(true);
    onRetry().finally(() => setTrying(false));
  };
  return (
    <div class="center-screen">
      <div class="locked">
        <svg class="lock-icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
          <rect x="5" y="10" width="14" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="1.5" />
          <path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="1.5" />
        </svg>
        <h1>{heading}</h1>
        <p role="status">{message}</p>
        <button type="button" class="button button-primary" disabled={trying} onClick={retry}>
          {trying ? 'Trying…' : 'Try again'}
        </button>
      </div>
    </div>
  );
}
