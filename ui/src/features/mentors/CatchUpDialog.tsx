import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, toErrorPayload } from '../../api';
import type { Advice } from '../../bindings/Advice';
import type { AgendaItem } from '../../bindings/AgendaItem';
import type { CatchUp } from '../../bindings/CatchUp';
import type { CatchUpDraft } from '../../bindings/CatchUpDraft';
import type { MentorSummary } from '../../bindings/MentorSummary';
import type { MentorStatus } from '../../bindings/MentorStatus';
import type { Mode } from '../../bindings/Mode';
import { useApp } from '../../context';
import { useMentorsOnce } from '../../data/circle';
import { daysBetween, isValidDay } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { shortcut } from '../../ui/keys';
import { MODES, STATUSES, compareNames } from './labels';
import { Dialog, FieldError, SaveForm, focusById, showSaveError } from '../../ui/Dialog';
import { FormFooter } from '../../ui/FormFooter';
import { NeedsAMentor } from '../../ui/NeedsAMentor';
import { useQuery } from '../../data/hooks';
import { keys } from '../../data/keys';
import { described } from '../../ui/Field';
import './mentor.css';

type Field = 'mentorId' | 'date' | 'mode' | 'note';

const FIELD_IDS: Record<Field, string> = {
  mentorId: 'catchup-mentor',
  date: 'catchup-date',
  mode: 'catchup-mode',
  note: 'catchup-note',
};

interface Props {
  /** Preselected mentor (opened from their row). */
  mentor?: MentorSummary;
  /**
   * Preselected mentor known by id only (opened from their page, or the tray): the dialog
   * shows at once, and takes their details from the circle as it loads.
   */
  mentorId?: number;
  /** Given when editing an existing catch-up. */
  catchUp?: CatchUp;
  onClose: () => void;
  onSaved: (catchUp: CatchUp, mentorName: string) => void;
}

const STATUS_ORDER: Record<MentorStatus, number> = { active: 0, paused: 1, alumni: 2 };

// Active mentors first, then paused, then alumni; by name within each.
function byStatusThenName(a: MentorSummary, b: MentorSummary): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compareNames(a.name, b.name);
}

/** The quick log's default: the mentor's most preferred way to talk. */
function defaultMode(m: MentorSummary | undefined): Mode {
  return m?.modes[0] ?? 'inPerson';
}

/** What was waiting for this catch-up with a mentor: open agenda items, advice to report back on. */
interface FollowUp {
  mentorId: number;
  agenda: AgendaItem[];
  closeTheLoop: Advice[];
}

function toggled(list: readonly number[], id: number, on: boolean): number[] {
  return on ? (list.includes(id) ? [...list] : [...list, id]) : list.filter((x) => x !== id);
}

/**
 * Log a catch-up (quick log, Ctrl/Cmd+L), or edit one. A new one offers the mentor's open
 * agenda items and the advice waiting to be reported back on, to tick as talked about.
 */
