// The circle as the screens and dialogs read it.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import type { CircleMember } from './bindings/CircleMember';
import type { Mentor } from './bindings/Mentor';
import type { MentorSummary } from './bindings/MentorSummary';
import { useApp } from './context';

/**
 * The circle asked for the moment the app first finds it open, before the home screen
 * is even drawn: the first `useCircle` takes it instead of asking again, so start-up
 * waits for one round trip, not a render and then a round trip.
 */
let early: Promise<CircleMember[]> | null = null;

export function askForCircleEarly(): void {
  early = api.circle();
  // Taken by useCircle; if the screen shown first is another one, a failure is its to report.
  early.catch(() => {});
}

/**
 * Everyone in the circle, in the backend's order (most urgent first), reloaded when
 * `app.refreshKey` changes. `null` while the first load runs; a failure is shown with
 * `app.fail` and leaves what was there (or an empty list).
 */
export function useCircle(): CircleMember[] | null {
  const app = useApp();
  const [members, setMembers] = useState<CircleMember[] | null>(null);
  useEffect(() => {
    let live = true;
    // Only the first load of a session may take it: after any change (refreshKey moved)
    // it would be out of date.
    const asked = (app.refreshKey === 0 ? early : null) ?? api.circle();
    early = null;
    asked.then(
      (m) => live && setMembers(m),
      (e) => {
        if (!live) return;
        setMembers((prev) => prev ?? []);
        app.fail(e);
      },
    );
    return () => {
      live = false;
    };
  }, [app.refreshKey]);
  return members;
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
