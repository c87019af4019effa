import { useEffect, useState } from 'preact/hooks';
import { type ExportDone, type ExportFormat, api } from '../../api';
import { useApp } from '../../context';
import { EXPORT_FORMATS, canIncludeJournal, cleanPath, exportFileName, exportWarning, joinPath } from '../backups/dataFiles';
import { shortcut } from '../../ui/keys';
import { useSuggestedFolder } from '../backups/useSuggestedFolder';
import { Dialog, FieldError, SaveForm, focusById, showSaveError } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { described } from '../../ui/Field';
import '../mentors/mentor.css';
import '../security/security.css';

/** "Export…": the circle as a file (or a Markdown folder) outside the encrypted database. */
export function ExportDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (done: ExportDone) => void }) {
  const app = useApp();
  const folder = useSuggestedFolder();
  const [format, setFormat] = useState<ExportFormat>('json');
  const [includeJournal, setIncludeJournal] = useState(false);
  const [path, setPath] = useState('');
  // Once the user typed a path, a new format no longer changes it.
  const [edited, setEdited] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (folder !== null && !edited) setPath(joinPath(folder, exportFileName(format, app.today)));
  }, [folder, format]);

  const journal = includeJournal && canIncludeJournal(format);

  const save = async () => {
    if (saving) return;
    setFormError(undefined);
    if (cleanPath(path) === '') {
      setError('Type where to save the export.');
      focusById('export-path');
      return;
    }
    setError(undefined);
    setSaving(true);
    try {
      onSaved(await api.exportCircle(format, cleanPath(path), journal));
    } catch (e) {
      setSaving(false);
      showSaveError(e, { path: 'export-path' }, { setErrors: (errs) => setError(errs.path), setFormError, fail: app.fail });
    }
  };

  return (
    <Dialog title="Export your circle" dirty={edited} onClose={onClose}>
      {(requestClose) => (
        <SaveForm onSave={() => void save()}>
          <fieldset class="field">
            <legend>What to export</legend>
            <div class="radios radios-stacked">
              {EXPORT_FORMATS.map((f, i) => (
                <div class="check" key={f.value}>
                  <input
                    id={`export-format-${f.value}`}
                    type="radio"
                    name="export-format"
                    value={f.value}
                    checked={format === f.value}
                    {...(i === 0 ? { 'data-autofocus': true } : {})}
                    onChange={() => setFormat(f.value)}
                  />
                  <label for={`export-format-${f.value}`}>{f.label}</label>
                </div>
              ))}
            </div>
          </fieldset>

          {canIncludeJournal(format) && (
            <div class="check">
              <input
                id="export-include-journal"
                type="checkbox"
                checked={includeJournal}
                onChange={(e) => setIncludeJournal(e.currentTarget.checked)}
              />
              <label for="export-include-journal">Include my journal</label>
            </div>
          )}

          <div class="field">
            <label for="export-path">{format === 'markdown' ? 'Save as a new folder' : 'Save as'}</label>
            <input
              id="export-path"
              type="text"
              class="mono"
              autocomplete="off"
              spellcheck={false}
              value={path}
              onInput={(e) => {
                setPath(e.currentTarget.value);
                setEdited(true);
                setError(undefined);
              }}
              {...described(error, 'export-path-error')}
            />
            <FieldError id="export-path-error" message={error} />
          </div>

          <p class="warning-box" id="export-warning" role="note">
            <span class="warning-mark" aria-hidden="true">
              !
            </span>
            <span>{exportWarning(format, journal)}</span>
          </p>

          <FormFooter
            formError={formError}
            onCancel={requestClose}
            saving={saving}
            saveId="export-save"
            saveLabel="Export"
            savingLabel="Exporting…"
            saveTitle={`Export (Enter, or ${shortcut('Enter')})`}
          />
        </SaveForm>
      )}
    </Dialog>
  );
}