export function CatchUpDialog({ mentor, mentorId: openedFor, catchUp, onClose, onSaved }: Props) {
  const app = useApp();
  const today = app.today;
  const init = {
    mentorId: catchUp?.mentorId ?? mentor?.id ?? openedFor ?? null,
    date: catchUp?.date ?? today,
    mode: catchUp?.mode ?? defaultMode(mentor),
    note: catchUp?.note ?? '',
  };
  const [base, setBase] = useState(init);
  const [mentorId, setMentorId] = useState<number | null>(init.mentorId);
  const [date, setDate] = useState(init.date);
  const [mode, setMode] = useState<Mode>(init.mode);
  const [note, setNote] = useState(init.note);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [discussed, setDiscussed] = useState<number[]>([]);
  const [reported, setReported] = useState<number[]>([]);
  // Enter pressed before the circle had loaded: saved once it has, as it would have been
  // a moment later (with the mentor's usual way to talk, or the one mentor chosen).
  const saveWhenLoaded = useRef(false);

  /** Chooses `m` as `init` would have, had it been known at once; unless the user chose since. */
  const startWith = (m: MentorSummary | null) => {
    const mode = defaultMode(m ?? undefined);
    setMentorId((id) => (id === init.mentorId ? (m?.id ?? null) : id));
    setMode((was) => (was === init.mode ? mode : was));
    setBase((b) => ({ ...b, mentorId: m?.id ?? null, mode }));
  };

  const mentors = useMentorsOnce((list) => {
    if (mentor && !list.some((m) => m.id === mentor.id)) list.push(mentor);
    list.sort(byStatusThenName);
    // Still where the dialog put it: the user has not moved on.
    const focusUntouched = document.activeElement?.id === FIELD_IDS.mentorId;
    if (init.mentorId === null && list.length === 1) {
      startWith(list[0]!);
      if (focusUntouched) focusById(FIELD_IDS.note);
    } else if (init.mentorId === null && list.length === 0) {
      saveWhenLoaded.current = false;
      focusById('catchup-add-mentor');
    } else if (openedFor !== undefined && !mentor && !catchUp) {
      // Opened by id: their usual way to talk; or nobody, when they are no longer in the circle.
      const known = list.find((m) => m.id === openedFor) ?? null;
      startWith(known);
      if (!known) focusById(FIELD_IDS.mentorId);
    }
    return list;
  }, mentor ? [mentor] : null);

  useEffect(() => {
    if (mentors === null || !saveWhenLoaded.current) return;
    saveWhenLoaded.current = false;
    void save();
  }, [mentors]);

  // Only for a new catch-up: ticks are read when one is logged, never when one is edited.
  const followUp = useQuery<FollowUp>(
    catchUp || mentorId === null ? null : keys.once('followUp', mentorId),
    () =>
      api.mentorPage(mentorId!).then((page) => ({
        mentorId: page.mentor.id,
        agenda: page.agenda.filter((item) => item.discussedOn === null),
        closeTheLoop: page.closeTheLoop,
      })),
    // The lists are a help, not needed to log: only a lock is worth saying.
    { onError: (e) => toErrorPayload(e).kind === 'Locked' && app.fail(e) },
  );
  useEffect(() => {
    setDiscussed([]);
    setReported([]);
  }, [mentorId, catchUp?.id]);

  const shown = !catchUp && followUp !== null && followUp.mentorId === mentorId ? followUp : null;
  const dirty =
    mentorId !== base.mentorId ||
    date !== base.date ||
    mode !== base.mode ||
    note !== base.note ||
    discussed.length > 0 ||
    reported.length > 0;

  const chooseMentor = (value: string) => {
    const id = value === '' ? null : Number(value);
    setMentorId(id);
    const chosen = mentors?.find((m) => m.id === id);
    if (chosen && !catchUp) setMode(defaultMode(chosen));
  };

  const save = async () => {
    if (saving) return;
    if (mentors === null) {
      saveWhenLoaded.current = true;
      return;
    }
    const found: Partial<Record<Field, string>> = {};
    if (mentorId === null) found.mentorId = 'Please choose who you talked with.';
    if (!isValidDay(date)) found.date = 'Please choose the day you talked.';
    else if (daysBetween(today, date) > 0) found.date = 'That day is still to come. Please choose today or an earlier day.';
    setErrors(found);
    setFormError(undefined);
    const firstBad = (Object.keys(FIELD_IDS) as Field[]).find((f) => found[f]);
    if (firstBad || mentorId === null) {
      if (firstBad) focusById(FIELD_IDS[firstBad]);
      return;
    }
    const draft: CatchUpDraft = {
      mentorId,
      date,
      mode,
      note: note.trim(),
      discussed: shown ? discussed.filter((id) => shown.agenda.some((item) => item.id === id)) : [],
      reportedBack: shown ? reported.filter((id) => shown.closeTheLoop.some((a) => a.id === id)) : [],
    };
    const name = mentors?.find((m) => m.id === mentorId)?.name ?? '';
    setSaving(true);
    try {
      const saved = catchUp ? await api.updateCatchUp(catchUp.id, draft) : await api.logCatchUp(draft);
      onSaved(saved, name);
    } catch (e) {
      setSaving(false);
      showSaveError(e, FIELD_IDS, { setErrors, setFormError, fail: app.fail });
    }
  };

  // Paused and alumni mentors come after the active ones, under their own headings. Built
  // once the mentors are loaded, not on every keystroke in the note: there may be thousands.
  const mentorOptions = useMemo(() => {
    const mentorOption = (m: MentorSummary) => (
      <option key={m.id} value={String(m.id)}>
        {m.name}
      </option>
    );
    const groups = STATUSES.map((s) => ({ label: s.label, list: (mentors ?? []).filter((m) => m.status === s.value) })).filter(
      (g) => g.list.length > 0,
    );
    return groups.length <= 1
      ? (mentors ?? []).map(mentorOption)
      : groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.list.map(mentorOption)}
          </optgroup>
        ));
  }, [mentors]);

  const describedAs = (f: Field, hintId?: string) => described(errors[f], `${FIELD_IDS[f]}-error`, hintId);
  const title = catchUp ? 'Edit catch-up' : 'Log a catch-up';

  return (
    <Dialog title={title} dirty={dirty} onClose={onClose}>
      {(requestClose) =>
        mentors !== null && mentors.length === 0 ? (
          <NeedsAMentor what="log your catch-ups with them" id="catchup-add-mentor" onCancel={requestClose} />
        ) : (
        <SaveForm onSave={() => void save()}>
          <div class="field">
            <label for="catchup-mentor">Mentor</label>
            {/* Never disabled while the circle loads: the focus starts here at once, and the
                options fill in as they come. */}
            <select
              id="catchup-mentor"
              value={mentorId === null ? '' : String(mentorId)}
              onChange={(e) => chooseMentor(e.currentTarget.value)}
              aria-busy={mentors === null}
              {...(init.mentorId === null ? { 'data-autofocus': true } : {})}
              {...describedAs('mentorId')}
            >
              {mentorId === null && <option value="">Choose a mentor…</option>}
              {mentors === null && mentorId !== null && <option value={String(mentorId)}>Loading…</option>}
              {mentorOptions}
            </select>
            <FieldError id="catchup-mentor-error" message={errors.mentorId} />
          </div>

          <div class="field-pair">
            <div class="field">
              <label for="catchup-date">Date</label>
              <DateField id="catchup-date" max={today} value={date} onValue={setDate} {...describedAs('date')} />
              <FieldError id="catchup-date-error" message={errors.date} />
            </div>
            <div class="field">
              <label for="catchup-mode">How</label>
              <select
                id="catchup-mode"
                value={mode}
                onChange={(e) => setMode(e.currentTarget.value as Mode)}
                {...describedAs('mode')}
              >
                {MODES.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </select>
              <FieldError id="catchup-mode-error" message={errors.mode} />
            </div>
          </div>

          <div class="field">
            <label for="catchup-note">Note</label>
            <textarea
              id="catchup-note"
              rows={4}
              placeholder="Optional: what you talked about, what you promised"
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
              onKeyDown={(e) => {
                // A quick log: Enter saves here too; Shift+Enter starts a new line.
                // (Ctrl/Cmd+Enter is handled by the form, as in every dialog.)
                if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing) {
                  e.preventDefault();
                  void save();
                }
              }}
              {...(init.mentorId !== null ? { 'data-autofocus': true } : {})}
              {...describedAs('note', 'catchup-note-hint')}
            />
            <p class="field-hint" id="catchup-note-hint">
              Enter saves · Shift+Enter starts a new line
            </p>
            <FieldError id="catchup-note-error" message={errors.note} />
          </div>

          {shown && (
            <TickList
              name="discussed"
              legend="What you talked about"
              hint="Anything not ticked stays on the agenda for next time."
              items={shown.agenda}
              ticked={discussed}
              onChange={setDiscussed}
            />
          )}
          {shown && (
            <TickList
              name="reported"
              legend="What you reported back"
              hint="Tick the advice you told them about; the rest stays on “Close the loop”."
              items={shown.closeTheLoop}
              ticked={reported}
              onChange={setReported}
            />
          )}

          <FormFooter
            formError={formError}
            onCancel={requestClose}
            saving={saving}
            saveLabel={catchUp ? 'Save changes' : 'Save catch-up'}
            savingLabel="Saving…"
            saveTitle={`Save (Enter, or ${shortcut('Enter')})`}
          />
        </SaveForm>
        )
      }
    </Dialog>
  );
}

