// Long lists in pages: how many rows to draw, and the words under a list that is cut.
// A circle of ten thousand would otherwise mean tens of thousands of elements, drawn
// before the window can answer a key. Pure, so the arithmetic is tested without a window.

/** Rows added by each "Show more" (and shown at first) in a long list. */
export const PAGE_SIZE = 100;

/**
 * How many of `total` rows to draw after `pages` pages of `page` rows. A "Show more" never
 * hides less than a page, so a list of up to two pages (200 rows by default) is drawn
 * whole, as a short list always was; a longer one is cut at a page boundary.
 */
export function shownCount(total: number, pages: number, page: number = PAGE_SIZE): number {
  const size = Math.max(1, Math.floor(page));
  const limit = Math.max(1, Math.floor(pages)) * size;
  const all = Math.max(0, Math.floor(total));
  return all <= limit + size ? all : limit;
}

/** How many more rows the next "Show more" draws (0 when the list is whole). */
export function nextCount(total: number, pages: number, page: number = PAGE_SIZE): number {
  return shownCount(total, pages + 1, page) - shownCount(total, pages, page);
}

/** The pages needed so that row `index` (from 0) is drawn; 1 for a row on the first page. */
export function pagesFor(index: number, page: number = PAGE_SIZE): number {
  const size = Math.max(1, Math.floor(page));
  return Math.max(1, Math.ceil((Math.floor(index) + 1) / size));
}

/** "8,012": counts as the app's English words write them, whatever the system locale. */
export function countText(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "Showing 200 of 8,012", under a list that is cut. */
export function showingText(shown: number, total: number): string {
  return `Showing ${countText(shown)} of ${countText(total)}`;
}

/** "Show 100 more". */
export function showMoreText(more: number): string {
  return `Show ${countText(more)} more`;
}
