import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../../api';
import type { Goal } from '../../bindings/Goal';
import type { GoalStatus } from '../../bindings/GoalStatus';
import { Day } from '../../ui/Day';
import { FieldError, showSaveError } from '../../ui/Dialog';
import { type AppActions, useApp } from '../../context';
import { longDate } from '../../ui/dates';
import {
  GOAL_STATUS_CHOICES,
  goalStatusLabel,
  goalStatusSavedText,
  helpersText,
  isLongWhy,
  progressNewestFirst,
  targetText,
  validateProgressNote,
} from './goalWords';
import { mentorNames } from '../journal/journalForm';
import { useCircle } from '../../data/circle';
import './goals.css';
import { invalidate, useQuery } from '../../data/hooks';
import { CHANGED_BY, keys } from '../../data/keys';

function newGoal(app: AppActions): void {
  app.openDialog({ type: 'makeGoal', title: '', why: '', fromEntry: null, raiseWith: [], shortened: false });
}

/**
 * What the user is working towards, and who helps: active goals first, the nearest target
 * first (the backend's order). Each goal has its status, dated notes on how it is going,
 * and can be edited.
 */
export function Goals() {
  const app = useApp();
  const goals = useQuery<Goal[]>(keys.goals, () => api.goals(), { fallback: [], onError: app.fail });
  const circle = useCircle();
  const names = useMemo(() => mentorNames(circle ?? []), [circle]);

  return (
    <section class="screen" aria-labelledby="goals-heading">
      <header class="screen-header">
        <h1 id="goals-heading">Goals</h1>
        {goals !== null && goals.length > 0 && (
          <button type="button" id="goals-new" class="button button-primary" onClick={() => newGoal(app)}>
            New goal
          </button>
        )}
      </header>

      {goals === null ? (
        <p class="quiet">Loading…</p>
      ) : goals.length === 0 ? (
        <div class="empty">
          <h2>No goals yet</h2>
          <p>Mentors help most when they know what you’re working towards.</p>
          <p>Set one here, or make one from a passage in your journal.</p>
          <div class="button-row">
            <button type="button" id="goals-new" class="button button-primary" onClick={() => newGoal(app)}>
              New goal
            </button>
          </div>
        </div>
      ) : (
        <ul class="goal-list" aria-labelledby="goals-heading">
          {goals.map((g) => (
            <GoalCard key={g.id} goal={g} names={names} app={app} />
          ))}
        </ul>
      )}
    </section>
  );
}

function GoalCard({ goal, names, app }: { goal: Goal; names: ReadonlyMap<number, string>; app: AppActions }) {
  const [open, setOpen] = useState(false);
  const long = isLongWhy(goal.why);
  const helpers = helpersText(goal.mentorIds, names);
  const titleId = `goal-title-${goal.id}`;
  const whyId = `goal-why-${goal.id}`;
  const fromEntry = goal.fromEntry;

  return (
    <li class={goal.status === 'active' ? 'card goal' : 'card goal goal-closed'} id={`goal-${goal.id}`}>
      <div class="goal-head">
        <h2 class="goal-title" id={titleId}>
          {goal.title}
        </h2>
        {goal.status !== 'active' && <span class="badge badge-status">{goalStatusLabel(goal.status)}</span>}
        <div class="goal-controls">
          <StatusSelect goal={goal} app={app} />
          <button
            type="button"
            class="button button-small"
            id={`goal-edit-${goal.id}`}
            aria-describedby={titleId}
            onClick={() => app.openDialog({ type: 'editGoal', goal })}
          >
            Edit
          </button>
        </div>
      </div>
      {goal.why !== '' && (
        <>
          {/* Plain text, line breaks kept: whatever was written shows as written. */}
          <p class={long && !open ? 'goal-why goal-why-folded' : 'goal-why'} id={whyId}>
            {goal.why}
          </p>
          {long && (
            <p>
              <button
                type="button"
                class="link goal-why-toggle"
                aria-expanded={open}
                aria-controls={whyId}
                onClick={() => setOpen((o) => !o)}
              >
                {open ? 'Show less' : 'Show all'}
              </button>
            </p>
          )}
        </>
      )}
      {(goal.targetOn || helpers || fromEntry !== null) && (
        <p class="goal-meta">
          {goal.targetOn && (
            <time dateTime={goal.targetOn} title={longDate(goal.targetOn)} class="goal-target">
              {targetText(goal.targetOn, app.today)}
            </time>
          )}
          {helpers && <span class="goal-helpers">{helpers}</span>}
          {fromEntry !== null && (
            <button
              type="button"
              class="link agenda-from"
              aria-describedby={titleId}
              onClick={() => app.navigate({ name: 'journalEntry', id: fromEntry })}
            >
              From your journal
            </button>
          )}
        </p>
      )}
      <Progress goal={goal} app={app} titleId={titleId} />
    </li>
  );
}

