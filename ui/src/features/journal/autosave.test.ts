import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS, Autosaver, type SaveState } from './autosave';

interface Call {
  value: string;
  finish: (ok?: boolean) => void;
}

/** An autosaver whose writes finish only when the test says so. */
function setup() {
  const calls: Call[] = [];
  const states: SaveState[] = [];
  const errors: unknown[] = [];
  const saver = new Autosaver<string>({
    write: (value) =>
      new Promise((resolve, reject) => {
        calls.push({ value, finish: (ok = true) => (ok ? resolve('saved') : reject(new Error('no'))) });
      }),
    onState: (s) => states.push(s),
    onError: (e) => errors.push(e),
  });
  return { saver, calls, states, errors };
}

const last = <T,>(list: readonly T[]): T | undefined => list[list.length - 1];

const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('waits a second after the last keystroke', async () => {
    const { saver, calls, states } = setup();
    saver.change('a');
    await vi.advanceTimersByTimeAsync(600);
    saver.change('ab');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.value)).toEqual(['ab']);
    expect(last(states)).toBe('saving');
    calls[0]!.finish();
    await settle();
    expect(last(states)).toBe('saved');
  });

  it('saves at least every two seconds while typing goes on', async () => {
    const { saver, calls } = setup();
    for (let t = 0; t < AUTOSAVE_MAX_WAIT_MS; t += 200) {
      saver.change(`v${t}`);
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(calls.map((c) => c.value)).toEqual([`v${AUTOSAVE_MAX_WAIT_MS - 200}`]);
  });

  it('saves at once on flush (blur, leaving), and only what changed', async () => {
    const { saver, calls } = setup();
    await saver.flush();
    expect(calls).toHaveLength(0);
    saver.change('typed');
    void saver.flush();
    expect(calls.map((c) => c.value)).toEqual(['typed']);
    calls[0]!.finish();
    await settle();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
  });

  it('writes one at a time, the latest last', async () => {
    const { saver, calls, states } = setup();
    saver.change('one');
    void saver.flush();
    saver.change('two');
    saver.change('three');
    void saver.flush();
    expect(calls.map((c) => c.value)).toEqual(['one']);
    calls[0]!.finish();
    await settle();
    expect(calls.map((c) => c.value)).toEqual(['one', 'three']);
    calls[1]!.finish();
    await settle();
    expect(last(states)).toBe('saved');
  });

  it('a change during a write waits for the write, then its own delay', async () => {
    const { saver, calls, states } = setup();
    saver.change('one');
    void saver.flush();
    saver.change('two');
    calls[0]!.finish();
    await settle();
    expect(last(states)).toBe('pending');
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(calls.map((c) => c.value)).toEqual(['one', 'two']);
  });

  it('stop drops what waits and resolves after the write under way', async () => {
    const { saver, calls } = setup();
    saver.change('one');
    void saver.flush();
    saver.change('two');
    let stopped = false;
    void saver.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    calls[0]!.finish();
    await settle();
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls.map((c) => c.value)).toEqual(['one']);
    saver.change('ignored while stopped');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    saver.resume();
    saver.change('again');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(calls.map((c) => c.value)).toEqual(['one', 'again']);
  });

  it('says a write failed, and tries again on the next flush', async () => {
    const { saver, calls, states, errors } = setup();
    saver.change('words');
    void saver.flush();
    calls[0]!.finish(false);
    await settle();
    expect(last(states)).toBe('failed');
    expect(errors).toHaveLength(1);
    expect(saver.busy).toBe(true);
    void saver.flush();
    expect(calls.map((c) => c.value)).toEqual(['words', 'words']);
  });
});
