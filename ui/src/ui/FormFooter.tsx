import { FormError } from './Dialog';

interface Props {
  /** A save error that names no field. */
  formError: string | undefined;
  onCancel: () => void;
  saving: boolean;
  /** What the save button says, and what it says while saving ("Saving…"). */
  saveLabel: string;
  savingLabel: string;
  /** The save button's tooltip, with its keys. */
  saveTitle: string;
  saveId?: string;
  /** Save also waits while this holds, such as until the circle has loaded. */
  disabled?: boolean;
  /** Added to the buttons' row, for a form that styles it its own way. */
  actionsClass?: string;
}

/** A dialog form's last part: the error that names no field, then Cancel and save. */
export function FormFooter({
  formError,
  onCancel,
  saving,
  saveLabel,
  savingLabel,
  saveTitle,
  saveId,
  disabled = false,
  actionsClass,
}: Props) {
  return (
    <>
      <FormError message={formError} />

      <div class={actionsClass ? `dialog-actions ${actionsClass}` : 'dialog-actions'}>
        <button type="button" class="button" onClick={onCancel} title="Cancel (Esc)">
          Cancel
        </button>
        <button type="submit" id={saveId} class="button button-primary" disabled={saving || disabled} title={saveTitle}>
          {saving ? savingLabel : saveLabel}
        </button>
      </div>
    </>
  );
}
