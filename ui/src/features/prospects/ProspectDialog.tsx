import { useState } from 'preact/hooks';
import { api } from '../../api';
import type { Prospect } from '../../bindings/Prospect';
import type { Role } from '../../bindings/Role';
import { useApp } from '../../context';
import { shortcut } from '../../ui/keys';
import { ROLES } from '../mentors/labels';
import {
  NO_SOURCE_LABEL,
  PROSPECT_FIELD_ORDER,
  type ProspectField,
  type ProspectForm,
  SOURCES,
  draftFromProspectForm,
  formFromProspect,
  newProspectForm,
  sameProspectForm,
  validateProspect,
} from './pipeline';
import { Dialog, FieldError, SaveForm, focusById, showSaveError } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { Field, described } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import '../mentors/mentor.css';
import './prospects.css';

/** The control each field's message shows under (and focus moves to). */
const FIELD_IDS: Record<ProspectField, string> = {
  name: 'prospect-name',
  organisation: 'prospect-organisation',
  source: 'prospect-source',
  wants: 'prospect-wants',
  couldFill: `prospect-role-${ROLES[0]!.value}`,
  chemistry: 'prospect-chemistry',
  nextStep: 'prospect-next-step',
  nextStepOn: 'prospect-next-step-on',
  email: 'prospect-email',
  profileUrl: 'prospect-profile-url',
};

const errorId = (f: ProspectField) => `${FIELD_IDS[f]}-error`;

type TextKey = { [K in keyof ProspectForm]: ProspectForm[K] extends string ? K : never }[keyof ProspectForm];

interface Props {
  /** Edit this prospect; without it, add one. */
  prospect?: Prospect;
  /** For a new prospect: a role to tick as one they could fill. */
  role?: Role;
  onClose: () => void;
  onSaved: (prospect: Prospect) => void;
}

