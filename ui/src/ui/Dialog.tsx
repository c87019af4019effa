import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { toErrorPayload } from '../api';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Props {
  title: string;
  /** When true, closing first asks "Discard what you typed?". */
  dirty?: boolean;
  onClose: () => void;
  size?: 'normal' | 'narrow';
  children: (requestClose: () => void) => ComponentChildren;
}

/**
 * A modal dialog: traps focus, returns it where it was, Esc closes (asking first,
 * inside the dialog, when something was typed).
 */
export function Dialog({ title, dirty = false, onClose, size = 'normal', children }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const keepEditing = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const latest = useRef({ dirty, onClose });
  latest.current = { dirty, onClose };

  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const el = panel.current;
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>(FOCUSABLE) ?? el;
    first?.focus();
    return () => {
      // After the shell has removed `inert` from the page behind.
      setTimeout(() => {
        if (returnTo && returnTo.isConnected) returnTo.focus();
        else document.getElementById('main')?.focus();
      }, 0);
    };
  }, []);

  useEffect(() => {
    if (confirming) keepEditing.current?.focus();
  }, [confirming]);

  const requestClose = () => {
    if (latest.current.dirty) setConfirming(true);
    else latest.current.onClose();
  };

  const stopConfirming = () => {
    setConfirming(false);
    setTimeout(() => panel.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus(), 0);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (confirming) stopConfirming();
      else requestClose();
      return;
    }
    if (e.key !== 'Tab' || !panel.current) return;
    const items = Array.from(panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (n) => !n.closest('[inert]') && n.getClientRects().length > 0,
    );
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !panel.current.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !panel.current.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="backdrop">
      <div
        ref={panel}
        class={`dialog dialog-${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} class="dialog-title">
          {title}
        </h2>
        <div class="dialog-body" inert={confirming}>
          {children(requestClose)}
        </div>
        {confirming && (
          <div class="confirm" role="alertdialog" aria-label="Discard what you typed?">
            <p>Discard what you typed?</p>
            <div class="button-row">
              <button type="button" ref={keepEditing} class="button" onClick={stopConfirming}>
                Keep editing
              </button>
              <button type="button" class="button button-danger" onClick={() => latest.current.onClose()}>
                Discard
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

/** Enter saves from single-line fields and selects; Ctrl/Cmd+Enter saves from a textarea. */
export function enterToSave(e: KeyboardEvent, save: () => void): void {
  if (e.key !== 'Enter' || e.isComposing) return;
  const t = e.target;
  if (t instanceof HTMLTextAreaElement) {
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      save();
    }
    return;
  }
  if (t instanceof HTMLSelectElement) {
    e.preventDefault();
    save();
    return;
  }
  if (t instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(t.type)) {
    e.preventDefault();
    save();
  }
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="field-error" id={id}>
      {message}
    </p>
  );
}

/** A save error that names no field: shown above the buttons, and read out at once. */
export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="form-error" role="alert">
      {message}
    </p>
  );
}

export function focusById(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * Shows why a save failed where the user will look: a validation error next to the
 * field the backend names (and moves focus there), one without a known field above the
 * buttons, anything else through the app's error toast.
 */
export function showSaveError<F extends string>(
  e: unknown,
  fieldIds: Record<F, string>,
  form: {
    setErrors: (errors: Partial<Record<F, string>>) => void;
    setFormError: (message: string) => void;
    fail: (e: unknown) => void;
  },
): void {
  const err = toErrorPayload(e);
  if (err.kind !== 'Invalid') {
    form.fail(err);
  } else if (err.field !== undefined && Object.prototype.hasOwnProperty.call(fieldIds, err.field)) {
    const field = err.field as F;
    form.setErrors({ [field]: err.message } as Partial<Record<F, string>>);
    focusById(fieldIds[field]);
  } else {
    form.setFormError(err.message);
  }
}

/** A dialog's form: submitting it or pressing Enter (Ctrl/Cmd+Enter in a text area) saves. */
export function SaveForm({ onSave, children }: { onSave: () => void; children: ComponentChildren }) {
  return (
    <form
      class="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => enterToSave(e, onSave)}
    >
      {children}
    </form>
  );
}
