// The start-up benchmark (bench/app) times launch to the moment the home screen is on
// screen with the circle loaded; the shell prints that moment only when the benchmark
// asks, so outside it this costs one quiet command per page load. With it go the
// moments, in ms from the page's start, the page's own start-up reached each step: where
// a slow start went.
import { api } from './api';

let reported = false;
const marks: { script: number; open?: number; home?: number; rendered?: number } = { script: performance.now() };

/** Notes when start-up reached a step (the first time only). */
export function markStartUp(step: 'open' | 'home'): void {
  marks[step] ??= performance.now();
}

/**
 * Tells the shell, once per page load, that the home screen is shown and can be used:
 * after the browser has painted it (the next frame, then the end of that task). Called
 * as soon as the home screen is in the document: the "rendered" step. A failure is
 * ignored: it is a measurement, never something for the user to see.
 */
export function reportHomeShown(): void {
  if (reported) return;
  reported = true;
  marks.rendered = performance.now();
  requestAnimationFrame(() => {
    setTimeout(() => {
      api.homeShown({ ...marks, drawn: performance.now() }).catch(() => {});
    }, 0);
  });
}
