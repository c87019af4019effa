import { useRef, useState } from 'preact/hooks';
import { api, toErrorPayload } from '../../api';
import type { AgendaItem } from '../../bindings/AgendaItem';
import type { Mentor } from '../../bindings/Mentor';
import { useApp } from '../../context';
import { possessive } from '../goals/goalWords';
import { sentAtLocal } from '../nudges/nudgeHistory';
import { Day } from '../../ui/Day';
import { FieldError, focusById } from '../../ui/Dialog';
import '../goals/goals.css';
import { invalidate } from '../../data/hooks';
import { CHANGED_BY } from '../../data/keys';
import { described } from '../../ui/Field';

/**
 * "For your next catch-up": the questions and topics waiting for the next talk with a
 * mentor, oldest first, each removable (with undo); and a field to add one here.
 */
export function MentorAgenda({ mentor, agenda }: { mentor: Mentor; agenda: AgendaItem[] }) {
  const app = useApp();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const whose = possessive(mentor.name);

  const add = () => {
    if (adding) return;
    if (text.trim() === '') {
      setError('Write the question or topic first.');
      focusById('agenda-new');
      return;
    }
    setError(undefined);
    setAdding(true);
    api.addAgendaItem({ mentorId: mentor.id, text: text.trim(), fromEntry: null }).then(
      () => {
        setAdding(false);
        setText('');
        invalidate(...CHANGED_BY.agenda);
        app.toast(`Added to ${whose} agenda.`);
      },
      (e) => {
        setAdding(false);
        const err = toErrorPayload(e);
        if (err.kind === 'Invalid') {
          setError(err.message);
          focusById('agenda-new');
        } else {
          app.fail(err);
        }
      },
    );
  };

  const remove = (item: AgendaItem) => {
    setBusy(true);
    api.removeAgendaItem(item.id).then(
      (gone) => {
        setBusy(false);
        invalidate(...CHANGED_BY.agenda);
        // The button pressed is gone: start again from the section's heading.
        heading.current?.focus();
        app.toast(`Removed from ${whose} agenda.`, {
          label: 'Undo',
          run: () =>
            api.restoreAgendaItem(gone).then(() => {
              invalidate(...CHANGED_BY.agenda);
              app.toast(`Back on ${whose} agenda.`);
            }, app.fail),
        });
      },
      (e) => {
        setBusy(false);
        app.fail(e);
      },
    );
  };

  return (
    <section class="mentor-section agenda" aria-labelledby="agenda-heading">
      <h2 class="section-heading" id="agenda-heading" ref={heading} tabIndex={-1}>
        For your next catch-up
      </h2>
      {agenda.length === 0 ? (
        <p class="quiet">Nothing yet. Questions you raise from your journal, or add here, wait for your next catch-up.</p>
      ) : (
        <ol class="rows agenda-list" aria-labelledby="agenda-heading">
          {agenda.map((item) => {
            const added = sentAtLocal(item.addedAt)?.day;
            return (
              <li key={item.id} id={`agenda-item-${item.id}`} class="agenda-item">
                <div class="agenda-main">
                  {/* Plain text: whatever was written shows as written, never as markup. */}
                  <p class="agenda-text" id={`agenda-text-${item.id}`}>
                    {item.text}
                  </p>
                  <p class="agenda-meta">
                    {added && (
                      <span>
                        Added <Day iso={added} today={app.today} />
                      </span>
                    )}
                    {item.fromEntry !== null && (
                      <button
                        type="button"
                        class="link agenda-from"
                        aria-describedby={`agenda-text-${item.id}`}
                        onClick={() => item.fromEntry !== null && app.navigate({ name: 'journalEntry', id: item.fromEntry })}
                      >
                        From your journal
                      </button>
                    )}
                  </p>
                </div>
                <button
                  type="button"
                  class="button button-small button-quiet agenda-remove"
                  aria-describedby={`agenda-text-${item.id}`}
                  title="Take it off the agenda (you can undo)"
                  disabled={busy}
                  onClick={() => remove(item)}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <form
        class="agenda-add"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label for="agenda-new">Add a question or topic</label>
        <div class="agenda-add-row">
          <input
            id="agenda-new"
            type="text"
            autocomplete="off"
            placeholder={`Something to raise with ${mentor.name}`}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            {...described(error, 'agenda-new-error')}
          />
          <button type="submit" id="agenda-add" class="button" disabled={adding} title="Add (Enter)">
            Add
          </button>
        </div>
        <FieldError id="agenda-new-error" message={error} />
      </form>
    </section>
  );
}
