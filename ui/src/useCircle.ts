// The circle as the screens and dialogs read it.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import type { CircleMember } from './bindings/CircleMember';
import type { Home } from './bindings/Home';
import type { Mentor } from './bindings/Mentor';
import type { MentorSummary } from './bindings/MentorSummary';
import { useApp } from './context';
import { markStartUp } from './ready';

/**
 * The home screen asked for the moment the app first finds the circle open, before the
 * home screen is even drawn: the first `useHome` takes it instead of asking again, so
 * start-up waits for one round trip, not a render and then a round trip.
 */
let early: Promise<Home> | null = null;

export function askForHomeEarly(): void {
  early = api.home();
  // Taken by useHome; if the screen shown first is another one, a failure is its to report.
  early.catch(() => {});
}

/**
 * Reloads what `ask` reads whenever `app.refreshKey` changes. `null` while the first
 * load runs; a failure is shown with `app.fail` and leaves what was there (or `empty`).
 */
function useReloaded<T>(ask: (first: boolean) => Promise<T>, empty: T): T | null {
  const app = useApp();
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    ask(app.refreshKey === 0).then(
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

const NO_HOME: Home = { sections: [], everyone: 0, paused: 0, samples: 0 };

/** The home screen's sections, each with its first page; see `useReloaded`. */
export function useHome(): Home | null {
  return useReloaded((first) => {
    // Only the first load of a session may take the early answer: after any change
    // (refreshKey moved) it would be out of date.
    const asked = (first ? early : null) ?? api.home();
    early = null;
    return asked.then((home) => {
      markStartUp('home');
      return home;
    });
  }, NO_HOME);
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
