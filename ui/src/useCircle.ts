// The circle as the screens and dialogs read it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type FirstScreen, api } from './api';
import type { AppStatus } from './bindings/AppStatus';
import type { CircleMember } from './bindings/CircleMember';
import type { Home } from './bindings/Home';
import type { Mentor } from './bindings/Mentor';
import type { MentorSummary } from './bindings/MentorSummary';
import { useApp } from './context';
import { markStartUp } from './ready';

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
 * it is fresh: not after a change (`refreshKey`), nor once it is older than 2 s (Today
 * opened later, after another place came first, would be out of date).
 */
export function takeFirst<K extends keyof Omit<FirstScreen, 'status'>>(key: K, refreshKey: number): FirstScreen[K] | null {
  const first = firstPieces;
  if (first === null) return null;
  const piece = first.pieces[key];
  delete first.pieces[key];
  const fresh = refreshKey === 0 && performance.now() - first.at < FIRST_HOME_FRESH_MS;
  return fresh && piece !== undefined ? piece : null;
}

/**
 * Reloads what `ask` reads whenever `app.refreshKey` changes. `null` while the first
 * load runs, unless `initial` already has it; a failure is shown with `app.fail` and
 * leaves what was there (or `empty`).
 */
function useReloaded<T>(ask: () => Promise<T>, empty: T, initial: () => T | null = () => null): T | null {
  const app = useApp();
  const [value, setValue] = useState<T | null>(initial);
  const given = useRef(value !== null);
  useEffect(() => {
    if (given.current) {
      given.current = false;
      return;
    }
    let live = true;
    ask().then(
      (v) => live && setValue(v),
      (e) => {
        if (!live) return;
        setValue((prev) => prev ?? empty);
        app.fail(e);
      },
    );
    return () => {
      live = false;
    };
  }, [app.refreshKey]);
  return value;
}

/** Everyone in the circle, in the backend's order (most urgent first); see `useReloaded`. */
export function useCircle(): CircleMember[] | null {
  return useReloaded(() => api.circle(), []);
}

const NO_HOME: Home = { sections: [], page: 10, everyone: 0, paused: 0, samples: 0 };

/** The home screen's sections, each with its first page; see `useReloaded`. */
export function useHome(): Home | null {
  const { refreshKey } = useApp();
  // Start-up's answer, drawn once, and only as the first screen.
  return useReloaded(() => api.home(), NO_HOME, () => takeFirst('home', refreshKey));
}

/** A whole mentor (from their page) as the lists and pickers read them. */
export function summaryOf(m: Mentor): MentorSummary {
  const { agreement } = m;
  return {
    id: m.id,
    addedOn: m.addedOn,
    sample: m.sample,
    name: m.name,
    organisation: m.organisation,
    expertise: m.expertise,
    roles: m.roles,
    status: m.status,
    cadenceDays: agreement.cadenceDays,
    maxGapDays: agreement.maxGapDays,
    modes: agreement.modes,
    reviewOn: agreement.reviewOn,
  };
}

/**
 * The circle's mentors for a dialog to choose from: loaded once when it opens (what the
 * user has started choosing must not move under them). `chosen` turns the loaded list
 * into the one to offer and sets whatever depends on it (a default choice, the focus).
 * `initial` is shown until then, and kept (or an empty list) if loading fails, which is
 * shown with `app.fail`. `null` while loading with nothing to show.
 */
export function useMentorsOnce(chosen: (loaded: MentorSummary[]) => MentorSummary[], initial: MentorSummary[] | null = null): MentorSummary[] | null {
  const app = useApp();
  const [mentors, setMentors] = useState<MentorSummary[] | null>(initial);
  useEffect(() => {
    let live = true;
    api.circle().then(
      (members) => live && setMentors(chosen(members.map((m) => m.mentor))),
      (e) => {
        if (!live) return;
        setMentors(initial ?? []);
        app.fail(e);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return mentors;
}
