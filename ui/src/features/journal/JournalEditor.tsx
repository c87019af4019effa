import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, toErrorPayload } from '../../api';
import { Autosaver, type SaveState } from './autosave';
import type { Draft } from '../../bindings/Draft';
import type { EntryContent } from '../../bindings/EntryContent';
import type { JournalEntry } from '../../bindings/JournalEntry';
import type { MentorSummary } from '../../bindings/MentorSummary';
import { Day } from '../../ui/Day';
import { FieldError, FormError, focusById, showSaveError } from '../../ui/Dialog';
import { MentorChecklist } from '../mentors/MentorChecklist';
import { useApp } from '../../context';
import {
  type EntryField,
  type EntryForm,
  SCALE,
  contentOf,
  draftOf,
  emptyForm,
  entryContent,
  findDraft,
  formFromContent,
  mergeDraft,
  restoredText,
  sameContent,
  validateEntry,
} from './journalForm';
import { shortcut } from '../../ui/keys';
import { compareNames } from '../mentors/labels';
import { onBeforeLock } from '../security/lock';
import { findPrompt, promptForm, withPrompt } from './prompts';
import { useCircle } from '../../data/circle';
import { deleteEntry } from './JournalEntryView';
import '../mentors/mentor.css';
import './journal.css';
import { invalidate } from '../../data/hooks';
import { CHANGED_BY } from '../../data/keys';
import { described } from '../../ui/Field';

/** The control each field's message shows under (and focus moves to). */
const FIELD_IDS: Record<EntryField, string> = {
  body: 'journal-body',
  mood: 'journal-mood-none',
  energy: 'journal-energy-none',
  tags: 'journal-tags',
};

const errorId = (f: EntryField) => `${FIELD_IDS[f]}-error`;

/**
 * Draft writes still under way when an editor closed: the next editor reads the drafts
 * only after them, so it always finds the latest words.
 */
let lastWrites: Promise<unknown> = Promise.resolve();

function statusText(state: SaveState, problem: string | undefined): string {
  switch (state) {
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Draft saved';
    case 'failed':
      return problem ?? 'Couldn’t save a draft just now. Your words are still here.';
    case 'idle':
    case 'cleared':
      return '';
  }
}

function byName(a: MentorSummary, b: MentorSummary): number {
  return compareNames(a.name, b.name);
}

function moveCursorToEnd(el: HTMLTextAreaElement | null): void {
  if (!el) return;
  el.focus();
  const end = el.value.length;
  el.setSelectionRange(end, end);
  el.scrollTop = el.scrollHeight;
}

/**
 * Writing a journal entry, new (`id` null) or changes to one. What is typed is kept as a
 * draft a second after the last keystroke, and offered back next time. `prompt`: a
 * reflection prompt's id to start a new entry with; an unsaved draft comes first, with
 * the prompt after it.
 */
