// Shown while the circle is not open: opening, locked by the user, or locked because it
// cannot be opened. Deliberately shows nothing personal: no names, no journal words, no
// counts; and the app shows only this, so the page holds nothing else either.
import { useEffect, useRef, useState } from 'preact/hooks';

export function Opening() {
  return (
    <div class="center-screen">
      <p class="quiet" role="status">
        Opening your circle…
      </p>
    </div>
  );
}

function LockIcon() {
  return (
    <svg class="lock-icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
      <rect x="5" y="10" width="14" height="10" rx="2" fill="none" stroke="currentColor" stroke-width="1.5" />
      <path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}

/**
 * Locked by the user (the shortcut, the sidebar, Settings, the tray or after idle). The
 * Unlock button has the focus, so Enter unlocks.
 */
export function LockScreen({ message, onUnlock }: { message: string; onUnlock: () => Promise<void> }) {
  const [unlocking, setUnlocking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  // Not the autofocus attribute: browsers honour it only once per page.
  useEffect(() => {
    if (!unlocking) button.current?.focus();
  }, [unlocking]);
  const unlock = () => {
    if (unlocking) return;
    setUnlocking(true);
    onUnlock().finally(() => {
      if (mounted.current) setUnlocking(false);
    });
  };
  return (
    <div class="center-screen">
      <div class="locked">
        <LockIcon />
        <h1>Mentor Circle is locked</h1>
        <p role="status">{message}</p>
        <button
          ref={button}
          id="unlock"
          type="button"
          class="button button-primary"
          disabled={unlocking}
          onClick={unlock}
        >
          {unlocking ? 'Unlocking…' : 'Unlock'}
        </button>
      </div>
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
  const button = useRef<HTMLButtonElement>(null);
  // Keyboard users who pressed Enter to unlock are still on a button.
  useEffect(() => {
    if (!trying) button.current?.focus();
  }, [trying]);
  const retry = () => {
    setTrying(true);
    onRetry().finally(() => setTrying(false));
  };
  return (
    <div class="center-screen">
      <div class="locked">
        <LockIcon />
        <h1>{heading}</h1>
        <p role="status">{message}</p>
        <button ref={button} type="button" class="button button-primary" disabled={trying} onClick={retry}>
          {trying ? 'Trying…' : 'Try again'}
        </button>
      </div>
    </div>
  );
}
