import { describe, expect, it } from 'vitest';
import { createDialogStore } from './openDialogs';

describe('open dialogs', () => {
  it('counts the dialogs open, wherever they come from', () => {
    const store = createDialogStore();
    expect(store.count()).toBe(0);
    const shell = store.opened();
    const page = store.opened();
    expect(store.count()).toBe(2);
    shell();
    expect(store.count()).toBe(1);
    page();
    expect(store.count()).toBe(0);
  });

  it('counts a dialog closed once, however often it says so', () => {
    const store = createDialogStore();
    const closed = store.opened();
    closed();
    closed();
    expect(store.count()).toBe(0);
  });

  it('tells its watchers of each change, until they stop watching', () => {
    const store = createDialogStore();
    const seen: number[] = [];
    const stop = store.watch(() => seen.push(store.count()));
    const closed = store.opened();
    closed();
    stop();
    store.opened();
    expect(seen).toEqual([1, 0]);
  });
});
