import { useEffect, useState } from 'preact/hooks';
import { api, toErrorPayload } from '../../api';
import type { BackupPreview } from '../../bindings/BackupPreview';
import { useApp } from '../../context';
import { backupFileName, cleanPath, joinPath } from './dataFiles';
import { cleanKey } from '../security/security';
import { shortcut } from '../../ui/keys';
import { useSuggestedFolder } from './useSuggestedFolder';
import { BackupPreviewFacts } from './BackupPreviewFacts';
import { Dialog, FieldError, FormError, SaveForm, focusById, showSaveError } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { described } from '../../ui/Field';
import '../mentors/mentor.css';
import '../security/security.css';

/** "Back up now…": a path prefilled in the Documents folder. */
export function BackUpNowDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (bytes: number) => void }) {
  const app = useApp();
  const folder = useSuggestedFolder();
  const [path, setPath] = useState('');
  const [edited, setEdited] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (folder !== null && !edited) setPath(joinPath(folder, backupFileName(app.today)));
  }, [folder]);

  const save = async () => {
    if (saving) return;
    setFormError(undefined);
    if (cleanPath(path) === '') {
      setError('Type where to save the backup, such as a folder on a USB drive.');
      focusById('backup-path');
      return;
    }
    setError(undefined);
    setSaving(true);
    try {
      onSaved(await api.backUpNow(cleanPath(path)));
    } catch (e) {
      setSaving(false);
      showSaveError(e, { path: 'backup-path' }, { setErrors: (errs) => setError(errs.path), setFormError, fail: app.fail });
    }
  };

  return (
    <Dialog title="Back up now" dirty={edited} onClose={onClose}>
      {(requestClose) => (
        <SaveForm onSave={() => void save()}>
          <div class="field">
            <label for="backup-path">Save the backup as</label>
            <input
              id="backup-path"
              type="text"
              class="mono"
              autocomplete="off"
              spellcheck={false}
              value={path}
              placeholder={folder === null ? 'Finding your Documents folder…' : undefined}
              data-autofocus
              onInput={(e) => {
                setPath(e.currentTarget.value);
                setEdited(true);
                setError(undefined);
              }}
              aria-describedby={error ? 'backup-path-hint backup-path-error' : 'backup-path-hint'}
              {...(error ? { 'aria-invalid': true } : {})}
            />
            <FieldError id="backup-path-error" message={error} />
            <p class="field-hint" id="backup-path-hint">
              A new file. The backup is encrypted with your circle’s key; to open it on another computer you need your
              recovery key.
            </p>
          </div>
          <FormFooter
            formError={formError}
            onCancel={requestClose}
            saving={saving}
            saveId="backup-save"
            saveLabel="Back up"
            savingLabel="Backing up…"
            saveTitle={`Back up (Enter, or ${shortcut('Enter')})`}
          />
        </SaveForm>
      )}
    </Dialog>
  );
}

type RestoreField = 'path' | 'backup';

const RESTORE_IDS: Record<RestoreField | 'recoveryKey', string> = {
  path: 'restore-path',
  backup: 'restore-recovery-key',
  recoveryKey: 'restore-recovery-key',
};

/**
 * "Restore from a backup…": preview what the backup holds, then replace the circle with it
 * (after a safety copy of the circle as it is). Nothing changes until the danger button.
 */
