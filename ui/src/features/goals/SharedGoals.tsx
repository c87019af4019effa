import type { Goal } from '../../bindings/Goal';
import { useApp } from '../../context';
import { longDate } from '../../ui/dates';
import { countText } from '../follow-through/followThrough';
import { targetText } from './goalWords';
import { Day } from '../../ui/Day';
import './goals.css';
import '../mentors/mentor.css';

/** How a goal is going: its latest note, when, and how many there are. */
export function GoalProgressLine({ goal, today }: { goal: Goal; today: string }) {
  const latest = goal.progress[0];
  if (!latest) return <p class="mentor-goal-progress quiet">No progress noted yet.</p>;
  return (
    <p class="mentor-goal-progress">
      <span class="quiet">
        Latest, <Day iso={latest.writtenOn} today={today} />:
      </span>{' '}
      <span class="mentor-goal-note">{latest.note}</span>{' '}
      <span class="quiet mentor-goal-count">({countText(goal.progress.length, 'progress note')})</span>
    </p>
  );
}

/**
 * "Goals you’re working on together": the active goals this mentor helps with, each with
 * how it is going. Nothing when there are none.
 */
export function SharedGoals({ goals }: { goals: Goal[] }) {
  const app = useApp();
  if (goals.length === 0) return null;
  return (
    <section class="mentor-section" aria-labelledby="mentor-goals-heading">
      <h2 class="section-heading" id="mentor-goals-heading">
        Goals you’re working on together
      </h2>
      <ul class="rows goal-rows">
        {goals.map((g) => (
          <li key={g.id} id={`mentor-goal-${g.id}`} class="goal-row">
            <div class="mentor-goal-line">
              <span class="goal-row-title" id={`mentor-goal-title-${g.id}`}>
                {g.title}
              </span>
              <span class="goal-row-meta">
                {g.targetOn && (
                  <time dateTime={g.targetOn} title={longDate(g.targetOn)} class="goal-target">
                    {targetText(g.targetOn, app.today)}
                  </time>
                )}
                {g.fromEntry !== null && (
                  <button
                    type="button"
                    class="link agenda-from"
                    aria-describedby={`mentor-goal-title-${g.id}`}
                    onClick={() => g.fromEntry !== null && app.navigate({ name: 'journalEntry', id: g.fromEntry })}
                  >
                    From your journal
                  </button>
                )}
              </span>
            </div>
            <GoalProgressLine goal={g} today={app.today} />
          </li>
        ))}
      </ul>
      <p>
        <button type="button" class="link quiet" onClick={() => app.navigate({ name: 'goals' })}>
          All your goals
        </button>
      </p>
    </section>
  );
}
