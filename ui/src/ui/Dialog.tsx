import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { toErrorPayload } from '../api';
import { openDialogs } from './openDialogs';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Props {
  title: string;
  /** When true, closing first asks "Discard what you typed?". */
  dirty?: boolean;
  onClose: () => void;
  size?: 'normal' | 'narrow' | 'palette';
  /** The title is for assistive technology only (the command palette's field says it all). */
  hideTitle?: boolean;
  children: (requestClose: () => void) => ComponentChildren;
}

/**
 * Where focus goes back to once the dialog that just closed is gone: handed to a dialog
 * opened in its place (the palette running "Add a mentor"), which finds the focus
 * nowhere when it opens.
 */
let handedOver: HTMLElement | null = null;

/**
 * The shell says where the focus is as it opens a dialog, before it makes the page behind
 * inert (which takes the focus from a field there): for a dialog whose code is still
 * loading, which finds the focus nowhere when it shows.
 */
export function focusBeforeDialog(el: Element | null): void {
  if (el instanceof HTMLElement && el !== document.body && openDialogs.count() === 0) handedOver = el;
}

/**
 * A modal dialog: traps focus, returns it where it was, Esc closes (asking first,
 * inside the dialog, when something was typed).
 */
export function Dialog({ title, dirty = false, onClose, size = 'normal', hideTitle = false, children }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  const keepEditing = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const latest = useRef({ dirty, onClose });
  latest.current = { dirty, onClose };

  // Before the first paint: a key pressed as the dialog appears (Enter in the quick log)
  // goes to its field, not to the page behind it.
  useLayoutEffect(() => {
    const active = document.activeElement;
    const returnTo = active instanceof HTMLElement && active !== document.body ? active : handedOver;
    handedOver = null;
    const closed = openDialogs.opened();
    const el = panel.current;
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>(FOCUSABLE) ?? el;
    first?.focus();
    return () => {
      closed();
      handedOver = returnTo;
      // After the shell has removed `inert` from the page behind.
      setTimeout(() => {
        const done = () => {
          if (handedOver === returnTo) handedOver = null;
        };
        // A dialog opened in its place has the focus; or something took it already (a
        // field the action that closed the dialog moved to): leave it there.
        const now = document.activeElement;
        if (openDialogs.count() > 0 || (now instanceof HTMLElement && now !== document.body && now.isConnected)) {
          done();
          return;
        }
        if (returnTo && returnTo.isConnected) {
          returnTo.focus();
          // Refused while the page is still inert: a dialog opened in its place is still
          // loading, and takes it when it shows.
          if (document.activeElement === returnTo) done();
          return;
        }
        done();
        document.getElementById('main')?.focus();
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
        <h2 id={titleId} class={hideTitle ? 'visually-hidden' : 'dialog-title'}>
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
 * Moves focus to a field as soon as the render under way is committed, with its message
 * and `aria-invalid` in place (so both are read out as it gets the focus), before the
 * next frame: waiting for one left the focus on the button just pressed, where the next
 * key went.
 */
export function useFocusAfterRender(): (id: string) => void {
  const [wanted, setWanted] = useState<{ id: string } | null>(null);
  useLayoutEffect(() => {
    if (wanted) document.getElementById(wanted.id)?.focus();
  }, [wanted]);
  return useCallback((id: string) => setWanted({ id }), []);
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
    /** How to move focus to the field (`focusById` unless given). */
    focus?: (id: string) => void;
  },
): void {
  const err = toErrorPayload(e);
  if (err.kind !== 'Invalid') {
    form.fail(err);
  } else if (err.field !== undefined && Object.prototype.hasOwnProperty.call(fieldIds, err.field)) {
    const field = err.field as F;
    form.setErrors({ [field]: err.message } as Partial<Record<F, string>>);
    (form.focus ?? focusById)(fieldIds[field]);
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