/**
 * Checkboxes for what was done at this catch-up; nothing when there is nothing to tick.
 * A group with a plain label, not a fieldset: WebKitGTK re-lays out a flex fieldset's
 * legend when focus moves into it, shifting the boxes between a pointer's press and
 * release, so a click on a checkbox was lost.
 */
function TickList(props: {
  name: string;
  legend: string;
  hint: string;
  items: readonly { id: number; text: string }[];
  ticked: number[];
  onChange: (update: (list: number[]) => number[]) => void;
}) {
  const { name, legend, hint, items, ticked, onChange } = props;
  if (items.length === 0) return null;
  return (
    <div
      class="field tick-list"
      role="group"
      aria-labelledby={`catchup-${name}-legend`}
      aria-describedby={`catchup-${name}-hint`}
    >
      <p class="field-legend" id={`catchup-${name}-legend`}>
        {legend}
      </p>
      <ul class="plain-list tick-items">
        {items.map((item) => (
          <li key={item.id} class="check">
            <input
              type="checkbox"
              id={`${name}-${item.id}`}
              checked={ticked.includes(item.id)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                onChange((list) => toggled(list, item.id, on));
              }}
            />
            <label for={`${name}-${item.id}`}>{item.text}</label>
          </li>
        ))}
      </ul>
      <p class="field-hint" id={`catchup-${name}-hint`}>
        {hint}
      </p>
    </div>
  );
}
