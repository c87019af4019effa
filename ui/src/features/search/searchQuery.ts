// Search everything: the query from the form, words for each hit, where a hit leads,
// and running queries as the user types without ever waiting on an older one.
import type { SearchHit } from '../../bindings/SearchHit';
import type { SearchQuery } from '../../bindings/SearchQuery';
import type { Route } from '../../context';
import { isValidDay } from '../../ui/dates';

/** Wait after the last keystroke before asking. */
export const SEARCH_DELAY_MS = 150;
/** Most hits the backend sends for one query. */
export const SEARCH_LIMIT = 50;

/** The search form, as typed. */
export interface SearchForm {
  text: string;
  tag: string;
  /** '' for any mentor. */
  mentorId: string;
  from: string;
  to: string;
}

export function emptySearch(): SearchForm {
  return { text: '', tag: '', mentorId: '', from: '', to: '' };
}

export function hasFilters(form: SearchForm): boolean {
  return form.tag.trim() !== '' || form.mentorId !== '' || form.from !== '' || form.to !== '';
}

/** What the backend is asked; `null` when there are no words to look for. */
export function queryFromForm(form: SearchForm): SearchQuery | null {
  if (form.text.trim() === '') return null;
  const tag = form.tag.trim().replace(/^#+/, '').trim();
  const mentorId = /^\d+$/.test(form.mentorId) ? Number(form.mentorId) : null;
  return {
    text: form.text,
    tag: tag === '' ? null : tag,
    mentorId,
    from: isValidDay(form.from) ? form.from : null,
    to: isValidDay(form.to) ? form.to : null,
  };
}

/** The two days are both set and the first is after the second. */
export function rangeBackwards(form: SearchForm): boolean {
  return isValidDay(form.from) && isValidDay(form.to) && form.from > form.to;
}

/** "Journal", "Catch-up with Ana", "Ana's profile". */
export function hitLabel(hit: SearchHit, names: ReadonlyMap<number, string>): string {
  const name = hit.mentorId === null ? undefined : names.get(hit.mentorId);
  switch (hit.kind) {
    case 'journal':
      return 'Journal';
    case 'catchUp':
      return name ? `Catch-up with ${name}` : 'Catch-up';
    case 'mentor':
      return name ? `${name}'s profile` : 'Mentor profile';
  }
}

/** Where opening a hit goes: the entry, or the mentor's page (for a catch-up or a profile). */
export function hitRoute(hit: SearchHit): Route | null {
  switch (hit.kind) {
    case 'journal':
      return { name: 'journalEntry', id: hit.id };
    case 'catchUp':
      return hit.mentorId === null ? null : { name: 'mentor', id: hit.mentorId };
    case 'mentor':
      return { name: 'mentor', id: hit.mentorId ?? hit.id };
  }
}

/** "Nothing found for “frust”." */
export function nothingFoundText(text: string): string {
  return `Nothing found for “${text.trim()}”.`;
}

/** "1 result", "12 results"; the backend sends the best 50 at most. */
export function resultsText(n: number): string {
  if (n >= SEARCH_LIMIT) return `The best ${SEARCH_LIMIT} results`;
  return n === 1 ? '1 result' : `${n} results`;
}

/** A stable key for a hit in a list. */
export function hitKey(hit: SearchHit): string {
  return `${hit.kind}-${hit.id}`;
}

export interface LiveQueryOptions<Q, R> {
  run: (query: Q) => Promise<R>;
  /** The answer to the latest query only. */
  deliver: (query: Q, result: R) => void;
  fail: (error: unknown) => void;
  delayMs?: number;
}

/**
 * Asks `delayMs` after the last change; an answer to anything but the latest question
 * is dropped, so a slow old query never overwrites (or holds up) a newer one.
 */
export class LiveQuery<Q, R> {
  private latest = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: LiveQueryOptions<Q, R>) {}

  /** A new question: asked after the delay (or at once). */
  ask(query: Q, now = false): void {
    const mine = ++this.latest;
    this.clear();
    const go = () => {
      this.timer = null;
      this.options.run(query).then(
        (result) => {
          if (mine === this.latest) this.options.deliver(query, result);
        },
        (e) => {
          if (mine === this.latest) this.options.fail(e);
        },
      );
    };
    if (now) go();
    else this.timer = setTimeout(go, this.options.delayMs ?? SEARCH_DELAY_MS);
  }

  /** Forgets every question asked so far: no answer will be delivered. */
  cancel(): void {
    this.latest += 1;
    this.clear();
  }

  private clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
