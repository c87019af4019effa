import type { ComponentChild } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { PAGE_SIZE, nextCount, pagesFor, showMoreText, showingText, shownCount } from '../paging';

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
}

/**
 * A list drawn a page at a time: a short one exactly as a plain `<ul>`; a long one cut
 * after its first page, with "Showing 100 of 8,012" and a "Show 100 more" button after
 * it. Paged rather than virtualised so that every drawn row is a real element, in order:
 * Tab walks through them to the button, the button brings the next page and puts the
 * focus on its first row, and find-in-page and screen readers see what is there.
 */
export function PagedList<T>({ items, children, class: className, page = PAGE_SIZE, resetOn, reveal, ...aria }: Props<T>) {
  // The pages asked for, remembered with the filter they were asked under.
  const [asked, setAsked] = useState({ resetOn, pages: 1 });
  const list = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | null>(null);
  const countId = useId();

  const askedPages = Object.is(asked.resetOn, resetOn) ? asked.pages : 1;
  const pages = reveal !== undefined && reveal >= 0 ? Math.max(askedPages, pagesFor(reveal, page)) : askedPages;
  const shown = shownCount(items.length, pages, page);
  const more = nextCount(items.length, pages, page);

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
      {shown < items.length && (
        <div class="list-more">
          <p class="list-more-count quiet" id={countId}>
            {showingText(shown, items.length)}
          </p>
          <button
            type="button"
            class="button button-small"
            aria-describedby={countId}
            onClick={() => {
              focusFrom.current = shown;
              setAsked({ resetOn, pages: pages + 1 });
            }}
          >
            {showMoreText(more)}
          </button>
        </div>
      )}
    </>
  );
}
