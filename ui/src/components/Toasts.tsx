import type { ToastAction } from '../context';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: ToastAction;
}

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  return (
    <div class="toasts" role="region" aria-label="Notifications">
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
