// The circle as the screens and dialogs read it, through the data layer (keys.ts).
import { useState } from 'preact/hooks';
import { api } from '../api';
import type { CircleMember } from '../bindings/CircleMember';
import type { Home } from '../bindings/Home';
import type { Mentor } from '../bindings/Mentor';
import type { MentorSummary } from '../bindings/MentorSummary';
import { useApp } from '../context';
import { takeFirst } from './firstScreen';
import { useQuery } from './hooks';
import { keys } from './keys';

/**
 * Everyone in the circle, in the backend's order (most urgent first). `null` while the
 * first load runs; a failure is shown with `app.fail` and leaves what was there (or none).
 */
export function useCircle(): CircleMember[] | null {
  const app = useApp();
  return useQuery(keys.circle, () => api.circle(), { fallback: [], onError: app.fail });
}

const NO_HOME: Home = { sections: [], page: 10, everyone: 0, paused: 0, samples: 0 };

/** The home screen's sections, each with its first page; as `useCircle`. */
export function useHome(): Home | null {
  const app = useApp();
  // Start-up's answer, drawn once, and only as the first screen.
  return useQuery(keys.home, () => api.home(), { fallback: NO_HOME, onError: app.fail, initial: () => takeFirst('home') });
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
  useQuery(keys.once('mentors'), () => api.circle(), {
    onData: (members) => setMentors(chosen(members.map((m) => m.mentor))),
    onError: (e) => {
      setMentors(initial ?? []);
      app.fail(e);
    },
  });
  return mentors;
}
