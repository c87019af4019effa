// The circle as the screens and dialogs read it.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import type { CircleMember } from './bindings/CircleMember';
import type { Mentor } from './bindings/Mentor';
import { useApp } from './context';

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
    api.circle().then(
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

/**
 * The circle's mentors for a dialog to choose from: loaded once when it opens (what the
 * user has started choosing must not move under them). `chosen` turns the loaded list
 * into the one to offer and sets whatever depends on it (a default choice, the focus).
 * `initial` is shown until then, and kept (or an empty list) if loading fails, which is
 * shown with `app.fail`. `null` while loading with nothing to show.
 */
export function useMentorsOnce(chosen: (loaded: Mentor[]) => Mentor[], initial: Mentor[] | null = null): Mentor[] | null {
  const app = useApp();
  const [mentors, setMentors] = useState<Mentor[] | null>(initial);
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
