import { useState } from 'preact/hooks';
import { api } from '../../api';
import type { AgendaItem } from '../../bindings/AgendaItem';
import { useApp } from '../../context';
import { quickAgendaAddedText, quickAgendaChoices, quickAgendaFirst } from '../goals/goalWords';
import { shortcut } from '../../ui/keys';
import { useMentorsOnce } from '../../data/circle';
import { Dialog, FieldError, SaveForm, focusById, showSaveError } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { NeedsAMentor } from '../../ui/NeedsAMentor';
import { invalidate } from '../../data/hooks';
import { CHANGED_BY } from '../../data/keys';
import type { DialogEntryProps } from '../../dialogs';
import { described } from '../../ui/Field';
import './mentor.css';
import '../goals/goals.css';

type Field = 'mentorId' | 'text';

const FIELD_IDS: Record<Field, string> = {
  mentorId: 'quick-agenda-mentor',
  text: 'quick-agenda-text',
};

function typedSoFar(): string {
  const field = document.getElementById(FIELD_IDS.text);
  return field instanceof HTMLTextAreaElement ? field.value : '';
}

interface Props {
  /** The mentor whose page is open: chosen to start with. */
  mentorId: number | null;
  onClose: () => void;
  onSaved: (item: AgendaItem, mentorName: string) => void;
}

/** Quick capture from anywhere: a question or topic for a mentor's next catch-up. */
export function QuickAgendaDialog({ mentorId: openMentor, onClose, onSaved }: Props) {
  const app = useApp();
  const [mentorId, setMentorId] = useState<number | null>(null);
  const [startMentor, setStartMentor] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const mentors = useMentorsOnce((list) => {
    const choices = quickAgendaChoices(list, openMentor);
    const chosen = quickAgendaFirst(choices, openMentor);
    setMentorId(chosen);
    setStartMentor(chosen);
    if (choices.length === 0) focusById('quick-agenda-add-mentor');
    // Nobody chosen: choosing comes first; else the words. Unless they are already under way.
    else if (typedSoFar() === '') focusById(chosen === null ? FIELD_IDS.mentorId : FIELD_IDS.text);
    return choices;
  });
  // Where the dialog starts (and returns after "Keep editing"): the mentor when nobody is
  // chosen, the question otherwise. Away from a mentor's page, nobody is, most likely.
  const mentorFirst = mentors === null ? openMentor === null : startMentor === null;

  const dirty = text.trim() !== '' || mentorId !== startMentor;

  const save = async () => {
    if (saving) return;
    const found: Partial<Record<Field, string>> = {};
    if (mentorId === null) found.mentorId = 'Choose whose agenda it goes on.';
    if (text.trim() === '') found.text = 'Write the question or topic first.';
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
      const item = await api.addAgendaItem({ mentorId, text: text.trim(), fromEntry: null });
      onSaved(item, name);
    } catch (e) {
      setSaving(false);
      showSaveError(e, FIELD_IDS, { setErrors, setFormError, fail: app.fail });
    }
  };

  const hints = ['quick-agenda-text-hint', ...(errors.text ? ['quick-agenda-text-error'] : [])].join(' ');

  return (
    <Dialog title="Add to a mentor's agenda" dirty={dirty} onClose={onClose}>
      {(requestClose) =>
        mentors !== null && mentors.length === 0 ? (
          <NeedsAMentor what="add questions to their agenda" id="quick-agenda-add-mentor" onCancel={requestClose} />
        ) : (
          <SaveForm onSave={() => void save()}>
            <div class="field">
              <label for={FIELD_IDS.mentorId}>Mentor</label>
              <select
                id={FIELD_IDS.mentorId}
                value={mentorId === null ? '' : String(mentorId)}
                onChange={(e) => setMentorId(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
                {...(mentorFirst ? { 'data-autofocus': true } : {})}
                {...described(errors.mentorId, 'quick-agenda-mentor-error')}
              >
                {mentors === null && <option value="">Loading your circle…</option>}
                {mentors !== null && mentorId === null && <option value="">Choose a mentor…</option>}
                {(mentors ?? []).map((m) => (
                  <option key={m.id} value={String(m.id)}>
                    {m.name}
                  </option>
                ))}
              </select>
              <FieldError id="quick-agenda-mentor-error" message={errors.mentorId} />
            </div>

            <div class="field">
              <label for={FIELD_IDS.text}>Question or topic</label>
              <textarea
                id={FIELD_IDS.text}
                rows={4}
                placeholder="What you want to ask or talk over"
                value={text}
                onInput={(e) => setText(e.currentTarget.value)}
                {...(mentorFirst ? {} : { 'data-autofocus': true })}
                aria-describedby={hints}
                {...(errors.text ? { 'aria-invalid': true } : {})}
              />
              <p class="field-hint" id="quick-agenda-text-hint">
                It waits on their page for your next catch-up.
              </p>
              <FieldError id="quick-agenda-text-error" message={errors.text} />
            </div>

            <FormFooter
              formError={formError}
              onCancel={requestClose}
              saving={saving}
              disabled={mentors === null}
              saveId="quick-agenda-save"
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

/** The registry's quick capture (dialogs.tsx): saved, the toast offers the mentor's page. */
export function QuickAgendaEntryDialog({ dialog: d, host: { app, close } }: DialogEntryProps<'quickAgenda'>) {
  return (
    <QuickAgendaDialog
      mentorId={d.mentorId}
      onClose={close}
      onSaved={(item, name) => {
        close();
        invalidate(...CHANGED_BY.agenda);
        // Names the mentor, never the question: a toast can be seen over a shoulder.
        app.toast(quickAgendaAddedText(name), {
          label: 'Open',
          run: () => app.navigate({ name: 'mentor', id: item.mentorId }),
        });
      }}
    />
  );
}
