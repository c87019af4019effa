import { afterEach, describe, expect, it } from 'vitest';
import { type FirstScreen, api } from './api';

const page = globalThis as { __mentorCircleFirstScreen?: Promise<FirstScreen> };

const answer: FirstScreen = {
  status: { state: 'open', today: '2026-11-23' },
  home: null,
  nudges: null,
  recovery: null,
};

afterEach(() => {
  delete page.__mentorCircleFirstScreen;
});

describe('the first screen asked by index.html', () => {
  it('is taken by the first ask, once', async () => {
    page.__mentorCircleFirstScreen = Promise.resolve(answer);
    await expect(api.firstScreen()).resolves.toEqual(answer);
    expect(page.__mentorCircleFirstScreen).toBeUndefined();
    // Outside Tauri the next ask reaches no backend: it fails, as a friendly error.
    await expect(api.firstScreen()).rejects.toMatchObject({ kind: 'Internal' });
  });

  it('fails as an error the window can show', async () => {
    page.__mentorCircleFirstScreen = Promise.reject(new Error('the IPC said something raw'));
    await expect(api.firstScreen()).rejects.toEqual({
      kind: 'Internal',
      message: expect.stringContaining('Something went wrong'),
    });
    expect(page.__mentorCircleFirstScreen).toBeUndefined();
  });
});
