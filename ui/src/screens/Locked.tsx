// Shown while the circle is not open: opening, locked by the user, or locked because it
// cannot be opened. Deliberately shows nothing personal: no names, no journal words, no
// counts; and the app shows only this, so the page holds nothing else either.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type RecoveryUnlock, api, toErrorPayload } from '../api';
import type { AppStatus } from '../bindings/AppStatus';
import { FieldError, FormError } from '../components/Dialog';
import { PASSPHRASE_HINT, checkNewPassphrase, cleanKey } from '../security';
import '../mentor.css';
import '../security.css';

export function Opening() {
  // Said only when opening takes a while (a keyring asking for its password): a usual
  // start answers in a few dozen milliseconds, and a flash of words would only flicker
  // (and cost start-up a layout of its own).
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), 400);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div class="center-screen">
      {slow && (
        <p class="quiet" role="status">
          Opening your circle…
        </p>
      )}
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

/** Whether the component is still on screen, for answers that come after it has gone. */
function useMounted() {
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  return mounted;
}

/** One of the ways in. Errors that name `field` go under it; others go above the button. */
interface Attempt {
  busy: boolean;
  fieldError: string | undefined;
  formError: string | undefined;
  run: (work: () => Promise<void>) => void;
  clear: () => void;
}

function useAttempt(field: string, focusField: () => void): Attempt {
  const mounted = useMounted();
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const run = (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setFieldError(undefined);
    setFormError(undefined);
    work().then(
      () => mounted.current && setBusy(false),
      (e) => {
        if (!mounted.current) return;
        setBusy(false);
        const err = toErrorPayload(e);
        if (err.kind === 'Invalid' && err.field === field) {
          setFieldError(err.message);
          // After the field is enabled again.
          requestAnimationFrame(focusField);
        } else {
          setFormError(err.message);
        }
      },
    );
  };
  return {
    busy,
    fieldError,
    formError,
    run,
    clear: () => {
      setFieldError(undefined);
      setFormError(undefined);
    },
  };
}

/** Focuses `ref` once on screen (the autofocus attribute works only once per page). */
function useFocusOnMount(ref: { current: HTMLElement | null }) {
  useEffect(() => {
    ref.current?.focus();
  }, []);
}

function LockedFrame({ heading, message, children }: { heading: string; message: string; children: ComponentChildren }) {
  return (
    <div class="center-screen">
      <div class="locked locked-form">
        <LockIcon />
        <h1>{heading}</h1>
        <p role="status">{message}</p>
        {children}
      </div>
    </div>
  );
}

/** "Try again", once something outside the app is fixed (the keyring unlocked, say). */
function TryAgain({ onRetry, busy }: { onRetry: () => Promise<void>; busy: boolean }) {
  const mounted = useMounted();
  const [trying, setTrying] = useState(false);
  const retry = () => {
    setTrying(true);
    onRetry().finally(() => mounted.current && setTrying(false));
  };
  return (
    <button type="button" id="try-again" class="button" disabled={trying || busy} onClick={retry}>
      {trying ? 'Trying…' : 'Try again'}
    </button>
  );
}

/**
 * The key is behind a passphrase: type it. Argon2 takes about half a second, so the button
 * says so meanwhile; the window never waits on it.
 */
export function PassphraseScreen({
  message,
  onUnlocked,
  onUseRecoveryKey,
}: {
  message: string;
  onUnlocked: (status: AppStatus) => void;
  onUseRecoveryKey: () => void;
}) {
  const field = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const attempt = useAttempt('passphrase', () => field.current?.focus());
  useFocusOnMount(field);

  const unlock = () => {
    if (passphrase === '') {
      field.current?.focus();
      return;
    }
    attempt.run(async () => {
      const status = await api.unlockWithPassphrase(passphrase);
      // Nothing typed stays in memory once it has been used.
      setPassphrase('');
      onUnlocked(status);
    });
  };

  return (
    <LockedFrame heading="Mentor Circle is locked" message={message}>
      <form
        class="form locked-fields"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          unlock();
        }}
      >
        <div class="field">
          <label for="passphrase">Passphrase</label>
          <input
            ref={field}
            id="passphrase"
            type="password"
            autocomplete="current-password"
            value={passphrase}
            readOnly={attempt.busy}
            onInput={(e) => {
              setPassphrase(e.currentTarget.value);
              if (attempt.fieldError) attempt.clear();
            }}
            {...(attempt.fieldError ? { 'aria-invalid': true, 'aria-describedby': 'passphrase-error' } : {})}
          />
          <FieldError id="passphrase-error" message={attempt.fieldError} />
        </div>
        <FormError message={attempt.formError} />
        <button id="unlock" type="submit" class="button button-primary" disabled={attempt.busy}>
          {attempt.busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
      <button type="button" id="use-recovery-key" class="button-link" disabled={attempt.busy} onClick={onUseRecoveryKey}>
        Use your recovery key instead
      </button>
    </LockedFrame>
  );
}

/**
 * The recovery key: when the keyring lost or replaced the key, or instead of a forgotten
 * passphrase. `onRetry`: "Try again" (the keyring fixed); `onBack`: back to the passphrase.
 */
