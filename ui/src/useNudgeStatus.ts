// What Today and Settings know about nudges beyond the settings themselves: a delivery
// problem, and starting at login. Loaded once, and again whenever the shell says the
// delivery problem changed.
import { useEffect, useState } from 'preact/hooks';
import { NUDGE_PROBLEM_EVENT, type NudgeStatus, api } from './api';
import { useApp } from './context';
import { listenToShell } from './shellEvents';
import { takeFirst } from './useCircle';

/**
 * The nudge status (`null` while it loads, or if it could not be read: the screens then
 * simply leave out what depends on it), and a setter for changes the screen made itself.
 */
export function useNudgeStatus(): [NudgeStatus | null, (update: (s: NudgeStatus) => NudgeStatus) => void] {
  const app = useApp();
  // On the first screen, start-up's answer brought it.
  const [status, setStatus] = useState<NudgeStatus | null>(() => takeFirst('nudges', app.refreshKey));
  useEffect(() => {
    let live = true;
    const load = () =>
      api.nudgeStatus().then(
        (s) => live && setStatus(s),
        (e) => live && app.fail(e),
      );
    if (status === null) void load();
    const stop = listenToShell<unknown>(NUDGE_PROBLEM_EVENT, () => void load());
    return () => {
      live = false;
      stop();
    };
  }, []);
  const update = (change: (s: NudgeStatus) => NudgeStatus) => setStatus((s) => (s ? change(s) : s));
  return [status, update];
}
