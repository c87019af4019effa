// Start-up's one question, asked before the first render, and its answer handed to the
// first screen once (`takeFirst`): the fast path that draws Today in the window's first frame.
import { type FirstScreen, api } from '../api';
import type { AppStatus } from '../bindings/AppStatus';
import { markStartUp } from '../ready';
import { queryClient } from './query';

/**
 * Start-up asks one question, as soon as the script runs and before anything is drawn:
 * the status and, when the circle is open, the home screen. The first render waits a
 * moment for the answer, so a quick start draws the home screen in its very first frame;
 * the first `useHome` takes that home screen instead of asking again.
 */
let firstAsked: Promise<FirstScreen> | null = null;
let firstAnswer: AppStatus | null = null;
/** What start-up's answer brought for the screens, each taken once (`takeFirst`). */
let firstPieces: { pieces: Partial<Omit<FirstScreen, 'status'>>; at: number } | null = null;

/** How long start-up's home screen may wait to be drawn before it is asked again. */
const FIRST_HOME_FRESH_MS = 2000;

/**
 * Asks start-up's question now (main.tsx), then calls `draw` once: when the answer is in
 * (the first render takes it with `takeFirstAnswer`), or after `waitMs` without it (a slow
 * keyring): the window then shows it is opening, and `firstStatus` waits for the answer.
 */
export function askFirstScreen(draw: () => void, waitMs: number): void {
  let drawn = false;
  const drawOnce = () => {
    if (drawn) return;
    drawn = true;
    draw();
  };
  const asked = api.firstScreen();
  firstAsked = asked;
  asked.then((answer) => {
    if (!drawn) {
      firstAsked = null;
      firstAnswer = answer.status;
      keepFirst(answer);
    }
    drawOnce();
    // A failure is reported by `firstStatus`, which the window's first check calls.
  }, drawOnce);
  setTimeout(drawOnce, waitMs);
}

/** Start-up's status if it came before the first render (once): that render shows it. */
export function takeFirstAnswer(): AppStatus | null {
  const answer = firstAnswer;
  firstAnswer = null;
  return answer;
}

/** The status for the window's first check, keeping the home screen that came with it. */
export async function firstStatus(): Promise<AppStatus> {
  const asked = firstAsked ?? api.firstScreen();
  firstAsked = null;
  const answer = await asked;
  keepFirst(answer);
  return answer.status;
}

function keepFirst({ status, ...pieces }: FirstScreen): void {
  if (status.state === 'open') markStartUp('open');
  if (pieces.home) markStartUp('home');
  firstPieces = pieces.home ? { pieces, at: performance.now() } : null;
}

/**
 * A piece of start-up's answer for the first screen to draw with, once, and only while
 * it is fresh: not after a change (any invalidation, see data/query.ts), nor once it is
 * older than 2 s (Today opened later, after another place came first, would be out of date).
 */
export function takeFirst<K extends keyof Omit<FirstScreen, 'status'>>(key: K): FirstScreen[K] | null {
  const first = firstPieces;
  if (first === null) return null;
  const piece = first.pieces[key];
  delete first.pieces[key];
  const fresh = queryClient.generation() === 0 && performance.now() - first.at < FIRST_HOME_FRESH_MS;
  return fresh && piece !== undefined ? piece : null;
}

