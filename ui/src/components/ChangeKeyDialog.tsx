import { useState } from 'preact/hooks';
import { type Security, api, toErrorPayload } from '../api';
import type { KeySource } from '../bindings/KeySource';
import { useApp } from '../context';
import { shortcut } from '../keys';
import { PASSPHRASE_HINT, checkNewPassphrase } from '../security';
import { Dialog, FieldError, FormError, SaveForm, focusById } from './Dialog';
import { FormFooter } from './FormFooter';
import '../mentor.css';
import '../security.css';

const REENCRYPTS = 'This re-encrypts your circle with a new key and gives you a new recovery key.';

/** What happens to backups: said before the user agrees. */
const BACKUPS_KEEP =
  'The backups Mentor Circle keeps in its data folder are re-encrypted too, so your new recovery key opens them. Backups you saved elsewhere with “Back up now” keep the old key: keep your old recovery key with those.';

interface Props {
  to: KeySource;
  /** Where the key is kept now. */
  from: KeySource;
  onClose: () => void;
  onChanged: (security: Security) => void;
}

/** Moves the key behind a (new) passphrase, or into the system keyring. */
export function ChangeKeyDialog({ to, from, onClose, onChanged }: Props) {
  return to === 'passphrase' ? (
    <PassphraseDialog changing={from === 'passphrase'} onClose={onClose} onChanged={onChanged} />
  ) : (
    <KeyringDialog onClose={onClose} onChanged={onChanged} />
  );
}

function PassphraseDialog({
  changing,
  onClose,
  onChanged,
}: {
  changing: boolean;
  onClose: () => void;
  onChanged: (security: Security) => void;
}) {
  const app = useApp();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ first?: string | undefined; again?: string | undefined }>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (saving) return;
    const found = checkNewPassphrase(passphrase, again);
    setErrors(found);
    setFormError(undefined);
    if (found.first || found.again) {
      focusById(found.first ? 'change-passphrase' : 'change-passphrase-again');
      return;
    }
    setSaving(true);
    try {
      onChanged(await api.changeKey('passphrase', passphrase));
    } catch (e) {
      setSaving(false);
      const err = toErrorPayload(e);
      if (err.kind === 'Invalid' && err.field === 'passphrase') {
        setErrors({ first: err.message });
        focusById('change-passphrase');
      } else if (err.kind === 'Invalid' || err.kind === 'Conflict') {
        setFormError(err.message);
      } else {
        app.fail(err);
      }
    }
  };

  const described = (error: string | undefined, id: string, hint?: string) => {
    const ids = [hint, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
    return { ...(error ? { 'aria-invalid': true } : {}), ...(ids ? { 'aria-describedby': ids } : {}) };
  };

  return (
    <Dialog
      title={changing ? 'Change passphrase' : 'Use a passphrase instead'}
      dirty={passphrase !== '' || again !== ''}
      // Re-encrypting cannot be stopped half way: the dialog stays until it is done.
      onClose={saving ? () => {} : onClose}
      size="narrow"
    >
      {(requestClose) => (
        <SaveForm onSave={() => void save()}>
          <p>
            {changing
              ? 'You’ll type the new passphrase each time you unlock Mentor Circle.'
              : 'Mentor Circle will ask for this passphrase each time it opens or unlocks, instead of using the system keyring.'}{' '}
            {REENCRYPTS}
          </p>
          <p class="quiet" id="change-key-backups">
            {BACKUPS_KEEP}
          </p>
          <div class="field">
            <label for="change-passphrase">New passphrase</label>
            <input
              id="change-passphrase"
              type="password"
              autocomplete="new-password"
              value={passphrase}
              readOnly={saving}
              data-autofocus
              onInput={(e) => {
                setPassphrase(e.currentTarget.value);
                setErrors({});
              }}
              {...described(errors.first, 'change-passphrase', 'change-passphrase-hint')}
            />
            <FieldError id="change-passphrase-error" message={errors.first} />
            <p class="field-hint" id="change-passphrase-hint">
              {PASSPHRASE_HINT}
            </p>
          </div>
          <div class="field">
            <label for="change-passphrase-again">New passphrase again</label>
            <input
              id="change-passphrase-again"
              type="password"
              autocomplete="new-password"
              value={again}
              readOnly={saving}
              onInput={(e) => {
                setAgain(e.currentTarget.value);
                setErrors((es) => ({ ...es, again: undefined }));
              }}
              {...described(errors.again, 'change-passphrase-again')}
            />
            <FieldError id="change-passphrase-again-error" message={errors.again} />
          </div>
          <FormFooter
            formError={formError}
            onCancel={requestClose}
            saving={saving}
            saveId="change-passphrase-save"
            saveLabel={changing ? 'Change passphrase' : 'Use this passphrase'}
            savingLabel="Re-encrypting…"
            saveTitle={`Save (Enter, or ${shortcut('Enter')})`}
          />
        </SaveForm>
      )}
    </Dialog>
  );
}

function KeyringDialog({ onClose, onChanged }: { onClose: () => void; onChanged: (security: Security) => void }) {
  const app = useApp();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | undefined>();

  const save = () => {
    if (saving) return;
    setSaving(true);
    setFormError(undefined);
    api.changeKey('keyring', null).then(onChanged, (e) => {
      setSaving(false);
      const err = toErrorPayload(e);
      if (err.kind === 'Invalid' || err.kind === 'Conflict') setFormError(err.message);
      else app.fail(err);
    });
  };

  return (
    <Dialog title="Keep the key in the system keyring?" onClose={saving ? () => {} : onClose} size="narrow">
      {(requestClose) => (
        <>
          <p>
            Mentor Circle will open without a passphrase whenever you’re logged in to this computer. {REENCRYPTS}
          </p>
          <p class="quiet" id="change-key-backups">
            {BACKUPS_KEEP}
          </p>
          <FormError message={formError} />
          <div class="dialog-actions">
            <button type="button" class="button" data-autofocus onClick={requestClose} title="Cancel (Esc)">
              Cancel
            </button>
            <button type="button" id="use-keyring-confirm" class="button button-primary" disabled={saving} onClick={save}>
              {saving ? 'Re-encrypting…' : 'Use the system keyring'}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
