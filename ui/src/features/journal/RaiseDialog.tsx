import { useState } from 'preact/hooks';
import { api } from '../../api';
import type { AgendaItem } from '../../bindings/AgendaItem';
import type { MentorSummary } from '../../bindings/MentorSummary';
import { useApp } from '../../context';
import { useMentorsOnce } from '../../data/circle';
import { agendaAddedText, firstChoice, mentorGroups } from '../goals/goalWords';
import { shortcut } from '../../ui/keys';
import { Dialog, FieldError, SaveForm, focusById, showSaveError } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { NeedsAMentor } from '../../ui/NeedsAMentor';
import { invalidate } from '../../data/hooks';
import { CHANGED_BY } from '../../data/keys';
import type { DialogEntryProps } from '../../dialogs';
import { described } from '../../ui/Field';
import '../mentors/mentor.css';
import '../goals/goals.css';

type Field = 'text' | 'mentorId';

const FIELD_IDS: Record<Field, string> = {
  text: 'raise-text',
  mentorId: 'raise-mentor',
};

interface Props {
  /** What the question starts as: a journal passage, or empty. */
  text: string;
  fromEntry: number | null;
  /** The entry's "to raise with" mentors: offered first, the first of them chosen. */
  raiseWith: number[];
  /** The passage was cut to fit. */
  shortened: boolean;
  onClose: () => void;
  onSaved: (item: AgendaItem, mentorName: string) => void;
}

/** "Raise with a mentor": a question or topic for a mentor's next catch-up. */
export function RaiseDialog({ text: startText, fromEntry, raiseWith, shortened, onClose, onSaved }: Props) {
  const app = useApp();
  const [text, setText] = useState(startText);
  const [mentorId, setMentorId] = useState<number | null>(null);
  const [startMentor, setStartMentor] = useState<number | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const mentors = useMentorsOnce((list) => {
    const chosen = firstChoice(list, raiseWith);
    setMentorId(chosen);
    setStartMentor(chosen);
    if (list.length === 0) focusById('raise-add-mentor');
    // With the words already there, the mentor is what is left to choose.
    else if (chosen === null && startText.trim() !== '') focusById(FIELD_IDS.mentorId);
    return list;
  });

  const dirty = text !== startText || mentorId !== startMentor;

  const save = async () => {
    if (saving) return;
    const found: Partial<Record<Field, string>> = {};
    if (text.trim() === '') found.text = 'Write the question or topic first.';
    if (mentorId === null) found.mentorId = 'Choose who to raise it with.';
    setErrors(found);
    setFormError(undefined);
    const firstBad = (Object.keys(FIELD_IDS) as Field[]).find((f) => found[f]);
    if (firstBad || mentorId === null) {
      if (firstBad) focusById(FIELD_IDS[firstBad]);
      return;
    }
    const name = mentors?.find((m) => m.id === mentorId)?.name ?? '';
    setSaving(true);
    try {
      const item = await api.addAgendaItem({ mentorId, text: text.trim(), fromEntry });
      onSaved(item, name);
    } catch (e) {
      setSaving(false);
      showSaveError(e, FIELD_IDS, { setErrors, setFormError, fail: app.fail });
    }
  };

  const groups = mentorGroups(mentors ?? [], raiseWith);
  const mentorOption = (m: MentorSummary) => (
    <option key={m.id} value={String(m.id)}>
      {m.name}
    </option>
  );
  const hints = ['raise-text-hint', ...(errors.text ? ['raise-text-error'] : [])].join(' ');

  return (
    <Dialog title="Raise with a mentor" dirty={dirty} onClose={onClose}>
      {(requestClose) =>
        mentors !== null && mentors.length === 0 ? (
          <NeedsAMentor what="raise questions with them" id="raise-add-mentor" onCancel={requestClose} />
        ) : (
          <SaveForm onSave={() => void save()}>
            <div class="field">
              <label for="raise-text">Question or topic</label>
              <textarea
                id="raise-text"
                rows={5}
                placeholder="What you want to ask or talk over"
                value={text}
                onInput={(e) => setText(e.currentTarget.value)}
                data-autofocus
                aria-describedby={hints}
                {...(errors.text ? { 'aria-invalid': true } : {})}
              />
              <p class="field-hint" id="raise-text-hint">
                {shortened
                  ? 'Shortened to fit; the whole passage stays in your journal. '
                  : fromEntry !== null
                    ? 'From your journal; edit it as you like. '
                    : ''}
                It waits on their page for your next catch-up.
              </p>
              <FieldError id="raise-text-error" message={errors.text} />
            </div>

            <div class="field">
              <label for="raise-mentor">Mentor</label>
              <select
                id="raise-mentor"
                value={mentorId === null ? '' : String(mentorId)}
                onChange={(e) => setMentorId(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
                disabled={mentors === null}
                {...described(errors.mentorId, 'raise-mentor-error')}
              >
                {mentors === null && <option value="">Loading your circle…</option>}
                {mentors !== null && mentorId === null && <option value="">Choose a mentor…</option>}
                {groups.length <= 1
                  ? groups.flatMap((g) => g.mentors).map(mentorOption)
                  : groups.map((g) => (
                      <optgroup key={g.label} label={g.label}>
                        {g.mentors.map(mentorOption)}
                      </optgroup>
                    ))}
              </select>
              <FieldError id="raise-mentor-error" message={errors.mentorId} />
            </div>

            <FormFooter
              formError={formError}
              onCancel={requestClose}
              saving={saving}
              disabled={mentors === null}
              saveId="raise-save"
              saveLabel="Add to agenda"
              savingLabel="Adding…"
              saveTitle={`Add to agenda (${shortcut('Enter')})`}
            />
          </SaveForm>
        )
      }
    </Dialog>
  );
}

/** The registry's "raise with a mentor" (dialogs.tsx): saved, the toast offers the mentor's page. */
export function RaiseWithMentorDialog({ dialog: d, host: { app, close } }: DialogEntryProps<'raiseWithMentor'>) {
  return (
    <RaiseDialog
      text={d.text}
      fromEntry={d.fromEntry}
      raiseWith={d.raiseWith}
      shortened={d.shortened}
      onClose={close}
      onSaved={(item, name) => {
        close();
        invalidate(...CHANGED_BY.agenda);
        // Names the mentor, never the question: a toast can be seen over a shoulder.
        app.toast(agendaAddedText(name), {
          label: 'Open',
          run: () => app.navigate({ name: 'mentor', id: item.mentorId }),
        });
      }}
    />
  );
}
