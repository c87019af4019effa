// The keyed data layer's core, without Preact: which reads are on screen, which of them a
// write makes stale, and the one answer that counts for each read. The hooks in hooks.ts
// are a thin layer over this, so the rules are tested without a window. Written as
// closures rather than classes: this is in the start-up script, and local names minify.

/** What a read is known by: a few words and ids, most general first (['mentor', 12]). */
export type QueryKey = readonly (string | number | boolean | null)[];

/** Whether `key` is `prefix` or starts with it: ['mentor'] covers ['mentor', 12]; [] covers every key. */
export function keyStartsWith(key: QueryKey, prefix: QueryKey): boolean {
  return prefix.length <= key.length && prefix.every((part, i) => key[i] === part);
}

/** The reads on screen now, and the writes that make them stale. */
export interface QueryClient {
  /** Calls `stale` whenever `key` is invalidated, until the returned function is called. */
  watch(key: QueryKey, stale: () => void): () => void;
  /**
   * Marks every read under these keys (or key prefixes) as stale: those on screen load
   * again now; those not on screen load when they are next shown, as every read does.
   */
  invalidate(...prefixes: QueryKey[]): void;
  /** How many times something was invalidated: start-up's answer is fresh only before the first. */
  generation(): number;
}

export function createQueryClient(): QueryClient {
  const watchers = new Set<{ key: QueryKey; stale: () => void }>();
  let changes = 0;
  return {
    watch(key, stale) {
      const watcher = { key, stale };
      watchers.add(watcher);
      return () => void watchers.delete(watcher);
    },
    invalidate(...prefixes) {
      changes += 1;
      for (const watcher of [...watchers]) {
        // A reload can stop another read (a screen that goes): that one is skipped.
        if (watchers.has(watcher) && prefixes.some((p) => keyStartsWith(watcher.key, p))) watcher.stale();
      }
    },
    generation: () => changes,
  };
}

/** What a read shows: `data` is null until the first answer; `failed` after a failed load. */
export interface QueryState<T> {
  data: T | null;
  failed: boolean;
}

export interface QueryOptions<T> {
  /** What to show (and keep) when the first load fails; nothing (`null`) otherwise. */
  fallback?: T;
  /** Told about a failed load, once `data` is set. */
  onError?: (error: unknown) => void;
  /** Told about each answer that counts, before it is shown. */
  onData?: (data: T) => void;
}

/** One read on screen (see `createQuery`). */
export interface Query<T> {
  state: QueryState<T>;
  /** Starts a load; any load still under way no longer counts. Settles once the answer is handled. */
  load(fetcher: () => Promise<T>, options?: QueryOptions<T>): Promise<void>;
  /** Drops the answer of any load under way (the key changed, or the read left the screen). */
  cancel(): void;
  /** Changes what is shown, for a change the screen made itself (nothing while there is no data). */
  update(change: (data: T) => T): void;
}

/**
 * One read on screen: loads, keeps the last answer while loading again, and drops an
 * answer that comes after a newer load started or after it was cancelled. `changed` is
 * told each new state.
 */
export function createQuery<T>(initial: T | null, changed: (state: QueryState<T>) => void): Query<T> {
  let ticket = 0;
  const query: Query<T> = {
    state: { data: initial, failed: false },
    load(fetcher, options = {}) {
      const mine = ++ticket;
      return new Promise<T>((resolve) => resolve(fetcher())).then(
        (data) => {
          if (mine !== ticket) return;
          options.onData?.(data);
          set({ data, failed: false });
        },
        (error: unknown) => {
          if (mine !== ticket) return;
          set({ data: query.state.data ?? options.fallback ?? null, failed: true });
          options.onError?.(error);
        },
      );
    },
    cancel() {
      ticket += 1;
    },
    update(change) {
      const { data } = query.state;
      if (data !== null) set({ data: change(data), failed: query.state.failed });
    },
  };
  const set = (state: QueryState<T>) => {
    query.state = state;
    changed(state);
  };
  return query;
}

/** The app's one client: every read on screen, every write's invalidation. */
export const queryClient = createQueryClient();

/** Marks the reads under these keys as stale (see `QueryClient.invalidate`). */
export const invalidate = (...prefixes: QueryKey[]): void => queryClient.invalidate(...prefixes);

/**
 * A write that says what it changes: the returned function does the write and, once it
 * has succeeded, invalidates `invalidates`; it resolves (or rejects) with the write's answer.
 */
export function mutation<A extends unknown[], R>(
  write: (...args: A) => Promise<R>,
  invalidates: readonly QueryKey[],
  client: QueryClient = queryClient,
): (...args: A) => Promise<R> {
  return (...args) =>
    write(...args).then((result) => {
      client.invalidate(...invalidates);
      return result;
    });
}
