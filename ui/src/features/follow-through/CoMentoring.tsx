import { useEffect, useRef, useState } from 'preact/hooks';
import { api, toErrorPayload } from '../../api';
import type { Give } from '../../bindings/Give';
import type { Goal } from '../../bindings/Goal';
import type { Mentor } from '../../bindings/Mentor';
import { useApp } from '../../context';
import { helpGiven, isPeer, mentorDraft, peerDraft } from './followThrough';
import { shortcut } from '../../ui/keys';
import { FieldError, FormError, enterToSave, focusById } from '../../ui/Dialog';
import { GiveLine } from './GivesSection';
import '../mentors/mentor.css';
import { invalidate } from '../../data/hooks';
import { CHANGED_BY } from '../../data/keys';
import { described } from '../../ui/Field';

type Field = 'theyHelpWith' | 'iHelpWith';

const FIELD_IDS: Record<Field, string> = {
  theyHelpWith: 'co-they-help',
  iHelpWith: 'co-you-help',
};

/** The aria attributes for the control `id`, whose message has the id `${id}-error`. */
const describedAs = (error: string | undefined, id: string) => described(error, `${id}-error`);

/**
 * Co-mentoring. With a peer the help goes both ways: what they help the user with and
 * what the user helps them with, the goals shared with them and what was given or
 * offered. For anyone else, a small way to mark them as a peer.
 */
export function CoMentoring({ mentor, goals, gives }: { mentor: Mentor; goals: Goal[]; gives: Give[] }) {
  const app = useApp();
  const peer = isPeer(mentor);
  const [busy, setBusy] = useState(false);
  // After "Mark as a peer" the link is gone: focus goes to the new section once it shows.
  const focusWhenPeer = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (peer && focusWhenPeer.current) {
      focusWhenPeer.current = false;
      heading.current?.focus();
    }
  }, [peer]);

  const markPeer = () => {
    if (busy) return;
    const before = mentor;
    setBusy(true);
    api.updateMentor(mentor.id, peerDraft(mentor)).then(
      (m) => {
        setBusy(false);
        focusWhenPeer.current = true;
        invalidate(...CHANGED_BY.mentor);
        app.toast(`${m.name} is now a peer: the help goes both ways.`, {
          label: 'Undo',
          run: () =>
            api.updateMentor(before.id, mentorDraft(before)).then(() => {
              invalidate(...CHANGED_BY.mentor);
              app.toast(`${before.name} is no longer marked as a peer.`);
            }, app.fail),
        });
      },
      (e) => {
        setBusy(false);
        app.fail(e);
      },
    );
  };

  if (!peer) {
    return (
      <p class="mark-peer">
        <button type="button" id="mark-peer" class="link link-accent" disabled={busy} onClick={markPeer}>
          Mark as a peer: the help goes both ways
        </button>
      </p>
    );
  }

  const given = helpGiven(gives);
  return (
    <section class="mentor-section co-mentoring" id="helping-each-other" aria-labelledby="co-mentoring-heading">
      <h2 class="section-heading" id="co-mentoring-heading" ref={heading} tabIndex={-1}>
        Helping each other
      </h2>
      <HelpForm mentor={mentor} />
      <div class="co-lists">
        <div class="co-list">
          <h3 class="co-list-heading" id="co-goals-heading">
            Goals they help you with
          </h3>
          {goals.length === 0 ? (
            <p class="quiet">No shared goals yet. Add them as a helper to a goal on Goals.</p>
          ) : (
            <ul class="plain-list co-items" aria-labelledby="co-goals-heading">
              {goals.map((g) => (
                <li key={g.id}>{g.title}</li>
              ))}
            </ul>
          )}
        </div>
        <div class="co-list">
          <h3 class="co-list-heading" id="co-gives-heading">
            What you have given or offered them
          </h3>
          {given.length === 0 ? (
            <p class="quiet">Nothing yet. Add a give under Thanks and giving back.</p>
          ) : (
            <ul class="plain-list co-items" aria-labelledby="co-gives-heading">
              {given.map((g) => (
                <li key={g.id}>
                  <GiveLine give={g} today={app.today} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}

/** The two sides of the help, saved together. */
function HelpForm({ mentor }: { mentor: Mentor }) {
  const app = useApp();
  const saved = mentor.coMentoring;
  const [they, setThey] = useState(saved.theyHelpWith);
  const [you, setYou] = useState(saved.iHelpWith);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  // Saved elsewhere (or by undo): show what is saved now.
  useEffect(() => {
    setThey(saved.theyHelpWith);
    setYou(saved.iHelpWith);
  }, [saved.theyHelpWith, saved.iHelpWith]);

  const save = () => {
    if (saving) return;
    setErrors({});
    setFormError(undefined);
    setSaving(true);
    api.setCoMentoring(mentor.id, { theyHelpWith: they.trim(), iHelpWith: you.trim() }).then(
      () => {
        setSaving(false);
        invalidate(...CHANGED_BY.mentor);
        app.toast('Saved what you help each other with.');
      },
      (e) => {
        setSaving(false);
        const err = toErrorPayload(e);
        if (err.kind === 'Invalid' && (err.field === 'theyHelpWith' || err.field === 'iHelpWith')) {
          setErrors({ [err.field]: err.message });
          focusById(FIELD_IDS[err.field]);
        } else if (err.kind === 'Invalid') {
          setFormError(err.message);
        } else {
          app.fail(err);
        }
      },
    );
  };

  return (
    <form
      class="form co-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => enterToSave(e, save)}
    >
      <div class="field-pair">
        <div class="field">
          <label for="co-they-help">They help you with</label>
          <textarea
            id="co-they-help"
            rows={3}
            placeholder="Such as: getting known beyond your team"
            value={they}
            onInput={(e) => setThey(e.currentTarget.value)}
            {...describedAs(errors.theyHelpWith, 'co-they-help')}
          />
          <FieldError id="co-they-help-error" message={errors.theyHelpWith} />
        </div>
        <div class="field">
          <label for="co-you-help">You help them with</label>
          <textarea
            id="co-you-help"
            rows={3}
            placeholder="Such as: the new data tools"
            value={you}
            onInput={(e) => setYou(e.currentTarget.value)}
            {...describedAs(errors.iHelpWith, 'co-you-help')}
          />
          <FieldError id="co-you-help-error" message={errors.iHelpWith} />
        </div>
      </div>
      <FormError message={formError} />
      <div class="button-row">
        <button
          type="submit"
          id="co-save"
          class="button button-small"
          disabled={saving}
          title={`Save (${shortcut('Enter')})`}
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
