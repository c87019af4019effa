import { useMemo, useRef, useState } from 'preact/hooks';
import { api, toErrorPayload } from '../../api';
import type { JournalEntry } from '../../bindings/JournalEntry';
import type { Raised } from '../../bindings/Raised';
import { EntryMeta } from './EntryMeta';
import { JournalText } from './JournalText';
import { type AppActions, useApp } from '../../context';
import { longDate } from '../../ui/dates';
import { selectAllIn, selectedPassage, stepSelectionIn } from './entrySelection';
import { mentorNames, savedAtText } from './journalForm';
import { isModKey } from '../../ui/keys';
import { goalFrom, questionFrom, selectionStepFor, startingPassage } from './passage';
import { useCircle } from '../../data/circle';
import './journal.css';
import '../goals/goals.css';
import { invalidate, useQuery } from '../../data/hooks';
import { CHANGED_BY, keys } from '../../data/keys';

/**
 * Deletes an entry and goes back to the journal, with Undo in the toast (the entry
 * comes back under a new id, with its own date). Never quotes the entry.
 */
export function deleteEntry(app: AppActions, id: number, done: () => void): void {
  api.removeJournalEntry(id).then(
    (gone) => {
      done();
      app.navigate({ name: 'journal' });
      invalidate(...CHANGED_BY.journal);
      app.toast('Entry deleted', {
        label: 'Undo',
        run: () =>
          api.restoreJournalEntry(gone).then(() => {
            invalidate(...CHANGED_BY.journal);
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

/**
 * One entry to read, with its light formatting; Edit and Delete. A passage of it (or the
 * whole of a short one) can become a question for a mentor or a goal; what was raised
 * from it is listed below the text.
 */
export function JournalEntryView({ id }: { id: number }) {
  const app = useApp();
  const [missing, setMissing] = useState(false);
  const raised = useQuery<Raised>(keys.raisedFromEntry(id), () => api.raisedFromEntry(id), {
    // A missing entry says so on its own; anything else is worth telling.
    onError: (e) => toErrorPayload(e).kind !== 'NotFound' && app.fail(e),
  });
  const entry = useQuery<JournalEntry>(keys.journalEntry(id), () => api.journalEntry(id), {
    onData: () => setMissing(false),
    onError: (e) => {
      const err = toErrorPayload(e);
      if (err.kind === 'NotFound') setMissing(true);
      else app.fail(err);
    },
  });
  const [busy, setBusy] = useState(false);
  const circle = useCircle();
  const names = useMemo(() => mentorNames(circle ?? []), [circle]);
  const text = useRef<HTMLDivElement>(null);
  /**
   * The passage selected when a button was pressed with the pointer: read then, since
   * pressing may move focus and clear the selection before the click arrives.
   */
  const pressedWith = useRef<string | null>(null);

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

  /** The passage to start from: as selected when pressed with the pointer, else as selected now. */
  const passage = (e: MouseEvent) => {
    const selected = e.detail > 0 && pressedWith.current !== null ? pressedWith.current : selectedPassage(text.current);
    pressedWith.current = null;
    return startingPassage(selected, entry.body);
  };
  const notePassage = () => {
    pressedWith.current = selectedPassage(text.current);
  };

  const askMentor = (e: MouseEvent) => {
    const { text: question, shortened } = questionFrom(passage(e));
    app.openDialog({ type: 'raiseWithMentor', text: question, fromEntry: entry.id, raiseWith: [...entry.mentorIds], shortened });
  };

  const makeGoal = (e: MouseEvent) => {
    const { title, why, shortened } = goalFrom(passage(e));
    app.openDialog({ type: 'makeGoal', title, why, fromEntry: entry.id, raiseWith: [...entry.mentorIds], shortened });
  };

  // The text is read-only, so it has no caret: the arrow keys select by sentence and word.
  const onTextKey = (e: KeyboardEvent) => {
    const container = text.current;
    if (!container || e.altKey || e.isComposing) return;
    if (isModKey(e) && !e.shiftKey && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      selectAllIn(container);
      return;
    }
    if (e.ctrlKey || e.metaKey) return;
    const step = selectionStepFor(e.key, e.shiftKey);
    if (step && stepSelectionIn(container, step)) e.preventDefault();
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
            id="entry-ask-mentor"
            class="button"
            title="Take the selected passage to a mentor’s next catch-up"
            onPointerDown={notePassage}
            onClick={askMentor}
          >
            Ask a mentor…
          </button>
          <button
            type="button"
            id="entry-make-goal"
            class="button"
            title="Turn the selected passage into a goal"
            onPointerDown={notePassage}
            onClick={makeGoal}
          >
            Make it a goal…
          </button>
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
        <div
          ref={text}
          id="entry-text"
          class="entry-text"
          role="region"
          tabIndex={0}
          aria-label="Entry text"
          aria-describedby="entry-text-hint"
          onKeyDown={onTextKey}
        >
          <JournalText body={entry.body} />
        </div>
        <p class="field-hint entry-text-hint" id="entry-text-hint">
          Select a passage to ask a mentor about it, or to make it a goal.{' '}
          <span class="entry-keys-hint">
            With the keyboard: ↓ and ↑ select a sentence, Shift+↓ adds the next one, Shift+↑ takes one off,
            Shift+→ and Shift+← a word.
          </span>
        </p>
      </article>

      {raised && <RaisedFromEntry raised={raised} names={names} />}
    </section>
  );
}

/** The entry's side of the link: the questions and goals raised from it. Nothing when there are none. */
function RaisedFromEntry({ raised, names }: { raised: Raised; names: ReadonlyMap<number, string> }) {
  const app = useApp();
  const { questions, goals } = raised;
  if (questions.length === 0 && goals.length === 0) return null;
  return (
    <section class="raised" aria-labelledby="raised-heading">
      <h2 class="section-heading" id="raised-heading">
        Raised from this entry
      </h2>
      <ul class="rows raised-list">
        {questions.map((q) => {
          const name = names.get(q.mentorId);
          return (
            <li key={`question-${q.id}`} id={`raised-question-${q.id}`} class="raised-item">
              <p class="raised-label">
                Question for{' '}
                {name === undefined ? (
                  'a mentor'
                ) : (
                  <button
                    type="button"
                    class="link raised-mentor"
                    title={`Open ${name}’s page`}
                    onClick={() => app.navigate({ name: 'mentor', id: q.mentorId })}
                  >
                    {name}
                  </button>
                )}
                :
              </p>
              <p class="raised-text">{q.text}</p>
            </li>
          );
        })}
        {goals.map((g) => (
          <li key={`goal-${g.id}`} id={`raised-goal-${g.id}`} class="raised-item">
            <p class="raised-label">
              Goal:{' '}
              <button
                type="button"
                class="link raised-goal"
                title="Open Goals"
                onClick={() => app.navigate({ name: 'goals' })}
              >
                {g.title}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
