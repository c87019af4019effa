// Removing the sample circle: asked once, from Today's banner or Settings.
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { Dialog } from '../../ui/Dialog';
import { removeSampleText } from './homeSections';

/** Asks once before removing the sample circle, and says what stays. */
export function RemoveSampleDialog({
  count,
  onClose,
  onRemoved,
  fail,
}: {
  count: number;
  onClose: () => void;
  onRemoved: () => void;
  fail: (e: unknown) => void;
}) {
  const [busy, setBusy] = useState(false);
  const remove = () => {
    setBusy(true);
    api.removeSampleCircle().then(onRemoved, (e) => {
      setBusy(false);
      fail(e);
    });
  };
  return (
    <Dialog title="Remove the sample circle?" onClose={onClose} size="narrow">
      {(requestClose) => (
        <>
          <p>{removeSampleText(count)}</p>
          <div class="dialog-actions">
            <button type="button" class="button" data-autofocus onClick={requestClose} title="Cancel (Esc)">
              Cancel
            </button>
            <button type="button" class="button button-danger" disabled={busy} onClick={remove}>
              {busy ? 'Removing…' : 'Remove sample circle'}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
