import type { ToastAction } from '../context';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: ToastAction;
}

/**
 * The toasts, in the window's corner. While a dialog is open they sit behind its backdrop:
 * they tell of what happened before it, and must never cover its buttons (two toasts
 * once hid "Add mentor"). Dialogs show their own errors inline.
 */
export function Toasts({ toasts, dismiss, behindDialog }: { toasts: Toast[]; dismiss: (id: number) => void; behindDialog: boolean }) {
  return (
    <div class={behindDialog ? 'toasts toasts-behind' : 'toasts'} role="region" aria-label="Notifications">
      <div aria-live="polite" class="toast-stack">
        {toasts.map((t) => (
          <div key={t.id} class={`toast toast-${t.tone}`} role={t.tone === 'error' ? 'alert' : 'status'}>
            <span class="toast-message">{t.message}</span>
            {t.action && (
              <button
                type="button"
                class="button button-small toast-action"
                onClick={() => {
                  dismiss(t.id);
                  t.action?.run();
                }}
              >
                {t.action.label}
              </button>
            )}
            <button type="button" class="toast-close" aria-label="Dismiss" title="Dismiss" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
