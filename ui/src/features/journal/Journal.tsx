import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../../api';
import type { JournalEntry } from '../../bindings/JournalEntry';
import { Day } from '../../ui/Day';
import { EntryMeta } from './EntryMeta';
import { useApp } from '../../context';
import { JOURNAL_PAGE, mentorNames } from './journalForm';
import { firstLine } from './journalMarkup';
import { shortcut } from '../../ui/keys';
import { PROMPTS, loadPromptsHidden, savePromptsHidden } from './prompts';
import { useCircle } from '../../data/circle';
import { useQueryState } from '../../data/hooks';
import { keys } from '../../data/keys';
import './journal.css';

/**
 * The journal: newest entries first, 50 at a time, a way to write a new one, and below
 * them, reflection prompts to start one with.
 */
export function Journal() {
  const app = useApp();
  const [more, setMore] = useState(false);
  const { data: entries, update: setEntries } = useQueryState<JournalEntry[]>(keys.journalEntries, () => api.journalEntries(), {
    fallback: [],
    onData: (page) => setMore(page.length === JOURNAL_PAGE),
    onError: app.fail,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const focusAfter = useRef<number | null>(null);
  const circle = useCircle();
  const names = useMemo(() => mentorNames(circle ?? []), [circle]);

  // After "Show more", focus moves to the first entry it brought (the button may be gone).
  useEffect(() => {
    const id = focusAfter.current;
    if (id === null) return;
    focusAfter.current = null;
    document.getElementById(`journal-entry-${id}`)?.focus();
  }, [entries]);

  const showMore = () => {
    const last = entries?.[entries.length - 1];
    if (!last || loadingMore) return;
    setLoadingMore(true);
    api.journalEntries(last.id).then(
      (page) => {
        setLoadingMore(false);
        setMore(page.length === JOURNAL_PAGE);
        setEntries((prev) => {
          const have = new Set(prev.map((e) => e.id));
          const fresh = page.filter((e) => !have.has(e.id));
          if (fresh[0]) focusAfter.current = fresh[0].id;
          return [...prev, ...fresh];
        });
      },
      (e) => {
        setLoadingMore(false);
        app.fail(e);
      },
    );
  };

  const newEntry = () => app.navigate({ name: 'journalEditor', id: null });

  return (
    <section class="screen" aria-labelledby="journal-heading">
      <header class="screen-header">
        <h1 id="journal-heading">Journal</h1>
        <button
          type="button"
          class={entries?.length === 0 ? 'button' : 'button button-primary'}
          title={`New entry (${shortcut('J')})`}
          onClick={newEntry}
        >
          New entry
        </button>
      </header>

      {entries === null ? (
        <p class="quiet">Loading…</p>
      ) : entries.length === 0 ? (
        <div class="empty">
          <h2>Your private journal</h2>
          <p>
            A place for candid notes: what is on your mind before you talk with a mentor, and what you want to raise
            with them.
          </p>
          <p>It stays on this computer, encrypted, for no one to read but you.</p>
          <p>Not sure where to begin? The reflection prompts below offer a few questions to start from.</p>
          <div class="button-row">
            <button type="button" class="button button-primary" onClick={newEntry}>
              Write your first entry
            </button>
          </div>
        </div>
      ) : (
        <>
          <ul class="rows journal-list" aria-label="Journal entries">
            {entries.map((e) => (
              <li key={e.id} class="journal-row">
                <Day iso={e.writtenOn} today={app.today} class="journal-row-day" />
                <div class="journal-row-main">
                  <button
                    type="button"
                    id={`journal-entry-${e.id}`}
                    class="link journal-first-line"
                    onClick={() => app.navigate({ name: 'journalEntry', id: e.id })}
                  >
                    {firstLine(e.body) || 'Entry without words'}
                  </button>
                  <EntryMeta entry={e} names={names} />
                </div>
              </li>
            ))}
          </ul>
          {more && (
            <div class="button-row">
              <button type="button" class="button" disabled={loadingMore} onClick={showMore}>
                {loadingMore ? 'Loading…' : 'Show more'}
              </button>
            </div>
          )}
        </>
      )}

      {entries !== null && <ReflectionPrompts />}
    </section>
  );
}

/**
 * Questions to start an entry with, for when the user wants one: here only, never
 * popping up or notifying. Folded away with "Hide prompts", and remembered so.
 */
function ReflectionPrompts() {
  const app = useApp();
  const [hidden, setHidden] = useState(loadPromptsHidden);
  const toggle = () => {
    const next = !hidden;
    setHidden(next);
    savePromptsHidden(next);
  };
  return (
    <section class="prompts" aria-labelledby="prompts-heading">
      <div class="prompts-header">
        <h2 id="prompts-heading" class="prompts-heading">
          Reflection prompts
        </h2>
        <button
          type="button"
          id="prompts-toggle"
          class="button button-small button-quiet"
          aria-expanded={!hidden}
          aria-controls="prompts-list"
          onClick={toggle}
        >
          {hidden ? 'Show prompts' : 'Hide prompts'}
        </button>
      </div>
      <div id="prompts-list" hidden={hidden}>
        <p class="quiet prompts-intro">Questions from mentoring practice, to start an entry when you want one.</p>
        <ul class="rows prompt-list" aria-label="Reflection prompts">
          {PROMPTS.map((p) => (
            <li key={p.id} class="prompt-row">
              <div class="prompt-text">
                <h3 class="prompt-title">{p.title}</h3>
                <p class="quiet" id={`prompt-${p.id}-why`}>
                  {p.why}
                </p>
              </div>
              <button
                type="button"
                id={`prompt-start-${p.id}`}
                class="button button-small"
                aria-label={`Start an entry: ${p.title}`}
                aria-describedby={`prompt-${p.id}-why`}
                onClick={() => app.navigate({ name: 'journalEditor', id: null, prompt: p.id })}
              >
                Start an entry
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
