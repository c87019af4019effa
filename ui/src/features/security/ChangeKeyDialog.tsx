import { useState } from 'preact/hooks';
import { type Security, api, toErrorPayload } from '../../api';
import type { KeySource } from '../../bindings/KeySource';
import { useApp } from '../../context';
import { shortcut } from '../../ui/keys';
import { PASSPHRASE_HINT, checkNewPassphrase } from './security';
import { Dialog, FieldError, SaveForm, focusById } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { described } from '../../ui/Field';
import '../mentors/mentor.css';
import './security.css';

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
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{
    current?: string | undefined;
    first?: string | undefined;
    again?: string | undefined;
  }>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (saving) return;
    const found = {
      current: changing && current === '' ? CURRENT_NEEDED : undefined,
      ...checkNewPassphrase(passphrase, again),
    };
    setErrors(found);
    setFormError(undefined);
    if (found.current || found.first || found.again) {
      focusById(found.current ? 'change-current' : found.first ? 'change-passphrase' : 'change-passphrase-again');
      return;
    }
    setSaving(true);
    try {
      onChanged(await api.changeKey('passphrase', passphrase, changing ? current : null));
    } catch (e) {
      setSaving(false);
      const err = toErrorPayload(e);
      if (err.kind === 'Invalid' && err.field === 'current') {
        setErrors({ current: err.message });
        focusById('change-current');
      } else if (err.kind === 'Invalid' && err.field === 'passphrase') {
        setErrors({ first: err.message });
        focusById('change-passphrase');
      } else if (err.kind === 'Invalid' || err.kind === 'Conflict') {
        setFormError(err.message);
      } else {
        app.fail(err);
      }
    }
  };

  const describedAs = (error: string | undefined, id: string, hint?: string) => described(error, `${id}-error`, hint);

  return (
    <Dialog
      title={changing ? 'Change passphrase' : 'Use a passphrase instead'}
      dirty={current !== '' || passphrase !== '' || again !== ''}
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
          {changing && (
            <CurrentPassphrase
              id="change-current"
              value={current}
              error={errors.current}
              readOnly={saving}
              onInput={(value) => {
                setCurrent(value);
                setErrors((es) => ({ ...es, current: undefined }));
              }}
            />
          )}
          <div class="field">
            <label for="change-passphrase">New passphrase</label>
            <input
              id="change-passphrase"
              type="password"
              autocomplete="new-password"
              value={passphrase}
              readOnly={saving}
              {...(changing ? {} : { 'data-autofocus': true })}
              onInput={(e) => {
                setPassphrase(e.currentTarget.value);
                setErrors({});
              }}
              {...describedAs(errors.first, 'change-passphrase', 'change-passphrase-hint')}
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
              {...describedAs(errors.again, 'change-passphrase-again')}
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
  const [current, setCurrent] = useState('');
  const [currentError, setCurrentError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | undefined>();

  const save = () => {
    if (saving) return;
    setFormError(undefined);
    if (current === '') {
      setCurrentError(CURRENT_NEEDED);
      focusById('keyring-current');
      return;
    }
    setSaving(true);
    api.changeKey('keyring', null, current).then(onChanged, (e) => {
      setSaving(false);
      const err = toErrorPayload(e);
      if (err.kind === 'Invalid' && err.field === 'current') {
        setCurrentError(err.message);
        focusById('keyring-current');
      } else if (err.kind === 'Invalid' || err.kind === 'Conflict') setFormError(err.message);
      else app.fail(err);
    });
  };

  return (
    <Dialog
      title="Keep the key in the system keyring?"
      dirty={current !== ''}
      onClose={saving ? () => {} : onClose}
      size="narrow"
    >
      {(requestClose) => (
        <SaveForm onSave={save}>
          <p>
            Mentor Circle will open without a passphrase whenever you’re logged in to this computer. {REENCRYPTS}
          </p>
          <p class="quiet" id="change-key-backups">
            {BACKUPS_KEEP}
          </p>
          <CurrentPassphrase
            id="keyring-current"
            value={current}
            error={currentError}
            readOnly={saving}
            onInput={(value) => {
              setCurrent(value);
              setCurrentError(undefined);
            }}
          />
          <FormFooter
            formError={formError}
            onCancel={requestClose}
            saving={saving}
            saveId="use-keyring-confirm"
            saveLabel="Use the system keyring"
            savingLabel="Re-encrypting…"
            saveTitle={`Save (Enter, or ${shortcut('Enter')})`}
          />
        </SaveForm>
      )}
    </Dialog>
  );
}

const CURRENT_NEEDED = 'Type your current passphrase: a change of protection needs it.';

/** The passphrase in use: a key change is never made without it. */
function CurrentPassphrase({
  id,
  value,
  error,
  readOnly,
  onInput,
}: {
  id: string;
  value: string;
  error: string | undefined;
  readOnly: boolean;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>Current passphrase</label>
      <input
        id={id}
        type="password"
        autocomplete="current-password"
        value={value}
        readOnly={readOnly}
        data-autofocus
        onInput={(e) => onInput(e.currentTarget.value)}
        {...described(error, `${id}-error`)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
