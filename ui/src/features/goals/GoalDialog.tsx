import { useState } from 'preact/hooks';
import { api } from '../../api';
import type { Goal } from '../../bindings/Goal';
import { useApp } from '../../context';
import { useMentorsOnce } from '../../data/circle';
import { type GoalField, earliestTarget, helperChoices, validateGoal } from './goalWords';
import { shortcut } from '../../ui/keys';
import { Dialog, FieldError, SaveForm, focusById, showSaveError } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { MentorChecklist } from '../mentors/MentorChecklist';
import { described } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import '../mentors/mentor.css';
import './goals.css';

const FIELD_IDS: Record<GoalField, string> = {
  title: 'goal-title',
  why: 'goal-why',
  targetOn: 'goal-target',
};

const errorId = (f: GoalField) => `${FIELD_IDS[f]}-error`;

interface Props {
  /** A title suggested by the passage, or empty. */
  title: string;
  /** The passage, or empty. */
  why: string;
  fromEntry: number | null;
  /** The entry's "to raise with" mentors: ticked as helping to start with. */
  raiseWith: number[];
  /** The passage was cut to fit. */
  shortened: boolean;
  /** Edit this goal (saved with `updateGoal`); the fields above are then its own. */
  goal?: Goal;
  onClose: () => void;
  onSaved: (goal: Goal) => void;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** "Make it a goal": a new goal, from a journal passage or from scratch; or, given `goal`, "Edit goal". */
export function GoalDialog({ title: startTitle, why: startWhy, fromEntry, raiseWith, shortened, goal, onClose, onSaved }: Props) {
  const app = useApp();
  const startTarget = goal?.targetOn ?? '';
  const [title, setTitle] = useState(startTitle);
  const [why, setWhy] = useState(startWhy);
  const [targetOn, setTargetOn] = useState(startTarget);
  // Editing: the goal's helpers until the circle has loaded (saving meanwhile keeps them).
  const [helping, setHelping] = useState<number[]>(() => (goal ? [...goal.mentorIds] : []));
  const [startHelping, setStartHelping] = useState<number[]>(() => (goal ? [...goal.mentorIds] : []));
  const [errors, setErrors] = useState<Partial<Record<GoalField, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const mentors = useMentorsOnce((list) => {
    // Only mentors still in the circle: one removed since the entry was written is left out.
    const ticked = raiseWith.filter((id) => list.some((m) => m.id === id));
    setHelping(ticked);
    setStartHelping(ticked);
    return list;
  });

  const dirty = title !== startTitle || why !== startWhy || targetOn !== startTarget || !sameIds(helping, startHelping);
  // Suggested from a passage: only for a new goal.
  const suggested = !goal && fromEntry !== null && startTitle !== '';

  const save = async () => {
    if (saving) return;
    const found = validateGoal({ title, targetOn });
    setErrors(found);
    setFormError(undefined);
    const firstBad = (Object.keys(FIELD_IDS) as GoalField[]).find((f) => found[f]);
    if (firstBad) {
      focusById(FIELD_IDS[firstBad]);
      return;
    }
    setSaving(true);
    try {
      const draft = {
        title: title.trim(),
        why: why.trim(),
        targetOn: targetOn === '' ? null : targetOn,
        mentorIds: helping,
        fromEntry,
      };
      onSaved(goal ? await api.updateGoal(goal.id, draft) : await api.addGoal(draft));
    } catch (e) {
      setSaving(false);
      showSaveError(e, FIELD_IDS, { setErrors, setFormError, fail: app.fail });
    }
  };

  const toggle = (id: number, on: boolean) => setHelping((ids) => (on ? [...ids.filter((m) => m !== id), id] : ids.filter((m) => m !== id)));

  const describedAs = (f: GoalField, hint?: string) => described(errors[f], errorId(f), hint);

  const choices = helperChoices(mentors ?? [], helping);

  return (
    <Dialog title={goal ? 'Edit goal' : 'Make it a goal'} dirty={dirty} onClose={onClose}>
      {(requestClose) => (
        <SaveForm onSave={() => void save()}>
          <div class="field">
            <label for="goal-title">Goal</label>
            <input
              id="goal-title"
              type="text"
              autocomplete="off"
              placeholder="What you want to work towards"
              value={title}
              onInput={(e) => setTitle(e.currentTarget.value)}
              data-autofocus
              {...describedAs('title', suggested ? 'goal-title-hint' : undefined)}
            />
            {suggested && (
              <p class="field-hint" id="goal-title-hint">
                Suggested from the passage; make it your own.
              </p>
            )}
            <FieldError id={errorId('title')} message={errors.title} />
          </div>

          <div class="field">
            <label for="goal-why">Why it matters</label>
            <textarea
              id="goal-why"
              rows={5}
              placeholder="Optional: what is behind it, what would change"
              value={why}
              onInput={(e) => setWhy(e.currentTarget.value)}
              {...describedAs('why', shortened ? 'goal-why-hint' : undefined)}
            />
            {shortened && (
              <p class="field-hint" id="goal-why-hint">
                Shortened to fit; the whole passage stays in your journal.
              </p>
            )}
            <FieldError id={errorId('why')} message={errors.why} />
          </div>

          <div class="field goal-target-field">
            <label for="goal-target">Target date</label>
            <DateField
              id="goal-target"
              min={earliestTarget(app.today, goal?.targetOn ?? null)}
              value={targetOn}
              onValue={setTargetOn}
              {...describedAs('targetOn', 'goal-target-hint')}
            />
            <p class="field-hint" id="goal-target-hint">
              {goal?.targetOn && earliestTarget(app.today, goal.targetOn) !== app.today
                ? 'Optional. The day already passed can stay as it is.'
                : 'Optional.'}
            </p>
            <FieldError id={errorId('targetOn')} message={errors.targetOn} />
          </div>

          <MentorChecklist
            idPrefix="goal"
            legend="Mentors helping"
            loading={mentors === null}
            mentors={choices}
            ticked={helping}
            onToggle={toggle}
            hint="The goal shows on their pages, to talk over when you meet."
            noneHint="Once you have active mentors, you can note here who is helping."
          />

          <FormFooter
            formError={formError}
            onCancel={requestClose}
            saving={saving}
            saveId="goal-save"
            saveLabel={goal ? 'Save changes' : 'Set goal'}
            savingLabel="Saving…"
            saveTitle={`${goal ? 'Save changes' : 'Set goal'} (Enter, or ${shortcut('Enter')})`}
          />
        </SaveForm>
      )}
    </Dialog>
  );
}
