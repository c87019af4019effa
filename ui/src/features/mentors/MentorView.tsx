import { type ComponentChildren, Fragment } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { api, toErrorPayload } from '../../api';
import { summaryOf } from '../../data/circle';
import type { CatchUp } from '../../bindings/CatchUp';
import type { Mentor } from '../../bindings/Mentor';
import type { MentorPage } from '../../bindings/MentorPage';
import type { MentorStatus } from '../../bindings/MentorStatus';
import type { Snooze } from '../../bindings/Snooze';
import { Day } from '../../ui/Day';
import { DateField } from '../../ui/DateField';
import { FieldError, focusById } from '../../ui/Dialog';
import { AdviceSection, CloseTheLoop } from '../follow-through/AdviceSection';
import { BriefDialog } from '../follow-through/BriefDialog';
import { CoMentoring } from '../follow-through/CoMentoring';
import { GivesSection } from '../follow-through/GivesSection';
import { MentorAgenda } from './MentorAgenda';
import { ProspectHistory } from '../prospects/ProspectHistory';
import { SharedGoals } from '../goals/SharedGoals';
import { SnoozeIcon } from '../../ui/SnoozeIcon';
import { StatusChip } from '../../ui/StatusChip';
import { Timeline } from './Timeline';
import { type AppActions, useApp } from '../../context';
import { addDays, daysBetween, longDate, shortDate } from '../../ui/dates';
import { shortcut } from '../../ui/keys';
import { CHECKS, modeLabel, purposeLabel, rolesText, statusLabel } from './labels';
import { draftFromMentor } from './mentorForm';
import { MAX_PAUSE_DAYS, SNOOZE_CHOICES, snoozeDateError, snoozeDay, snoozedMessage } from '../nudges/nudgeSettings';
import { cadenceSummary, lengthText, modesText } from '../../ui/status';
import './mentor.css';
import '../nudges/nudges.css';
import { invalidate, useQuery } from '../../data/hooks';
import { CHANGED_BY, keys } from '../../data/keys';
import { described } from '../../ui/Field';

/** How long a renewal runs: as long as the agreement did, at least four weeks (as the backend). */
function renewalDays(m: Mentor): number {
  const { startsOn, reviewOn } = m.agreement;
  return reviewOn ? Math.max(28, daysBetween(startsOn, reviewOn)) : 28;
}

const BACK_AGAIN: Record<MentorStatus, string> = {
  active: 'is active again',
  paused: 'is paused again',
  alumni: 'is back among your alumni',
};

const STATUS_CHANGES: Record<MentorStatus, ReadonlyArray<{ to: MentorStatus; label: string; title: string }>> = {
  active: [
    { to: 'paused', label: 'Pause', title: 'No reminders for now; everything stays as it is' },
    { to: 'alumni', label: 'Move to alumni', title: 'The mentorship has ended: history kept, a yearly nudge to stay in touch' },
  ],
  paused: [
    { to: 'active', label: 'Make active', title: 'Back in your cadence, with reminders' },
    { to: 'alumni', label: 'Move to alumni', title: 'The mentorship has ended: history kept, a yearly nudge to stay in touch' },
  ],
  alumni: [{ to: 'active', label: 'Make active', title: 'Back in your cadence, with reminders' }],
};

function changedMessage(name: string, to: MentorStatus): string {
  switch (to) {
    case 'paused':
      return `Paused ${name}. No reminders until you make them active again.`;
    case 'alumni':
      return `Moved ${name} to alumni. Your history together stays.`;
    case 'active':
      return `${name} is active again.`;
  }
}

/**
 * One mentor: header, advice to close the loop on, what to raise at the next catch-up,
 * goals worked on together, advice and what came of it, thanks and gives, co-mentoring,
 * agreement, profile, the four checks, the prospect they were, the timeline and the
 * catch-ups.
 */
