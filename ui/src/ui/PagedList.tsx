import type { ComponentChild } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { PAGE_SIZE, nextCount, pagesFor, showMoreText, showingText, shownCount } from './paging';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

interface Props<T> {
  items: readonly T[];
  /** One row: an `<li>` with a key. */
  children: (item: T) => ComponentChild;
  /** The list's class: `rows`, `prospect-list`. */
  class: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  /** Rows per page; a list of up to two pages is drawn whole. */
  page?: number;
  /** Back to the first page whenever this changes (a new filter). */
  resetOn?: unknown;
  /** A row (by index) that must be drawn: one the keyboard is about to return to. */
  reveal?: number;
  /**
   * When `items` is only the start of a longer list kept elsewhere (the backend): its
   * whole length, and how to fetch `count` more rows onto the end of `items`. "Show
   * more" waits for them (a failure is the loader's to report; the button comes back).
   */
  total?: number;
  load?: (count: number) => Promise<unknown>;
}

/**
 * A list drawn a page at a time: a short one exactly as a plain `<ul>`; a long one cut
 * after its first page, with "Showing 100 of 8,012" and a "Show 100 more" button after
 * it. Paged rather than virtualised so that every drawn row is a real element, in order:
 * Tab walks through them to the button, the button brings the next page and puts the
 * focus on its first row, and find-in-page and screen readers see what is there.
 */
export function PagedList<T>({ items, children, class: className, page = PAGE_SIZE, resetOn, reveal, total, load, ...aria }: Props<T>) {
  // The pages asked for, remembered with the filter they were asked under.
  const [asked, setAsked] = useState({ resetOn, pages: 1 });
  const list = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | null>(null);
  const countId = useId();
  const [loading, setLoading] = useState(false);
  const all = Math.max(total ?? 0, items.length);

  const askedPages = Object.is(asked.resetOn, resetOn) ? asked.pages : 1;
  const pages = reveal !== undefined && reveal >= 0 ? Math.max(askedPages, pagesFor(reveal, page)) : askedPages;
  // What the pages call for, of what is here so far.
  const wanted = shownCount(all, pages, page);
  const shown = Math.min(wanted, items.length);
  const more = nextCount(all, pages, page);

  // A row revealed for the keyboard stays drawn once the list is drawn again without it.
  useLayoutEffect(() => {
    if (pages !== askedPages) setAsked({ resetOn, pages });
  }, [pages, askedPages]);

  // After "Show more": the keyboard carries on from the first new row.
  useLayoutEffect(() => {
    const from = focusFrom.current;
    if (from === null) return;
    focusFrom.current = null;
    const row = list.current?.children[from];
    const target = row?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
    target?.focus();
  });

  const rows = shown === items.length ? items : items.slice(0, shown);
  return (
    <>
      <ul ref={list} class={className} {...aria}>
        {rows.map((item) => children(item))}
      </ul>
      {shown < all && (
        <div class="list-more">
          <p class="list-more-count quiet" id={countId}>
            {showingText(shown, all)}
          </p>
          <button
            type="button"
            class="button button-small"
            aria-describedby={countId}
            disabled={loading}
            onClick={() => {
              const next = () => {
                focusFrom.current = shown;
                setAsked({ resetOn, pages: pages + 1 });
              };
              const missing = wanted + more - items.length;
              if (missing <= 0 || !load) {
                next();
                return;
              }
              setLoading(true);
              load(missing).then(
                () => {
                  setLoading(false);
                  next();
                },
                () => setLoading(false),
              );
            }}
          >
            {loading ? 'Loading…' : showMoreText(more)}
          </button>
        </div>
      )}
    </>
  );
}
