// The whole circle as the screens read it: loaded once, and again after every change.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import type { CircleMember } from './bindings/CircleMember';
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
