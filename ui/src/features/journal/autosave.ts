// Saving a draft while the user types: a second after the last keystroke, and at least
// every two seconds while they keep typing, so a crash loses at most a second or two.
// One write at a time, so an older draft can never land after a newer one.

/** Wait after the last change before writing. */
export const AUTOSAVE_DELAY_MS = 1000;
/** Longest a change waits while the user keeps typing. */
export const AUTOSAVE_MAX_WAIT_MS = 2000;

/**
 * pending: a change waits to be written; saving: being written; saved / cleared: the
 * write finished (it kept a draft / there was nothing worth keeping); failed: it did not.
 */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'cleared' | 'failed';

export interface Timers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
}

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface AutosaveOptions<T> {
  /** Writes `value`; resolves with what it did ('saved' or 'cleared'). */
  write: (value: T) => Promise<'saved' | 'cleared'>;
  onState: (state: SaveState) => void;
  onError: (error: unknown) => void;
  delayMs?: number;
  maxWaitMs?: number;
  timers?: Timers;
}

export class Autosaver<T> {
  private value: T | undefined;
  private pending = false;
  private wanted = false;
  private running = false;
  private stopped = false;
  private firstChangeAt: number | null = null;
  private timer: unknown = null;
  private idle: Promise<void> = Promise.resolve();
  private readonly delay: number;
  private readonly maxWait: number;
  private readonly timers: Timers;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.maxWait = options.maxWaitMs ?? AUTOSAVE_MAX_WAIT_MS;
    this.timers = options.timers ?? realTimers;
  }

  /** The user changed something: write `value` soon. */
  change(value: T): void {
    if (this.stopped) return;
    this.value = value;
    this.pending = true;
    const now = this.timers.now();
    if (this.firstChangeAt === null) this.firstChangeAt = now;
    const wait = Math.max(0, Math.min(this.delay, this.firstChangeAt + this.maxWait - now));
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, wait);
    if (!this.running) this.options.onState('pending');
  }

  /** Whether a change is still waiting to be written (or being written). */
  get busy(): boolean {
    return this.pending || this.running;
  }

  /** Writes a waiting change now; resolves once everything is written. */
  flush(): Promise<void> {
    this.clearTimer();
    if (this.stopped) return this.idle;
    this.wanted = true;
    if (!this.running) this.idle = this.run();
    return this.idle;
  }

  /**
   * Stops writing drafts (before the entry itself is saved, or the draft thrown away):
   * drops a waiting change, and resolves once a write under way has finished.
   */
  stop(): Promise<void> {
    this.stopped = true;
    this.pending = false;
    this.firstChangeAt = null;
    this.clearTimer();
    return this.idle;
  }

  /** Takes changes again after `stop` (saving the entry failed, or the draft was thrown away). */
  resume(): void {
    this.stopped = false;
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.wanted && this.pending && !this.stopped) {
        this.wanted = false;
        this.pending = false;
        this.firstChangeAt = null;
        const value = this.value as T;
        this.options.onState('saving');
        try {
          const done = await this.write(value);
          if (!this.stopped) this.options.onState(this.pending ? 'pending' : done);
        } catch (e) {
          // Kept waiting: the next change, blur or leaving tries again.
          if (!this.stopped) {
            if (!this.pending) this.pending = true;
            this.options.onState('failed');
          }
          this.options.onError(e);
          break;
        }
      }
    } finally {
      this.running = false;
    }
  }

  private write(value: T): Promise<'saved' | 'cleared'> {
    return this.options.write(value);
  }
}
