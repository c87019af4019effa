// Shown while the circle is not open: opening, locked by the user, or locked because it
// cannot be opened. Deliberately shows nothing personal: no names, no journal words, no
// counts; and the app shows only this, so the page holds nothing else either.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type RecoveryUnlock, api, toErrorPayload } from '../../api';
import type { AppStatus } from '../../bindings/AppStatus';
import type { BackupFile } from '../../bindings/BackupFile';
import type { BackupPreview } from '../../bindings/BackupPreview';
import type { KeySource } from '../../bindings/KeySource';
import type { LockReason } from '../../bindings/LockReason';
import { BackupPreviewFacts } from '../backups/BackupPreviewFacts';
import { Day } from '../../ui/Day';
import { FieldError, FormError, focusById } from '../../ui/Dialog';
import { backupKindLabel, cleanPath, formatBytes, localDay, localTime, suggestedBackup } from '../backups/dataFiles';
import { PASSPHRASE_HINT, checkNewPassphrase, cleanKey, lockedRestoreText } from './security';
import { described } from '../../ui/Field';
import '../mentors/mentor.css';
import './security.css';

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
  restore,
}: {
  heading?: string;
  message: string;
  onRetry: () => Promise<void>;
  /** "Restore from a backup instead", when the file may be what is wrong. */
  restore?: ComponentChildren;
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
    <div class={restore ? 'center-screen center-screen-tall' : 'center-screen'}>
      <div class={restore ? 'locked locked-wide' : 'locked'}>
        <LockIcon />
        <h1>{heading}</h1>
        <p role="status">{message}</p>
        <button ref={button} type="button" class="button button-primary" disabled={trying} onClick={retry}>
          {trying ? 'Trying…' : 'Try again'}
        </button>
        {restore}
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

function LockedFrame({
  heading,
  message,
  wide = false,
  children,
}: {
  heading: string;
  message: string;
  /** Room for a list of backups; the page scrolls when it is taller than the window. */
  wide?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class={wide ? 'center-screen center-screen-tall' : 'center-screen'}>
      <div class={wide ? 'locked locked-form locked-wide' : 'locked locked-form'}>
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
            {...described(attempt.fieldError, 'passphrase-error')}
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
  restore,
}: {
  heading?: string;
  message: string;
  onUnlocked: (result: RecoveryUnlock) => void;
  onRetry?: () => Promise<void>;
  onBack?: () => void;
  /** "Restore from a backup instead", when the file may be what is wrong. */
  restore?: ComponentChildren;
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
    <LockedFrame heading={heading} message={message} wide={restore !== undefined}>
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
      {restore}
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
            {...described(errors.again, 'new-passphrase-again-error')}
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

/**
 * Another Mentor Circle has the data folder: this window opens nothing, and trying again
 * cannot help, so there is nothing to press.
 */
export function ElsewhereScreen({ message }: { message: string }) {
  return (
    <LockedFrame heading="Mentor Circle is already open" message={message}>
      <p class="quiet" id="elsewhere-close">
        Closing this window quits this copy of Mentor Circle.
      </p>
    </LockedFrame>
  );
}

interface RestoreProps {
  reason: LockReason | null;
  /** The passphrase field is shown when the circle's key is behind one. */
  keySource: KeySource | null;
  /** The restored circle's status: handled as an unlock's. */
  onRestored: (status: AppStatus) => void;
}

/** The circle's file is damaged or missing: restore a backup, or try again. */
export function RestoreScreen({
  message,
  onRetry,
  ...restore
}: RestoreProps & { message: string; onRetry: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <LockedFrame heading="Your circle could not be opened" message={message} wide>
      <RestoreSection {...restore} focusOnShow="choice" onBusy={setBusy} />
      <div class="locked-actions">
        <TryAgain onRetry={onRetry} busy={busy} />
      </div>
    </LockedFrame>
  );
}

/** "Restore from a backup instead": the same section, once asked for. */
export function RestoreInstead(props: RestoreProps) {
  const [open, setOpen] = useState(false);
  return open ? (
    <RestoreSection {...props} focusOnShow="heading" />
  ) : (
    <button type="button" id="restore-instead" class="button-link" onClick={() => setOpen(true)}>
      Restore from a backup instead
    </button>
  );
}

type RestoreField = 'path' | 'passphrase' | 'recoveryKey';

const RESTORE_IDS: Record<RestoreField, string> = {
  path: 'locked-restore-path',
  passphrase: 'locked-restore-passphrase',
  recoveryKey: 'locked-restore-recovery-key',
};

type RestoreErrors = Partial<Record<RestoreField | 'backup', string>>;

/** "Yesterday 09:12" as the rows say it; the exact date on hover. */
function BackupWhen({ madeAt, today }: { madeAt: string; today: string }) {
  const time = localTime(madeAt);
  return (
    <>
      <Day iso={localDay(madeAt)} today={today} />
      {time && ` ${time}`}
    </>
  );
}

/**
 * Restore from a backup while locked: one from the data folder (newest first) or a file
 * saved elsewhere, opened with the keyring's key, the passphrase or a recovery key.
 * Preview first; nothing changes until "Restore this backup" is confirmed. Shows no names:
 * this is still the lock screen.
 */
function RestoreSection({
  reason,
  keySource,
  onRestored,
  focusOnShow,
  onBusy,
}: RestoreProps & {
  /** Where the focus goes when the section appears: its heading, or the chosen backup. */
  focusOnShow: 'heading' | 'choice';
  onBusy?: (busy: boolean) => void;
}) {
  const mounted = useMounted();
  // Locked: the backend says no "today"; the rows only need the local day.
  const [today] = useState(() => localDay(new Date().toISOString()));
  const [backups, setBackups] = useState<BackupFile[] | null>(null);
  const [listError, setListError] = useState<string | undefined>();
  /** A backup from the list; `null` when the typed path is used. */
  const [chosen, setChosen] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState<RestoreErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusyState] = useState<'preview' | 'restore' | null>(null);
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  /** The user picked or typed something: the list, once loaded, changes neither choice nor focus. */
  const touched = useRef(false);
  const askPassphrase = keySource === 'passphrase';

  const setBusy = (next: 'preview' | 'restore' | null) => {
    setBusyState(next);
    onBusy?.(next !== null);
  };

  useEffect(() => {
    if (focusOnShow === 'heading') heading.current?.focus();
    api.lockedBackups().then(
      (list) => {
        if (!mounted.current) return;
        setBackups(list);
        // Not over what the user has already picked or typed meanwhile.
        if (touched.current) return;
        const first = suggestedBackup(list);
        setChosen(first);
        if (focusOnShow === 'choice') {
          const at = first === null ? -1 : list.findIndex((b) => b.path === first);
          focusById(at < 0 ? RESTORE_IDS.path : `locked-backup-${at}`);
        }
      },
      (e) => {
        if (!mounted.current) return;
        setBackups([]);
        setListError(toErrorPayload(e).message);
        if (focusOnShow === 'choice' && !touched.current) focusById(RESTORE_IDS.path);
      },
    );
  }, []);

  useEffect(() => {
    if (confirming) focusById('locked-restore-cancel');
  }, [confirming]);

  const source = chosen ?? cleanPath(typed);
  const chosenFile = chosen === null ? undefined : backups?.find((b) => b.path === chosen);
  const passphraseOrNull = () => (askPassphrase && passphrase.trim() !== '' ? passphrase : null);
  const keyOrNull = () => (cleanKey(key) === '' ? null : cleanKey(key));

  // What was previewed is what gets restored: any change asks for a new preview.
  const changed = () => {
    touched.current = true;
    setPreview(null);
    setConfirming(false);
    setErrors({});
    setFormError(undefined);
  };

  const showError = (e: unknown) => {
    const err = toErrorPayload(e);
    // "No such file" names no field: it is about the path all the same.
    const field = err.kind === 'Invalid' ? err.field : err.kind === 'NotFound' ? 'path' : undefined;
    if (field === 'backup' || (field === 'path' && chosen !== null)) {
      // About the file itself: said under the choice, and read out.
      setErrors({ backup: err.message });
    } else if (field === 'path' || field === 'recoveryKey' || (field === 'passphrase' && askPassphrase)) {
      setErrors({ [field]: err.message });
      focusById(RESTORE_IDS[field]);
    } else {
      setFormError(err.message);
    }
  };

  const look = async () => {
    if (busy) return;
    setFormError(undefined);
    setConfirming(false);
    if (source === '') {
      setErrors({
        path: backups && backups.length > 0 ? 'Choose a backup above, or type where one is.' : 'Type where the backup is.',
      });
      focusById(RESTORE_IDS.path);
      return;
    }
    if (askPassphrase && passphraseOrNull() === null && keyOrNull() === null) {
      setErrors({ passphrase: 'Type your passphrase, or your recovery key below.' });
      focusById(RESTORE_IDS.passphrase);
      return;
    }
    setErrors({});
    setBusy('preview');
    try {
      const found = await api.previewBackupLocked(source, passphraseOrNull(), keyOrNull());
      if (!mounted.current) return;
      setPreview(found);
      setBusy(null);
      // To what it holds, read out; not to the restore button, where a second Enter would restore.
      focusById('locked-restore-preview-result');
    } catch (e) {
      if (!mounted.current) return;
      setBusy(null);
      setPreview(null);
      showError(e);
    }
  };

  const restore = async () => {
    if (busy || !preview) return;
    setFormError(undefined);
    setBusy('restore');
    try {
      const status = await api.restoreBackupLocked(source, passphraseOrNull(), keyOrNull());
      // Nothing typed stays in memory once it has been used.
      setPassphrase('');
      setKey('');
      onRestored(status);
      // Still here: the restored circle is locked for another reason, said above.
      if (mounted.current) {
        setBusy(null);
        setConfirming(false);
        setPreview(null);
      }
    } catch (e) {
      if (!mounted.current) return;
      setBusy(null);
      setConfirming(false);
      showError(e);
    }
  };

  const locked = busy === 'restore';
  const pathDescribed = ['locked-restore-path-hint', errors.path ? 'locked-restore-path-error' : undefined]
    .filter(Boolean)
    .join(' ');
  const keyDescribed = ['locked-restore-recovery-key-hint', errors.recoveryKey ? 'locked-restore-recovery-key-error' : undefined]
    .filter(Boolean)
    .join(' ');

  return (
    <section class="locked-restore" aria-labelledby="locked-restore-heading">
      <h2 ref={heading} id="locked-restore-heading" tabIndex={-1}>
        Restore from a backup
      </h2>
      <form
        class="form locked-fields"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void look();
        }}
      >
        {backups === null ? (
          <p class="quiet">Looking for backups…</p>
        ) : backups.length === 0 ? (
          <p id="locked-restore-empty">
            {listError ?? 'There are no backups in Mentor Circle’s data folder.'} If you saved one with “Back up
            now”, type where it is below.
          </p>
        ) : (
          <fieldset class="field" {...(errors.backup ? { 'aria-describedby': 'locked-restore-backup-error' } : {})}>
            <legend>Backups Mentor Circle kept, newest first</legend>
            <div class="locked-backups">
              {backups.map((b, i) => (
                <div class="check locked-backup-row" key={b.path} title={b.path}>
                  <input
                    id={`locked-backup-${i}`}
                    type="radio"
                    name="locked-backup"
                    value={b.path}
                    checked={chosen === b.path}
                    disabled={locked}
                    onChange={() => {
                      setChosen(b.path);
                      setTyped('');
                      changed();
                    }}
                  />
                  <label for={`locked-backup-${i}`}>
                    <BackupWhen madeAt={b.madeAt} today={today} />
                    <span class="quiet">
                      {' · '}
                      {backupKindLabel(b.kind)}
                      {' · '}
                      {formatBytes(b.bytes)}
                    </span>
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        )}
        {errors.backup && (
          <p class="field-error" id="locked-restore-backup-error" role="alert">
            {errors.backup}
          </p>
        )}
        <div class="field">
          <label for="locked-restore-path">Or a backup file</label>
          <input
            id="locked-restore-path"
            type="text"
            class="mono"
            autocomplete="off"
            spellcheck={false}
            value={typed}
            readOnly={locked}
            onInput={(e) => {
              setTyped(e.currentTarget.value);
              setChosen(null);
              changed();
            }}
            aria-describedby={pathDescribed}
            {...(errors.path ? { 'aria-invalid': true } : {})}
          />
          <FieldError id="locked-restore-path-error" message={errors.path} />
          <p class="field-hint" id="locked-restore-path-hint">
            The whole path of a backup you saved with “Back up now”. Enter previews it.
          </p>
        </div>
        {askPassphrase && (
          <div class="field">
            <label for="locked-restore-passphrase">Passphrase</label>
            <input
              id="locked-restore-passphrase"
              type="password"
              autocomplete="current-password"
              value={passphrase}
              readOnly={locked}
              onInput={(e) => {
                setPassphrase(e.currentTarget.value);
                changed();
              }}
              {...(errors.passphrase
                ? { 'aria-invalid': true, 'aria-describedby': 'locked-restore-passphrase-error' }
                : {})}
            />
            <FieldError id="locked-restore-passphrase-error" message={errors.passphrase} />
          </div>
        )}
        <div class="field">
          <label for="locked-restore-recovery-key">Recovery key (optional)</label>
          <input
            id="locked-restore-recovery-key"
            type="text"
            class="mono"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            value={key}
            readOnly={locked}
            onInput={(e) => {
              setKey(e.currentTarget.value);
              changed();
            }}
            aria-describedby={keyDescribed}
            {...(errors.recoveryKey ? { 'aria-invalid': true } : {})}
          />
          <FieldError id="locked-restore-recovery-key-error" message={errors.recoveryKey} />
          <p class="field-hint" id="locked-restore-recovery-key-hint">
            Only if the backup was made under another key, or your keyring lost the key. Dashes and spaces don’t matter.
          </p>
        </div>

        {preview && <BackupPreviewFacts id="locked-restore-preview-result" preview={preview} today={today} />}

        <FormError message={formError} />
        {confirming ? (
          <div
            class="locked-confirm"
            role="alertdialog"
            aria-labelledby="locked-restore-question"
            aria-describedby="locked-restore-what"
            onKeyDown={(e) => {
              if (e.key === 'Escape' && !locked) {
                e.preventDefault();
                setConfirming(false);
                focusById('locked-restore-confirm');
              }
            }}
          >
            <p class="locked-confirm-question" id="locked-restore-question">
              Replace your circle with this backup?
            </p>
            <p id="locked-restore-what">
              {lockedRestoreText(reason)} Your circle will be as it was{' '}
              {chosenFile ? (
                <>
                  when this backup was made: <BackupWhen madeAt={chosenFile.madeAt} today={today} />.
                </>
              ) : (
                'when this backup was made.'
              )}
            </p>
            <div class="locked-actions">
              <button
                type="button"
                id="locked-restore-cancel"
                class="button"
                disabled={locked}
                onClick={() => {
                  setConfirming(false);
                  focusById('locked-restore-confirm');
                }}
              >
                Cancel
              </button>
              <button
                type="button"
                id="locked-restore-yes"
                class="button button-danger"
                disabled={locked}
                onClick={() => void restore()}
              >
                {locked ? 'Restoring…' : 'Yes, restore it'}
              </button>
            </div>
          </div>
        ) : (
          <div class="locked-actions">
            <button
              type="submit"
              id="locked-restore-preview"
              class={preview ? 'button' : 'button button-primary'}
              disabled={busy !== null}
            >
              {busy === 'preview' ? 'Opening…' : 'Preview'}
            </button>
            {preview && (
              <button
                type="button"
                id="locked-restore-confirm"
                class="button button-danger"
                disabled={busy !== null}
                onClick={() => setConfirming(true)}
              >
                Restore this backup
              </button>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
