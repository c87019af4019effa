import { useEffect, useRef, useState } from 'preact/hooks';
import { api, toErrorPayload } from '../api';
import type { CatchUp } from '../bindings/CatchUp';
import type { MentorPage } from '../bindings/MentorPage';
import { Day } from '../components/Day';
import { StatusChip } from '../components/StatusChip';
import { useApp } from '../context';
import { shortcut } from '../keys';
import { modeLabel, rolesText } from '../labels';
import { agreementSummary } from '../status';

/** One mentor: header, agreement, and the catch-ups, newest first. */
export function MentorView({ id }: { id: number }) {
  const app = useApp();
  const [page, setPage] = useState<MentorPage | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    api.mentorPage(id).then(
      (p) => {
        if (!live) return;
        setPage(p);
        setMissing(false);
      },
      (e) => {
        if (!live) return;
        const err = toErrorPayload(e);
        if (err.kind === 'NotFound') setMissing(true);
        app.fail(err);
      },
    );
    return () => {
      live = false;
    };
  }, [id, app.refreshKey]);

  if (missing) {
    return (
      <section class="screen">
        <h1>Mentor not found</h1>
        <p>This mentor is no longer in your circle.</p>
        <button type="button" class="button" onClick={() => app.navigate({ name: 'mentors' })}>
          Back to Mentors
        </button>
      </section>
    );
  }
  if (page === null || page.mentor.id !== id) {
    return (
      <section class="screen">
        <p class="quiet">Loading…</p>
      </section>
    );
  }

  const { mentor, cadence, lastCatchUp, catchUps } = page;
  const run = (work: Promise<unknown>) => {
    setBusy(true);
    work.finally(() => setBusy(false));
  };

  const archive = () =>
    run(
      api.archiveMentor(mentor.id).then((m) => {
        app.refresh();
        app.toast(`Archived ${m.name}.`, {
          label: 'Undo',
          run: () =>
            api.restoreMentor(m.id).then(() => {
              app.refresh();
              app.toast(`Restored ${m.name}.`);
            }, app.fail),
        });
      }, app.fail),
    );

  const restore = () =>
    run(
      api.restoreMentor(mentor.id).then((m) => {
        app.refresh();
        app.toast(`Restored ${m.name}.`);
      }, app.fail),
    );

  const remove = (c: CatchUp) =>
    run(
      api.deleteCatchUp(c.id).then((gone) => {
        app.refresh();
        listHeading.current?.focus();
        app.toast('Catch-up deleted.', {
          label: 'Undo',
          run: () =>
            api.logCatchUp({ mentorId: gone.mentorId, date: gone.date, mode: gone.mode, note: gone.note }).then(() => {
              app.refresh();
              app.toast('Catch-up restored.');
            }, app.fail),
        });
      }, app.fail),
    );

  const details = [mentor.organisation, rolesText(mentor.roles)].filter((s) => s.trim() !== '');

  return (
    <section class="screen" aria-labelledby="mentor-heading">
      <header class="mentor-header">
        <div class="mentor-title">
          <h1 id="mentor-heading">{mentor.name}</h1>
          {mentor.archived && <span class="badge">Archived</span>}
        </div>
        <div class="mentor-actions">
          {!mentor.archived && (
            <button
              type="button"
              class="button button-primary"
              title={`Log a catch-up (${shortcut('L')})`}
              onClick={() => app.openDialog({ type: 'logCatchUp', mentor })}
            >
              Log catch-up
            </button>
          )}
          <button type="button" class="button" onClick={() => app.openDialog({ type: 'editMentor', mentor })}>
            Edit
          </button>
          {mentor.archived ? (
            <button type="button" class="button" disabled={busy} onClick={restore}>
              Restore
            </button>
          ) : (
            <button type="button" class="button" disabled={busy} title="Archive: keeps the history, leaves Today" onClick={archive}>
              Archive
            </button>
          )}
        </div>
      </header>

      {details.length > 0 && <p class="mentor-meta">{details.join(' · ')}</p>}

      {!mentor.archived && cadence && (
        <div class="mentor-status">
          <StatusChip cadence={cadence} />
          <span>
            <span class="quiet">Due </span>
            <Day iso={cadence.dueOn} today={app.today} />
          </span>
          <span class="quiet">{agreementSummary(mentor.cadenceDays, mentor.preferredMode)}</span>
        </div>
      )}
      {mentor.archived && (
        <p class="quiet">Archived mentors keep their history but are out of your cadence. Restore to bring them back to Today.</p>
      )}
      <p class="quiet">
        {lastCatchUp ? (
          <>
            Last catch-up <Day iso={lastCatchUp} today={app.today} format="relative" />
          </>
        ) : (
          <>
            In your circle since <Day iso={mentor.addedOn} today={app.today} format="short" />
          </>
        )}
      </p>

      <h2 class="section-heading" ref={listHeading} tabIndex={-1}>
        Catch-ups
      </h2>
      {catchUps.length === 0 ? (
        <p class="quiet">No catch-ups yet. Log the first one when you talk.</p>
      ) : (
        <ol class="catchups">
          {catchUps.map((c) => (
            <li class="catchup" key={c.id}>
              <div class="catchup-when">
                <Day iso={c.date} today={app.today} format="short" class="catchup-date" />
                <span class="quiet">
                  <Day iso={c.date} today={app.today} format="relative" /> · {modeLabel(c.mode)}
                </span>
              </div>
              <div class="catchup-note">{c.note ? c.note : <span class="quiet">No note</span>}</div>
              <div class="catchup-actions">
                <button
                  type="button"
                  class="button button-small button-quiet"
                  onClick={() => app.openDialog({ type: 'editCatchUp', mentor, catchUp: c })}
                >
                  Edit
                </button>
                <button
                  type="button"
                  class="button button-small button-quiet"
                  disabled={busy}
                  onClick={() => remove(c)}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
