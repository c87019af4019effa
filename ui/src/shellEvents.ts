// The desktop shell's side of the window: its events (tray, notifications, delivery
// problems) and closing the window (to the tray, where the desktop shows one). Outside Tauri (tests, a plain browser)
// these quietly do nothing, so the rest of the UI still works.
import { listen } from '@tauri-apps/api/event';
import { getCurrentWindow } from '@tauri-apps/api/window';

/** Calls `handler` with each event's payload until the returned function is called. */
export function listenToShell<T>(event: string, handler: (payload: T) => void): () => void {
  let live = true;
  let unlisten: (() => void) | null = null;
  const stop = (u: () => void) => {
    try {
      u();
    } catch {
      // The window is going away; nothing left to stop.
    }
  };
  try {
    listen<T>(event, (e) => {
      if (live) handler(e.payload);
    }).then(
      (u) => {
        if (live) unlisten = u;
        else stop(u);
      },
      () => {},
    );
  } catch {
    // No Tauri here.
  }
  return () => {
    live = false;
    if (unlisten) stop(unlisten);
    unlisten = null;
  };
}

/**
 * Closes the window. The shell keeps Mentor Circle running in the tray where the desktop
 * shows one; without a tray, nothing would be left to find it by, so it quits.
 */
export function closeWindow(): void {
  try {
    getCurrentWindow()
      .close()
      .catch(() => {});
  } catch {
    // No Tauri here.
  }
}
