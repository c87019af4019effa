// Screens and dialogs the home screen does not need, loaded apart from the start-up
// script: the window's first screen waits for 107 KB of script instead of 270 KB. Each
// part is loaded from inside the program the first time it is shown (a few ms). Loading
// them all once the home screen was drawn cost 4 MiB of memory in a window that mostly
// shows Today, so they wait to be asked for; all but the two dialogs a key opens (the
// quick log and the palette), loaded once the window is idle (dialogs.tsx).
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** A lazy component, with a way to load its code before it is first shown. */
export type LazyComponent<P> = FunctionComponent<P> & {
  /** Loads the code now (once), so that the first showing draws at once. */
  preload: () => Promise<void>;
};

/** Keys held for a dialog whose code is still loading, then given to it. */
const HELD_KEYS = ['Enter', 'Escape'];

/**
 * Until a dialog's code has loaded, the keys pressed are kept from the page behind it (an
 * Enter there would press whatever button had the focus) and Enter and Escape are handed
 * to the dialog once it is drawn and has placed its focus: Ctrl+L then Enter at once
 * saves, as it would a moment later.
 */
function holdKeys(): { replay: () => void; stop: () => void } {
  const held: KeyboardEvent[] = [];
  const hold = (e: KeyboardEvent) => {
    const forTheDialog = HELD_KEYS.includes(e.key);
    // The app's own chords (lock, close, quit) still work while it loads.
    if (!forTheDialog && (e.ctrlKey || e.metaKey || e.altKey)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (forTheDialog) held.push(e);
  };
  window.addEventListener('keydown', hold, true);
  const stop = () => window.removeEventListener('keydown', hold, true);
  const replay = () => {
    stop();
    for (const e of held.splice(0)) {
      const target = document.activeElement ?? document.body;
      const init = { key: e.key, code: e.code, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey };
      target.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true }));
    }
  };
  return { replay, stop };
}

/**
 * A component whose code is loaded when it is first shown (or preloaded). A dialog's
 * (`holdKeysAhead`, see `lazyDialog`) keeps the keys pressed while it loads, for it.
 */
export function lazy<P>(load: () => Promise<ComponentType<P>>, { holdKeysAhead = false } = {}): LazyComponent<P> {
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
  function Lazy(props: P) {
    const [, setSettled] = useState(false);
    const keys = useRef<ReturnType<typeof holdKeys> | null>(null);
    useEffect(() => {
      if (loaded || failed) return;
      let live = true;
      if (holdKeysAhead) keys.current = holdKeys();
      void start().then(() => live && setSettled(true));
      return () => {
        live = false;
        keys.current?.stop();
      };
    }, []);
    // After the dialog's own layout effects (its focus): what was pressed meanwhile.
    useEffect(() => {
      if (!loaded || !keys.current) return;
      keys.current.replay();
      keys.current = null;
    });
    if (failed) {
      // The app's own files, from inside the program: only a broken installation.
      return <p role="alert">This part of Mentor Circle could not be loaded. Reinstalling the app should fix it.</p>;
    }
    const Component = loaded;
    return Component ? <Component {...(props as P & object)} /> : null;
  }
  return Object.assign(Lazy, { preload: start });
}


/** A dialog whose code is loaded when it is first shown, holding the keys pressed meanwhile. */
export function lazyDialog<P>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  return lazy(load, { holdKeysAhead: true });
}
