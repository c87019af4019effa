import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { useCircle } from '../../data/circle';
import type { DialogEntryProps } from '../../dialogs';
import { Dialog } from '../../ui/Dialog';
import { type PaletteEntry, indexEntries, matchEntries, moreText, moveSelection, paletteEntries } from './palette';
import './palette.css';

const KIND_WORDS: Record<Exclude<PaletteEntry['kind'], 'action'>, string> = { place: 'Place', mentor: 'Mentor' };

const optionId = (entry: PaletteEntry) => `palette-${entry.key}`;

/**
 * The command palette (Ctrl/Cmd+K): a field, and what matches what is typed in it, best
 * first. ↓ and ↑ choose, Enter goes or does, Esc closes; a click does too. The field is a
 * combobox whose listbox keeps the focus in the field, so typing never stops.
 */
export function CommandPalette({ host: { app, close } }: DialogEntryProps<'palette'>) {
  // Names only: the circle's list, as the Mentors place reads it.
  const circle = useCircle();
  const items = useMemo(
    () => indexEntries(paletteEntries((circle ?? []).map((m) => ({ id: m.mentor.id, name: m.mentor.name })))),
    [circle],
  );
  const [text, setText] = useState('');
  // By key, so that mentors arriving while the user types do not move the selection.
  const [chosen, setChosen] = useState<string | null>(null);
  const { shown, total } = useMemo(() => matchEntries(items, text), [items, text]);
  const index = Math.max(0, shown.findIndex((e) => e.key === chosen));
  const selected = shown[index];

  useLayoutEffect(() => {
    if (selected) document.getElementById(optionId(selected))?.scrollIntoView({ block: 'nearest' });
  }, [selected?.key]);

  const run = (entry: PaletteEntry) => {
    switch (entry.kind) {
      case 'place':
        app.navigate(entry.route);
        break;
      case 'mentor':
        app.navigate({ name: 'mentor', id: entry.id });
        break;
      case 'action':
        // Closed first: the action may open a dialog of its own in its place.
        close();
        app.run(entry.action);
        break;
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = shown[moveSelection(index, e.key === 'ArrowDown' ? 1 : -1, shown.length)];
      if (next) setChosen(next.key);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (selected) run(selected);
    }
  };

  const more = moreText(shown.length, total);
  const typed = text.trim();

  return (
    <Dialog title="Command palette" hideTitle size="palette" onClose={close}>
      {() => (
        <div class="palette">
          <label for="palette-input" class="visually-hidden">
            Go to or do
          </label>
          <input
            id="palette-input"
            type="text"
            class="palette-input"
            role="combobox"
            aria-expanded="true"
            aria-controls="palette-list"
            aria-autocomplete="list"
            aria-activedescendant={selected ? optionId(selected) : undefined}
            aria-describedby="palette-hint"
            autocomplete="off"
            spellcheck={false}
            placeholder="Go to a place or a mentor, or do something…"
            value={text}
            data-autofocus
            onInput={(e) => {
              setText(e.currentTarget.value);
              setChosen(null);
            }}
            onKeyDown={onKeyDown}
          />
          <p id="palette-hint" class="visually-hidden">
            Up and down arrows to choose, Enter to go, Escape to close.
          </p>
          <ul id="palette-list" class="palette-list" role="listbox" aria-label="Places, mentors and actions">
            {shown.map((entry, i) => (
              <li
                key={entry.key}
                id={optionId(entry)}
                role="option"
                aria-selected={i === index}
                class={i === index ? 'palette-option palette-selected' : 'palette-option'}
                // The focus stays in the field: a click runs the entry without taking it.
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => entry.key !== selected?.key && setChosen(entry.key)}
                onClick={() => run(entry)}
              >
                <span class="palette-label">{entry.label}</span>
                {entry.kind === 'action' ? (
                  <kbd class="palette-keys">{entry.keys}</kbd>
                ) : (
                  <span class="palette-kind">{KIND_WORDS[entry.kind]}</span>
                )}
              </li>
            ))}
          </ul>
          {shown.length === 0 && (
            <p class="palette-none" role="status">
              {circle === null ? 'Looking through your circle…' : `Nothing matches “${typed}”.`}
            </p>
          )}
          {more && <p class="palette-more">{more}</p>}
        </div>
      )}
    </Dialog>
  );
}
