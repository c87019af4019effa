// The start-up benchmark (bench/app) times launch to the moment the home screen is on
// screen with the circle loaded; the shell prints that moment only when the benchmark
// asks, so outside it this costs one quiet command per page load.
import { api } from './api';

let reported = false;

/**
 * Tells the shell, once per page load, that the home screen is shown and can be used:
 * after the browser has painted it (the next frame, then the end of that task). A
 * failure is ignored: it is a measurement, never something for the user to see.
 */
export function reportHomeShown(): void {
  if (reported) return;
  reported = true;
  requestAnimationFrame(() => {
    setTimeout(() => {
      api.homeShown().catch(() => {});
    }, 0);
  });
}
