import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../../api';
import type { Mentor } from '../../bindings/Mentor';
import type { MentorStatus } from '../../bindings/MentorStatus';
import type { Mode } from '../../bindings/Mode';
import type { Prospect } from '../../bindings/Prospect';
import type { Purpose } from '../../bindings/Purpose';
import type { Role } from '../../bindings/Role';
import type { Term } from '../../bindings/Term';
import { useApp } from '../../context';
import { shortcut } from '../../ui/keys';
import { type CheckKey, CHECKS, MODES, PURPOSES, ROLES, STATUSES, TERMS, modeLabel } from './labels';
import {
  CHECK_FIELDS,
  CHECK_NOTE_FIELDS,
  type FormErrors,
  MAX_CADENCE_DAYS,
  MAX_GAP_DAYS,
  type MentorField,
  type MentorForm,
  PROFILE_FIELDS,
  defaultMaxGap,
  draftFromForm,
  firstError,
  formFromMentor,
  hasChecks,
  hasProfile,
  maxGapFollowsCadence,
  newForm,
  sameForm,
  validateMentorForm,
} from './mentorForm';
import { joinedText, mentorFormFromProspect } from '../prospects/pipeline';
import { Dialog, FieldError, SaveForm, showSaveError, useFocusAfterRender } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { invalidate } from '../../data/hooks';
import { CHANGED_BY } from '../../data/keys';
import type { DialogEntryProps } from '../../dialogs';
import { Field, described } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import './mentor.css';

/** The input each field's message shows under (and focus moves to). */
const FIELD_IDS: Record<MentorField, string> = {
  name: 'mentor-name',
  organisation: 'mentor-organisation',
  roles: `mentor-role-${ROLES[0]!.value}`,
  status: 'mentor-status',
  cadenceDays: 'mentor-cadence',
  maxGapDays: 'mentor-max-gap',
  modes: `mentor-mode-${MODES[0]!.value}`,
  startsOn: 'mentor-starts-on',
  reviewOn: 'mentor-review-on',
  situation: 'mentor-situation',
  ownPurpose: 'mentor-own-purpose',
  confidentiality: 'mentor-confidentiality',
  expertise: 'mentor-expertise',
  howWeMet: 'mentor-how-we-met',
  email: 'mentor-email',
  phone: 'mentor-phone',
  linkedin: 'mentor-linkedin',
  checkExperience: 'mentor-check-experience-note',
  checkValues: 'mentor-check-values-note',
  checkAccountability: 'mentor-check-accountability-note',
  checkTime: 'mentor-check-time-note',
};

/** The form's plain text values. */
type TextKey = { [K in keyof MentorForm]: MentorForm[K] extends string ? K : never }[keyof MentorForm];

const errorId = (f: MentorField) => `${FIELD_IDS[f]}-error`;

const QUICK_PICKS = [
  { label: '1 week', days: 7 },
  { label: '2 weeks', days: 14 },
  { label: '4 weeks', days: 28 },
  { label: '3 months', days: 91 },
];

const REVIEW_HINTS: Record<Term, string> = {
  ongoing: 'Optional: a day to look at the agreement together again.',
  fixedPeriod: 'Needed for a fixed period: the day it ends.',
  oneOff: 'Optional: when the situation should be behind you.',
};

const STATUS_HINTS: Record<MentorStatus, string> = {
  active: 'In your cadence, with reminders when it’s time to talk.',
  paused: 'No reminders for now; everything stays as it is.',
  alumni: 'The mentorship has ended: history kept, a yearly nudge to stay in touch.',
};

interface Props {
  mentor?: Mentor;
  /**
   * "Welcome to the circle": add this prospect as a mentor (through `promoteProspect`, which
   * keeps their history), the form filled in from what is known about them.
   */
  fromProspect?: Prospect;
  onClose: () => void;
  onSaved: (mentor: Mentor) => void;
}

function startForm(mentor: Mentor | undefined, prospect: Prospect | undefined, today: string): MentorForm {
  if (mentor) return formFromMentor(mentor);
  if (prospect) return mentorFormFromProspect(prospect, today);
  return newForm(today);
}

