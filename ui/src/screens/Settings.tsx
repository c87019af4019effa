import { useState } from 'preact/hooks';
import { api, toErrorPayload } from '../api';
import { useApp } from '../context';
import { type ThemeChoice, loadTheme, saveTheme } from '../theme';
import { sampleCount } from '../today';
import { useCircle } from '../useCircle';

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
      <SampleCard />
      <div class="card">
        <h2 class="card-heading">Your data</h2>
        <p>Everything you keep in Mentor Circle is encrypted and stays on this computer.</p>
      </div>
    </section>
  );
}

/** Load the sample circle to explore, or remove it again; the user's own mentors stay. */
function SampleCard() {
  const app = useApp();
  const members = useCircle();
  // null while loading; otherwise how many sample mentors are loaded.
  const samples = members ? sampleCount(members) : null;
  const [busy, setBusy] = useState(false);

  const load = () => {
    setBusy(true);
    api.addSampleCircle().then(
      () => {
        setBusy(false);
        app.refresh();
        app.toast('Loaded the sample circle. Have a look around Today and Circle.');
      },
      (e) => {
        setBusy(false);
        // Already loaded (from another screen): show it as it is.
        if (toErrorPayload(e).kind === 'Conflict') app.refresh();
        else app.fail(e);
      },
    );
  };

  return (
    <div class="card" aria-labelledby="sample-heading" role="group">
      <h2 class="card-heading" id="sample-heading">
        Sample circle
      </h2>
      {samples === null ? (
        <p class="quiet">Checking…</p>
      ) : samples === 0 ? (
        <>
          <p>
            Explore Mentor Circle with a few made-up mentors and their catch-ups. They are marked “Sample” and leave
            in one step; your own mentors stay.
          </p>
          <div class="button-row">
            <button type="button" class="button" disabled={busy} onClick={load}>
              {busy ? 'Loading…' : 'Load the sample circle'}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            {samples === 1 ? 'One sample mentor is' : `${samples} sample mentors are`} in your circle, marked
            “Sample”. Removing them leaves your own mentors as they are.
          </p>
          <div class="button-row">
            <button
              type="button"
              class="button"
              onClick={() => app.openDialog({ type: 'removeSampleCircle', count: samples })}
            >
              Remove sample circle
            </button>
          </div>
        </>
      )}
    </div>
  );
}