export function JournalEditor({ id, prompt }: { id: number | null; prompt?: string | undefined }) {
  const app = useApp();
  const appRef = useRef(app);
  appRef.current = app;
  const isNew = id === null;
  const of = useMemo(() => draftOf(id), [id]);
  const circle = useCircle();
  // Read once: the editor starts from the prompt, it does not follow the route.
  const [startWith] = useState(() => (isNew ? findPrompt(prompt) : undefined));
  /** A new entry starts as the prompt, or empty: not worth keeping as a draft until it changes. */
  const [startForm] = useState(() => (startWith ? promptForm(startWith) : emptyForm()));

  const [entry, setEntry] = useState<JournalEntry | null>(null);
  const [ready, setReady] = useState(isNew);
  const [missing, setMissing] = useState(false);
  const [form, setFormState] = useState<EntryForm>(startForm);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [promptAdded, setPromptAdded] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [draftProblem, setDraftProblem] = useState<string | undefined>();
  const [errors, setErrors] = useState<Partial<Record<EntryField, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const formRef = useRef(form);
  const baseRef = useRef<EntryContent>(contentOf(startForm));
  const loaded = useRef(false);
  const touched = useRef(false);
  /** The prompt is on screen but not in a draft yet (nothing has been typed since). */
  const promptUnsaved = useRef(false);
  const mounted = useRef(true);
  const body = useRef<HTMLTextAreaElement>(null);

  const setForm = (next: EntryForm) => {
    formRef.current = next;
    setFormState(next);
  };

  const saver = useMemo(
    () =>
      new Autosaver<EntryContent>({
        write: async (content) => {
          // Back to how it was: nothing worth keeping.
          if (sameContent(content, baseRef.current)) {
            await api.discardJournalDraft(of);
            return 'cleared';
          }
          await api.saveJournalDraft(of, content);
          return 'saved';
        },
        onState: (state) => {
          if (!mounted.current) return;
          setSaveState(state);
          if (state !== 'failed') setDraftProblem(undefined);
        },
        onError: (e) => {
          const err = toErrorPayload(e);
          if (err.kind === 'Invalid' && mounted.current) setDraftProblem(err.message);
          else if (err.kind !== 'Invalid') appRef.current.fail(err);
        },
      }),
    [],
  );

  // The entry (when editing) and any draft kept for it. Not a `useQuery` (data/hooks.ts):
  // read once, after the last draft write, to decide what the form starts from; no write
  // elsewhere may load it again over what is being typed.
  useEffect(() => {
    let live = true;
    const drafts = lastWrites
      .catch(() => undefined)
      .then(() => api.journalDrafts())
      .catch((e): Draft[] => {
        appRef.current.fail(e);
        return [];
      });
    const work: Promise<[JournalEntry | null, Draft[]]> =
      id === null ? drafts.then((ds) => [null, ds]) : Promise.all([api.journalEntry(id), drafts]);
    work.then(
      ([found, ds]) => {
        if (!live) return;
        const start = found ? entryContent(found) : contentOf(startForm);
        baseRef.current = start;
        setEntry(found);
        const draft = findDraft(ds, of);
        const typed = touched.current ? formRef.current : null;
        // A draft that says nothing new is not worth offering; nor is an empty new entry.
        const worthOffering =
          draft !== undefined &&
          !sameContent(draft.content, start) &&
          !(isNew && sameContent(draft.content, contentOf(emptyForm())));
        if (draft && worthOffering) {
          if (typed) {
            // What was typed already holds the prompt, if there is one; it goes after the draft.
            setForm(mergeDraft(draft.content, typed));
            setPromptAdded(startWith !== undefined);
          } else if (startWith) {
            const { form: merged, added } = withPrompt(formFromContent(draft.content), startWith);
            setForm(merged);
            setPromptAdded(added);
          } else {
            setForm(formFromContent(draft.content));
          }
          setRestoredAt(draft.savedAt);
        } else {
          if (draft) api.discardJournalDraft(of).catch(() => undefined);
          if (!typed) setForm(formFromContent(start));
        }
        loaded.current = true;
        promptUnsaved.current = startWith !== undefined && !typed;
        if (touched.current) saver.change(contentOf(formRef.current));
        setReady(true);
        if (found || (worthOffering && !typed)) requestAnimationFrame(() => moveCursorToEnd(body.current));
      },
      (e) => {
        if (!live) return;
        const err = toErrorPayload(e);
        if (err.kind === 'NotFound') setMissing(true);
        else app.fail(err);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  // A new entry: the cursor is in the text at once, before anything has loaded; after
  // the prompt's questions, when it starts from one.
  useLayoutEffect(() => {
    if (startWith) moveCursorToEnd(body.current);
    else if (isNew) body.current?.focus();
  }, []);

  // Locking closes the journal: keep what was typed first. A prompt not written in yet
  // is kept too, as a draft, since the editor comes back after unlocking without it.
  useEffect(
    () =>
      onBeforeLock(window, () => {
        if (loaded.current && promptUnsaved.current) {
          promptUnsaved.current = false;
          return api.saveJournalDraft(of, contentOf(formRef.current));
        }
        return saver.flush();
      }),
    [],
  );

  // Keep what was typed when the window is hidden or closed, and when leaving.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    const onPageHide = () => void saver.flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      mounted.current = false;
      lastWrites = saver.flush();
    };
  }, []);

  // Active mentors to choose from, and anyone already chosen whatever their status: sorted
  // when the circle or the choice changes, not on every keystroke in the entry.
  const mentors = useMemo(
    () =>
      (circle ?? [])
        .map((m) => m.mentor)
        .filter((m) => m.status === 'active' || form.mentorIds.includes(m.id))
        .sort(byName),
    [circle, form.mentorIds],
  );

  const edit = (change: Partial<EntryForm>) => {
    touched.current = true;
    // From here on the autosave keeps it, prompt and all.
    promptUnsaved.current = false;
    const next = { ...formRef.current, ...change };
    setForm(next);
    if (loaded.current) saver.change(contentOf(next));
  };

  const changed = ready && !sameContent(contentOf(form), baseRef.current);

  const leave = () => {
    if (changed) app.toast('Draft kept for next time');
    app.navigate(id === null ? { name: 'journal' } : { name: 'journalEntry', id });
  };

  const save = async () => {
    if (saving) return;
    const current = formRef.current;
    const found = validateEntry(current);
    setErrors(found);
    setFormError(undefined);
    if (found.body) {
      focusById(FIELD_IDS.body);
      return;
    }
    setSaving(true);
    // A draft write under way must not land after the entry is saved (and its draft gone).
    await saver.stop();
    const content = contentOf(current);
    try {
      if (id === null) await api.addJournalEntry(content);
      else await api.updateJournalEntry(id, content);
      invalidate(...CHANGED_BY.journal);
      app.navigate({ name: 'journal' });
      app.toast('Entry saved');
    } catch (e) {
      saver.resume();
      if (mounted.current) {
        setSaving(false);
        saver.change(contentOf(formRef.current));
      }
      showSaveError(e, FIELD_IDS, { setErrors, setFormError, fail: app.fail });
    }
  };

  const discardDraft = async () => {
    const before = contentOf(formRef.current);
    await saver.stop();
    try {
      await api.discardJournalDraft(of);
    } catch (e) {
      saver.resume();
      app.fail(e);
      return;
    }
    saver.resume();
    if (!mounted.current) return;
    touched.current = false;
    // Back to the prompt alone, when the entry started from one.
    promptUnsaved.current = startWith !== undefined;
    setForm(formFromContent(baseRef.current));
    setRestoredAt(null);
    setPromptAdded(false);
    setSaveState('idle');
    setErrors({});
    moveCursorToEnd(body.current);
    app.toast('Draft discarded', {
      label: 'Undo',
      run: () => {
        if (mounted.current) {
          // Only into an editor the user has not written in since.
          if (!sameContent(contentOf(formRef.current), baseRef.current)) return;
          touched.current = true;
          promptUnsaved.current = false;
          setForm(formFromContent(before));
          saver.change(before);
          moveCursorToEnd(body.current);
        } else {
          api.saveJournalDraft(of, before).catch(app.fail);
        }
      },
    });
  };

  const remove = async () => {
    if (id === null || saving) return;
    setSaving(true);
    await saver.stop();
    deleteEntry(app, id, () => {
      if (!mounted.current) return;
      setSaving(false);
      saver.resume();
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      void save();
      return;
    }
    // Enter in a single-line field must not save a multi-line entry by surprise.
    if (e.target instanceof HTMLInputElement) e.preventDefault();
  };

  if (missing) {
    return (
      <section class="screen" aria-labelledby="journal-editor-heading">
        <h1 id="journal-editor-heading">Entry not found</h1>
        <p>This entry is no longer in your journal.</p>
        <div class="button-row">
          <button type="button" class="button" onClick={() => app.navigate({ name: 'journal' })}>
            Back to Journal
          </button>
        </div>
      </section>
    );
  }

  if (!ready) {
    return (
      <section class="screen">
        <p class="quiet">Loading…</p>
      </section>
    );
  }

  const describedAs = (f: EntryField, hint?: string) => described(errors[f], errorId(f), hint);

  const toggleMentor = (mentorId: number, on: boolean) =>
    edit({
      mentorIds: on
        ? [...formRef.current.mentorIds.filter((m) => m !== mentorId), mentorId]
        : formRef.current.mentorIds.filter((m) => m !== mentorId),
    });

  const status = statusText(saveState, draftProblem);

  return (
    <section class="screen journal-editor" aria-labelledby="journal-editor-heading">
      <header class="screen-header">
        <div>
          <h1 id="journal-editor-heading">{isNew ? 'New entry' : 'Edit entry'}</h1>
          {entry && (
            <p class="subtitle">
              Written <Day iso={entry.writtenOn} today={app.today} format="short" />
            </p>
          )}
        </div>
      </header>

      {restoredAt && (
        <div class="draft-note" role="status">
          <span>{restoredText(restoredAt, app.today, promptAdded)}</span>
          <button type="button" class="button button-small" onClick={() => void discardDraft()}>
            Discard draft
          </button>
        </div>
      )}

      <form
        class="form journal-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={onKeyDown}
        onFocusOut={() => void saver.flush()}
      >
        <div class="field">
          <label for="journal-body">Entry</label>
          <textarea
            ref={body}
            id="journal-body"
            class="journal-body"
            rows={12}
            placeholder="What’s on your mind?"
            value={form.body}
            onInput={(e) => edit({ body: e.currentTarget.value })}
            data-autofocus
            {...describedAs('body', 'journal-body-hint')}
          />
          <p class="field-hint" id="journal-body-hint">
            A blank line starts a new paragraph · “- ” starts a list · *emphasis* · **strong**
          </p>
          <FieldError id={errorId('body')} message={errors.body} />
        </div>

        <div class="journal-scales">
          <Scale
            name="mood"
            legend="Mood"
            value={form.mood}
            onChange={(mood) => edit({ mood })}
            error={errors.mood}
          />
          <Scale
            name="energy"
            legend="Energy"
            value={form.energy}
            onChange={(energy) => edit({ energy })}
            error={errors.energy}
          />
        </div>
        <p class="field-hint field-hint-row" id="journal-scale-hint">
          1 is low, 5 is high. Leave them unset if you’d rather not say.
        </p>

        <div class="field">
          <label for="journal-tags">Tags</label>
          <input
            id="journal-tags"
            type="text"
            autocomplete="off"
            placeholder="Optional, like: feedback, promotion"
            value={form.tags}
            onInput={(e) => edit({ tags: e.currentTarget.value })}
            {...describedAs('tags', 'journal-tags-hint')}
          />
          <p class="field-hint" id="journal-tags-hint">
            Separate tags with commas.
          </p>
          <FieldError id={errorId('tags')} message={errors.tags} />
        </div>

        <MentorChecklist
          idPrefix="journal"
          legend="To raise with"
          loading={circle === null}
          mentors={mentors}
          ticked={form.mentorIds}
          onToggle={toggleMentor}
          hint="Tick who you want to talk this over with."
          noneHint="Once you have active mentors, you can note here who to raise this with."
        />

        <FormError message={formError} />

        <div class="journal-actions">
          {!isNew && (
            <button type="button" class="button button-danger" disabled={saving} onClick={() => void remove()}>
              Delete
            </button>
          )}
          <p class={saveState === 'failed' ? 'save-status save-status-failed' : 'save-status'} role="status">
            {status}
          </p>
          <button type="button" class="button" onClick={leave} title="Close (your draft is kept)">
            Close
          </button>
          <button
            type="submit"
            class="button button-primary"
            disabled={saving}
            title={`Save entry (${shortcut('Enter')})`}
          >
            {saving ? 'Saving…' : 'Save entry'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Mood or energy: not set, or 1 to 5. */
function Scale({
  name,
  legend,
  value,
  onChange,
  error,
}: {
  name: 'mood' | 'energy';
  legend: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error: string | undefined;
}) {
  const group = `journal-${name}`;
  return (
    <fieldset
      class="field scale"
      role="radiogroup"
      aria-describedby={['journal-scale-hint', error ? `${group}-none-error` : ''].filter(Boolean).join(' ')}
    >
      <legend>{legend}</legend>
      <div class="scale-choices">
        <div class="check">
          <input
            id={`${group}-none`}
            type="radio"
            name={group}
            checked={value === null}
            onChange={() => onChange(null)}
          />
          <label for={`${group}-none`}>Not set</label>
        </div>
        {SCALE.map((n) => (
          <div class="check" key={n}>
            <input id={`${group}-${n}`} type="radio" name={group} checked={value === n} onChange={() => onChange(n)} />
            <label for={`${group}-${n}`}>{n}</label>
          </div>
        ))}
      </div>
      <FieldError id={`${group}-none-error`} message={error} />
    </fieldset>
  );
}
