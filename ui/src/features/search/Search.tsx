import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../../api';
import type { SearchHit } from '../../bindings/SearchHit';
import type { SearchQuery } from '../../bindings/SearchQuery';
import { Day } from '../../ui/Day';
import { useApp } from '../../context';
import { mentorNames } from '../journal/journalForm';
import { compareNames } from '../mentors/labels';
import {
  LiveQuery,
  type SearchForm,
  emptySearch,
  hasFilters,
  hitKey,
  hitLabel,
  hitRoute,
  nothingFoundText,
  queryFromForm,
  rangeBackwards,
  resultsText,
} from './searchQuery';
import { useCircle } from '../../data/circle';
import { DateField } from '../../ui/DateField';
import '../journal/journal.css';

interface Answer {
  query: SearchQuery;
  hits: SearchHit[];
}

/** Search everything: journal, catch-up notes and mentor profiles, as you type. */
export function Search() {
  const app = useApp();
  const appRef = useRef(app);
  appRef.current = app;
  const [form, setFormState] = useState<SearchForm>(emptySearch);
  const formRef = useRef(form);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [searching, setSearching] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLUListElement>(null);
  const circle = useCircle();
  const names = useMemo(() => mentorNames(circle ?? []), [circle]);
  const mentors = useMemo(
    () =>
      (circle ?? [])
        .map((m) => m.mentor)
        .sort((a, b) => compareNames(a.name, b.name)),
    [circle],
  );
  // Built once per load: the form draws again on every keystroke, and a circle of
  // thousands would mean as many options compared each time.
  const mentorOptions = useMemo(
    () =>
      mentors.map((m) => (
        <option key={m.id} value={String(m.id)}>
          {m.name}
        </option>
      )),
    [mentors],
  );

  const live = useMemo(
    () =>
      new LiveQuery<SearchQuery, SearchHit[]>({
        run: (query) => api.search(query),
        deliver: (query, hits) => {
          setSearching(false);
          setAnswer({ query, hits });
        },
        fail: (e) => {
          setSearching(false);
          appRef.current.fail(e);
        },
      }),
    [],
  );

  useLayoutEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => () => live.cancel(), []);

  const update = (change: Partial<SearchForm>) => {
    const next = { ...formRef.current, ...change };
    formRef.current = next;
    setFormState(next);
    const query = queryFromForm(next);
    if (query === null) {
      live.cancel();
      setSearching(false);
      setAnswer(null);
      return;
    }
    setSearching(true);
    live.ask(query);
  };

  const open = (hit: SearchHit) => {
    const route = hitRoute(hit);
    if (route) app.navigate(route);
  };

  // Up and Down move between the search field and the results.
  const onResultsKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = Array.from(results.current?.querySelectorAll<HTMLButtonElement>('.search-hit') ?? []);
    if (buttons.length === 0) return;
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    e.preventDefault();
    if (e.key === 'ArrowDown') buttons[Math.min(at + 1, buttons.length - 1)]?.focus();
    else if (at <= 0) input.current?.focus();
    else buttons[at - 1]?.focus();
  };

  const filtersOn = hasFilters(form);
  const shownText = answer?.query.text.trim() ?? '';
  const nothing = answer !== null && answer.hits.length === 0;

  return (
    <section class="screen search" aria-labelledby="search-heading">
      <header class="screen-header">
        <h1 id="search-heading">Search</h1>
      </header>

      <div class="field search-field">
        <label for="search-text">Search everything</label>
        <input
          ref={input}
          id="search-text"
          type="search"
          autocomplete="off"
          spellcheck={false}
          placeholder="Words from your journal, catch-up notes or mentor profiles"
          value={form.text}
          onInput={(e) => update({ text: e.currentTarget.value })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') onResultsKey(e);
          }}
          data-autofocus
          aria-describedby="search-hint"
        />
        <p class="field-hint" id="search-hint">
          Words match their beginnings: “frust” finds “frustrated”.
        </p>
      </div>

      <div class="search-filters" role="group" aria-label="Filters">
        <div class="field">
          <label for="search-tag">Tag</label>
          <input
            id="search-tag"
            type="text"
            autocomplete="off"
            placeholder="Any tag"
            value={form.tag}
            onInput={(e) => update({ tag: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="search-mentor">Mentor</label>
          <select id="search-mentor" value={form.mentorId} onChange={(e) => update({ mentorId: e.currentTarget.value })}>
            <option value="">Any mentor</option>
            {mentorOptions}
          </select>
        </div>
        <div class="field">
          <label for="search-from">From</label>
          <DateField id="search-from" value={form.from} max={form.to || undefined} onValue={(from) => update({ from })} />
        </div>
        <div class="field">
          <label for="search-to">To</label>
          <DateField
            id="search-to"
            value={form.to}
            min={form.from || undefined}
            onValue={(to) => update({ to })}
            {...(rangeBackwards(form) ? { 'aria-describedby': 'search-range-note' } : {})}
          />
        </div>
        {filtersOn && (
          <div class="search-clear">
            <button
              type="button"
              class="button button-small button-quiet"
              onClick={() => update({ tag: '', mentorId: '', from: '', to: '' })}
            >
              Clear filters
            </button>
          </div>
        )}
      </div>
      {rangeBackwards(form) && (
        <p class="field-hint" id="search-range-note">
          “From” is after “To”, so nothing can match: swap the two days.
        </p>
      )}

      <div class="search-answer" aria-busy={searching}>
        <p class={nothing ? 'search-status search-none' : 'search-status quiet'} role="status">
          {answer === null
            ? form.text.trim() === ''
              ? 'Type a word or two to search your journal, catch-up notes and mentor profiles.'
              : ''
            : nothing
              ? nothingFoundText(shownText)
              : resultsText(answer.hits.length)}
        </p>
        {nothing && filtersOn && <p class="quiet">Try fewer filters, or other words.</p>}
        {answer !== null && answer.hits.length > 0 && (
          <ul ref={results} class="search-results" aria-label="Search results" onKeyDown={onResultsKey}>
            {answer.hits.map((hit) => (
              <li key={hitKey(hit)}>
                <button type="button" class="search-hit" onClick={() => open(hit)}>
                  <span class="search-hit-head">
                    <span class="search-kind">{hitLabel(hit, names)}</span>
                    {hit.day && <Day iso={hit.day} today={app.today} class="search-day" />}
                  </span>
                  <span class="search-snippet">
                    {hit.snippet.map((part, i) => (part.matched ? <mark key={i}>{part.text}</mark> : part.text))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