export function MentorView({ id }: { id: number }) {
  const app = useApp();
  const [missing, setMissing] = useState(false);
  // While another mentor's page loads, the last one stays in hand (and is not shown).
  const page = useQuery<MentorPage>(keys.mentor(id), () => api.mentorPage(id), {
    onData: () => setMissing(false),
    onError: (e) => {
      const err = toErrorPayload(e);
      if (err.kind === 'NotFound') setMissing(true);
      app.fail(err);
    },
  });
  const [busy, setBusy] = useState(false);
  const [briefOpen, setBriefOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

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

  const { mentor, cadence, lastCatchUp, catchUps, reviewDue, timeline, snoozedUntil } = page;
  const run = (work: Promise<unknown>) => {
    setBusy(true);
    work.finally(() => setBusy(false));
  };
  // After a change the buttons that were pressed may be gone: start again from the name.
  const refocus = () => setTimeout(() => heading.current?.focus(), 0);

  const setStatus = (to: MentorStatus, message: string) => {
    const from = mentor.status;
    run(
      api.setMentorStatus(mentor.id, to).then((m) => {
        invalidate(...CHANGED_BY.mentor);
        refocus();
        app.toast(message, {
          label: 'Undo',
          run: () =>
            api.setMentorStatus(m.id, from).then(() => {
              invalidate(...CHANGED_BY.mentor);
              app.toast(`${m.name} ${BACK_AGAIN[from]}.`);
            }, app.fail),
        });
      }, app.fail),
    );
  };

  const renew = () => {
    const before = mentor;
    run(
      api.renewAgreement(mentor.id).then((m) => {
        invalidate(...CHANGED_BY.mentor);
        refocus();
        const until = m.agreement.reviewOn ? ` until ${shortDate(m.agreement.reviewOn, app.today)}` : '';
        app.toast(`Renewed your agreement with ${m.name}${until}.`, {
          label: 'Undo',
          run: () =>
            api.updateMentor(before.id, draftFromMentor(before)).then(() => {
              invalidate(...CHANGED_BY.mentor);
              app.toast(`Put your agreement with ${before.name} back as it was.`);
            }, app.fail),
        });
      }, app.fail),
    );
  };

  // Lifting a snooze: the note and its button go, so focus starts again from the name.
  const unsnooze = () => {
    const before = snoozedUntil;
    run(
      api.snoozeMentor(mentor.id, null).then(() => {
        invalidate(...CHANGED_BY.mentor);
        refocus();
        app.toast(backOnMessage(mentor.name), {
          label: 'Undo',
          run: () => {
            if (!before) return;
            api.snoozeMentor(mentor.id, { kind: 'until', until: before }).then((day) => {
              invalidate(...CHANGED_BY.mentor);
              app.toast(day ? snoozedMessage(mentor.name, day, app.today) : backOnMessage(mentor.name));
            }, app.fail);
          },
        });
      }, app.fail),
    );
  };

  const remove = (c: CatchUp) =>
    run(
      api.removeCatchUp(c.id).then((gone) => {
        invalidate(...CHANGED_BY.mentor);
        listHeading.current?.focus();
        app.toast('Catch-up deleted.', {
          label: 'Undo',
          run: () =>
            api.logCatchUp({ mentorId: gone.mentorId, date: gone.date, mode: gone.mode, note: gone.note, discussed: [], reportedBack: [] }).then(() => {
              invalidate(...CHANGED_BY.mentor);
              app.toast('Catch-up restored.');
            }, app.fail),
        });
      }, app.fail),
    );

  const details = [rolesText(mentor.roles), mentor.organisation].filter((s) => s.trim() !== '');

  return (
    <section class="screen mentor-page" aria-labelledby="mentor-heading">
      <header class="mentor-header">
        <div class="mentor-title">
          <h1 id="mentor-heading" ref={heading} tabIndex={-1}>
            {mentor.name}
          </h1>
          {mentor.sample && (
            <span class="badge" title="Part of the sample circle: you can remove it all at once in Settings">
              Sample
            </span>
          )}
          {mentor.status !== 'active' && <span class="badge badge-status">{statusLabel(mentor.status)}</span>}
          {cadence && <StatusChip cadence={cadence} />}
        </div>
        <div class="mentor-actions">
          <button
            type="button"
            class="button button-primary"
            title={`Log a catch-up (${shortcut('L')})`}
            onClick={() => app.openDialog({ type: 'logCatchUp', mentor: summaryOf(mentor) })}
          >
            Log catch-up
          </button>
          <button
            type="button"
            id="open-brief"
            class="button"
            title={`Everything to have in mind before your next catch-up with ${mentor.name}`}
            onClick={() => setBriefOpen(true)}
          >
            Pre-meeting brief
          </button>
          {mentor.status !== 'paused' && <SnoozeMenu mentor={mentor} snoozedUntil={snoozedUntil} />}
          <button type="button" class="button" onClick={() => app.openDialog({ type: 'editMentor', mentor })}>
            Edit
          </button>
        </div>
      </header>

      {details.length > 0 && <p class="mentor-meta">{details.join(' · ')}</p>}

      {snoozedUntil && (
        <div class="snooze-note">
          <SnoozeIcon />
          <span>
            Nudges snoozed until <Day iso={snoozedUntil} today={app.today} format="short" />
          </span>
          <button
            type="button"
            class="button button-small"
            title={`Let nudges about ${mentor.name} come again when they are due`}
            disabled={busy}
            onClick={unsnooze}
          >
            Unsnooze
          </button>
        </div>
      )}

      <div class="mentor-status">
        {cadence ? (
          <span>
            <span class="quiet">
              {mentor.status === 'alumni' ? 'Yearly hello due ' : cadence.daysUntilDue < 0 ? 'Due since ' : 'Next catch-up due '}
            </span>
            <Day iso={cadence.dueOn} today={app.today} />
          </span>
        ) : (
          <span>Paused: no reminders until you make {mentor.name} active again.</span>
        )}
        <span class="quiet">
          {lastCatchUp ? (
            <>
              Last catch-up <Day iso={lastCatchUp} today={app.today} format="relative" />
            </>
          ) : (
            <>
              In your circle since <Day iso={mentor.addedOn} today={app.today} format="short" />
            </>
          )}
        </span>
        <div class="status-actions" role="group" aria-label={`Status: ${statusLabel(mentor.status)}`}>
          {STATUS_CHANGES[mentor.status].map((c) => (
            <button
              type="button"
              key={c.to}
              class="button button-small"
              title={c.title}
              disabled={busy}
              onClick={() => setStatus(c.to, changedMessage(mentor.name, c.to))}
            >
              {c.label}
            </button>
          ))}
        </div>
      </div>

      {reviewDue && mentor.agreement.reviewOn && (
        <ReviewCallout
          mentor={mentor}
          reviewOn={mentor.agreement.reviewOn}
          busy={busy}
          onRenew={renew}
          onClose={() =>
            setStatus('alumni', `Closed your agreement with ${mentor.name}. They’re with your alumni now; your history together stays.`)
          }
        />
      )}

      <CloseTheLoop mentor={mentor} advice={page.closeTheLoop} />
      <MentorAgenda mentor={mentor} agenda={page.agenda} />
      <SharedGoals goals={page.goals} />
      <AdviceSection key={`advice-${mentor.id}`} mentor={mentor} advice={page.advice} />
      <GivesSection key={`gives-${mentor.id}`} mentor={mentor} gives={page.gives} balance={page.balance} />
      {/* Its own "Save" comes after the dialogs above, in the page's order too. */}
      <CoMentoring key={`co-${mentor.id}`} mentor={mentor} goals={page.goals} gives={page.gives} />

      <div class="mentor-cards">
        <AgreementCard mentor={mentor} today={app.today} />
        <ProfileCard mentor={mentor} app={app} />
        <ChecksCard mentor={mentor} />
      </div>

      {page.prospect && <ProspectHistory prospect={page.prospect} />}

      <section class="mentor-section" aria-labelledby="timeline-heading">
        <h2 class="section-heading" id="timeline-heading">
          Timeline
        </h2>
        <Timeline gaps={timeline} catchUpDays={catchUps.map((c) => c.date)} today={app.today} />
      </section>

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
                  onClick={() => app.openDialog({ type: 'editCatchUp', mentor: summaryOf(mentor), catchUp: c })}
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

      {briefOpen && <BriefDialog mentor={mentor} onClose={() => setBriefOpen(false)} />}
    </section>
  );
}

function backOnMessage(name: string): string {
  return `Nudges about ${name} are back on`;
}

/**
 * "Snooze nudges": a small menu under the button. Tomorrow, this weekend, next week, or
 * a picked day; arrow keys move between the choices, Esc closes it.
 */
function SnoozeMenu({ mentor, snoozedUntil }: { mentor: Mentor; snoozedUntil: string | null }) {
  const app = useApp();
  const [open, setOpen] = useState(false);
  const [picking, setPicking] = useState(false);
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const dateId = `${menuId}-until`;
  const errorId = `${dateId}-error`;

  const close = (refocus: boolean) => {
    setOpen(false);
    setPicking(false);
    setError(undefined);
    if (refocus) trigger.current?.focus();
  };

  const toggle = () => {
    if (open) {
      close(true);
      return;
    }
    setUntil(snoozedUntil ?? addDays(app.today, 7));
    setOpen(true);
  };

  const choices = () => Array.from(wrapper.current?.querySelectorAll<HTMLElement>('.snooze-choice') ?? []);

  useEffect(() => {
    if (open) choices()[0]?.focus();
  }, [open]);

  useEffect(() => {
    if (picking) document.getElementById(dateId)?.focus();
  }, [picking]);

  // A click anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !wrapper.current?.contains(e.target)) close(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const snooze = (choice: Snooze) => {
    if (saving) return;
    const before = snoozedUntil;
    setSaving(true);
    api.snoozeMentor(mentor.id, choice).then(
      (day) => {
        setSaving(false);
        close(true);
        invalidate(...CHANGED_BY.mentor);
        app.toast(day ? snoozedMessage(mentor.name, day, app.today) : backOnMessage(mentor.name), {
          label: 'Undo',
          run: () =>
            api.snoozeMentor(mentor.id, before ? { kind: 'until', until: before } : null).then((back) => {
              invalidate(...CHANGED_BY.mentor);
              app.toast(back ? snoozedMessage(mentor.name, back, app.today) : backOnMessage(mentor.name));
            }, app.fail),
        });
      },
      (e) => {
        setSaving(false);
        const err = toErrorPayload(e);
        if (err.kind === 'Invalid' && err.field === 'snoozeUntil') {
          setPicking(true);
          setError(err.message);
          focusById(dateId);
        } else {
          close(true);
          app.fail(err);
        }
      },
    );
  };

  const pick = () => {
    const problem = snoozeDateError(until, app.today);
    setError(problem ?? undefined);
    if (problem) {
      focusById(dateId);
      return;
    }
    snooze({ kind: 'until', until: until.trim() });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
      return;
    }
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const items = choices();
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (at === -1) return;
    e.preventDefault();
    const next =
      e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  };

  // Tabbing away from the menu closes it (a date picker's own popup does not count).
  const onFocusOut = (e: FocusEvent) => {
    const to = e.relatedTarget;
    if (to instanceof Node && !wrapper.current?.contains(to)) close(false);
  };

  return (
    <div class="snooze" ref={wrapper} onFocusOut={onFocusOut}>
      <button
        type="button"
        ref={trigger}
        class="button"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={`No nudges about ${mentor.name} for a while`}
        onClick={toggle}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.preventDefault();
            close(true);
          }
        }}
      >
        Snooze nudges
      </button>
      {open && (
        <div
          id={menuId}
          class="snooze-menu"
          role="group"
          aria-label={`Snooze nudges about ${mentor.name}`}
          onKeyDown={onKeyDown}
        >
          <p class="snooze-menu-title">No nudges about {mentor.name} until…</p>
          <ul class="snooze-choices">
            {SNOOZE_CHOICES.map((c) => {
              const day = snoozeDay(c.kind, app.today);
              return (
                <li key={c.kind}>
                  <button
                    type="button"
                    class="snooze-choice"
                    data-day={shortDate(day, app.today)}
                    title={longDate(day)}
                    disabled={saving}
                    onClick={() => snooze({ kind: c.kind })}
                  >
                    {c.label}
                  </button>
                </li>
              );
            })}
            <li>
              <button
                type="button"
                class="snooze-choice"
                aria-expanded={picking}
                disabled={saving}
                onClick={() => {
                  setError(undefined);
                  setPicking((p) => !p);
                }}
              >
                Pick a date…
              </button>
            </li>
          </ul>
          {picking && (
            <form
              class="snooze-pick"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                pick();
              }}
            >
              <div class="field">
                <label for={dateId}>Snooze until</label>
                <DateField
                  id={dateId}
                  min={addDays(app.today, 1)}
                  max={addDays(app.today, MAX_PAUSE_DAYS)}
                  value={until}
                  onValue={setUntil}
                  {...described(error, errorId)}
                >
                  <button type="submit" class="button button-small button-primary" disabled={saving}>
                    Snooze
                  </button>
                </DateField>
                <FieldError id={errorId} message={error} />
              </div>
            </form>
          )}
        </div>
      )}
    </div>
  );
}

