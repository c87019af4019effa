// Locking after a while without use. Pure: the clock and the timer come in, so tests
// can move time by hand.
//
// One timer, and activity only notes the time: moving the mouse must cost nothing, and
// an idle window must cost nothing either (no polling). When the timer fires early,
// because the user did something in the meantime, it sets itself again for the rest of
// the wait; so while the user is busy it fires about once per wait, never more.

export interface IdleClock {
  now: () => number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** What counts as using the window. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focus'] as const;

export const MINUTE_MS = 60 * 1000;

export class IdleLock {
  private limitMs: number | null = null;
  private lastActivity = 0;
  private timer: unknown = null;

  constructor(
    private readonly onIdle: () => void,
    private readonly clock: IdleClock = realClock,
  ) {}

  /** Starts counting from now: `onIdle` runs after `minutes` without activity. */
  start(minutes: number): void {
    this.stop();
    this.limitMs = minutes * MINUTE_MS;
    this.lastActivity = this.clock.now();
    this.arm(this.limitMs);
  }

  /** No more locking after idle (turned off, or the app is locked already). */
  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.limitMs = null;
  }

  get running(): boolean {
    return this.limitMs !== null;
  }

  /**
   * The user did something. If the wait is already over (the computer slept, so the
   * timer is late, and waking it up is the first thing the window sees), that is too
   * late to count: lock now rather than let a sleeping laptop wake up unlocked.
   */
  activity(): void {
    if (this.limitMs === null) return;
    const now = this.clock.now();
    if (now - this.lastActivity >= this.limitMs) {
      this.idle();
      return;
    }
    this.lastActivity = now;
  }

  private arm(ms: number): void {
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.check();
    }, ms);
  }

  private check(): void {
    if (this.limitMs === null) return;
    const quiet = this.clock.now() - this.lastActivity;
    if (quiet >= this.limitMs) this.idle();
    else this.arm(this.limitMs - quiet);
  }

  private idle(): void {
    this.stop();
    this.onIdle();
  }
}
