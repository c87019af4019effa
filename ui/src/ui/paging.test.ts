import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, countText, nextCount, pagesFor, showMoreText, showingText, shownCount } from './paging';

describe('a long list, a page at a time', () => {
  it('draws a short list whole, as it always was: up to two pages', () => {
    expect(PAGE_SIZE).toBe(100);
    for (const total of [0, 1, 7, 100, 150, 199, 200]) {
      expect(shownCount(total, 1), `${total} rows`).toBe(total);
      expect(nextCount(total, 1), `${total} rows`).toBe(0);
    }
  });

  it('cuts a longer list after its first page, and each "Show more" adds a page', () => {
    expect(shownCount(201, 1)).toBe(100);
    expect(shownCount(8012, 1)).toBe(100);
    expect(shownCount(8012, 2)).toBe(200);
    expect(nextCount(8012, 1)).toBe(100);
    expect(shownCount(8012, 79)).toBe(7900);
  });

  it('never leaves less than a page behind a "Show more": the last one takes the rest', () => {
    expect(nextCount(201, 1)).toBe(101);
    expect(shownCount(201, 2)).toBe(201);
    expect(nextCount(8012, 79)).toBe(112);
    expect(shownCount(8012, 80)).toBe(8012);
    expect(shownCount(8012, 500)).toBe(8012);
    for (let total = 0; total <= 1000; total += 7) {
      for (let pages = 1; pages <= 12; pages++) {
        const shown = shownCount(total, pages);
        expect(shown).toBeLessThanOrEqual(total);
        expect(shown === total || total - shown > PAGE_SIZE, `${total} rows, ${pages} pages`).toBe(true);
        expect(shown).toBeLessThanOrEqual(Math.max(2 * PAGE_SIZE, pages * PAGE_SIZE + PAGE_SIZE));
        expect(shownCount(total, pages + 1)).toBeGreaterThanOrEqual(shown);
      }
    }
  });

  it('takes another page size, and odd inputs without drawing nothing or everything', () => {
    expect(shownCount(51, 1, 25)).toBe(25);
    expect(shownCount(50, 1, 25)).toBe(50);
    expect(nextCount(60, 1, 25)).toBe(35);
    expect(shownCount(500, 0)).toBe(100);
    expect(shownCount(500, 1, 0)).toBe(1);
    expect(shownCount(-3, 1)).toBe(0);
  });

  it('knows how many pages bring a row into view', () => {
    expect(pagesFor(0)).toBe(1);
    expect(pagesFor(99)).toBe(1);
    expect(pagesFor(100)).toBe(2);
    expect(pagesFor(260, 25)).toBe(11);
    expect(pagesFor(-1)).toBe(1);
    // The row is drawn once that many pages are.
    for (const index of [0, 99, 100, 250, 7999]) expect(shownCount(8012, pagesFor(index))).toBeGreaterThan(index);
  });

  it('says what is shown, with thousands grouped', () => {
    expect(countText(7)).toBe('7');
    expect(countText(8012)).toBe('8,012');
    expect(countText(1234567)).toBe('1,234,567');
    expect(showingText(200, 8012)).toBe('Showing 200 of 8,012');
    expect(showMoreText(100)).toBe('Show 100 more');
    expect(showMoreText(1112)).toBe('Show 1,112 more');
  });
});
