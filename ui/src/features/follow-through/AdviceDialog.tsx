import { useState } from 'preact/hooks';
import { api } from '../../api';
import type { Advice } from '../../bindings/Advice';
import type { AdviceStatus } from '../../bindings/AdviceStatus';
import type { Mentor } from '../../bindings/Mentor';
import { useApp } from '../../context';
import {
  ADVICE_STATUSES,
  type AdviceField,
  type ProgressField,
  adviceErrors,
  progressDraft,
  progressErrors,
} from './followThrough';
import { shortcut } from '../../ui/keys';
import { FieldError, SaveForm, focusById, showSaveError } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { PageDialog } from '../../ui/PageDialog';
import { described } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import '../mentors/mentor.css';

const ADVICE_IDS: Record<AdviceField, string> = {
  text: 'advice-text',
  givenOn: 'advice-given-on',
};

const PROGRESS_IDS: Record<ProgressField | 'status', string> = {
  status: 'advice-status',
  reason: 'advice-reason',
  outcome: 'advice-outcome',
};

/** The aria attributes for the control `id`, whose message has the id `${id}-error`. */
const describedAs = (error: string | undefined, id: string) => described(error, `${id}-error`);

/** "Record advice from Ana": what they advised, and when. */
export function RecordAdviceDialog({
  mentor,
  onClose,
  onSaved,
}: {
  mentor: Mentor;
  onClose: () => void;
  onSaved: (advice: Advice) => void;
}) {
  const app = useApp();
  const [text, setText] = useState('');
  const [givenOn, setGivenOn] = useState(app.today);
  const [errors, setErrors] = useState<Partial<Record<AdviceField, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const dirty = text.trim() !== '' || givenOn !== app.today;

  const save = () => {
    if (saving) return;
    const found = adviceErrors({ text, givenOn }, app.today);
    setErrors(found);
    setFormError(undefined);
    const firstBad = (Object.keys(ADVICE_IDS) as AdviceField[]).find((f) => found[f]);
    if (firstBad) {
      focusById(ADVICE_IDS[firstBad]);
      return;
    }
    setSaving(true);
    api.addAdvice({ mentorId: mentor.id, givenOn, text: text.trim() }).then(onSaved, (e) => {
      setSaving(false);
      showSaveError(e, ADVICE_IDS, { setErrors, setFormError, fail: app.fail });
    });
  };

  return (
    <PageDialog title={`Record advice from ${mentor.name}`} dirty={dirty} onClose={onClose}>
      {(requestClose) => (
        <SaveForm onSave={save}>
          <div class="field">
            <label for="advice-text">What they advised</label>
            <textarea
              id="advice-text"
              rows={4}
              placeholder="In their words, as near as you remember"
              value={text}
              data-autofocus
              onInput={(e) => setText(e.currentTarget.value)}
              {...describedAs(errors.text, 'advice-text')}
            />
            <FieldError id="advice-text-error" message={errors.text} />
          </div>
          <div class="field field-date">
            <label for="advice-given-on">When</label>
            <DateField
              id="advice-given-on"
              max={app.today}
              value={givenOn}
              onValue={setGivenOn}
              {...describedAs(errors.givenOn, 'advice-given-on')}
            />
            <FieldError id="advice-given-on-error" message={errors.givenOn} />
          </div>
          <FormFooter
            formError={formError}
            onCancel={requestClose}
            saving={saving}
            saveLabel="Save advice"
            savingLabel="Saving…"
            saveTitle={`Save advice (${shortcut('Enter')})`}
          />
        </SaveForm>
      )}
    </PageDialog>
  );
}

/** "What came of it": what the user did with a piece of advice, and the evidence. */
export function AdviceProgressDialog({
  advice,
  onClose,
  onSaved,
}: {
  advice: Advice;
  onClose: () => void;
  onSaved: (advice: Advice) => void;
}) {
  const app = useApp();
  const [status, setStatus] = useState<AdviceStatus>(advice.status);
  const [reason, setReason] = useState(advice.reason);
  const [outcome, setOutcome] = useState(advice.outcome);
  const [errors, setErrors] = useState<Partial<Record<ProgressField, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const dirty = status !== advice.status || reason !== advice.reason || outcome !== advice.outcome;
  const declined = status === 'declined';

  const save = () => {
    if (saving) return;
    const found = progressErrors({ status, reason });
    setErrors(found);
    setFormError(undefined);
    if (found.reason) {
      focusById(PROGRESS_IDS.reason);
      return;
    }
    setSaving(true);
    api.updateAdvice(advice.id, progressDraft({ status, reason, outcome })).then(onSaved, (e) => {
      setSaving(false);
      showSaveError(e, { reason: PROGRESS_IDS.reason, outcome: PROGRESS_IDS.outcome }, {
        setErrors,
        setFormError,
        fail: app.fail,
      });
    });
  };

  return (
    <PageDialog title="What came of it" dirty={dirty} onClose={onClose}>
      {(requestClose) => (
        <SaveForm onSave={save}>
          <blockquote class="advice-quote" id="advice-quote">
            {advice.text}
          </blockquote>
          <div class="field">
            <label for="advice-status">What you did with it</label>
            <select
              id="advice-status"
              value={status}
              data-autofocus
              aria-describedby="advice-quote"
              onChange={(e) => {
                setStatus(e.currentTarget.value as AdviceStatus);
                setErrors({});
              }}
            >
              {ADVICE_STATUSES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          {declined && (
            <div class="field">
              <label for="advice-reason">Why not</label>
              <textarea
                id="advice-reason"
                rows={2}
                placeholder="Worth telling them too: it helps their next advice fit"
                value={reason}
                onInput={(e) => setReason(e.currentTarget.value)}
                {...describedAs(errors.reason, 'advice-reason')}
              />
              <FieldError id="advice-reason-error" message={errors.reason} />
            </div>
          )}
          <div class="field">
            <label for="advice-outcome">What came of it</label>
            <textarea
              id="advice-outcome"
              rows={3}
              placeholder="Optional: what happened when you acted on it"
              value={outcome}
              onInput={(e) => setOutcome(e.currentTarget.value)}
              {...describedAs(errors.outcome, 'advice-outcome')}
            />
            <FieldError id="advice-outcome-error" message={errors.outcome} />
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
