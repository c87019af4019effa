// Which dialogs are open, wherever they were opened from: the shell's registry
// (dialogs.tsx) or a screen's own (PageDialog, such as "Record advice" on a mentor's
// page). The toasts read it to stay behind every dialog, not only the shell's; a dialog
// that closes reads it to leave the focus to one opened in its place.

export interface DialogStore {
  /** Notes a dialog as open; the returned function notes it closed (once, however often called). */
  opened(): () => void;
  /** How many dialogs are open now. */
  count(): number;
  /** Calls `changed` whenever a dialog opens or closes, until the returned function is called. */
  watch(changed: () => void): () => void;
}

export function createDialogStore(): DialogStore {
  let open = 0;
  const watchers = new Set<() => void>();
  const tell = () => {
    for (const changed of [...watchers]) changed();
  };
  return {
    opened() {
      open += 1;
      tell();
      let closed = false;
      return () => {
        if (closed) return;
        closed = true;
        open -= 1;
        tell();
      };
    },
    count: () => open,
    watch(changed) {
      watchers.add(changed);
      return () => void watchers.delete(changed);
    },
  };
}

/** The window's dialogs. */
export const openDialogs = createDialogStore();
