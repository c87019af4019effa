// One form field as every dialog draws it: a label, the control, a hint, and the message
// when the control's value was refused; and the aria attributes that tie them together.
import type { ComponentChildren } from 'preact';
import { FieldError } from './Dialog';

/** The aria attributes a control needs: `aria-invalid` with a message; `aria-describedby` its hint, then its message. */
export interface Described {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * The aria attributes for a control whose message (shown when `error` is set) has the id
 * `errorId`, and whose hint, if any, has the id `hintId`: the hint is read first.
 */
export function described(error: string | undefined, errorId: string, hintId?: string): Described {
  const ids = [hintId, error ? errorId : undefined].filter(Boolean).join(' ');
  return { ...(error ? { 'aria-invalid': true } : {}), ...(ids ? { 'aria-describedby': ids } : {}) };
}

interface FieldProps {
  /** The control's id, which the label points at. */
  id: string;
  label: ComponentChildren;
  /** The control: give it `described(error, errorId, hintId)`. */
  children: ComponentChildren;
  /** Shown under the control, with the id `${id}-hint`. */
  hint?: ComponentChildren;
  /** The message for the control's value, with the id `errorId`. */
  error: string | undefined;
  errorId: string;
}

/**
 * `<div class="field">`: the label, the control, its hint (`p.field-hint#${id}-hint`) and
 * its message (`p.field-error`), in that order.
 */
export function Field({ id, label, children, hint, error, errorId }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
