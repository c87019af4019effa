import { describe, expect, it } from 'vitest';
import { CHANGED_BY, keys } from './keys';
import { type QueryKey, type QueryState, createQuery, createQueryClient, keyStartsWith, mutation } from './query';

/** A promise settled from outside, to answer loads in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function watched<T>(initial: T | null = null) {
  const states: QueryState<T>[] = [];
  const query = createQuery<T>(initial, (s) => states.push(s));
  return { query, states };
}

describe('keys', () => {
  it('a prefix covers the keys under it, and only those', () => {
    expect(keyStartsWith(['mentor', 3], ['mentor']), 'every mentor page').toBe(true);
    expect(keyStartsWith(['mentor', 3], ['mentor', 3]), 'the key itself').toBe(true);
    expect(keyStartsWith(['mentor', 3], ['mentor', 4]), 'another mentor').toBe(false);
    expect(keyStartsWith(['mentor'], ['mentor', 3]), 'a longer prefix').toBe(false);
    expect(keyStartsWith(['circle', 'health'], ['circle']), 'the circle picture is under the circle').toBe(true);
    expect(keyStartsWith(['home'], []), 'the empty prefix covers everything').toBe(true);
  });

  it('every write that changes a mentor reloads home, the lists, the circle health and the mentor pages', () => {
    for (const group of [CHANGED_BY.mentor, CHANGED_BY.agenda, CHANGED_BY.followThrough]) {
      const covered = (key: QueryKey) => group.some((p) => keyStartsWith(key, p));
      expect(covered(keys.home), 'home').toBe(true);
      expect(covered(keys.circle), 'the mentor list').toBe(true);
      expect(covered(keys.circleHealth), 'the circle health').toBe(true);
      expect(covered(keys.mentor(7)), 'a mentor page').toBe(true);
      expect(covered(keys.goals), 'goals (mentor names)').toBe(true);
    }
  });

  it('a new day or a restore reloads every read, but never a form being edited', () => {
    const covered = (key: QueryKey) => CHANGED_BY.everything.some((p) => keyStartsWith(key, p));
    for (const key of [keys.home, keys.circleHealth, keys.mentor(1), keys.journalEntry(2), keys.raisedFromEntry(2), keys.journalEntries, keys.goals, keys.prospects, keys.nudgeHistory, keys.recovery, keys.security, keys.backups]) {
      expect(covered(key), JSON.stringify(key)).toBe(true);
    }
    expect(covered(keys.once('nudgeSettings')), 'the nudge settings form').toBe(false);
  });

  it('a key change reloads security and the recovery key card, and the backups', () => {
    const covered = (key: QueryKey) => CHANGED_BY.key.some((p) => keyStartsWith(key, p));
    expect(covered(keys.security) && covered(keys.recovery) && covered(keys.backups)).toBe(true);
    expect(covered(keys.home), 'nothing else').toBe(false);
  });
});

describe('QueryClient', () => {
  it('tells the reads under an invalidated key, and no other', () => {
    const client = createQueryClient();
    const told: string[] = [];
    client.watch(['mentor', 1], () => told.push('mentor 1'));
    client.watch(['mentor', 2], () => told.push('mentor 2'));
    client.watch(['home'], () => told.push('home'));
    client.invalidate(['mentor', 2]);
    expect(told).toEqual(['mentor 2']);
    client.invalidate(['mentor'], ['home']);
    expect(told).toEqual(['mentor 2', 'mentor 1', 'mentor 2', 'home']);
  });

  it('forgets a read once it stops watching', () => {
    const client = createQueryClient();
    let told = 0;
    const stop = client.watch(['goals'], () => (told += 1));
    stop();
    client.invalidate(['goals']);
    expect(told).toBe(0);
  });

  it('skips a read stopped by another one reloading', () => {
    const client = createQueryClient();
    const told: string[] = [];
    let stopSecond = () => {};
    client.watch(['home'], () => {
      told.push('first');
      stopSecond();
    });
    stopSecond = client.watch(['home'], () => told.push('second'));
    client.invalidate(['home']);
    expect(told).toEqual(['first']);
  });

  it('counts invalidations, so start-up answers are only fresh before the first', () => {
    const client = createQueryClient();
    expect(client.generation()).toBe(0);
    client.invalidate(['backups']);
    expect(client.generation()).toBe(1);
  });
});

describe('Query', () => {
  it('is null while the first load runs, then shows the answer', async () => {
    const { query } = watched<number>();
    const answer = deferred<number>();
    const loaded = query.load(() => answer.promise);
    expect(query.state).toEqual({ data: null, failed: false });
    answer.resolve(5);
    await loaded;
    expect(query.state).toEqual({ data: 5, failed: false });
  });

  it('keeps the last answer while loading again', async () => {
    const { query } = watched<number>();
    await query.load(() => Promise.resolve(1));
    const again = deferred<number>();
    const loaded = query.load(() => again.promise);
    expect(query.state.data, 'still the last answer').toBe(1);
    again.resolve(2);
    await loaded;
    expect(query.state.data).toBe(2);
  });

  it('drops an answer that comes after a newer load started (the key changed)', async () => {
    const { query, states } = watched<string>();
    const slow = deferred<string>();
    const fast = deferred<string>();
    const first = query.load(() => slow.promise);
    const second = query.load(() => fast.promise);
    fast.resolve('mentor 2');
    await second;
    slow.resolve('mentor 1');
    await first;
    expect(query.state.data).toBe('mentor 2');
    expect(states.map((s) => s.data), 'the stale answer was never shown').toEqual(['mentor 2']);
  });

  it('drops an answer that comes after it was cancelled (the screen went)', async () => {
    const { query, states } = watched<number>();
    const answer = deferred<number>();
    let told = 0;
    const loaded = query.load(() => answer.promise, { onData: () => (told += 1) });
    query.cancel();
    answer.resolve(3);
    await loaded;
    expect(states, 'nothing shown').toEqual([]);
    expect(told, 'nothing told').toBe(0);
  });

  it('shows the fallback when the first load fails, and keeps what was there after that', async () => {
    const { query } = watched<string[]>();
    const errors: unknown[] = [];
    await query.load(() => Promise.reject(new Error('locked')), { fallback: [], onError: (e) => errors.push(e) });
    expect(query.state).toEqual({ data: [], failed: true });
    expect(errors).toHaveLength(1);
    await query.load(() => Promise.resolve(['Ana']));
    await query.load(() => Promise.reject(new Error('again')), { fallback: [] });
    expect(query.state, 'the last answer stays').toEqual({ data: ['Ana'], failed: true });
  });

  it('stays null after a failure without a fallback', async () => {
    const { query } = watched<number>();
    await query.load(() => Promise.reject(new Error('no')));
    expect(query.state).toEqual({ data: null, failed: true });
  });

  it('counts a fetcher that throws as a failed load', async () => {
    const { query } = watched<number>();
    let told = 0;
    await query.load(
      () => {
        throw new Error('thrown');
      },
      { onError: () => (told += 1) },
    );
    expect(query.state.failed).toBe(true);
    expect(told).toBe(1);
  });

  it('starts from an answer already in hand, and changes what it shows for the screen', () => {
    const { query, states } = watched<{ waiting: boolean }>({ waiting: true });
    expect(query.state.data).toEqual({ waiting: true });
    query.update(() => ({ waiting: false }));
    expect(states.map((s) => s.data)).toEqual([{ waiting: false }]);
  });

  it('changes nothing while there is nothing to change', () => {
    const { query, states } = watched<number>();
    query.update((n) => n + 1);
    expect(states).toEqual([]);
  });
});

describe('mutation', () => {
  it('invalidates what the write changed once it succeeded', async () => {
    const client = createQueryClient();
    const told: string[] = [];
    client.watch(['home'], () => told.push('home'));
    client.watch(['backups'], () => told.push('backups'));
    const logCatchUp = mutation((name: string) => Promise.resolve(`saved ${name}`), [['home']], client);
    await expect(logCatchUp('Ana')).resolves.toBe('saved Ana');
    expect(told).toEqual(['home']);
  });

  it('invalidates nothing when the write fails', async () => {
    const client = createQueryClient();
    let told = 0;
    client.watch(['home'], () => (told += 1));
    const failing = mutation(() => Promise.reject(new Error('Invalid')), [['home']], client);
    await expect(failing()).rejects.toThrow('Invalid');
    expect(told).toBe(0);
  });
});
