// Locking the app from the window: the words its controls use, keeping unsaved words
// before the database closes, and where the user comes back to after unlocking.
import type { Route } from '../../context';

/**
 * Sent on `window` just before the app locks, or quits (Ctrl/Cmd+Q, Quit in the tray or
 * in Settings): either way the database closes. A screen with unsaved words (the journal
 * editor) hands over the promise of writing them with `waitFor`; the lock (or the quit)
 * waits for them, but never longer than `BEFORE_LOCK_WAIT_MS`: it must feel immediate.
 */
export const BEFORE_LOCK_EVENT = 'mentor-circle:before-lock';

export const BEFORE_LOCK_WAIT_MS = 300;

export interface BeforeLock {
  waitFor: (work: Promise<unknown>) => void;
}

export interface LockTimers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realTimers: LockTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Tells every screen the app is about to lock, and resolves once what they are saving
 * is written, or after `maxWaitMs`, whichever comes first. A failed save does not stop
 * the lock: the user asked for it, and the editor reports its own problems.
 */
export function announceLock(
  target: EventTarget,
  maxWaitMs: number = BEFORE_LOCK_WAIT_MS,
  timers: LockTimers = realTimers,
): Promise<void> {
  const work: Promise<unknown>[] = [];
  const detail: BeforeLock = { waitFor: (p) => void work.push(p.catch(() => undefined)) };
  target.dispatchEvent(new CustomEvent<BeforeLock>(BEFORE_LOCK_EVENT, { detail }));
  if (work.length === 0) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = timers.setTimeout(resolve, maxWaitMs);
    void Promise.all(work).then(() => {
      timers.clearTimeout(timer);
      resolve();
    });
  });
}

/** Runs `save` whenever the app is about to lock, until the returned function is called. */
export function onBeforeLock(target: EventTarget, save: () => Promise<unknown>): () => void {
  const listener = (e: Event) => {
    if (e instanceof CustomEvent) (e.detail as BeforeLock).waitFor(save());
  };
  target.addEventListener(BEFORE_LOCK_EVENT, listener);
  return () => target.removeEventListener(BEFORE_LOCK_EVENT, listener);
}

/**
 * The place to show again after unlocking: the same one, without a one-time request
 * that was already carried out (a prompt already put into the draft, which the editor
 * now restores; a jump to the pause field).
 */
export function routeToKeep(route: Route): Route {
  if (route.name === 'journalEditor' && route.prompt !== undefined) return { name: 'journalEditor', id: route.id };
  if (route.name === 'settings' && route.focusPause !== undefined) return { name: 'settings' };
  return route;
}

/** The waits offered in Settings, in minutes. */
export const LOCK_AFTER_MINUTES: readonly number[] = [5, 10, 15, 30, 60];

/** The select's value for "lock only when I ask". */
export const ONLY_WHEN_ASKED = 'ask';

export interface LockAfterChoice {
  value: string;
  label: string;
}

/** "1 minute", "10 minutes", "1 hour", "2 hours", "90 minutes". */
export function minutesText(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export function lockAfterValue(minutes: number | null): string {
  return minutes === null ? ONLY_WHEN_ASKED : String(minutes);
}

export function minutesFromValue(value: string): number | null {
  if (value === ONLY_WHEN_ASKED) return null;
  const n = Number(value);
  return Number.isInteger(n) ? n : null;
}

/**
 * The choices for "Lock after idle". A wait saved some other way (not one of the usual
 * ones) is offered too, in its place, so the field always shows what is in force.
 */
export function lockAfterChoices(current: number | null): LockAfterChoice[] {
  const minutes = [...LOCK_AFTER_MINUTES];
  if (current !== null && !minutes.includes(current)) {
    minutes.push(current);
    minutes.sort((a, b) => a - b);
  }
  return [
    { value: ONLY_WHEN_ASKED, label: 'Only when I ask' },
    ...minutes.map((m) => ({ value: String(m), label: minutesText(m) })),
  ];
}

/** The toast after a change: what will happen from now on. */
export function lockAfterSavedText(minutes: number | null): string {
  return minutes === null
    ? 'Mentor Circle will lock only when you ask.'
    : `Mentor Circle will lock after ${minutesText(minutes)} without use.`;
}