export function RecoveryScreen({
  heading = 'Your circle is locked',
  message,
  onUnlocked,
  onRetry,
  onBack,
}: {
  heading?: string;
  message: string;
  onUnlocked: (result: RecoveryUnlock) => void;
  onRetry?: () => Promise<void>;
  onBack?: () => void;
}) {
  const field = useRef<HTMLInputElement>(null);
  const [key, setKey] = useState('');
  const attempt = useAttempt('recoveryKey', () => field.current?.focus());
  useFocusOnMount(field);

  const unlock = () => {
    if (cleanKey(key) === '') {
      field.current?.focus();
      return;
    }
    attempt.run(async () => {
      const result = await api.unlockWithRecoveryKey(cleanKey(key));
      setKey('');
      onUnlocked(result);
    });
  };

  return (
    <LockedFrame heading={heading} message={message}>
      <form
        class="form locked-fields"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          unlock();
        }}
      >
        <div class="field">
          <label for="recovery-key">Recovery key</label>
          <input
            ref={field}
            id="recovery-key"
            type="text"
            class="mono"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            value={key}
            readOnly={attempt.busy}
            onInput={(e) => {
              setKey(e.currentTarget.value);
              if (attempt.fieldError) attempt.clear();
            }}
            aria-describedby={attempt.fieldError ? 'recovery-key-hint recovery-key-error' : 'recovery-key-hint'}
            {...(attempt.fieldError ? { 'aria-invalid': true } : {})}
          />
          <FieldError id="recovery-key-error" message={attempt.fieldError} />
          <p class="field-hint" id="recovery-key-hint">
            The key you saved or printed when you set up Mentor Circle. Dashes and spaces don’t matter.
          </p>
        </div>
        <FormError message={attempt.formError} />
        <div class="locked-actions">
          <button id="unlock-with-recovery-key" type="submit" class="button button-primary" disabled={attempt.busy}>
            {attempt.busy ? 'Unlocking…' : 'Unlock with recovery key'}
          </button>
          {onRetry && <TryAgain onRetry={onRetry} busy={attempt.busy} />}
        </div>
      </form>
      {onBack && (
        <button type="button" id="use-passphrase" class="button-link" disabled={attempt.busy} onClick={onBack}>
          Use your passphrase instead
        </button>
      )}
    </LockedFrame>
  );
}

/** First run without a keyring: a new circle, protected by a passphrase typed twice. */
export function CreateWithPassphrase({
  message,
  onCreated,
  onRetry,
}: {
  message: string;
  onCreated: (status: AppStatus) => void;
  onRetry: () => Promise<void>;
}) {
  const first = useRef<HTMLInputElement>(null);
  const second = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ first?: string; again?: string }>({});
  const attempt = useAttempt('passphrase', () => first.current?.focus());
  useFocusOnMount(first);

  const create = () => {
    const found = checkNewPassphrase(passphrase, again);
    setErrors(found);
    if (found.first) {
      first.current?.focus();
      return;
    }
    if (found.again) {
      second.current?.focus();
      return;
    }
    attempt.run(async () => {
      const status = await api.createWithPassphrase(passphrase);
      setPassphrase('');
      setAgain('');
      onCreated(status);
    });
  };

  const firstError = errors.first ?? attempt.fieldError;
  return (
    <LockedFrame heading="Protect your circle with a passphrase" message={message}>
      <form
        class="form locked-fields"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <div class="field">
          <label for="new-passphrase">Passphrase</label>
          <input
            ref={first}
            id="new-passphrase"
            type="password"
            autocomplete="new-password"
            value={passphrase}
            readOnly={attempt.busy}
            onInput={(e) => {
              setPassphrase(e.currentTarget.value);
              setErrors({});
              attempt.clear();
            }}
            aria-describedby={firstError ? 'new-passphrase-hint new-passphrase-error' : 'new-passphrase-hint'}
            {...(firstError ? { 'aria-invalid': true } : {})}
          />
          <FieldError id="new-passphrase-error" message={firstError} />
          <p class="field-hint" id="new-passphrase-hint">
            {PASSPHRASE_HINT}
          </p>
        </div>
        <div class="field">
          <label for="new-passphrase-again">Passphrase again</label>
          <input
            ref={second}
            id="new-passphrase-again"
            type="password"
            autocomplete="new-password"
            value={again}
            readOnly={attempt.busy}
            onInput={(e) => {
              setAgain(e.currentTarget.value);
              setErrors((es) => ({ ...es, again: undefined }));
            }}
            {...(errors.again ? { 'aria-invalid': true, 'aria-describedby': 'new-passphrase-again-error' } : {})}
          />
          <FieldError id="new-passphrase-again-error" message={errors.again} />
        </div>
        <FormError message={attempt.formError} />
        <div class="locked-actions">
          <button id="create-with-passphrase" type="submit" class="button button-primary" disabled={attempt.busy}>
            {attempt.busy ? 'Creating…' : 'Create my circle'}
          </button>
          <TryAgain onRetry={onRetry} busy={attempt.busy} />
        </div>
      </form>
    </LockedFrame>
  );
}

/** The passphrase, or (asked for) the recovery key instead. */
export function PassphraseOrRecovery({
  message,
  onUnlocked,
  onRecovered,
}: {
  message: string;
  onUnlocked: (status: AppStatus) => void;
  onRecovered: (result: RecoveryUnlock) => void;
}) {
  const [recovery, setRecovery] = useState(false);
  return recovery ? (
    <RecoveryScreen
      heading="Mentor Circle is locked"
      message="Type the recovery key you saved when you set up Mentor Circle."
      onUnlocked={onRecovered}
      onBack={() => setRecovery(false)}
    />
  ) : (
    <PassphraseScreen message={message} onUnlocked={onUnlocked} onUseRecoveryKey={() => setRecovery(true)} />
  );
}
