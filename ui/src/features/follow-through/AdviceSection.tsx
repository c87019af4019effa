import { useRef, useState } from 'preact/hooks';
import { api } from '../../api';
import type { Advice } from '../../bindings/Advice';
import type { Mentor } from '../../bindings/Mentor';
import { useApp } from '../../context';
import { adviceStatusLabel, firstName, firstWords } from './followThrough';
import { AdviceProgressDialog, RecordAdviceDialog } from './AdviceDialog';
import { Day } from '../../ui/Day';
import '../mentors/mentor.css';
import { invalidate } from '../../data/hooks';
import { CHANGED_BY } from '../../data/keys';

type Open = { type: 'record' } | { type: 'progress'; advice: Advice } | null;

/** A status is a word in an outlined badge, never colour alone. */
export function AdviceStatusBadge({ advice }: { advice: Pick<Advice, 'status'> }) {
  return <span class={`badge advice-status advice-status-${advice.status}`}>{adviceStatusLabel(advice.status)}</span>;
}

/** Why not, and what came of it: the lines under a piece of advice (nothing when empty). */
export function AdviceDetails({ advice }: { advice: Pick<Advice, 'status' | 'reason' | 'outcome'> }) {
  return (
    <>
      {advice.status === 'declined' && advice.reason && <p class="advice-line">Why not: {advice.reason}</p>}
      {advice.outcome && <p class="advice-line">What came of it: {advice.outcome}</p>}
    </>
  );
}

/**
 * "Advice": everything this mentor advised, newest first, with what the user did with
 * it and what came of it. Record, update and remove (with undo) from here.
 */
export function AdviceSection({ mentor, advice }: { mentor: Mentor; advice: Advice[] }) {
  const app = useApp();
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = firstName(mentor.name);

  const remove = (a: Advice) => {
    setBusy(true);
    api.removeAdvice(a.id).then(
      (gone) => {
        setBusy(false);
        invalidate(...CHANGED_BY.followThrough);
        // The button pressed is gone: start again from the section's heading.
        heading.current?.focus();
        app.toast('Advice removed.', {
          label: 'Undo',
          run: () =>
            api.restoreAdvice(gone).then(() => {
              invalidate(...CHANGED_BY.followThrough);
              app.toast('Advice put back.');
            }, app.fail),
        });
      },
      (e) => {
        setBusy(false);
        app.fail(e);
      },
    );
  };

  return (
    <section class="mentor-section advice" aria-labelledby="advice-heading">
      <div class="section-head">
        <h2 class="section-heading" id="advice-heading" ref={heading} tabIndex={-1}>
          Advice
        </h2>
        <button type="button" id="advice-record" class="button button-small" onClick={() => setOpen({ type: 'record' })}>
          Record advice
        </button>
      </div>
      {advice.length === 0 ? (
        <p class="quiet">
          Nothing recorded yet. When {first} suggests something, note it here; later, what you did with it and what came of
          it.
        </p>
      ) : (
        <ul class="rows advice-list" aria-labelledby="advice-heading">
          {advice.map((a) => {
            const words = firstWords(a.text);
            return (
              <li key={a.id} id={`advice-${a.id}`} class="advice-item">
                <div class="advice-main">
                  <p class="advice-text" id={`advice-text-${a.id}`}>
                    {a.text}
                  </p>
                  <p class="advice-meta">
                    <Day iso={a.givenOn} today={app.today} format="short" />
                    <AdviceStatusBadge advice={a} />
                  </p>
                  <AdviceDetails advice={a} />
                </div>
                <div class="advice-actions">
                  <button
                    type="button"
                    class="button button-small"
                    aria-label={`Update advice: ${words}`}
                    title="What you did with it, and what came of it"
                    onClick={() => setOpen({ type: 'progress', advice: a })}
                  >
                    Update
                  </button>
                  <button
                    type="button"
                    class="button button-small button-quiet"
                    aria-label={`Remove advice: ${words}`}
                    title="Remove this advice (you can undo)"
                    disabled={busy}
                    onClick={() => remove(a)}
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {open?.type === 'record' && (
        <RecordAdviceDialog
          mentor={mentor}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            invalidate(...CHANGED_BY.followThrough);
            app.toast(`Recorded ${first}’s advice.`);
          }}
        />
      )}
      {open?.type === 'progress' && (
        <AdviceProgressDialog
          advice={open.advice}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            invalidate(...CHANGED_BY.followThrough);
            app.toast(saved.toReport ? `Saved. It’s on your list to tell ${first} at your next catch-up.` : 'Saved.');
          }}
        />
      )}
    </section>
  );
}

/**
 * "Close the loop": advice whose outcome the mentor has not heard yet. A mentor who never
 * hears what became of their advice stops giving it. Nothing when the list is empty.
 */
export function CloseTheLoop({ mentor, advice }: { mentor: Mentor; advice: Advice[] }) {
  const app = useApp();
  if (advice.length === 0) return null;
  return (
    <section class="mentor-section close-the-loop" id="close-the-loop" aria-labelledby="close-the-loop-heading">
      <h2 class="section-heading" id="close-the-loop-heading">
        Close the loop
      </h2>
      <p id="close-the-loop-intro">Tell {firstName(mentor.name)} what came of their advice at your next catch-up:</p>
      <ul class="rows advice-list" aria-describedby="close-the-loop-intro">
        {advice.map((a) => (
          <li key={a.id} id={`close-the-loop-${a.id}`} class="advice-item">
            <div class="advice-main">
              <p class="advice-text">{a.text}</p>
              <p class="advice-meta">
                <AdviceStatusBadge advice={a} />
                <span>
                  Updated <Day iso={a.changedOn} today={app.today} />
                </span>
              </p>
              <AdviceDetails advice={a} />
            </div>
          </li>
        ))}
      </ul>
      <p class="field-hint">Tick what you told them when you log your catch-up.</p>
    </section>
  );
}
