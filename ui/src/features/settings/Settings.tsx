import { useEffect, useRef, useState } from 'preact/hooks';
import { api, toErrorPayload } from '../../api';
import type { NudgeRecord } from '../../bindings/NudgeRecord';
import type { NudgeSettings } from '../../bindings/NudgeSettings';
import { FieldError, FormError, SaveForm, focusById, showSaveError } from '../../ui/Dialog';
import { useApp } from '../../context';
import { addDays, longDate } from '../../ui/dates';
import { shortcut } from '../../ui/keys';
import { lockAfterChoices, lockAfterSavedText, lockAfterValue, minutesFromValue } from '../security/lock';
import { type FollowUp, type NudgeLine, NO_NUDGES_YET, nudgeLine } from '../nudges/nudgeHistory';
import {
  MAX_DAILY_CAP,
  MAX_PAUSE_DAYS,
  type NudgeErrors,
  type NudgeField,
  type NudgeForm,
  firstNudgeError,
  formFromSettings,
  pausedText,
  quietHint,
  settingsFromForm,
  validateNudgeForm,
} from '../nudges/nudgeSettings';
import { type ThemeChoice, loadTheme, saveTheme } from './theme';
import { sampleCount } from '../today/homeSections';
import { useCircle } from '../../data/circle';
import { BackupsCard, SecurityCard, TakeAwayCard } from '../security/SecuritySettings';
import { useNudgeStatus } from '../nudges/useNudgeStatus';
import '../mentors/mentor.css';
import '../nudges/nudges.css';
import { invalidate, useQuery } from '../../data/hooks';
import { CHANGED_BY, keys } from '../../data/keys';
import { described } from '../../ui/Field';
import { DateField } from '../../ui/DateField';

const CHOICES: ReadonlyArray<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'Match system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * Settings: nudges first, then how they went, locking, security and backups, export and
 * import, the theme, the sample circle and data, and last, quitting.
 * `focusPause` is set when the tray asked to pause nudges: the "Pause nudges until"
 * field then gets the focus.
 */
export function Settings({ focusPause }: { focusPause?: number | undefined }) {
  const app = useApp();
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
      <NudgesCard focusPause={focusPause} />
      <NudgeHistoryCard />
      <LockCard />
      <SecurityCard />
      <BackupsCard />
      <TakeAwayCard />
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
        <p>Everything you keep in Mentor Circle is encrypted and stays on this computer, unless you export it.</p>
        <div class="button-row">
          <button type="button" class="button" onClick={() => app.openDialog({ type: 'about' })}>
            About Mentor Circle
          </button>
        </div>
      </div>
      <QuitCard />
    </section>
  );
}

/** Quitting: what closing the window does instead, and the way to stop Mentor Circle. */
function QuitCard() {
  const app = useApp();
  const quitKeys = shortcut('Q');
  return (
    <section class="card" aria-labelledby="quit-heading">
      <h2 class="card-heading" id="quit-heading">
        Quit
      </h2>
      <p class="quiet">
        Closing the window keeps Mentor Circle running in the tray, where your desktop shows one, so nudges arrive on
        time. Quitting stops it, and its nudges, until you open it again; a journal entry you are writing is kept.
      </p>
      <div class="button-row lock-now-row">
        <button type="button" id="settings-quit" class="button" title={`Quit Mentor Circle (${quitKeys})`} onClick={() => app.run('quit')}>
          Quit Mentor Circle
        </button>
        <span class="quiet">
          or press <kbd>{quitKeys}</kbd> anywhere
        </span>
      </div>
    </section>
  );
}

const LOCK_AFTER_ID = 'lock-after-idle';
const LOCK_AFTER_ERROR_ID = `${LOCK_AFTER_ID}-error`;

