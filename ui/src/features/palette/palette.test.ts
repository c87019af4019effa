import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../ui/actions';
import { MOST_SHOWN, type PaletteEntry, indexEntries, matchEntries, moreText, moveSelection, paletteEntries } from './palette';

const circle = [
  { id: 3, name: 'Ana Sousa' },
  { id: 7, name: 'José Ortega' },
  { id: 9, name: 'Logan Pierce' },
  { id: 12, name: 'Bea Anand' },
];

const items = indexEntries(paletteEntries(circle));

/** The labels of what `text` finds, best first. */
function find(text: string): string[] {
  return matchEntries(items, text).shown.map((e) => e.label);
}

describe('what the palette offers', () => {
  it('has every place of the sidebar, then Search', () => {
    const places = paletteEntries([]).filter((e) => e.kind === 'place').map((e) => e.label);
    expect(places).toEqual(['Today', 'Circle', 'Mentors', 'Journal', 'Prospects', 'Goals', 'Settings', 'Search']);
  });

  it('has every action of the shortcuts sheet, each with its keys, but not itself', () => {
    const actions = paletteEntries([]).filter((e): e is Extract<PaletteEntry, { kind: 'action' }> => e.kind === 'action');
    expect(actions.map((a) => a.action)).toEqual(ACTIONS.filter((a) => a.id !== 'palette').map((a) => a.id));
    expect(actions.find((a) => a.action === 'quickLog')).toMatchObject({ label: 'Log a catch-up', keys: 'Ctrl+L' });
    expect(actions.find((a) => a.action === 'quit')).toMatchObject({ label: 'Quit Mentor Circle', keys: 'Ctrl+Q' });
    expect(actions.find((a) => a.action === 'help')).toMatchObject({ keys: '?' });
    for (const a of actions) expect(a.keys, a.label).not.toBe('');
  });

  it('has every mentor, by name and nothing else, sorted by name', () => {
    const mentors = paletteEntries(circle).filter((e) => e.kind === 'mentor');
    expect(mentors.map((m) => m.label)).toEqual(['Ana Sousa', 'Bea Anand', 'José Ortega', 'Logan Pierce']);
    expect(mentors[0]).toEqual({ kind: 'mentor', key: 'mentor-3', label: 'Ana Sousa', id: 3 });
  });

  it('lists places, then actions, then mentors before anything is typed', () => {
    const kinds = matchEntries(items, '').shown.map((e) => e.kind);
    expect(kinds.indexOf('action')).toBeGreaterThan(kinds.lastIndexOf('place'));
    expect(kinds.indexOf('mentor')).toBeGreaterThan(kinds.lastIndexOf('action'));
    expect(matchEntries(items, '   ').total).toBe(items.length);
  });
});

describe('matching what is typed', () => {
  it('finds by the start of any word', () => {
    expect(find('log')[0]).toBe('Log a catch-up');
    expect(find('ana')[0]).toBe('Ana Sousa');
    expect(find('sou')).toEqual(['Ana Sousa']);
    expect(find('catch')).toEqual(['Log a catch-up']);
  });

  it('ignores case and accents, both ways', () => {
    expect(find('jose')).toEqual(['José Ortega']);
    expect(find('JOSÉ')).toEqual(['José Ortega']);
    expect(find('ORTEGA')).toEqual(['José Ortega']);
  });

  it('needs every word typed, in any order', () => {
    expect(find('ana sou')).toEqual(['Ana Sousa']);
    expect(find('sousa ana')).toEqual(['Ana Sousa']);
    expect(find('ana ortega')).toEqual([]);
  });

  it('takes words run together or split by punctuation', () => {
    expect(find('catchup')).toEqual(['Log a catch-up']);
    expect(find('catch-up')).toEqual(['Log a catch-up']);
    expect(find('mentor’s agenda')).toEqual(['Add a question to a mentor’s agenda']);
  });

  it('does not find a word in the middle of another', () => {
    expect(find('nand')).toEqual([]);
    expect(find('ousa')).toEqual([]);
  });

  it('puts a whole label first, then one that starts with what was typed', () => {
    expect(find('journal')).toEqual(['Journal', 'New journal entry']);
    expect(find('search')).toEqual(['Search', 'Search everything']);
    // Both start with "log": the action before a namesake mentor, as places and actions come first.
    expect(find('log')).toEqual(['Log a catch-up', 'Logan Pierce']);
    expect(find('logan')).toEqual(['Logan Pierce']);
  });

  it('ranks a label starting with the first word before one that has it later', () => {
    expect(find('an')).toEqual(['Ana Sousa', 'Bea Anand']);
  });

  it('finds nothing for what matches nothing', () => {
    expect(matchEntries(items, 'zzz')).toEqual({ shown: [], total: 0 });
  });

  it('shows a large circle a screenful at a time', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: i, name: `Mentor ${i}` }));
    const big = indexEntries(paletteEntries(many));
    const all = matchEntries(big, '');
    expect(all.shown).toHaveLength(MOST_SHOWN);
    expect(all.total).toBe(big.length);
    const some = matchEntries(big, 'mentor 99');
    expect(some.shown[0]!.label).toBe('Mentor 99');
    expect(some.total).toBe(111); // 99, 990 to 999, 9900 to 9999
    expect(matchEntries(big, 'mentors').shown.map((e) => e.label)).toEqual(['Mentors', 'Add a question to a mentor’s agenda']);
  });
});

describe('moving the selection', () => {
  it('wraps at either end', () => {
    expect(moveSelection(0, 1, 3)).toBe(1);
    expect(moveSelection(2, 1, 3)).toBe(0);
    expect(moveSelection(0, -1, 3)).toBe(2);
    expect(moveSelection(0, 1, 0)).toBe(0);
  });
});

describe('a list that is cut', () => {
  it('says how to find the rest', () => {
    expect(moreText(50, 50)).toBeNull();
    expect(moreText(50, 10_017)).toBe('Showing 50 of 10,017: type more of a name to find the rest.');
  });
});