/** Add a prospect, or edit one: who they are, where you found them, what you'd like, the next small step. */
export function ProspectDialog({ prospect, role, onClose, onSaved }: Props) {
  const app = useApp();
  const [init] = useState<ProspectForm>(() => (prospect ? formFromProspect(prospect) : newProspectForm(role ?? null)));
  const [form, setForm] = useState<ProspectForm>(init);
  const [errors, setErrors] = useState<Partial<Record<ProspectField, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const dirty = !sameProspectForm(form, init);
  const set = <K extends keyof ProspectForm>(key: K, value: ProspectForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = async () => {
    if (saving) return;
    const found = validateProspect(form);
    setErrors(found);
    setFormError(undefined);
    const first = PROSPECT_FIELD_ORDER.find((f) => found[f]);
    if (first) {
      focusById(FIELD_IDS[first]);
      return;
    }
    const draft = draftFromProspectForm(form, prospect ?? null);
    setSaving(true);
    try {
      onSaved(prospect ? await api.updateProspect(prospect.id, draft) : await api.addProspect(draft));
    } catch (e) {
      setSaving(false);
      showSaveError(e, FIELD_IDS, { setErrors, setFormError, fail: app.fail });
    }
  };

  // Ctrl/Cmd+Enter saves from anywhere, also from a checkbox; text fields and selects are
  // left to the form's own handling.
  const saveAnywhere = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.isComposing) return;
    const t = e.target;
    const typed =
      t instanceof HTMLTextAreaElement ||
      t instanceof HTMLSelectElement ||
      (t instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(t.type));
    if (typed) return;
    e.preventDefault();
    void save();
  };

  const describedAs = (f: ProspectField, hintId?: string) => described(errors[f], errorId(f), hintId);

  const text = (f: ProspectField & TextKey, label: string, extra: Record<string, unknown> = {}, hint?: string) => (
    <Field id={FIELD_IDS[f]} label={label} hint={hint} error={errors[f]} errorId={errorId(f)}>
      <input
        id={FIELD_IDS[f]}
        type="text"
        autocomplete="off"
        value={form[f]}
        onInput={(e) => set(f, e.currentTarget.value)}
        {...extra}
        {...describedAs(f, hint ? `${FIELD_IDS[f]}-hint` : undefined)}
      />
    </Field>
  );

  const area = (f: ProspectField & TextKey, label: string, placeholder: string, hint?: string) => (
    <Field id={FIELD_IDS[f]} label={label} hint={hint} error={errors[f]} errorId={errorId(f)}>
      <textarea
        id={FIELD_IDS[f]}
        rows={2}
        placeholder={placeholder}
        value={form[f]}
        onInput={(e) => set(f, e.currentTarget.value)}
        {...describedAs(f, hint ? `${FIELD_IDS[f]}-hint` : undefined)}
      />
    </Field>
  );

  const toggleRole = (r: Role, on: boolean) =>
    set('couldFill', on ? [...form.couldFill.filter((x) => x !== r), r] : form.couldFill.filter((x) => x !== r));

  return (
    <Dialog title={prospect ? 'Edit prospect' : 'Add a prospect'} dirty={dirty} onClose={onClose}>
      {(requestClose) => (
        <SaveForm onSave={() => void save()}>
          <div class="form-keys prospect-form" onKeyDown={saveAnywhere}>
            <div class="field-pair">
              {text('name', 'Name', { 'data-autofocus': true })}
              {text('organisation', 'Organisation', { placeholder: 'Optional' })}
            </div>

            <div class="field">
              <label for={FIELD_IDS.source}>Where you found them</label>
              <select
                id={FIELD_IDS.source}
                class="select-narrow"
                value={form.source}
                onChange={(e) => set('source', e.currentTarget.value)}
                {...describedAs('source')}
              >
                <option value="">{NO_SOURCE_LABEL}</option>
                {SOURCES.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
              <FieldError id={errorId('source')} message={errors.source} />
            </div>

            {area(
              'wants',
              'What you want from them',
              'For example: how they moved from engineering into product',
              'Know what you’d like before you ask: it makes a first conversation easy to say yes to.',
            )}

            <fieldset class="field" aria-describedby={errors.couldFill ? errorId('couldFill') : undefined}>
              <legend>Roles they could fill</legend>
              <div class="checks">
                {ROLES.map((r) => (
                  <div class="check" key={r.value}>
                    <input
                      id={`prospect-role-${r.value}`}
                      type="checkbox"
                      checked={form.couldFill.includes(r.value)}
                      onChange={(e) => toggleRole(r.value, e.currentTarget.checked)}
                    />
                    <label for={`prospect-role-${r.value}`}>{r.label}</label>
                  </div>
                ))}
              </div>
              <FieldError id={errorId('couldFill')} message={errors.couldFill} />
            </fieldset>

            {area('chemistry', 'Chemistry notes', 'Optional: how the conversations felt')}

            <div class="field-pair prospect-next">
              {text(
                'nextStep',
                'Next step',
                { placeholder: 'For example: a coffee' },
                'No need to make it official: start with an informal chat.',
              )}
              <div class="field">
                <label for={FIELD_IDS.nextStepOn}>Next step by</label>
                <DateField
                  id={FIELD_IDS.nextStepOn}
                  value={form.nextStepOn}
                  onValue={(v) => set('nextStepOn', v)}
                  {...describedAs('nextStepOn')}
                />
                <FieldError id={errorId('nextStepOn')} message={errors.nextStepOn} />
              </div>
            </div>

            <div class="field-pair">
              {text('email', 'E-mail', { inputMode: 'email', spellcheck: false, placeholder: 'Optional' })}
              {text('profileUrl', 'Profile address', {
                inputMode: 'url',
                spellcheck: false,
                placeholder: 'https://www.linkedin.com/in/…',
              })}
            </div>
            <p class="field-hint">Kept here for you to read and copy; Mentor Circle never mails or opens them.</p>

            <FormFooter
              formError={formError}
              onCancel={requestClose}
              saving={saving}
              saveId="prospect-save"
              saveLabel="Save prospect"
              savingLabel="Saving…"
              saveTitle={`Save prospect (Enter in a single-line field, ${shortcut('Enter')} anywhere)`}
            />
          </div>
        </SaveForm>
      )}
    </Dialog>
  );
}
