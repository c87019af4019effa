// The recovery key, shown until the user proves they saved it by typing one group back.
// Not dismissable any other way (it is the only way back in), but it never blocks the app.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type RecoveryKeyView, type Security, api, toErrorPayload } from '../../api';
import { useApp } from '../../context';
import { checkGroupLabel, cleanKey } from './security';
import { takeFirst } from '../../data/firstScreen';
import { useQueryState } from '../../data/hooks';
import { keys } from '../../data/keys';
import { FieldError } from '../../ui/Dialog';
import { described } from '../../ui/Field';
import '../mentors/mentor.css';
import './security.css';

interface Props {
  /** After the user confirmed they saved it; the card is gone by then. */
  onSaved?: (security: Security) => void;
  /**
   * One slim row until the user asks to see the key (on Today, where a full card pushed
   * the due list below the window's first screen); the whole card once the key is shown.
   */
  compact?: boolean;
}

/**
 * Asks the backend whether the key still needs saving (again whenever `keys.recovery` is
 * invalidated, such as after a key change) and, if so, offers to show it. The key itself is
 * handed to the window only once the user confirms in a native dialog, which a script in
 * the page cannot answer.
 */
export function RecoveryKeyCard({ onSaved, compact = false }: Props) {
  const app = useApp();
  // On the first screen, start-up's answer said whether the key waits to be saved.
  const recovery = useQueryState(
    keys.recovery,
    () => api.security().then((s) => ({ waiting: !s.recoveryKeySaved })),
    // A new answer (after a key change, say) hides a key shown before it.
    { initial: () => takeFirst('recovery'), onData: () => setView(null), onError: app.fail },
  );
  const waiting = recovery.data?.waiting ?? false;
  const setWaiting = (w: boolean) => recovery.update(() => ({ waiting: w }));
  const [view, setView] = useState<RecoveryKeyView | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [showError, setShowError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  if (!waiting) return null;

  const show = () => {
    if (busy) return;
    setBusy(true);
    setShowError(undefined);
    api.recoveryKey().then(
      (v) => {
        setBusy(false);
        setView(v);
      },
      (e) => {
        setBusy(false);
        const err = toErrorPayload(e);
        if (err.kind !== 'Conflict') return app.fail(err);
        // The user chose Cancel, or the key was saved meanwhile (another screen).
        api.security().then(
          (s) => (s.recoveryKeySaved ? setWaiting(false) : setShowError(err.message)),
          (e2) => app.fail(e2),
        );
      },
    );
  };

  if (!view) {
    const button = (
      <button
        type="button"
        id="recovery-show"
        class={compact ? 'button button-small button-primary' : 'button button-primary'}
        // The slim row has no room for the advice the card gives in words.
        {...(compact ? { title: 'Show it when no one can see your screen' } : {})}
        disabled={busy}
        onClick={show}
      >
        {busy ? 'Waiting for your answer…' : 'Show my recovery key'}
      </button>
    );
    if (compact) {
      return (
        <section class="banner recovery-banner" id="recovery-key-card" aria-labelledby="recovery-key-heading">
          <div class="banner-text">
            <h2 class="banner-heading" id="recovery-key-heading">
              Save your recovery key
            </h2>
            <p class="banner-detail">It’s the only way back in if the keyring is reset or you forget your passphrase.</p>
          </div>
          <div class="banner-actions">{button}</div>
          <FieldError id="recovery-show-error" message={showError} />
        </section>
      );
    }
    return (
      <Card advice="Show it when no one can see your screen, and keep it somewhere safe, away from this laptop.">
        <div class="button-row recovery-actions">{button}</div>
        <FieldError id="recovery-show-error" message={showError} />
      </Card>
    );
  }

  const copy = () => {
    navigator.clipboard.writeText(view.key).then(
      () => app.toast('Recovery key copied. Paste it somewhere safe, away from this laptop.'),
      () => app.toast('Couldn’t copy it. Select the key and copy it, or print it.'),
    );
  };

  const confirm = () => {
    if (busy) return;
    if (cleanKey(typed) === '') {
      setError(`Type group ${view.checkGroup} of the key, as you saved it.`);
      document.getElementById('recovery-check')?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    api.confirmRecoveryKey(cleanKey(typed)).then(
      (security) => {
        setBusy(false);
        setView(null);
        setWaiting(false);
        setTyped('');
        app.toast('Recovery key saved. It won’t be shown again.');
        onSaved?.(security);
        // The card is gone: start the screen again from the top.
        document.getElementById('main')?.focus();
      },
      (e) => {
        setBusy(false);
        const err = toErrorPayload(e);
        if (err.kind === 'Invalid') {
          setError(err.message);
          document.getElementById('recovery-check')?.focus();
        } else if (err.kind === 'Conflict') {
          setView(null);
          setWaiting(false);
        } else {
          app.fail(err);
        }
      },
    );
  };

  const label = checkGroupLabel(view.checkGroup);
  return (
    <Card advice="Keep it somewhere safe, away from this laptop.">
      <p class="print-only">Mentor Circle recovery key</p>
      <pre class="recovery-key" id="recovery-key-text" aria-label="Your recovery key">
        {view.key}
      </pre>
      <div class="button-row recovery-actions">
        <button type="button" id="recovery-copy" class="button" onClick={copy}>
          Copy
        </button>
        <button type="button" id="recovery-print" class="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <form
        class="recovery-check"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
      >
        <div class="field">
          <label for="recovery-check">{label}</label>
          <div class="recovery-check-row">
            <input
              id="recovery-check"
              type="text"
              class="mono"
              autocomplete="off"
              autocapitalize="off"
              spellcheck={false}
              value={typed}
              onInput={(e) => {
                setTyped(e.currentTarget.value);
                setError(undefined);
              }}
              {...described(error, 'recovery-check-error')}
            />
            <button type="submit" id="recovery-confirm" class="button button-primary" disabled={busy}>
              {busy ? 'Checking…' : 'I’ve saved it'}
            </button>
          </div>
          <FieldError id="recovery-check-error" message={error} />
        </div>
      </form>
    </Card>
  );
}

/** The card around the key, offered or shown: why it matters, then `advice`. */
function Card({ advice, children }: { advice: string; children: ComponentChildren }) {
  return (
    <section class="card recovery-card" id="recovery-key-card" aria-labelledby="recovery-key-heading">
      <h2 class="card-heading" id="recovery-key-heading">
        Save your recovery key
      </h2>
      <p>
        If the system keyring is reset or you forget your passphrase, this key is the only way back into your circle and
        its backups. {advice}
      </p>
      {children}
    </section>
  );
}
