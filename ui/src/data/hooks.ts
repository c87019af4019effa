// The data layer as screens use it: `useQuery` for a read, `useMutation` (or `invalidate`
// after a write) for a change. What each key reads and which writes invalidate it: keys.ts.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Query, type QueryKey, type QueryOptions, type QueryState, createQuery, mutation, queryClient } from './query';

export interface UseQueryOptions<T> extends QueryOptions<T> {
  /** An answer already in hand (start-up's): shown at once, and not asked for on mount. */
  initial?: () => T | null;
}

export interface QueryResult<T> extends QueryState<T> {
  /** Changes what is shown, for a change the screen made itself (no load). */
  update: (change: (data: T) => T) => void;
}

/**
 * Reads `key` with `fetcher`: on mount, whenever the key changes, and whenever a write
 * invalidates it. `data` is null while the first load runs, and keeps the last answer
 * while loading again (also after the key changed: check which one it is where that
 * matters). An answer that comes after the key changed or the component went is dropped.
 * `key` null: nothing to read (yet).
 */
export function useQueryState<T>(key: QueryKey | null, fetcher: () => Promise<T>, options: UseQueryOptions<T> = {}): QueryResult<T> {
  const [, rerender] = useState(0);
  const query = useRef<Query<T> | null>(null);
  const given = useRef(false);
  if (query.current === null) {
    const initial = options.initial?.() ?? null;
    given.current = initial !== null;
    query.current = createQuery<T>(initial, () => rerender((n) => n + 1));
  }
  const q = query.current;
  // The latest fetcher and options, for loads started by an invalidation.
  const latest = useRef({ fetcher, options });
  latest.current = { fetcher, options };
  const hash = key && JSON.stringify(key);
  useEffect(() => {
    if (key === null) return;
    const load = () => void q.load(latest.current.fetcher, latest.current.options);
    const stop = queryClient.watch(key, load);
    if (given.current) given.current = false;
    else load();
    return () => {
      stop();
      q.cancel();
    };
  }, [hash]);
  return { ...q.state, update: q.update };
}

/** `useQueryState`'s data only: null while the first load runs. */
export function useQuery<T>(key: QueryKey | null, fetcher: () => Promise<T>, options: UseQueryOptions<T> = {}): T | null {
  return useQueryState(key, fetcher, options).data;
}

/**
 * A write that invalidates `invalidates` once it succeeded (see keys.ts for which).
 * The returned function is stable; it resolves or rejects with the write's answer.
 */
export function useMutation<A extends unknown[], R>(
  write: (...args: A) => Promise<R>,
  { invalidates }: { invalidates: readonly QueryKey[] },
): (...args: A) => Promise<R> {
  const latest = useRef(write);
  latest.current = write;
  return useMemo(() => mutation((...args: A) => latest.current(...args), invalidates), []);
}

export { invalidate } from './query';
