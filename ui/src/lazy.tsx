// Screens and dialogs the home screen does not need, loaded apart from the start-up
// script: the window's first screen waits for 107 KB of script instead of 270 KB. Each
// part is loaded from inside the program the first time it is shown (a few ms). Loading
// them all once the home screen was drawn cost 4 MiB of memory in a window that mostly
// shows Today, so they wait to be asked for.
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component whose code is loaded when it is first shown. */
export function lazy<P>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let failed = false;
  let loading: Promise<void> | null = null;
  const start = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
      },
      () => {
        failed = true;
      },
    ));
  return function Lazy(props: P) {
    const [, setSettled] = useState(false);
    useEffect(() => {
      if (loaded || failed) return;
      let live = true;
      void start().then(() => live && setSettled(true));
      return () => {
        live = false;
      };
    }, []);
    if (failed) {
      // The app's own files, from inside the program: only a broken installation.
      return <p role="alert">This part of Mentor Circle could not be loaded. Reinstalling the app should fix it.</p>;
    }
    const Component = loaded;
    return Component ? <Component {...(props as P & object)} /> : null;
  };
}