/** Add a mentor (maybe a prospect welcomed in), or edit one when `mentor` is given. */
export function MentorDialog({ mentor, fromProspect, onClose, onSaved }: Props) {
  const app = useApp();
  const [init] = useState<MentorForm>(() => startForm(mentor, fromProspect, app.today));
  const [form, setForm] = useState<MentorForm>(init);
  // The longest gap follows the cadence (double it) until the user sets it apart.
  const [maxTouched, setMaxTouched] = useState(() => (mentor ? !maxGapFollowsCadence(init) : false));
  const [profileOpen, setProfileOpen] = useState(() => (mentor !== undefined || fromProspect !== undefined) && hasProfile(init));
  const [checksOpen, setChecksOpen] = useState(() => mentor !== undefined && hasChecks(init));
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  // The first field in error gets the focus as its message shows (not a frame later, when
  // the focus was still on "Add mentor" and the next key went there).
  const focusField = useFocusAfterRender();

  const dirty = !sameForm(form, init);

  const set = <K extends keyof MentorForm>(key: K, value: MentorForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const setCadence = (value: string) =>
    setForm((f) => {
      const follow = maxTouched ? null : defaultMaxGap(value);
      return follow === null ? { ...f, cadence: value } : { ...f, cadence: value, maxGap: follow };
    });

  const setMaxGap = (value: string) => {
    setMaxTouched(true);
    set('maxGap', value);
  };

  const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  const setCheck = (key: CheckKey, change: Partial<{ met: boolean; note: string }>) =>
    setForm((f) => ({ ...f, checks: { ...f.checks, [key]: { ...f.checks[key], ...change } } }));

  // Show messages, opening a folded section that holds one.
  const showErrors = (found: FormErrors) => {
    setErrors(found);
    if (PROFILE_FIELDS.some((f) => found[f])) setProfileOpen(true);
    if (CHECK_NOTE_FIELDS.some((f) => found[f])) setChecksOpen(true);
  };

  const save = async () => {
    if (saving) return;
    const found = validateMentorForm(form);
    showErrors(found);
    setFormError(undefined);
    const first = firstError(found);
    if (first) {
      focusField(FIELD_IDS[first]);
      return;
    }
    const draft = draftFromForm(form);
    setSaving(true);
    try {
      const saved = mentor
        ? await api.updateMentor(mentor.id, draft)
        : fromProspect
          ? await api.promoteProspect(fromProspect.id, draft)
          : await api.addMentor(draft);
      onSaved(saved);
    } catch (e) {
      setSaving(false);
      showSaveError(e, FIELD_IDS, { setErrors: showErrors, setFormError, fail: app.fail, focus: focusField });
    }
  };

  // Ctrl/Cmd+Enter saves from anywhere in the form, also from a checkbox, a button or a
  // folded section's heading. Text fields and selects are left to the form's own handling.
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

  /** aria attributes for a control: its hint, and its message when there is one. */
  const describedAs = (f: MentorField, hintId?: string) => described(errors[f], errorId(f), hintId);

  /**
   * For each box of a group refused as a whole (no role, no way to talk ticked): marked
   * invalid and pointing at the message, so that the first box, which gets the focus,
   * says why (the group's own description is not read when focus moves into it).
   */
  const groupBox = (f: MentorField) => (errors[f] ? { 'aria-invalid': true as const, 'aria-describedby': errorId(f) } : {});

  const text = (f: MentorField, key: TextKey, label: string, extra: Record<string, unknown> = {}) => (
    <Field id={FIELD_IDS[f]} label={label} error={errors[f]} errorId={errorId(f)}>
      <input
        id={FIELD_IDS[f]}
        type="text"
        autocomplete="off"
        value={form[key]}
        onInput={(e) => set(key, e.currentTarget.value)}
        {...extra}
        {...describedAs(f)}
      />
    </Field>
  );

  const maxHint = maxTouched
    ? 'The longest gap you are both happy with. Past it, the nudge to catch up gets stronger.'
    : 'Twice the cadence until you change it. Past it, the nudge to catch up gets stronger.';

  return (
    <Dialog title={mentor ? 'Edit mentor' : 'Add a mentor'} dirty={dirty} onClose={onClose}>
      {(requestClose) => (
        <SaveForm onSave={() => void save()}>
          <div class="form-keys" onKeyDown={saveAnywhere}>
            <div class="mentor-form">
              {fromProspect && !mentor && (
                <p class="gentle-note" id="mentor-from-prospect">
                  Filled in from what you noted about them as a prospect. Agree the details together; their history as
                  a prospect stays on their page.
                </p>
              )}
              <Section id="mentor-who" heading="Who">
                {text('name', 'name', 'Name', { 'data-autofocus': true })}
                {text('organisation', 'organisation', 'Organisation', { placeholder: 'Optional' })}

                <fieldset class="field" aria-describedby={errors.roles ? errorId('roles') : undefined}>
                  <legend>Roles in your circle</legend>
                  <div class="checks">
                    {ROLES.map((r) => (
                      <div class="check" key={r.value}>
                        <input
                          id={`mentor-role-${r.value}`}
                          type="checkbox"
                          checked={form.roles.includes(r.value)}
                          onChange={(e) => set('roles', toggle<Role>(form.roles, r.value, e.currentTarget.checked))}
                          {...groupBox('roles')}
                        />
                        <label for={`mentor-role-${r.value}`}>{r.label}</label>
                      </div>
                    ))}
                  </div>
                  <FieldError id={errorId('roles')} message={errors.roles} />
                </fieldset>

                <div class="field">
                  <div class="check">
                    <input
                      id="mentor-same-company"
                      type="checkbox"
                      checked={form.sameCompany}
                      onChange={(e) => set('sameCompany', e.currentTarget.checked)}
                      {...(form.sameCompany ? { 'aria-describedby': 'mentor-same-company-note' } : {})}
                    />
                    <label for="mentor-same-company">Works at my company</label>
                  </div>
                  {form.sameCompany && (
                    <p class="gentle-note" id="mentor-same-company-note">
                      Confidences may travel inside one company. Agree together what stays between you, and note it
                      under Confidentiality.
                    </p>
                  )}
                </div>

                {mentor && (
                  <div class="field">
                    <label for="mentor-status">Status</label>
                    <select
                      id="mentor-status"
                      value={form.status}
                      onChange={(e) => set('status', e.currentTarget.value as MentorStatus)}
                      {...describedAs('status', 'mentor-status-hint')}
                    >
                      {STATUSES.map((s) => (
                        <option key={s.value} value={s.value}>
                          {s.label}
                        </option>
                      ))}
                    </select>
                    <p class="field-hint" id="mentor-status-hint">
                      {STATUS_HINTS[form.status]}
                    </p>
                    <FieldError id={errorId('status')} message={errors.status} />
                  </div>
                )}
              </Section>

              <Section id="mentor-agreement" heading="Agreement">
                <div class="field-pair">
                  <div class="field">
                    <label for="mentor-cadence">Talk every (days)</label>
                    <input
                      id="mentor-cadence"
                      class="input-number"
                      type="number"
                      min={1}
                      max={MAX_CADENCE_DAYS}
                      step={1}
                      inputMode="numeric"
                      value={form.cadence}
                      onInput={(e) => setCadence(e.currentTarget.value)}
                      {...describedAs('cadenceDays')}
                    />
                    <div class="quick-picks" role="group" aria-label="Quick picks for how often to talk">
                      {QUICK_PICKS.map((q) => (
                        <button
                          type="button"
                          key={q.days}
                          class="pick"
                          aria-pressed={form.cadence.trim() === String(q.days)}
                          onClick={() => setCadence(String(q.days))}
                        >
                          {q.label}
                        </button>
                      ))}
                    </div>
                    <FieldError id={errorId('cadenceDays')} message={errors.cadenceDays} />
                  </div>
                  <div class="field">
                    <label for="mentor-max-gap">Never more than (days)</label>
                    <input
                      id="mentor-max-gap"
                      class="input-number"
                      type="number"
                      min={1}
                      max={MAX_GAP_DAYS}
                      step={1}
                      inputMode="numeric"
                      value={form.maxGap}
                      onInput={(e) => setMaxGap(e.currentTarget.value)}
                      {...describedAs('maxGapDays', 'mentor-max-gap-hint')}
                    />
                    <p class="field-hint" id="mentor-max-gap-hint">
                      {maxHint}
                    </p>
                    <FieldError id={errorId('maxGapDays')} message={errors.maxGapDays} />
                  </div>
                </div>

                <fieldset
                  class="field"
                  aria-describedby={['mentor-modes-hint', errors.modes ? errorId('modes') : ''].filter(Boolean).join(' ')}
                >
                  <legend>Preferred ways to talk</legend>
                  <div class="checks checks-modes">
                    {MODES.map((m) => (
                      <div class="check" key={m.value}>
                        <input
                          id={`mentor-mode-${m.value}`}
                          type="checkbox"
                          checked={form.modes.includes(m.value)}
                          onChange={(e) => set('modes', toggle<Mode>(form.modes, m.value, e.currentTarget.checked))}
                          {...groupBox('modes')}
                        />
                        <label for={`mentor-mode-${m.value}`}>{m.label}</label>
                      </div>
                    ))}
                  </div>
                  <p class="field-hint" id="mentor-modes-hint">
                    {form.modes[0]
                      ? `Logging a catch-up starts with ${modeLabel(form.modes[0]).toLowerCase()}, the first you ticked.`
                      : 'The first you tick is where logging a catch-up starts.'}
                  </p>
                  <FieldError id={errorId('modes')} message={errors.modes} />
                </fieldset>

                <div class="field-trio">
                  <div class="field">
                    <label for="mentor-term">Term</label>
                    <select id="mentor-term" value={form.term} onChange={(e) => set('term', e.currentTarget.value as Term)}>
                      {TERMS.map((t) => (
                        <option key={t.value} value={t.value}>
                          {t.label}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div class="field">
                    <label for="mentor-starts-on">Starts on</label>
                    <DateField
                      id="mentor-starts-on"
                      value={form.startsOn}
                      onValue={(v) => set('startsOn', v)}
                      {...describedAs('startsOn')}
                    />
                    <FieldError id={errorId('startsOn')} message={errors.startsOn} />
                  </div>
                  <div class="field">
                    <label for="mentor-review-on">End or review date</label>
                    <DateField
                      id="mentor-review-on"
                      min={form.startsOn || undefined}
                      value={form.reviewOn}
                      onValue={(v) => set('reviewOn', v)}
                      {...(form.term === 'fixedPeriod' ? { 'aria-required': true } : {})}
                      {...describedAs('reviewOn', 'mentor-review-on-hint')}
                    />
                    <FieldError id={errorId('reviewOn')} message={errors.reviewOn} />
                  </div>
                </div>
                <p class="field-hint field-hint-row" id="mentor-review-on-hint">
                  {REVIEW_HINTS[form.term]}
                </p>

                {form.term === 'oneOff' &&
                  text('situation', 'situation', 'Situation', {
                    placeholder: 'For example: preparing for a promotion conversation',
                    'aria-required': true,
                  })}

                <fieldset class="field">
                  <legend>What it's for</legend>
                  <div class="checks">
                    {PURPOSES.map((p) => (
                      <div class="check" key={p.value}>
                        <input
                          id={`mentor-purpose-${p.value}`}
                          type="checkbox"
                          checked={form.purposes.includes(p.value)}
                          onChange={(e) => set('purposes', toggle<Purpose>(form.purposes, p.value, e.currentTarget.checked))}
                        />
                        <label for={`mentor-purpose-${p.value}`}>{p.label}</label>
                      </div>
                    ))}
                  </div>
                </fieldset>
                {text('ownPurpose', 'ownPurpose', 'Your own purpose', { placeholder: 'Optional, in your own words' })}

                <div class="field">
                  <label for="mentor-confidentiality">Confidentiality</label>
                  <textarea
                    id="mentor-confidentiality"
                    rows={2}
                    placeholder="Optional: what stays between the two of you"
                    value={form.confidentiality}
                    onInput={(e) => set('confidentiality', e.currentTarget.value)}
                    {...describedAs('confidentiality')}
                  />
                  <FieldError id={errorId('confidentiality')} message={errors.confidentiality} />
                </div>
              </Section>

              <Fold
                heading="Profile"
                summary="Expertise, how you met, how to reach them"
                open={profileOpen}
                onToggle={setProfileOpen}
              >
                {text('expertise', 'expertise', 'Areas of expertise', { placeholder: 'Optional' })}
                {text('howWeMet', 'howWeMet', 'How you met', { placeholder: 'Optional' })}
                <p class="field-hint">Kept here for you to read and copy; Mentor Circle never calls, mails or opens them.</p>
                {text('email', 'email', 'Email address', { inputMode: 'email', spellcheck: false })}
                <div class="field-pair">
                  {text('phone', 'phone', 'Phone number', { inputMode: 'tel' })}
                  {text('linkedin', 'linkedin', 'LinkedIn', {
                    inputMode: 'url',
                    spellcheck: false,
                    placeholder: 'https://www.linkedin.com/in/…',
                  })}
                </div>
              </Fold>

              <Fold heading="The four checks" summary="What to look for in a mentor" open={checksOpen} onToggle={setChecksOpen}>
                {CHECKS.map((c) => {
                  const f = CHECK_FIELDS[c.value];
                  return (
                    <div class="check-block" key={c.value}>
                      <div class="check">
                        <input
                          id={`mentor-check-${c.value}`}
                          type="checkbox"
                          checked={form.checks[c.value].met}
                          onChange={(e) => setCheck(c.value, { met: e.currentTarget.checked })}
                        />
                        <label for={`mentor-check-${c.value}`}>{c.label}</label>
                      </div>
                      <div class="field check-note">
                        <label for={FIELD_IDS[f]}>Note on {c.short}</label>
                        <input
                          id={FIELD_IDS[f]}
                          type="text"
                          autocomplete="off"
                          placeholder="Optional"
                          value={form.checks[c.value].note}
                          onInput={(e) => setCheck(c.value, { note: e.currentTarget.value })}
                          {...describedAs(f)}
                        />
                        <FieldError id={errorId(f)} message={errors[f]} />
                      </div>
                    </div>
                  );
                })}
              </Fold>
            </div>

            <FormFooter
              formError={formError}
              onCancel={requestClose}
              saving={saving}
              saveLabel={mentor ? 'Save changes' : 'Add mentor'}
              savingLabel="Saving…"
              saveTitle={`Save (Enter in a single-line field, ${shortcut('Enter')} anywhere)`}
              actionsClass="mentor-form-actions"
            />
          </div>
        </SaveForm>
      )}
    </Dialog>
  );
}

/** A section that is always open. */
function Section({ id, heading, children }: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section class="form-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} class="form-section-heading">
        {heading}
      </h3>
      {children}
    </section>
  );
}

/** A section that can be folded away (optional details). */
function Fold({
  heading,
  summary,
  open,
  onToggle,
  children,
}: {
  heading: string;
  summary: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ComponentChildren;
}) {
  return (
    <details class="form-section form-fold" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>
        <h3 class="form-section-heading">{heading}</h3>
        <span class="form-fold-summary">{summary}</span>
      </summary>
      <div class="form-fold-body">{children}</div>
    </details>
  );
}

/** The registry's "welcome to the circle" (dialogs.tsx): the new mentor's page next. */
export function PromoteProspectDialog({ dialog: d, host: { app, close } }: DialogEntryProps<'promoteProspect'>) {
  return (
    <MentorDialog
      fromProspect={d.prospect}
      onClose={close}
      onSaved={(m) => {
        close();
        invalidate(...CHANGED_BY.mentor, ...CHANGED_BY.prospect);
        app.navigate({ name: 'mentor', id: m.id });
        app.toast(joinedText(m.name));
      }}
    />
  );
}