/** The agreement's end or review date has come: renew it, or close it (asking once). */
function ReviewCallout({
  mentor,
  reviewOn,
  busy,
  onRenew,
  onClose,
}: {
  mentor: Mentor;
  reviewOn: string;
  busy: boolean;
  onRenew: () => void;
  onClose: () => void;
}) {
  const app = useApp();
  const [confirming, setConfirming] = useState(false);
  const keepOpen = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (confirming) keepOpen.current?.focus();
    else closeButton.current?.focus();
  }, [confirming]);

  const length = renewalDays(mentor);
  const until = shortDate(addDays(app.today, length), app.today);

  return (
    <section class="callout" aria-labelledby="review-heading">
      <h2 class="callout-heading" id="review-heading">
        Time to review your agreement with {mentor.name} — it was due for review on{' '}
        <Day iso={reviewOn} today={app.today} format="short" />.
      </h2>
      {confirming ? (
        <div
          class="callout-confirm"
          role="group"
          aria-labelledby="close-agreement-question"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setConfirming(false);
            }
          }}
        >
          <p id="close-agreement-question">
            <strong>Close the agreement?</strong> {mentor.name} moves to your alumni and keeps all your history
            together. You can make them active again at any time.
          </p>
          <div class="button-row">
            <button type="button" ref={keepOpen} class="button" onClick={() => setConfirming(false)}>
              Keep it open
            </button>
            <button
              type="button"
              class="button button-danger"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                onClose();
              }}
            >
              Yes, close it
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>
            Renew it for another {lengthText(length)} (until {until}), or close it if the mentorship has done its work.
          </p>
          <div class="button-row">
            <button type="button" class="button button-primary" disabled={busy} onClick={onRenew}>
              Renew
            </button>
            <button type="button" ref={closeButton} class="button" disabled={busy} onClick={() => setConfirming(true)}>
              Close agreement
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function Card({ id, heading, children }: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section class="card mentor-card" aria-labelledby={id}>
      <h2 class="card-heading" id={id}>
        {heading}
      </h2>
      {children}
    </section>
  );
}

