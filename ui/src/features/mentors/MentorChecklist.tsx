import type { MentorSummary } from '../../bindings/MentorSummary';

interface Props {
  /** Starts the ids: `goal` gives `goal-mentor-3` for a box and `goal-mentors-hint`. */
  idPrefix: string;
  legend: string;
  /** The circle is still loading. */
  loading: boolean;
  /** Who can be ticked. */
  mentors: readonly MentorSummary[];
  ticked: readonly number[];
  onToggle: (mentorId: number, on: boolean) => void;
  /** Under the boxes: what ticking does, or, with nobody to tick, what will be possible. */
  hint: string;
  noneHint: string;
}

/** Mentors to tick: who is helping with a goal, who to raise an entry with. */
export function MentorChecklist({ idPrefix, legend, loading, mentors, ticked, onToggle, hint, noneHint }: Props) {
  const hintId = `${idPrefix}-mentors-hint`;
  return (
    <fieldset class="field" aria-describedby={hintId}>
      <legend>{legend}</legend>
      {mentors.length > 0 && (
        <div class="checks">
          {mentors.map((m) => (
            <div class="check" key={m.id}>
              <input
                id={`${idPrefix}-mentor-${m.id}`}
                type="checkbox"
                checked={ticked.includes(m.id)}
                onChange={(e) => onToggle(m.id, e.currentTarget.checked)}
              />
              <label for={`${idPrefix}-mentor-${m.id}`}>{m.name}</label>
            </div>
          ))}
        </div>
      )}
      <p class="field-hint" id={hintId}>
        {loading ? 'Loading your circle…' : mentors.length > 0 ? hint : noneHint}
      </p>
    </fieldset>
  );
}
