import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../bindings/SearchHit';
import {
  LiveQuery,
  SEARCH_DELAY_MS,
  emptySearch,
  hasFilters,
  hitLabel,
  hitRoute,
  nothingFoundText,
  queryFromForm,
  rangeBackwards,
  resultsText,
} from './searchQuery';

const names = new Map([[7, 'Ana']]);

function hit(over: Partial<SearchHit>): SearchHit {
  return { kind: 'journal', id: 1, mentorId: null, day: '2026-11-19', snippet: [], ...over };
}

describe('the query', () => {
  it('asks nothing without words', () => {
    expect(queryFromForm(emptySearch())).toBeNull();
    expect(queryFromForm({ ...emptySearch(), text: '   ', tag: 'work' })).toBeNull();
  });

  it('sends the words and the filters that are set', () => {
    expect(queryFromForm({ ...emptySearch(), text: 'frust' })).toEqual({
      text: 'frust',
      tag: null,
      mentorId: null,
      from: null,
      to: null,
    });
    expect(
      queryFromForm({ text: 'pay rise', tag: ' #Work ', mentorId: '7', from: '2026-01-01', to: '2026-02-30' }),
    ).toEqual({ text: 'pay rise', tag: 'Work', mentorId: 7, from: '2026-01-01', to: null });
  });

  it('knows when filters are on, and when the days are the wrong way round', () => {
    expect(hasFilters(emptySearch())).toBe(false);
    expect(hasFilters({ ...emptySearch(), mentorId: '3' })).toBe(true);
    expect(rangeBackwards({ ...emptySearch(), from: '2026-03-01', to: '2026-02-01' })).toBe(true);
    expect(rangeBackwards({ ...emptySearch(), from: '2026-02-01', to: '2026-02-01' })).toBe(false);
    expect(rangeBackwards({ ...emptySearch(), from: '2026-03-01' })).toBe(false);
  });
});

describe('a hit', () => {
  it('says what it is', () => {
    expect(hitLabel(hit({}), names)).toBe('Journal');
    expect(hitLabel(hit({ kind: 'catchUp', id: 5, mentorId: 7 }), names)).toBe('Catch-up with Ana');
    expect(hitLabel(hit({ kind: 'mentor', id: 7, mentorId: 7 }), names)).toBe("Ana's profile");
    expect(hitLabel(hit({ kind: 'catchUp', id: 5, mentorId: 8 }), names)).toBe('Catch-up');
    expect(hitLabel(hit({ kind: 'mentor', id: 8, mentorId: 8 }), names)).toBe('Mentor profile');
  });

  it('opens the entry, or the mentor it concerns', () => {
    expect(hitRoute(hit({ id: 4 }))).toEqual({ name: 'journalEntry', id: 4 });
    expect(hitRoute(hit({ kind: 'catchUp', id: 5, mentorId: 7 }))).toEqual({ name: 'mentor', id: 7 });
    expect(hitRoute(hit({ kind: 'mentor', id: 7, mentorId: 7 }))).toEqual({ name: 'mentor', id: 7 });
    expect(hitRoute(hit({ kind: 'mentor', id: 7, mentorId: null }))).toEqual({ name: 'mentor', id: 7 });
    expect(hitRoute(hit({ kind: 'catchUp', id: 5, mentorId: null }))).toBeNull();
  });

  it('says when nothing matched, and how much did', () => {
    expect(nothingFoundText(' frust ')).toBe('Nothing found for “frust”.');
    expect(resultsText(1)).toBe('1 result');
    expect(resultsText(12)).toBe('12 results');
    expect(resultsText(50)).toBe('The best 50 results');
  });
});

describe('searching as you type', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    const asked: { q: string; answer: (r: string) => void; fail: (e: unknown) => void }[] = [];
    const delivered: [string, string][] = [];
    const failed: unknown[] = [];
    const live = new LiveQuery<string, string>({
      run: (q) => new Promise((answer, fail) => asked.push({ q, answer, fail })),
      deliver: (q, r) => delivered.push([q, r]),
      fail: (e) => failed.push(e),
    });
    return { live, asked, delivered, failed };
  }

  it('asks once typing pauses', async () => {
    const { live, asked } = setup();
    live.ask('f');
    await vi.advanceTimersByTimeAsync(100);
    live.ask('fr');
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS - 1);
    expect(asked).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked.map((a) => a.q)).toEqual(['fr']);
  });

  it('never waits on an old question, and drops its late answer', async () => {
    const { live, asked, delivered } = setup();
    live.ask('fr', true);
    live.ask('frust', true);
    expect(asked.map((a) => a.q)).toEqual(['fr', 'frust']);
    asked[1]!.answer('new');
    await vi.advanceTimersByTimeAsync(0);
    asked[0]!.answer('old');
    await vi.advanceTimersByTimeAsync(0);
    expect(delivered).toEqual([['frust', 'new']]);
  });

  it('drops failures of old questions, and everything after cancel', async () => {
    const { live, asked, delivered, failed } = setup();
    live.ask('a', true);
    live.ask('ab', true);
    asked[0]!.fail('old');
    await vi.advanceTimersByTimeAsync(0);
    expect(failed).toEqual([]);
    asked[1]!.fail('new');
    await vi.advanceTimersByTimeAsync(0);
    expect(failed).toEqual(['new']);
    live.ask('abc');
    live.cancel();
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked).toHaveLength(2);
    expect(delivered).toEqual([]);
  });
});
