import { describe, expect, it } from 'vitest';
import { type IdleClock, IdleLock, MINUTE_MS } from './idleLock';

/** A clock that moves only when the test says so, and counts the timers set. */
class FakeClock implements IdleClock {
  time = 1_000_000;
  timersSet = 0;
  private timers = new Map<number, { at: number; run: () => void }>();
  private next = 1;

  now = () => this.time;

  setTimeout = (run: () => void, ms: number) => {
    const id = this.next++;
    this.timersSet += 1;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  };

  clearTimeout = (handle: unknown) => {
    this.timers.delete(handle as number);
  };

  get pending(): number {
    return this.timers.size;
  }

  /** Moves time on by `ms`, running each timer that comes due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, t] = due;
      this.timers.delete(id);
      this.time = t.at;
      t.run();
    }
    this.time = end;
  }

  /** Time passes without timers running (the computer was asleep). */
  sleep(ms: number): void {
    this.time += ms;
  }
}

function setup() {
  const clock = new FakeClock();
  let locks = 0;
  const idle = new IdleLock(() => (locks += 1), clock);
  return { clock, idle, locks: () => locks };
}

describe('idle lock', () => {
  it('locks after the chosen minutes without activity', () => {
    const { clock, idle, locks } = setup();
    idle.start(5);
    clock.advance(5 * MINUTE_MS - 1);
    expect(locks()).toBe(0);
    clock.advance(1);
    expect(locks()).toBe(1);
    expect(idle.running).toBe(false);
  });

  it('counts from the last activity', () => {
    const { clock, idle, locks } = setup();
    idle.start(5);
    clock.advance(4 * MINUTE_MS);
    idle.activity();
    clock.advance(4 * MINUTE_MS);
    expect(locks()).toBe(0);
    clock.advance(MINUTE_MS);
    expect(locks()).toBe(1);
  });

  it('keeps one timer however busy the user is', () => {
    const { clock, idle, locks } = setup();
    idle.start(10);
    // A mouse moving for half an hour, every 50 ms.
    for (let t = 0; t < 30 * MINUTE_MS; t += 50) {
      clock.advance(50);
      idle.activity();
    }
    expect(locks()).toBe(0);
    expect(clock.pending).toBe(1);
    // Set once at the start, then about once per ten minutes.
    expect(clock.timersSet).toBeLessThanOrEqual(4);
  });

  it('locks at once when activity comes after the wait is over', () => {
    const { clock, idle, locks } = setup();
    idle.start(5);
    clock.sleep(60 * MINUTE_MS);
    idle.activity();
    expect(locks()).toBe(1);
    // The late timer, when it finally runs, does not lock a second time.
    clock.advance(MINUTE_MS);
    expect(locks()).toBe(1);
  });

  it('does nothing once stopped', () => {
    const { clock, idle, locks } = setup();
    idle.start(5);
    idle.stop();
    clock.advance(60 * MINUTE_MS);
    idle.activity();
    expect(locks()).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it('starts counting again with a new wait', () => {
    const { clock, idle, locks } = setup();
    idle.start(30);
    clock.advance(20 * MINUTE_MS);
    idle.start(15);
    clock.advance(14 * MINUTE_MS);
    expect(locks()).toBe(0);
    expect(clock.pending).toBe(1);
    clock.advance(MINUTE_MS);
    expect(locks()).toBe(1);
  });
});