/** The goal's status, changed as soon as it is chosen. */
function StatusSelect({ goal, app }: { goal: Goal; app: AppActions }) {
  const id = `goal-status-${goal.id}`;
  // The choice being saved, then what the list shows again.
  const [shown, setShown] = useState<GoalStatus>(goal.status);
  const latest = useRef(0);
  // The goal moves in the list when its status changes: keep the keyboard where it was.
  const refocus = useRef(false);
  useEffect(() => {
    setShown(goal.status);
    if (refocus.current) {
      refocus.current = false;
      document.getElementById(id)?.focus();
    }
  }, [goal.status]);

  const choose = (status: GoalStatus) => {
    const asked = ++latest.current;
    setShown(status);
    api.setGoalStatus(goal.id, status).then(
      (saved) => {
        if (asked !== latest.current) return;
        refocus.current = document.activeElement === document.getElementById(id);
        invalidate(...CHANGED_BY.goal);
        app.toast(goalStatusSavedText(saved.status));
      },
      (e) => {
        if (asked !== latest.current) return;
        setShown(goal.status);
        app.fail(e);
      },
    );
  };

  return (
    <div class="goal-status">
      <label for={id}>Status</label>
      <select id={id} value={shown} onChange={(e) => choose(e.currentTarget.value as GoalStatus)}>
        {GOAL_STATUS_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** How the goal is going: dated notes, newest first, and a line to add one. */
function Progress({ goal, app, titleId }: { goal: Goal; app: AppActions; titleId: string }) {
  const inputId = `goal-progress-${goal.id}`;
  const errorId = `${inputId}-error`;
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const notes = progressNewestFirst(goal.progress);

  const add = async () => {
    if (saving) return;
    const problem = validateProgressNote(note);
    setError(problem);
    if (problem) {
      document.getElementById(inputId)?.focus();
      return;
    }
    setSaving(true);
    try {
      await api.addGoalProgress(goal.id, note.trim());
      setNote('');
      invalidate(...CHANGED_BY.goal);
      app.toast('Note added.');
    } catch (e) {
      showSaveError(e, { note: inputId }, { setErrors: (errs) => setError(errs.note), setFormError: setError, fail: app.fail });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="goal-progress">
      {notes.length > 0 && (
        <ol class="goal-notes" aria-label="How it is going, newest first">
          {notes.map((p) => (
            <li key={p.id} class="goal-note">
              <Day iso={p.writtenOn} today={app.today} class="goal-note-date" />
              <span class="goal-note-text">{p.note}</span>
            </li>
          ))}
        </ol>
      )}
      <form
        class="goal-progress-add"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label for={inputId}>How is it going?</label>
        <div class="goal-progress-row">
          <input
            id={inputId}
            type="text"
            autocomplete="off"
            placeholder="A step taken, a setback, what you learned"
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
            aria-describedby={error ? `${titleId} ${errorId}` : titleId}
            {...(error ? { 'aria-invalid': true } : {})}
          />
          <button type="submit" class="button" disabled={saving} title="Add note (Enter)">
            Add note
          </button>
        </div>
        <FieldError id={errorId} message={error} />
      </form>
    </div>
  );
}
