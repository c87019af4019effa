import { useEffect, useState } from 'preact/hooks';
import type { ToastAction } from '../context';
import { openDialogs } from './openDialogs';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: ToastAction;
}

/** Whether any dialog is open: the shell's, or one a screen opened for itself. */
function useDialogOpen(): boolean {
  const [open, setOpen] = useState(() => openDialogs.count() > 0);
  useEffect(() => {
    const changed = () => setOpen(openDialogs.count() > 0);
    changed();
    return openDialogs.watch(changed);
  }, []);
  return open;
}

/**
 * The one toast, at the foot of the window in the middle, where GNOME and Android show
 * theirs: not in the corner where a dialog keeps its buttons (two toasts there once hid
 * "Add mentor"), nor at the top, where a screen's header keeps "Log catch-up". A newer
 * toast takes the place of the one shown, so they never pile up. While any dialog is
 * open, wherever it was opened from, the toast sits behind its backdrop: it tells of what
 * happened before, and the dialog shows its own errors inline.
 */
export function Toasts({ toast, dismiss }: { toast: Toast | null; dismiss: (id: number) => void }) {
  const behindDialog = useDialogOpen();
  return (
    <div class={behindDialog ? 'toasts toasts-behind' : 'toasts'} role="region" aria-label="Notifications">
      <div aria-live="polite" class="toast-stack">
        {toast && (
          <div key={toast.id} class={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
            <span class="toast-message">{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                class="button button-small toast-action"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.run();
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" class="toast-close" aria-label="Dismiss" title="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