export function RestoreDialog({
  path: startPath = '',
  onClose,
  onRestored,
}: {
  path?: string | undefined;
  onClose: () => void;
  onRestored: (safetyCopy: string) => void;
}) {
  const app = useApp();
  const [path, setPath] = useState(startPath);
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState<{ path?: string | undefined; key?: string | undefined }>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState<'preview' | 'restore' | null>(null);
  const [preview, setPreview] = useState<BackupPreview | null>(null);

  const keyOrNull = () => (cleanKey(key) === '' ? null : cleanKey(key));

  const showError = (e: unknown) => {
    const err = toErrorPayload(e);
    if (err.kind === 'Invalid' && (err.field === 'path' || err.field === 'backup' || err.field === 'recoveryKey')) {
      if (err.field === 'path') setErrors({ path: err.message });
      else setErrors({ key: err.message });
      focusById(RESTORE_IDS[err.field]);
    } else if (err.kind === 'Invalid' || err.kind === 'Conflict' || err.kind === 'NotFound') {
      setFormError(err.message);
    } else {
      app.fail(err);
    }
  };

  const look = async () => {
    if (busy) return;
    setFormError(undefined);
    if (cleanPath(path) === '') {
      setErrors({ path: 'Type where the backup is.' });
      focusById('restore-path');
      return;
    }
    setErrors({});
    setBusy('preview');
    try {
      setPreview(await api.previewBackup(cleanPath(path), keyOrNull()));
      setBusy(null);
      // To what it holds, read out; not to the danger button, where a second Enter would restore.
      focusById('restore-preview-result');
    } catch (e) {
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
      onRestored(await api.restoreBackup(cleanPath(path), keyOrNull()));
    } catch (e) {
      setBusy(null);
      showError(e);
    }
  };

  // What was previewed is what gets restored: any change asks for a new preview.
  const changed = () => {
    setPreview(null);
    setErrors({});
    setFormError(undefined);
  };

  return (
    <Dialog
      title="Restore from a backup"
      dirty={path !== startPath || key !== ''}
      onClose={busy === 'restore' ? () => {} : onClose}
    >
      {(requestClose) => (
        <SaveForm onSave={() => void look()}>
          <div class="field">
            <label for="restore-path">Backup file</label>
            <input
              id="restore-path"
              type="text"
              class="mono"
              autocomplete="off"
              spellcheck={false}
              value={path}
              readOnly={busy === 'restore'}
              data-autofocus
              onInput={(e) => {
                setPath(e.currentTarget.value);
                changed();
              }}
              {...described(errors.path, 'restore-path-error')}
            />
            <FieldError id="restore-path-error" message={errors.path} />
          </div>
          <div class="field">
            <label for="restore-recovery-key">Recovery key (for a backup from another machine or an older key)</label>
            <input
              id="restore-recovery-key"
              type="text"
              class="mono"
              autocomplete="off"
              autocapitalize="off"
              spellcheck={false}
              value={key}
              readOnly={busy === 'restore'}
              onInput={(e) => {
                setKey(e.currentTarget.value);
                changed();
              }}
              aria-describedby={errors.key ? 'restore-recovery-key-hint restore-recovery-key-error' : 'restore-recovery-key-hint'}
              {...(errors.key ? { 'aria-invalid': true } : {})}
            />
            <FieldError id="restore-recovery-key-error" message={errors.key} />
            <p class="field-hint" id="restore-recovery-key-hint">
              Optional. Leave it empty for a backup made here with your current key.
            </p>
          </div>

          {preview && (
            <BackupPreviewFacts id="restore-preview-result" preview={preview} today={app.today} names>
              <p>Your circle as it is now is saved as a safety copy first.</p>
            </BackupPreviewFacts>
          )}

          <FormError message={formError} />
          <div class="dialog-actions">
            <button type="button" class="button" onClick={requestClose} title="Cancel (Esc)" disabled={busy === 'restore'}>
              Cancel
            </button>
            <button
              type="submit"
              id="restore-preview"
              class={preview ? 'button' : 'button button-primary'}
              disabled={busy !== null}
              title="Preview (Enter)"
            >
              {busy === 'preview' ? 'Opening…' : 'Preview'}
            </button>
            {preview && (
              <button
                type="button"
                id="restore-confirm"
                class="button button-danger"
                disabled={busy !== null}
                onClick={() => void restore()}
              >
                {busy === 'restore' ? 'Restoring…' : 'Replace my circle with this backup'}
              </button>
            )}
          </div>
        </SaveForm>
      )}
    </Dialog>
  );
}
