// The command palette as data: what it offers (every place, every mentor by name, every
// action of the shortcuts sheet) and which of them match what is typed, best first.
// Names only: nothing of the journal, nor anything else a mentor's page says, is ever
// an entry. Pure, so it is tested without a window.
import type { Route } from '../../context';
import { ACTIONS, type ActionId } from '../../ui/actions';
import { foldText } from '../../ui/fold';
import { showingText } from '../../ui/paging';
import { compareNames } from '../mentors/labels';

export type PaletteEntry =
  | { kind: 'place'; key: string; label: string; route: Route }
  | { kind: 'mentor'; key: string; label: string; id: number }
  | { kind: 'action'; key: string; label: string; action: ActionId; keys: string };

/** The sidebar's places, in its order, then Search. */
export const PLACES: readonly { label: string; route: Route }[] = [
  { label: 'Today', route: { name: 'today' } },
  { label: 'Circle', route: { name: 'circle' } },
  { label: 'Mentors', route: { name: 'mentors' } },
  { label: 'Journal', route: { name: 'journal' } },
  { label: 'Prospects', route: { name: 'prospects' } },
  { label: 'Goals', route: { name: 'goals' } },
  { label: 'Settings', route: { name: 'settings' } },
  { label: 'Search', route: { name: 'search' } },
];

/** The most the list shows at once: more is a long scroll; typing a little narrows it. */
export const MOST_SHOWN = 50;

/**
 * Everything the palette offers, in the order it lists them before anything is typed:
 * places, actions (all but opening the palette, which is open), then mentors by name.
 */
export function paletteEntries(mentors: readonly { id: number; name: string }[]): PaletteEntry[] {
  const places: PaletteEntry[] = PLACES.map((p) => ({ kind: 'place', key: `place-${p.route.name}`, label: p.label, route: p.route }));
  const actions: PaletteEntry[] = ACTIONS.filter((a) => a.id !== 'palette').map((a) => ({
    kind: 'action',
    key: `action-${a.id}`,
    label: a.label,
    action: a.id,
    keys: a.keys,
  }));
  const people: PaletteEntry[] = [...mentors]
    .sort((a, b) => compareNames(a.name, b.name))
    .map((m) => ({ kind: 'mentor', key: `mentor-${m.id}`, label: m.name, id: m.id }));
  return [...places, ...actions, ...people];
}

/** The words of a label or a query, folded: "Log a catch-up" is log, a, catch, up. */
function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** An entry with what matching looks at, worked out once per list rather than per keystroke. */
export interface IndexedEntry {
  entry: PaletteEntry;
  /** Where it comes in the list before anything is typed. */
  order: number;
  /** The label's words run together from each word on: a query word matches the start of one. */
  from: string[];
}

export function indexEntries(entries: readonly PaletteEntry[]): IndexedEntry[] {
  return entries.map((entry, order) => {
    const words = wordsOf(entry.label);
    return { entry, order, from: words.map((_, i) => words.slice(i).join('')) };
  });
}

const KIND_ORDER: Record<PaletteEntry['kind'], number> = { place: 0, action: 1, mentor: 2 };

/**
 * How well `query`'s words match an entry (lower is better), or null when one of them
 * starts none of its words. Each query word has to start a word of the label, or words
 * run together ("catchup" for "catch-up"): "log" finds "Log a catch-up", "sou" finds
 * "Ana Sousa", "lo ca" finds both words. Best: the whole label; then the label's start.
 */
function score(item: IndexedEntry, query: string[]): number | null {
  if (!query.every((w) => item.from.some((f) => f.startsWith(w)))) return null;
  const whole = item.from[0] ?? '';
  const typed = query.join('');
  if (whole === typed) return 0;
  if (whole.startsWith(typed)) return 1;
  if (whole.startsWith(query[0]!)) return 2;
  return 3;
}

export interface PaletteMatches {
  /** The entries to list, best first, at most `MOST_SHOWN`. */
  shown: PaletteEntry[];
  /** How many matched in all. */
  total: number;
}

/** What matches `text` (case and accents aside), best first; everything, in order, for nothing typed. */
export function matchEntries(items: readonly IndexedEntry[], text: string, most: number = MOST_SHOWN): PaletteMatches {
  const query = wordsOf(text);
  if (query.length === 0) return { shown: items.slice(0, most).map((i) => i.entry), total: items.length };
  const found: { item: IndexedEntry; score: number }[] = [];
  for (const item of items) {
    const s = score(item, query);
    if (s !== null) found.push({ item, score: s });
  }
  found.sort(
    (a, b) =>
      a.score - b.score || KIND_ORDER[a.item.entry.kind] - KIND_ORDER[b.item.entry.kind] || a.item.order - b.item.order,
  );
  return { shown: found.slice(0, most).map((f) => f.item.entry), total: found.length };
}

/** The row to select after moving `by` (1 down, -1 up) from `current`, wrapping at either end. */
export function moveSelection(current: number, by: number, count: number): number {
  if (count === 0) return 0;
  return (((current + by) % count) + count) % count;
}

/** "Showing 50 of 1,234: type more of a name to find the rest." */
export function moreText(shown: number, total: number): string | null {
  if (total <= shown) return null;
  return `${showingText(shown, total)}: type more of a name to find the rest.`;
}
