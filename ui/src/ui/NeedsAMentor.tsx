import { useApp } from '../context';

interface Props {
  /** What adding a mentor makes possible: "Add a mentor first, then you can … here." */
  what: string;
  /** The "Add mentor" button's, so the dialog can move focus to it. */
  id: string;
  onCancel: () => void;
}

/** What a dialog that needs someone to choose shows while the circle is empty: a way to add them. */
export function NeedsAMentor({ what, id, onCancel }: Props) {
  const app = useApp();
  return (
    <div class="form">
      <p>{`Add a mentor first, then you can ${what} here.`}</p>
      <div class="dialog-actions">
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" id={id} class="button button-primary" onClick={() => app.openDialog({ type: 'addMentor' })}>
          Add mentor
        </button>
      </div>
    </div>
  );
}
