// What Today and Settings know about nudges beyond the settings themselves: a delivery
// problem, and starting at login. Loaded once, and again whenever the shell says the
// delivery problem changed.
import { useEffect } from 'preact/hooks';
import { NUDGE_PROBLEM_EVENT, type NudgeStatus, api } from '../../api';
import { useApp } from '../../context';
import { takeFirst } from '../../data/firstScreen';
import { invalidate, useQueryState } from '../../data/hooks';
import { keys } from '../../data/keys';
import { listenToShell } from '../../shellEvents';

const KEY = keys.once('nudgeStatus');

/**
 * The nudge status (`null` while it loads, or if it could not be read: the screens then
 * simply leave out what depends on it), and a setter for changes the screen made itself.
 */
export function useNudgeStatus(): [NudgeStatus | null, (update: (s: NudgeStatus) => NudgeStatus) => void] {
  const app = useApp();
  // On the first screen, start-up's answer brought it.
  const status = useQueryState(KEY, () => api.nudgeStatus(), { onError: app.fail, initial: () => takeFirst('nudges') });
  useEffect(() => listenToShell<unknown>(NUDGE_PROBLEM_EVENT, () => invalidate(KEY)), []);
  return [status.data, status.update];
}
