// Keyboard shortcut helpers shared by the global handler, tooltips and the help sheet.
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * How a shortcut with Ctrl (Cmd on macOS) reads on this computer: "Ctrl+L" or "⌘L";
 * with Shift, "Ctrl+Shift+L" or "⇧⌘L" (the order the Mac's own menus use).
 */
export function shortcut(key: string): string {
  return shortcutText(key, isMac);
}

export function shortcutText(key: string, mac: boolean): string {
  if (!mac) return `Ctrl+${key}`;
  const shift = key.startsWith('Shift+');
  return shift ? `⇧⌘${key.slice('Shift+'.length)}` : `⌘${key}`;
}

/**
 * Quick capture to a mentor's agenda, from anywhere: Ctrl+Shift+A (⇧⌘A on macOS). Free
 * of the app's other shortcuts (L, N, J, F, K, W, Q, Shift+L) and of Ctrl/Cmd+A, select all.
 */
export const QUICK_AGENDA_KEY = 'Shift+A';

export function isModKey(e: KeyboardEvent): boolean {
  return isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
}

/** True when the user is typing into something, so plain keys must not be shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(type);
  }
  return false;
}
