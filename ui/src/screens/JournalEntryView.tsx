import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, toErrorPayload } from '../api';
import type { JournalEntry } from '../bindings/JournalEntry';
import { EntryMeta } from '../components/EntryMeta';
import { JournalText } from '../components/JournalText';
import { type AppActions, useApp } from '../context';
import { longDate } from '../dates';
import { mentorNames, savedAtText } from '../journal';
import { useCircle } from '../useCircle';
import '../journal.css';

/**
 * Deletes an entry and goes back to the journal, with Undo in the toast (the entry
 * comes back under a new id, with its own date). Never quotes the entry.
 */
export function deleteEntry(app: AppActions, id: number, done: () => void): void {
  api.deleteJournalEntry(id).then(
    (gone) => {
      done();
      app.navigate({ name: 'journal' });
      app.refresh();
      app.toast('Entry deleted', {
        label: 'Undo',
        run: () =>
          api.restoreJournalEntry(gone).then(() => {
            app.refresh();
            app.toast('Entry restored');
          }, app.fail),
      });
    },
    (e) => {
      done();
      app.fail(e);
    },
  );
}

/** One entry to read, with its light formatting; Edit and Delete. */
export function JournalEntryView({ id }: { id: number }) {
  const app = useApp();
  const [entry, setEntry] = useState<JournalEntry | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const circle = useCircle();
  const names = useMemo(() => mentorNames(circle ?? []), [circle]);

  useEffect(() => {
    let live = true;
    api.journalEntry(id).then(
      (e) => {
        if (!live) return;
        setEntry(e);
        setMissing(false);
      },
      (e) => {
        if (!live) return;
        const err = toErrorPayload(e);
        if (err.kind === 'NotFound') setMissing(true);
        else app.fail(err);
      },
    );
    return () => {
      live = false;
    };
  }, [id, app.refreshKey]);

  const back = () => app.navigate({ name: 'journal' });

  if (missing) {
    return (
      <section class="screen" aria-labelledby="journal-entry-heading">
        <h1 id="journal-entry-heading">Entry not found</h1>
        <p>This entry is no longer in your journal.</p>
        <div class="button-row">
          <button type="button" class="button" onClick={back}>
            Back to Journal
          </button>
        </div>
      </section>
    );
  }
  if (entry === null || entry.id !== id) {
    return (
      <section class="screen">
        <p class="quiet">Loading…</p>
      </section>
    );
  }

  const edited = entry.updatedAt !== entry.writtenAt;
  const remove = () => {
    setBusy(true);
    deleteEntry(app, entry.id, () => setBusy(false));
  };

  return (
    <section class="screen journal-entry" aria-labelledby="journal-entry-heading">
      <header class="screen-header journal-entry-header">
        <div>
          <p class="journal-crumb">
            <button type="button" class="link" onClick={back}>
              Journal
            </button>
          </p>
          <h1 id="journal-entry-heading">{longDate(entry.writtenOn)}</h1>
          <p class="subtitle journal-times">
            Written {savedAtText(entry.writtenAt, app.today)}
            {edited && <> · edited {savedAtText(entry.updatedAt, app.today)}</>}
          </p>
        </div>
        <div class="mentor-actions">
          <button
            type="button"
            class="button button-primary"
            onClick={() => app.navigate({ name: 'journalEditor', id: entry.id })}
          >
            Edit
          </button>
          <button type="button" class="button button-danger" disabled={busy} onClick={remove}>
            Delete
          </button>
        </div>
      </header>

      <EntryMeta entry={entry} names={names} links />

      <article class="journal-read" aria-labelledby="journal-entry-heading">
        <JournalText body={entry.body} />
      </article>
    </section>
  );
}
