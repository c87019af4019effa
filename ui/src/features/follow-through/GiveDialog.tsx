import { useState } from 'preact/hooks';
import { api } from '../../api';
import type { Give } from '../../bindings/Give';
import type { GiveKind } from '../../bindings/GiveKind';
import type { GiveState } from '../../bindings/GiveState';
import type { Mentor } from '../../bindings/Mentor';
import { useApp } from '../../context';
import { GIVE_KINDS, type GiveField, fitState, giveErrors, statesFor } from './followThrough';
import { shortcut } from '../../ui/keys';
import { FieldError, SaveForm, focusById, showSaveError } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { PageDialog } from '../../ui/PageDialog';
import { described } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import '../mentors/mentor.css';

const FIELD_IDS: Record<GiveField, string> = {
  kind: 'give-kind',
  state: 'give-state',
  note: 'give-note',
  on: 'give-on',
};

const NOTE_HINTS: Record<GiveKind, string> = {
  thanks: 'Optional: what you thanked them for',
  introduction: 'Optional: who you introduced them to',
  article: 'Optional: which article',
  technology: 'Optional: what you helped with',
  candidate: 'Optional: who you referred',
  other: 'What it is, in a few words',
};

/** The aria attributes for the control `id`, whose message has the id `${id}-error`. */
const describedAs = (error: string | undefined, id: string) => described(error, `${id}-error`);

interface Props {
  mentor: Mentor;
  /** What the dialog starts with: a thank-you that is done, or a give to choose. */
  kind: GiveKind;
  state: GiveState;
  onClose: () => void;
  onSaved: (give: Give) => void;
}

/** A thank-you sent, or a give: done, offered, or just an idea for later. */
export function GiveDialog({ mentor, kind: startKind, state: startState, onClose, onSaved }: Props) {
  const app = useApp();
  const [kind, setKind] = useState<GiveKind>(startKind);
  const [state, setState] = useState<GiveState>(fitState(startKind, startState));
  const [note, setNote] = useState('');
  const [on, setOn] = useState(app.today);
  const [errors, setErrors] = useState<Partial<Record<GiveField, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const dirty = kind !== startKind || state !== fitState(startKind, startState) || note.trim() !== '' || on !== app.today;
  const thanks = startKind === 'thanks';

  const chooseKind = (value: GiveKind) => {
    setKind(value);
    setState((s) => fitState(value, s));
    setErrors({});
  };

  const save = () => {
    if (saving) return;
    const found = giveErrors({ kind, state, note, on }, app.today);
    setErrors(found);
    setFormError(undefined);
    const firstBad = (Object.keys(FIELD_IDS) as GiveField[]).find((f) => found[f]);
    if (firstBad) {
      focusById(FIELD_IDS[firstBad]);
      return;
    }
    setSaving(true);
    api.addGive({ mentorId: mentor.id, kind, state, note: note.trim(), on }).then(onSaved, (e) => {
      setSaving(false);
      showSaveError(e, FIELD_IDS, { setErrors, setFormError, fail: app.fail });
    });
  };

  return (
    <PageDialog title={thanks ? `Log a thank-you to ${mentor.name}` : `Give back to ${mentor.name}`} dirty={dirty} onClose={onClose}>
      {(requestClose) => (
        <SaveForm onSave={save}>
          <div class="field-pair">
            <div class="field">
              <label for="give-kind">What</label>
              <select
                id="give-kind"
                value={kind}
                onChange={(e) => chooseKind(e.currentTarget.value as GiveKind)}
                {...(thanks ? {} : { 'data-autofocus': true })}
                {...describedAs(errors.kind, 'give-kind')}
              >
                {GIVE_KINDS.map((k) => (
                  <option key={k.value} value={k.value}>
                    {k.label}
                  </option>
                ))}
              </select>
              <FieldError id="give-kind-error" message={errors.kind} />
            </div>
            <div class="field">
              <label for="give-state">Status</label>
              <select
                id="give-state"
                value={state}
                onChange={(e) => {
                  setState(e.currentTarget.value as GiveState);
                  setErrors({});
                }}
                aria-invalid={errors.state ? true : undefined}
                aria-describedby={
                  [kind === 'thanks' ? 'give-state-hint' : '', errors.state ? 'give-state-error' : '']
                    .filter((s) => s !== '')
                    .join(' ') || undefined
                }
              >
                {statesFor(kind).map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
              {kind === 'thanks' && (
                <p class="field-hint" id="give-state-hint">
                  A thank-you is logged once it is sent.
                </p>
              )}
              <FieldError id="give-state-error" message={errors.state} />
            </div>
          </div>
          <div class="field">
            <label for="give-note">Note</label>
            <textarea
              id="give-note"
              rows={3}
              placeholder={NOTE_HINTS[kind]}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
              {...(thanks ? { 'data-autofocus': true } : {})}
              {...describedAs(errors.note, 'give-note')}
            />
            <FieldError id="give-note-error" message={errors.note} />
          </div>
          <div class="field field-date">
            <label for="give-on">When</label>
            <DateField
              id="give-on"
              max={state === 'done' ? app.today : undefined}
              value={on}
              onValue={setOn}
              {...describedAs(errors.on, 'give-on')}
            />
            <FieldError id="give-on-error" message={errors.on} />
          </div>
          <FormFooter
            formError={formError}
            onCancel={requestClose}
            saving={saving}
            saveLabel="Save"
            savingLabel="Saving…"
            saveTitle={`Save (Enter, or ${shortcut('Enter')})`}
          />
        </SaveForm>
      )}
    </PageDialog>
  );
}
