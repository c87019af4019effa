// The theme override. The choice (system/light/dark) and whether the journal's
// reflection prompts are folded away (prompts.ts) are all this app keeps in browser
// storage; user data never goes there.
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'theme';

export function loadTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

export function saveTheme(choice: ThemeChoice): void {
  applyTheme(choice);
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Storage may be unavailable; the choice still applies for this session.
  }
}
