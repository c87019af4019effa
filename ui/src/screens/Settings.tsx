import { useState } from 'preact/hooks';
import { type ThemeChoice, loadTheme, saveTheme } from '../theme';

const CHOICES: ReadonlyArray<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'Match system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function Settings() {
  const [theme, setTheme] = useState<ThemeChoice>(loadTheme);
  const choose = (t: ThemeChoice) => {
    setTheme(t);
    saveTheme(t);
  };
  return (
    <section class="screen" aria-labelledby="settings-heading">
      <header class="screen-header">
        <h1 id="settings-heading">Settings</h1>
      </header>
      <div class="card">
        <fieldset class="field">
          <legend>Theme</legend>
          <div class="radios">
            {CHOICES.map((c) => (
              <div class="check" key={c.value}>
                <input
                  id={`theme-${c.value}`}
                  type="radio"
                  name="theme"
                  value={c.value}
                  checked={theme === c.value}
                  onChange={() => choose(c.value)}
                />
                <label for={`theme-${c.value}`}>{c.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div class="card">
        <h2 class="card-heading">Your data</h2>
        <p>Everything you keep in Mentor Circle is encrypted and stays on this computer.</p>
      </div>
    </section>
  );
}
