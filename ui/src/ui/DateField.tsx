// One date field for every form: a text field that reads what a person types (see
// dateInput.ts) rather than the platform's date field, whose order (mm/dd/yyyy under
// WebKitGTK) turned "2026-11-07" into the year 0007.
import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { useState } from 'preact/hooks';
import { useApp } from '../context';
import { DATE_EXAMPLE, DATE_PLACEHOLDER, UNREADABLE_TEXT, dateFieldValue, localeWords, readDate, readingText, stepDay } from './dateInput';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'type' | 'value' | 'min' | 'max' | 'onInput' | 'onKeyDown' | 'onBlur' | 'children' | 'aria-describedby'
>;

interface Props extends InputProps {
  /** The input's id, which the form's `<label for>` points at. */
  id: string;
  /** The day as ISO `YYYY-MM-DD`, or '' for none (see `dateFieldValue` for text not read). */
  value: string;
  /** Told the new value as the user types: ISO, '', or the text when it cannot be read. */
  onValue: (value: string) => void;
  /** The earliest and latest days the arrow keys move to (the form checks its own limits). */
  min?: string | undefined;
  max?: string | undefined;
  /** The form's hint and message for the field: read after how the date reads. */
  'aria-describedby'?: string | undefined;
  /** Beside the input, on its line (a button that goes with the date). */
  children?: ComponentChildren;
}

/**
 * The input, then how what was typed reads ("Sat 7 Nov 2026", or what to type instead)
 * in `p#${id}-reading`, which the input's description points at. ArrowUp and ArrowDown
 * move the day by one; leaving the field writes a day that was read as ISO.
 */
export function DateField({ id, value, onValue, min, max, children, 'aria-describedby': given, ...rest }: Props) {
  const app = useApp();
  const options = { today: app.today, ...localeWords() };
  // What was typed, and the value it gave; a new value from the form (a reset, a quick
  // pick) shows as it is.
  const [own, setOwn] = useState({ text: value, value });
  const text = own.value === value ? own.text : value;
  const reading = readDate(text, options);

  const show = (typed: string) => {
    const next = dateFieldValue(readDate(typed, options), typed);
    setOwn({ text: typed, value: next });
    if (next !== value) onValue(next);
  };

  const readingId = `${id}-reading`;
  const said = reading.kind === 'day' ? readingText(reading.iso, app.today) : reading.kind === 'unreadable' ? UNREADABLE_TEXT : '';
  const describedBy = [said ? readingId : '', given ?? ''].filter(Boolean).join(' ');

  return (
    <div class="date-field">
      <div class="date-field-line">
        <input
          {...rest}
          id={id}
          type="text"
          class="date-input"
          autocomplete="off"
          spellcheck={false}
          placeholder={DATE_PLACEHOLDER}
          value={text}
          onInput={(e) => show(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
            if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
            const day = stepDay(text, e.key === 'ArrowUp' ? 1 : -1, { ...options, min, max });
            if (day === null) return;
            e.preventDefault();
            show(day);
          }}
          onBlur={() => {
            if (reading.kind === 'day' && text !== reading.iso) show(reading.iso);
          }}
          aria-describedby={describedBy || undefined}
        />
        {children}
      </div>
      <p id={readingId} class={reading.kind === 'unreadable' ? 'date-reading date-unreadable' : 'date-reading'}>
        {reading.kind === 'unreadable' ? (
          <>
            {UNREADABLE_TEXT.slice(0, -DATE_EXAMPLE.length)}
            {/* Never broken at its hyphens in a narrow field. */}
            <span class="date-example">{DATE_EXAMPLE}</span>
          </>
        ) : (
          said
        )}
      </p>
    </div>
  );
}