function AgreementCard({ mentor, today }: { mentor: Mentor; today: string }) {
  const a = mentor.agreement;
  const purposes = [...a.purposes.map(purposeLabel), ...(a.ownPurpose ? [a.ownPurpose] : [])];
  const ways = modesText(a.modes);
  return (
    <Card id="agreement-heading" heading="Agreement">
      <dl class="facts">
        <dt>How often</dt>
        <dd>{cadenceSummary(a)}</dd>
        {ways && (
          <>
            <dt>How</dt>
            <dd>Prefers {ways}</dd>
          </>
        )}
        <dt>Term</dt>
        <dd>
          <TermText mentor={mentor} today={today} />
        </dd>
        {a.term === 'oneOff' && a.situation && (
          <>
            <dt>Situation</dt>
            <dd class="prose">{a.situation}</dd>
          </>
        )}
        <dt>What it’s for</dt>
        <dd>
          {purposes.length === 0 ? (
            <span class="quiet">Not written down yet</span>
          ) : (
            <ul class="plain-list">
              {purposes.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Confidentiality</dt>
        <dd class="prose">{a.confidentiality || <span class="quiet">Not written down yet</span>}</dd>
      </dl>
      {mentor.status === 'alumni' && (
        <p class="quiet">As alumni, {mentor.name} gets a yearly nudge to stay in touch instead of this cadence.</p>
      )}
    </Card>
  );
}

function TermText({ mentor, today }: { mentor: Mentor; today: string }) {
  const { term, startsOn, reviewOn } = mentor.agreement;
  const start = <Day iso={startsOn} today={today} format="short" />;
  const review = reviewOn ? <Day iso={reviewOn} today={today} format="short" /> : null;
  switch (term) {
    case 'ongoing':
      return (
        <>
          Ongoing, since {start}
          {review && <> · review on {review}</>}
        </>
      );
    case 'fixedPeriod':
      return (
        <>
          Fixed period, {start} to {review ?? <span class="quiet">no end date yet</span>}
        </>
      );
    case 'oneOff':
      return (
        <>
          One-off, from {start}
          {review && <> until {review}</>}
        </>
      );
  }
}

/** Copies text for the user; the app itself never dials, mails or opens anything. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const buffer = document.createElement('textarea');
    buffer.value = text;
    buffer.setAttribute('readonly', '');
    buffer.className = 'copy-buffer';
    const back = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    document.body.appendChild(buffer);
    buffer.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    buffer.remove();
    back?.focus();
    return ok;
  }
}

function ProfileCard({ mentor, app }: { mentor: Mentor; app: AppActions }) {
  const channels = [
    { key: 'email', label: 'Email', what: 'email address', value: mentor.contact.email },
    { key: 'phone', label: 'Phone', what: 'phone number', value: mentor.contact.phone },
    { key: 'linkedin', label: 'LinkedIn', what: 'LinkedIn address', value: mentor.contact.linkedin },
  ].filter((c) => c.value.trim() !== '');
  const empty = !mentor.expertise && !mentor.howWeMet && channels.length === 0;

  const copy = (what: string, value: string) =>
    void copyText(value).then((ok) =>
      app.toast(ok ? `Copied the ${what}.` : `Couldn’t copy the ${what}. Select it and copy it yourself.`),
    );

  return (
    <Card id="profile-heading" heading="Profile">
      {empty ? (
        <p class="quiet">Nothing here yet. Use Edit to add their expertise, how you met and how to reach them.</p>
      ) : (
        <dl class="facts">
          {mentor.expertise && (
            <>
              <dt>Expertise</dt>
              <dd class="prose">{mentor.expertise}</dd>
            </>
          )}
          {mentor.howWeMet && (
            <>
              <dt>How you met</dt>
              <dd class="prose">{mentor.howWeMet}</dd>
            </>
          )}
          {channels.map((c) => (
            <Fragment key={c.key}>
              <dt>{c.label}</dt>
              <dd class="copy-row">
                <span class="copy-value">{c.value}</span>
                <button
                  type="button"
                  class="button button-small button-quiet"
                  aria-label={`Copy ${c.what}`}
                  title={`Copy ${c.what}`}
                  onClick={() => copy(c.what, c.value)}
                >
                  Copy
                </button>
              </dd>
            </Fragment>
          ))}
        </dl>
      )}
      {mentor.sameCompany && (
        <p class="gentle-note">
          {mentor.name} works at your company. Confidences may travel inside one company, so agree together what stays
          between you.
        </p>
      )}
    </Card>
  );
}

function ChecksCard({ mentor }: { mentor: Mentor }) {
  const met = CHECKS.filter((c) => mentor.checks[c.value].met).length;
  return (
    <Card id="checks-heading" heading="The four checks">
      <p class="quiet">{met} of 4 in place</p>
      <ul class="check-list">
        {CHECKS.map((c) => {
          const check = mentor.checks[c.value];
          return (
            <li key={c.value} class={check.met ? 'check-item check-item-met' : 'check-item'}>
              <span class="check-mark" aria-hidden="true">
                {check.met ? '✓' : '–'}
              </span>
              <div>
                <span class="check-label">{c.label}</span>
                <span class="check-state">{check.met ? 'yes' : 'not yet'}</span>
                {check.note && <p class="check-note-text">{check.note}</p>}
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
