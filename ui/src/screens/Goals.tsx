import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import type { Goal } from '../bindings/Goal';
import { type AppActions, useApp } from '../context';
import { longDate } from '../dates';
import { goalStatusLabel, helpersText, isLongWhy, targetText } from '../goals';
import { mentorNames } from '../journal';
import { useCircle } from '../useCircle';
import '../goals.css';

function newGoal(app: AppActions): void {
  app.openDialog({ type: 'makeGoal', title: '', why: '', fromEntry: null, raiseWith: [], shortened: false });
}

/** What the user is working towards, and who helps: active goals first, the nearest target first. */
export function Goals() {
  const app = useApp();
  const [goals, setGoals] = useState<Goal[] | null>(null);
  const circle = useCircle();
  const names = useMemo(() => mentorNames(circle ?? []), [circle]);

  useEffect(() => {
    let live = true;
    api.goals().then(
      (list) => live && setGoals(list),
      (e) => {
        if (!live) return;
        setGoals((prev) => prev ?? []);
        app.fail(e);
      },
    );
    return () => {
      live = false;
    };
  }, [app.refreshKey]);

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
    <li class="card goal" id={`goal-${goal.id}`}>
      <div class="goal-head">
        <h2 class="goal-title" id={titleId}>
          {goal.title}
        </h2>
        {goal.status !== 'active' && <span class="badge badge-status">{goalStatusLabel(goal.status)}</span>}
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
    </li>
  );
}