/** Lock now, and lock by itself after a while without use (saved as soon as it is chosen). */
function LockCard() {
  const app = useApp();
  // undefined while loading; what is in force once loaded.
  const [saved, setSaved] = useState<number | null | undefined>(undefined);
  // The select's value: the choice being saved, then what was saved.
  const [shown, setShown] = useState('');
  const [error, setError] = useState<string | undefined>();
  // Only the answer to the latest choice counts, when the user changes it quickly.
  const latest = useRef(0);

  useQuery(keys.once('lockAfterIdle'), () => api.lockAfterIdle(), {
    onData: (minutes) => {
      setSaved(minutes);
      setShown(lockAfterValue(minutes));
    },
    onError: app.fail,
  });

  const choose = (value: string) => {
    const asked = ++latest.current;
    setShown(value);
    setError(undefined);
    api.setLockAfterIdle(minutesFromValue(value)).then(
      (minutes) => {
        if (asked !== latest.current) return;
        setSaved(minutes);
        setShown(lockAfterValue(minutes));
        app.lockAfterIdleSaved(minutes);
        app.toast(lockAfterSavedText(minutes));
      },
      (e) => {
        if (asked !== latest.current) return;
        // The field shows what is still in force, with the reason under it.
        if (saved !== undefined) setShown(lockAfterValue(saved));
        showSaveError(
          e,
          { lockAfterIdle: LOCK_AFTER_ID },
          { setErrors: (errs) => setError(errs.lockAfterIdle), setFormError: setError, fail: app.fail },
        );
      },
    );
  };

  const lockKeys = shortcut('Shift+L');
  return (
    <section class="card lock-card" aria-labelledby="lock-heading">
      <h2 class="card-heading" id="lock-heading">
        Lock
      </h2>
      <p class="quiet">
        Locking closes your circle and journal and removes the key from memory. Nudges still arrive while locked, but
        only as a count — no names.
      </p>
      {saved === undefined ? (
        <p class="quiet">Loading…</p>
      ) : (
        <div class="field">
          <label for={LOCK_AFTER_ID}>Lock after idle</label>
          <select
            id={LOCK_AFTER_ID}
            class="select-narrow"
            value={shown}
            onChange={(e) => choose(e.currentTarget.value)}
            aria-describedby={error ? `${LOCK_AFTER_ID}-hint ${LOCK_AFTER_ERROR_ID}` : `${LOCK_AFTER_ID}-hint`}
            {...(error ? { 'aria-invalid': true } : {})}
          >
            {lockAfterChoices(saved).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <FieldError id={LOCK_AFTER_ERROR_ID} message={error} />
          <p class="field-hint" id={`${LOCK_AFTER_ID}-hint`}>
            How long Mentor Circle waits without you using it before it locks itself. This changes right away.
          </p>
        </div>
      )}
      <div class="button-row lock-now-row">
        <button type="button" id="settings-lock-now" class="button" title={`Lock now (${lockKeys})`} onClick={app.lock}>
          Lock now
        </button>
        <span class="quiet">
          or press <kbd>{lockKeys}</kbd> anywhere
        </span>
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
        invalidate(...CHANGED_BY.mentor);
        app.toast('Loaded the sample circle. Have a look around Today and Circle.');
      },
      (e) => {
        setBusy(false);
        // Already loaded (from another screen): show it as it is.
        if (toErrorPayload(e).kind === 'Conflict') invalidate(...CHANGED_BY.mentor);
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

/** The input each field's message shows under (and focus moves to). */
const NUDGE_FIELD_IDS: Record<NudgeField, string> = {
  quietHours: 'nudge-quiet-from',
  dailyCap: 'nudge-daily-cap',
  pausedUntil: 'nudge-paused-until',
};

const nudgeErrorId = (f: NudgeField) => `${NUDGE_FIELD_IDS[f]}-error`;

/** How and when nudges arrive: start at login (right away), the rest with "Save nudge settings". */
function NudgesCard({ focusPause }: { focusPause?: number | undefined }) {
  const app = useApp();
  const [status, setStatus] = useNudgeStatus();
  const [saved, setSaved] = useState<NudgeSettings | null>(null);
  const [form, setForm] = useState<NudgeForm | null>(null);
  const [errors, setErrors] = useState<NudgeErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [loginBusy, setLoginBusy] = useState(false);

  useQuery(keys.once('nudgeSettings'), () => api.nudgeSettings(), {
    onData: (s) => {
      setSaved(s);
      setForm(formFromSettings(s));
    },
    onError: app.fail,
  });

  // Asked from the tray: go straight to the pause field (once it is there).
  const loaded = form !== null;
  useEffect(() => {
    if (focusPause !== undefined && loaded) focusById(NUDGE_FIELD_IDS.pausedUntil);
  }, [focusPause, loaded]);

  const set = <K extends keyof NudgeForm>(key: K, value: NudgeForm[K]) => setForm((f) => (f ? { ...f, [key]: value } : f));

  const setStartAtLogin = (enabled: boolean) => {
    const before = status?.startAtLogin ?? !enabled;
    setLoginBusy(true);
    setStatus((s) => ({ ...s, startAtLogin: enabled }));
    api.setStartAtLogin(enabled).then(
      (on) => {
        setLoginBusy(false);
        setStatus((s) => ({ ...s, startAtLogin: on, startAtLoginAsked: true }));
        app.toast(on ? 'Mentor Circle will start when you log in.' : 'Mentor Circle won’t start when you log in.');
      },
      (e) => {
        setLoginBusy(false);
        setStatus((s) => ({ ...s, startAtLogin: before }));
        app.fail(e);
      },
    );
  };

  const save = () => {
    if (!form || saving) return;
    const found = validateNudgeForm(form, app.today);
    setErrors(found);
    setFormError(undefined);
    const first = firstNudgeError(found);
    if (first) {
      focusById(NUDGE_FIELD_IDS[first]);
      return;
    }
    setSaving(true);
    api.setNudgeSettings(settingsFromForm(form)).then(
      (s) => {
        setSaving(false);
        setSaved(s);
        setForm(formFromSettings(s));
        app.toast('Nudge settings saved');
      },
      (e) => {
        setSaving(false);
        showSaveError(e, NUDGE_FIELD_IDS, { setErrors, setFormError, fail: app.fail });
      },
    );
  };

  // Lifts the pause at once, keeping any other change in the form as it is.
  const resume = () => {
    if (!saved || saving) return;
    setSaving(true);
    api.setNudgeSettings({ ...saved, pausedUntil: null }).then(
      (s) => {
        setSaving(false);
        setSaved(s);
        setForm((f) => (f ? { ...f, pausedUntil: '' } : f));
        setErrors((e) => ({ ...e, pausedUntil: undefined }));
        focusById(NUDGE_FIELD_IDS.pausedUntil);
        app.toast('Nudges are back on');
      },
      (e) => {
        setSaving(false);
        showSaveError(e, NUDGE_FIELD_IDS, { setErrors, setFormError, fail: app.fail });
      },
    );
  };

  /** aria attributes for a control: its hint, and its message when there is one. */
  const describedAs = (f: NudgeField, hintId: string) => described(errors[f], nudgeErrorId(f), hintId);

  const paused = saved ? pausedText(saved.pausedUntil, app.today) : null;

  return (
    <section class="card nudges-card" aria-labelledby="nudges-heading">
      <h2 class="card-heading" id="nudges-heading">
        Nudges
      </h2>
      <p class="quiet">When a mentor is due, Mentor Circle sends a quiet notification. Choose when, and how many.</p>
      {status && (
        <div class="setting">
          <div class="check">
            <input
              id="nudge-start-at-login"
              type="checkbox"
              checked={status.startAtLogin}
              disabled={loginBusy}
              aria-describedby="nudge-start-at-login-hint"
              onChange={(e) => setStartAtLogin(e.currentTarget.checked)}
            />
            <label for="nudge-start-at-login">Start at login</label>
          </div>
          <p class="field-hint setting-hint" id="nudge-start-at-login-hint">
            Closing the window keeps Mentor Circle in the tray; starting at login keeps nudges coming after a restart.
            This changes right away.
          </p>
        </div>
      )}
      {form === null ? (
        <p class="quiet">Loading…</p>
      ) : (
        <SaveForm onSave={save}>
          <div class="setting">
            <div class="check">
              <input
                id="nudge-show-names"
                type="checkbox"
                checked={form.showNames}
                aria-describedby="nudge-show-names-hint"
                onChange={(e) => set('showNames', e.currentTarget.checked)}
              />
              <label for="nudge-show-names">Show names in notifications</label>
            </div>
            <p class="field-hint setting-hint" id="nudge-show-names-hint">
              When off, notifications only say how many mentors are due.
            </p>
          </div>

          <div class="setting">
            <div class="check">
              <input
                id="nudge-quiet"
                type="checkbox"
                checked={form.quietOn}
                aria-describedby="nudge-quiet-hint"
                onChange={(e) => set('quietOn', e.currentTarget.checked)}
              />
              <label for="nudge-quiet">Quiet hours</label>
            </div>
            <div class="time-pair setting-body">
              <div class="field">
                <label for="nudge-quiet-from">Quiet from</label>
                <input
                  id="nudge-quiet-from"
                  type="time"
                  value={form.quietFrom}
                  disabled={!form.quietOn}
                  onInput={(e) => set('quietFrom', e.currentTarget.value)}
                  {...describedAs('quietHours', 'nudge-quiet-hint')}
                />
              </div>
              <div class="field">
                <label for="nudge-quiet-until">Quiet until</label>
                <input
                  id="nudge-quiet-until"
                  type="time"
                  value={form.quietUntil}
                  disabled={!form.quietOn}
                  onInput={(e) => set('quietUntil', e.currentTarget.value)}
                  {...describedAs('quietHours', 'nudge-quiet-hint')}
                />
              </div>
            </div>
            <div class="setting-body">
              <FieldError id={nudgeErrorId('quietHours')} message={errors.quietHours} />
              <p class="field-hint" id="nudge-quiet-hint">
                {quietHint(form)}
              </p>
            </div>
          </div>

          <div class="field">
            <label for="nudge-daily-cap">Notifications a day at most</label>
            <input
              id="nudge-daily-cap"
              class="input-number"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_DAILY_CAP}
              step={1}
              value={form.dailyCap}
              onInput={(e) => set('dailyCap', e.currentTarget.value)}
              {...describedAs('dailyCap', 'nudge-daily-cap-hint')}
            />
            <FieldError id={nudgeErrorId('dailyCap')} message={errors.dailyCap} />
            <p class="field-hint" id="nudge-daily-cap-hint">
              Each mentor gets at most one nudge a day, and mentors due together share one notification.
            </p>
          </div>

          <div class="field">
            <label for="nudge-paused-until">Pause nudges until</label>
            <div class="pause-row">
              <DateField
                id="nudge-paused-until"
                min={addDays(app.today, 1)}
                max={addDays(app.today, MAX_PAUSE_DAYS)}
                value={form.pausedUntil}
                onValue={(v) => set('pausedUntil', v)}
                {...describedAs('pausedUntil', 'nudge-paused-until-hint')}
              >
                {paused && (
                  <button type="button" class="button" disabled={saving} onClick={resume}>
                    Resume nudges
                  </button>
                )}
              </DateField>
            </div>
            <FieldError id={nudgeErrorId('pausedUntil')} message={errors.pausedUntil} />
            {paused && <p class="paused-note">{paused}</p>}
            <p class="field-hint" id="nudge-paused-until-hint">
              No nudges before this day — for a holiday or a busy stretch. Leave it empty to keep them coming.
            </p>
          </div>

          <FormError message={formError} />

          <div class="button-row">
            <button type="submit" class="button button-primary" disabled={saving} title="Save (Enter in a field)">
              {saving ? 'Saving…' : 'Save nudge settings'}
            </button>
          </div>
        </SaveForm>
      )}
    </section>
  );
}

/** How many past nudges show at first, and how many more each "Show more" adds. */
const HISTORY_PAGE = 20;

/** The nudges sent, newest first, and what came of each. */
function NudgeHistoryCard() {
  const app = useApp();
  const records = useQuery<NudgeRecord[]>(keys.nudgeHistory, () => api.nudgeHistory(), { fallback: [], onError: app.fail });
  const [shown, setShown] = useState(HISTORY_PAGE);

  return (
    <section class="card nudge-history" aria-labelledby="nudges-sent-heading">
      <h2 class="card-heading" id="nudges-sent-heading">
        Nudges sent
      </h2>
      {records === null ? (
        <p class="quiet">Loading…</p>
      ) : records.length === 0 ? (
        <p class="quiet">{NO_NUDGES_YET}</p>
      ) : (
        <>
          <ul class="nudge-list" aria-label="Nudges sent">
            {records.slice(0, shown).map((r) => (
              <NudgeItem key={r.id} line={nudgeLine(r, app.today)} />
            ))}
          </ul>
          {records.length > shown && (
            <div class="button-row">
              <button type="button" class="button button-small" onClick={() => setShown((n) => n + HISTORY_PAGE)}>
                Show more
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function NudgeItem({ line }: { line: NudgeLine }) {
  const notes = [line.outcome, line.mayNotHaveArrived ? 'It may not have arrived' : null].filter(
    (n): n is string => n !== null,
  );
  const single = !line.digest ? line.followUps[0] : undefined;
  return (
    <li class="nudge-item">
      <time class="nudge-when" dateTime={line.sentAt} title={line.whenTitle}>
        {line.when}
      </time>
      <div class="nudge-body">
        <p class="nudge-who">{line.who}</p>
        {single ? (
          <p class="nudge-result">
            {notes.map((n) => (
              <span key={n}>{n} · </span>
            ))}
            <FollowUpText followUp={single} />
          </p>
        ) : (
          <>
            {notes.length > 0 && <p class="nudge-result">{notes.join(' · ')}</p>}
            <ul class="nudge-mentors" aria-label="Who it was about">
              {line.followUps.map((f) => (
                <li key={f.id}>
                  <span class="nudge-name">{f.name}</span>{' '}
                  <FollowUpText followUp={f} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </li>
  );
}

function FollowUpText({ followUp }: { followUp: FollowUp }) {
  if (followUp.day === null) return <span class="quiet">{followUp.text}</span>;
  return (
    <time class="follow-done" dateTime={followUp.day} title={longDate(followUp.day)}>
      {followUp.text}
    </time>
  );
}
