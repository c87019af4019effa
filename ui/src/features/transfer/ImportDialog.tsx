import { useState } from 'preact/hooks';
import { type ImportPreview, api, toErrorPayload } from '../../api';
import { useApp } from '../../context';
import {
  cleanPath,
  countPreview,
  importButtonLabel,
  importFormatLabel,
  isCircleExport,
  newProspects,
  previewCountsText,
  verdictText,
} from '../backups/dataFiles';
import { Dialog, FieldError, FormError, SaveForm, focusById } from '../../ui/Dialog';
import '../mentors/mentor.css';
import '../security/security.css';

/** Rows shown in the preview table; the counts cover them all. */
const SHOWN_ROWS = 200;

/**
 * "Import…": a contacts file into prospects (previewed row by row; nothing is written until
 * the user imports the new ones), or a Mentor Circle export into an empty circle.
 */
export function ImportDialog({
  onClose,
  onImported,
  onCircleImported,
}: {
  onClose: () => void;
  onImported: (added: number) => void;
  onCircleImported: (mentors: number) => void;
}) {
  const app = useApp();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);

  const circleExport = isCircleExport(path);

  const showError = (e: unknown) => {
    const err = toErrorPayload(e);
    if (err.kind === 'Invalid' && (err.field === 'file' || err.field === 'path')) {
      setError(err.message);
      focusById('import-path');
    } else if (err.kind === 'Invalid' || err.kind === 'Conflict' || err.kind === 'NotFound') {
      setFormError(err.message);
    } else {
      app.fail(err);
    }
  };

  const needPath = () => {
    if (cleanPath(path) !== '') return false;
    setError('Type where the file is.');
    focusById('import-path');
    return true;
  };

  const look = async () => {
    if (busy || needPath()) return;
    // A circle export is not previewed row by row: its button is the next step.
    if (isCircleExport(path)) {
      focusById('import-circle');
      return;
    }
    setError(undefined);
    setFormError(undefined);
    setBusy('preview');
    try {
      const found = await api.previewImport(cleanPath(path));
      setBusy(null);
      setPreview(found);
    } catch (e) {
      setBusy(null);
      setPreview(null);
      showError(e);
    }
  };

  const importCircle = async () => {
    if (busy || needPath()) return;
    setError(undefined);
    setFormError(undefined);
    setBusy('import');
    try {
      onCircleImported(await api.importCircle(cleanPath(path)));
    } catch (e) {
      setBusy(null);
      showError(e);
    }
  };

  const importRows = async () => {
    if (busy || !preview) return;
    const rows = newProspects(preview.rows);
    if (rows.length === 0) return;
    setFormError(undefined);
    setBusy('import');
    try {
      onImported(await api.importProspects(rows));
    } catch (e) {
      setBusy(null);
      showError(e);
    }
  };

  const counts = preview ? countPreview(preview.rows) : null;

  return (
    <Dialog title="Import" dirty={path !== ''} onClose={busy === 'import' ? () => {} : onClose}>
      {(requestClose) => (
        <SaveForm onSave={() => void look()}>
          <div class="field">
            <label for="import-path">File to import</label>
            <input
              id="import-path"
              type="text"
              class="mono"
              autocomplete="off"
              spellcheck={false}
              value={path}
              data-autofocus
              onInput={(e) => {
                setPath(e.currentTarget.value);
                setPreview(null);
                setError(undefined);
                setFormError(undefined);
              }}
              aria-describedby={error ? 'import-path-hint import-path-error' : 'import-path-hint'}
              {...(error ? { 'aria-invalid': true } : {})}
            />
            <FieldError id="import-path-error" message={error} />
            <p class="field-hint" id="import-path-hint">
              Your network’s Connections.csv, another CSV with a name column, contacts (.vcf), or a Mentor Circle export
              (.json).
            </p>
          </div>

          {circleExport && (
            <p class="notice-box" id="import-circle-explanation">
              Restores a Mentor Circle export into an empty circle.
            </p>
          )}

          {preview && counts && (
            <div class="import-preview" role="region" aria-label="What the file holds">
              <p>
                <strong id="import-counts">{previewCountsText(counts)}</strong>
                <span class="quiet"> · {importFormatLabel(preview.format)}</span>
              </p>
              {preview.rows.length === 0 ? (
                <p class="quiet">No rows in this file.</p>
              ) : (
                <div class="table-scroll" tabIndex={0} aria-label="Rows in the file">
                  <table class="preview-table">
                    <thead>
                      <tr>
                        <th scope="col">Line</th>
                        <th scope="col">Name</th>
                        <th scope="col">Organisation</th>
                        <th scope="col">E-mail</th>
                        <th scope="col">Verdict</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.rows.slice(0, SHOWN_ROWS).map((row) => {
                        const p = row.outcome.kind === 'invalid' ? null : row.outcome.prospect;
                        return (
                          <tr key={row.line} class={`verdict-${row.outcome.kind}`}>
                            <td class="num">{row.line}</td>
                            <td>{p?.name ?? ''}</td>
                            <td>{p?.organisation ?? ''}</td>
                            <td>{p?.email ?? ''}</td>
                            <td>{verdictText(row.outcome)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
              {preview.rows.length > SHOWN_ROWS && (
                <p class="quiet">
                  Showing the first {SHOWN_ROWS} of {preview.rows.length} rows; the counts cover them all.
                </p>
              )}
              {counts.problems > 0 && <p>Rows with problems are left out.</p>}
              {counts.known > 0 && <p class="quiet">People already in your circle are left out too.</p>}
            </div>
          )}

          <FormError message={formError} />
          <div class="dialog-actions">
            <button type="button" class="button" onClick={requestClose} title="Cancel (Esc)" disabled={busy === 'import'}>
              Cancel
            </button>
            <button
              type="submit"
              id="import-preview"
              class={preview || circleExport ? 'button' : 'button button-primary'}
              disabled={busy !== null}
              title="Preview (Enter)"
            >
              {busy === 'preview' ? 'Reading…' : 'Preview'}
            </button>
            {circleExport && (
              <button
                type="button"
                id="import-circle"
                class="button button-primary"
                disabled={busy !== null}
                onClick={() => void importCircle()}
              >
                {busy === 'import' ? 'Importing…' : 'Import circle'}
              </button>
            )}
            {!circleExport && preview && counts && (
              <button
                type="button"
                id="import-confirm"
                class="button button-primary"
                disabled={busy !== null || counts.fresh === 0}
                onClick={() => void importRows()}
              >
                {busy === 'import' ? 'Importing…' : importButtonLabel(counts.fresh)}
              </button>
            )}
          </div>
        </SaveForm>
      )}
    </Dialog>
  );
}
