import { useRef, useState } from 'preact/hooks';
import { api } from '../../api';
import type { Balance } from '../../bindings/Balance';
import type { Give } from '../../bindings/Give';
import type { GiveDraft } from '../../bindings/GiveDraft';
import type { GiveKind } from '../../bindings/GiveKind';
import type { GiveState } from '../../bindings/GiveState';
import type { Mentor } from '../../bindings/Mentor';
import { useApp } from '../../context';
import {
  ALL_TAKE_NOTE,
  balanceText,
  canMarkDone,
  firstName,
  giveKindLabel,
  giveStateLabel,
  newestFirst,
} from './followThrough';
import { Day } from '../../ui/Day';
import { GiveDialog } from './GiveDialog';
import '../mentors/mentor.css';
import { invalidate } from '../../data/hooks';
import { CHANGED_BY } from '../../data/keys';

function draftOf(g: Give): GiveDraft {
  return { mentorId: g.mentorId, kind: g.kind, state: g.state, note: g.note, on: g.on };
}

/** One give, as a line: its kind, how far it got, when, and its note. */
export function GiveLine({ give, today }: { give: Give; today: string }) {
  return (
    <>
      <p class="give-what">
        <span class="give-kind">{giveKindLabel(give.kind)}</span>
        <span class={`badge give-state give-state-${give.state}`}>{giveStateLabel(give.state)}</span>
        <Day iso={give.on} today={today} format="short" class="quiet" />
      </p>
      {give.note && <p class="give-note">{give.note}</p>}
    </>
  );
}

/**
 * "Thanks and giving back": the balance of asks and gives, a gentle word when it has
 * been all asks, and the thank-yous, gives, offers and ideas, newest first.
 */
export function GivesSection({ mentor, gives, balance }: { mentor: Mentor; gives: Give[]; balance: Balance }) {
  const app = useApp();
  const [open, setOpen] = useState<{ kind: GiveKind; state: GiveState } | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = firstName(mentor.name);

  const markDone = (g: Give) => {
    setBusy(true);
    const before = draftOf(g);
    api.updateGive(g.id, { ...before, state: 'done', on: app.today }).then(
      () => {
        setBusy(false);
        invalidate(...CHANGED_BY.followThrough);
        heading.current?.focus();
        app.toast('Marked as done.', {
          label: 'Undo',
          run: () =>
            api.updateGive(g.id, before).then(() => {
              invalidate(...CHANGED_BY.followThrough);
              app.toast(`Back to ${giveStateLabel(before.state).toLowerCase()}.`);
            }, app.fail),
        });
      },
      (e) => {
        setBusy(false);
        app.fail(e);
      },
    );
  };

  const remove = (g: Give) => {
    setBusy(true);
    api.removeGive(g.id).then(
      (gone) => {
        setBusy(false);
        invalidate(...CHANGED_BY.followThrough);
        heading.current?.focus();
        app.toast(gone.kind === 'thanks' ? 'Thank-you removed.' : 'Give removed.', {
          label: 'Undo',
          run: () =>
            api.restoreGive(gone).then(() => {
              invalidate(...CHANGED_BY.followThrough);
              app.toast('Put back.');
            }, app.fail),
        });
      },
      (e) => {
        setBusy(false);
        app.fail(e);
      },
    );
  };

  const list = newestFirst(gives);

  return (
    <section class="mentor-section gives" aria-labelledby="gives-heading">
      <h2 class="section-heading" id="gives-heading" ref={heading} tabIndex={-1}>
        Thanks and giving back
      </h2>
      <p class="balance" id="gives-balance">
        {balanceText(balance)}
      </p>
      {balance.allTake && (
        <p class="gentle-note" id="gives-all-take">
          {ALL_TAKE_NOTE}
        </p>
      )}
      <div class="button-row">
        <button
          type="button"
          id="give-thanks"
          class="button button-small"
          onClick={() => setOpen({ kind: 'thanks', state: 'done' })}
        >
          Log a thank-you
        </button>
        <button
          type="button"
          id="give-add"
          class="button button-small"
          onClick={() => setOpen({ kind: 'introduction', state: 'done' })}
        >
          Add a give or an idea
        </button>
      </div>
      {list.length === 0 ? (
        <p class="quiet">
          Nothing yet. A thank-you when advice works out, an article, an introduction: small gives keep a relationship
          going both ways.
        </p>
      ) : (
        <ul class="rows give-list" aria-labelledby="gives-heading">
          {list.map((g) => {
            const what = `${giveKindLabel(g.kind)}${g.note ? `: ${g.note}` : ''}`;
            return (
              <li key={g.id} id={`give-${g.id}`} class="give-item">
                <div class="give-main" id={`give-text-${g.id}`}>
                  <GiveLine give={g} today={app.today} />
                </div>
                <div class="give-actions">
                  {canMarkDone(g) && (
                    <button
                      type="button"
                      class="button button-small"
                      aria-describedby={`give-text-${g.id}`}
                      title="Done it: mark it done today"
                      disabled={busy}
                      onClick={() => markDone(g)}
                    >
                      Mark as done
                    </button>
                  )}
                  <button
                    type="button"
                    class="button button-small button-quiet"
                    aria-label={`Remove: ${what.length > 60 ? `${what.slice(0, 60)}…` : what}`}
                    title="Remove it (you can undo)"
                    disabled={busy}
                    onClick={() => remove(g)}
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      {open && (
        <GiveDialog
          mentor={mentor}
          kind={open.kind}
          state={open.state}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setOpen(null);
            invalidate(...CHANGED_BY.followThrough);
            app.toast(
              saved.kind === 'thanks'
                ? `Thank-you to ${first} logged.`
                : saved.state === 'done'
                  ? `Logged what you gave ${first}.`
                  : saved.state === 'offered'
                    ? 'Noted your offer. It shows in the brief until it is done.'
                    : 'Idea noted.',
            );
          }}
        />
      )}
    </section>
  );
}
