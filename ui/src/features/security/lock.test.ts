import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BEFORE_LOCK_WAIT_MS,
  announceLock,
  lockAfterChoices,
  lockAfterSavedText,
  lockAfterValue,
  minutesFromValue,
  minutesText,
  onBeforeLock,
  routeToKeep,
} from './lock';

describe('before locking', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** Resolves `announceLock` and says how long it took on the fake clock. */
  async function timeLock(target: EventTarget): Promise<number> {
    const start = Date.now();
    let done = false;
    void announceLock(target).then(() => (done = true));
    for (let waited = 0; waited <= BEFORE_LOCK_WAIT_MS * 2 && !done; waited += 10) {
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(done).toBe(true);
    return Date.now() - start;
  }

  it('goes ahead at once when nothing is being written', async () => {
    const target = new EventTarget();
    expect(await timeLock(target)).toBeLessThanOrEqual(10);
  });

  it('waits for an editor to write its draft', async () => {
    const target = new EventTarget();
    let saved = false;
    const stop = onBeforeLock(
      target,
      () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            saved = true;
            resolve();
          }, 100),
        ),
    );
    const took = await timeLock(target);
    expect(saved).toBe(true);
    expect(took).toBeGreaterThanOrEqual(100);
    expect(took).toBeLessThan(BEFORE_LOCK_WAIT_MS);
    stop();
  });

  it('never waits longer than the limit, and a failed save does not stop the lock', async () => {
    const slow = new EventTarget();
    const stopSlow = onBeforeLock(slow, () => new Promise(() => {}));
    expect(await timeLock(slow)).toBe(BEFORE_LOCK_WAIT_MS);
    stopSlow();

    const failing = new EventTarget();
    const stopFailing = onBeforeLock(failing, () => Promise.reject(new Error('locked')));
    expect(await timeLock(failing)).toBeLessThanOrEqual(10);
    stopFailing();
  });

  it('stops asking an editor once it has gone', async () => {
    const target = new EventTarget();
    let asked = 0;
    const stop = onBeforeLock(target, () => {
      asked += 1;
      return Promise.resolve();
    });
    stop();
    await timeLock(target);
    expect(asked).toBe(0);
  });
});

describe('the place after unlocking', () => {
  it('is the same place', () => {
    expect(routeToKeep({ name: 'mentor', id: 4 })).toEqual({ name: 'mentor', id: 4 });
    expect(routeToKeep({ name: 'journalEditor', id: null })).toEqual({ name: 'journalEditor', id: null });
    expect(routeToKeep({ name: 'journalEditor', id: 7 })).toEqual({ name: 'journalEditor', id: 7 });
  });

  it('does not carry out a one-time request twice', () => {
    expect(routeToKeep({ name: 'journalEditor', id: null, prompt: 'career-change' })).toEqual({
      name: 'journalEditor',
      id: null,
    });
    expect(routeToKeep({ name: 'settings', focusPause: 2 })).toEqual({ name: 'settings' });
  });
});

describe('lock after idle', () => {
  it('reads minutes like a person would', () => {
    expect(minutesText(1)).toBe('1 minute');
    expect(minutesText(5)).toBe('5 minutes');
    expect(minutesText(60)).toBe('1 hour');
    expect(minutesText(90)).toBe('90 minutes');
    expect(minutesText(240)).toBe('4 hours');
  });

  it('offers "only when I ask" first, then the usual waits', () => {
    expect(lockAfterChoices(null).map((c) => c.label)).toEqual([
      'Only when I ask',
      '5 minutes',
      '10 minutes',
      '15 minutes',
      '30 minutes',
      '1 hour',
    ]);
    expect(lockAfterChoices(15)).toEqual(lockAfterChoices(null));
  });

  it('shows a wait saved some other way in its place', () => {
    const choices = lockAfterChoices(20);
    expect(choices.map((c) => c.value)).toEqual(['ask', '5', '10', '15', '20', '30', '60']);
    expect(choices[4]!.label).toBe('20 minutes');
  });

  it('turns the select’s value into minutes and back', () => {
    expect(lockAfterValue(null)).toBe('ask');
    expect(lockAfterValue(30)).toBe('30');
    expect(minutesFromValue('ask')).toBeNull();
    expect(minutesFromValue('30')).toBe(30);
    for (const c of lockAfterChoices(20)) expect(lockAfterValue(minutesFromValue(c.value))).toBe(c.value);
  });

  it('says what will happen from now on', () => {
    expect(lockAfterSavedText(null)).toBe('Mentor Circle will lock only when you ask.');
    expect(lockAfterSavedText(10)).toBe('Mentor Circle will lock after 10 minutes without use.');
  });
});
