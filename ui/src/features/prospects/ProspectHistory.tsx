import type { Prospect } from '../../bindings/Prospect';
import { useApp } from '../../context';
import { sourceLabel, stageLabel } from '../follow-through/followThrough';
import { Day } from '../../ui/Day';
import '../mentors/mentor.css';

/**
 * "Before they joined your circle": where the user found them, what they wanted from
 * them, how the conversations felt, and each step they took together as a prospect.
 */
export function ProspectHistory({ prospect }: { prospect: Prospect }) {
  const app = useApp();
  const { source, wants, chemistry, steps } = prospect;
  return (
    <section class="mentor-section prospect-history" id="prospect-history" aria-labelledby="prospect-history-heading">
      <h2 class="section-heading" id="prospect-history-heading">
        Before they joined your circle
      </h2>
      <dl class="facts">
        {source && (
          <>
            <dt>Where you found them</dt>
            <dd>{sourceLabel(source)}</dd>
          </>
        )}
        {wants && (
          <>
            <dt>What you wanted from them</dt>
            <dd class="prose">{wants}</dd>
          </>
        )}
        {chemistry && (
          <>
            <dt>Chemistry</dt>
            <dd class="prose">{chemistry}</dd>
          </>
        )}
        <dt>Steps</dt>
        <dd>
          {steps.length === 0 ? (
            <span class="quiet">
              Noted <Day iso={prospect.addedOn} today={app.today} format="short" />
            </span>
          ) : (
            <ol class="prospect-steps">
              {steps.map((s, i) => (
                <li key={`${s.stage}-${s.on}-${i}`}>
                  <span class="prospect-step-stage">{stageLabel(s.stage)}</span>{' '}
                  <Day iso={s.on} today={app.today} format="short" class="quiet" />
                </li>
              ))}
            </ol>
          )}
        </dd>
      </dl>
    </section>
  );
}
