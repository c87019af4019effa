import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { type DeliveryProblem, api, toErrorPayload } from '../../api';
import { Day } from '../../ui/Day';
import { PagedList } from '../../ui/PagedList';
import { RecoveryKeyCard } from '../security/RecoveryKeyCard';
import { SnoozeIcon } from '../../ui/SnoozeIcon';
import { StatusChip } from '../../ui/StatusChip';
import { useApp } from '../../context';
import { longDate, timeSince } from '../../ui/dates';
import { shortcut } from '../../ui/keys';
import { rolesText } from '../mentors/labels';
import type { CircleMember } from '../../bindings/CircleMember';
import type { HomeSection } from '../../bindings/HomeSection';
import type { Section } from '../../bindings/Section';
import {
  type FirstFrameSection,
  type Greeting as GreetingKind,
  type ListedMember,
  SECTION_HEADINGS,
  firstFrame,
  greetingFor,
  listedMembers,
} from './homeSections';
import { useHome } from '../../data/circle';
import { useNudgeStatus } from '../nudges/useNudgeStatus';
import { reportHomeShown } from '../../ready';
import '../mentors/circle.css';
import '../nudges/nudges.css';
import { invalidate } from '../../data/hooks';
import { CHANGED_BY } from '../../data/keys';

/**
 * Home: what needs doing today, in sections, most urgent first (the backend's order).
 * The backend sends each section's first page and count; "Show more" asks for the rest.
 */
export function Today() {
  const app = useApp();
  const home = useHome();
  useLayoutEffect(() => { if (home) reportHomeShown(); }, [home !== null]);
  // The first frame with the home screen draws what the window shows; the rest of each
  // section's first page comes a frame after it is painted (an effect runs after the
  // paint), so drawing it does not delay what that frame set going, such as the report
  // that the home screen is shown.
  const [firstFrameDrawn, setFirstFrameDrawn] = useState(false);
  useEffect(() => {
    if (!home) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setFirstFrameDrawn(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [home !== null]);
  const sections: FirstFrameSection[] = home
    ? firstFrameDrawn
      ? home.sections.map((section) => ({ section, rows: null }))
      : firstFrame(home.sections, window.innerHeight)
    : [];
  const [nudges, setNudges] = useNudgeStatus();

  // Asked once, in a slim row under the heading (or under the empty circle's first steps),
  // so that the due list still starts on the window's first screen.
  const askStartAtLogin = nudges && !nudges.startAtLoginAsked && (
    <StartAtLoginCard onAnswered={(on) => setNudges((s) => ({ ...s, startAtLogin: on, startAtLoginAsked: true }))} />
  );

  return (
    <section class="screen" aria-labelledby="today-heading">
      <header class="screen-header">
        <div>
          <h1 id="today-heading">Today</h1>
          <p class="subtitle">
            <Day iso={app.today} today={app.today} format="short" />
          </p>
        </div>
      </header>
      <RecoveryKeyCard compact />
      {nudges?.problem && (
        <ProblemNotice problem={nudges.problem} onDismissed={() => setNudges((s) => ({ ...s, problem: null }))} />
      )}
      {home === null ? (
        <p class="quiet">Loading your circle…</p>
      ) : home.everyone === 0 ? (
        <>
          <EmptyCircle />
          {askStartAtLogin}
        </>
      ) : (
        <>
          {askStartAtLogin}
          {home.samples > 0 && <SampleBanner count={home.samples} />}
          <Greeting greeting={greetingFor(home.sections)} today={app.today} />
          {sections.map(({ section, rows }) => (
            <TodaySection key={section.key} section={section} page={home.page} rows={rows} />
          ))}
          {home.sections.length === 0 && <AllPaused count={home.paused} />}
        </>
      )}
    </section>
  );
}

/**
 * One section: its first page as the backend sent it, and more pages as asked for; in the
 * first frame, only its first `rows` rows when that is set.
 */
function TodaySection({ section, page, rows }: { section: HomeSection; page: number; rows: number | null }) {
  const app = useApp();
  // Pages fetched after the first, for this load of the section only.
  const [later, setLater] = useState<{ of: HomeSection; members: CircleMember[] }>({ of: section, members: [] });
  const fetched = later.of === section ? later.members : [];
  const all = listedMembers(fetched.length === 0 ? section.members : [...section.members, ...fetched]);
  const members = rows === null ? all : all.slice(0, rows);
  const heading = SECTION_HEADINGS[section.key];
  const load = (count: number) =>
    api.homeSection(section.key, section.members.length + fetched.length, count).then(
      (more) => setLater({ of: section, members: [...fetched, ...more] }),
      (e) => {
        app.fail(e);
        throw e;
      },
    );
  return (
    <div class="today-section">
      <h2 class="today-heading">{heading}</h2>
      <PagedList items={members} total={rows === null ? section.total : members.length} load={load} page={page} resetOn={section} class="rows" aria-label={heading}>
        {(m) => <CircleRow key={m.mentor.id} member={m} section={section.key} />}
      </PagedList>
    </div>
  );
}

/** Why nudges are not reaching the desktop, until the user dismisses it. */
function ProblemNotice({ problem, onDismissed }: { problem: DeliveryProblem; onDismissed: () => void }) {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const dismiss = () => {
    setBusy(true);
    api.dismissNudgeProblem().then(
      () => {
        onDismissed();
        document.getElementById('main')?.focus();
      },
      (e) => {
        setBusy(false);
        app.fail(e);
      },
    );
  };
  return (
    <div class="notice-banner" role="status" aria-label="Nudge delivery">
      <span class="notice-mark" aria-hidden="true">
        !
      </span>
      <p class="notice-text">{problem.message}</p>
      <button type="button" class="button button-small" disabled={busy} onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** The first-run question: start with the computer, so nudges keep arriving? */
function StartAtLoginCard({ onAnswered }: { onAnswered: (enabled: boolean) => void }) {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const answer = (enabled: boolean) => {
    setBusy(true);
    api.setStartAtLogin(enabled).then(
      (on) => {
        onAnswered(on);
        if (on) app.toast('Mentor Circle will start when you log in.');
        document.getElementById('main')?.focus();
      },
      (e) => {
        setBusy(false);
        app.fail(e);
      },
    );
  };
  return (
    <section class="banner" aria-labelledby="start-at-login-heading" aria-describedby="start-at-login-why">
      <div class="banner-text">
        <h2 class="banner-heading" id="start-at-login-heading">
          Start Mentor Circle when you log in?
        </h2>
        <p class="banner-detail" id="start-at-login-why">
          Your nudges then keep coming after a restart. You can change this any time in Settings.
        </p>
      </div>
      <div class="banner-actions">
        <button type="button" class="button button-small button-primary" disabled={busy} onClick={() => answer(true)}>
          Start at login
        </button>
        <button type="button" class="button button-small" disabled={busy} onClick={() => answer(false)}>
          Not now
        </button>
      </div>
    </section>
  );
}

/** A calm note while the sample circle is loaded, with the way out. */
export function SampleBanner({ count }: { count: number }) {
  const app = useApp();
  return (
    <div class="sample-banner" role="note" aria-label="Sample circle">
      <p>You’re exploring a sample circle.</p>
      <button type="button" class="button button-small" onClick={() => app.openDialog({ type: 'removeSampleCircle', count })}>
        Remove sample circle
      </button>
    </div>
  );
}

function Greeting({ greeting, today }: { greeting: GreetingKind; today: string }) {
  if (greeting.kind === 'catchUp') {
    const { mentor, lastCatchUp } = greeting.member;
    return (
      <p class="greeting">
        Time to catch up with {mentor.name}
        {lastCatchUp ? (
          <>
            {' — it’s been '}
            <time dateTime={lastCatchUp} title={`Last catch-up: ${longDate(lastCatchUp)}`}>
              {timeSince(lastCatchUp, today)}
            </time>
            .
          </>
        ) : (
          '.'
        )}
      </p>
    );
  }
  if (greeting.kind === 'soon') {
    return <p class="greeting">Nobody is waiting on you today. {greeting.member.mentor.name} is coming up soon.</p>;
  }
  return <p class="greeting">Everyone in your circle is in touch. Enjoy the quiet.</p>;
}

function AllPaused({ count }: { count: number }) {
  const app = useApp();
  if (count === 0) return null;
  return (
    <p class="quiet">
      {count === 1 ? 'Your one mentor is paused' : `All ${count} of your mentors are paused`}, so nobody is due. You’ll
      find them in{' '}
      <button type="button" class="link today-inline-link" onClick={() => app.navigate({ name: 'mentors' })}>
        Mentors
      </button>
      .
    </p>
  );
}

function CircleRow({ member, section }: { member: ListedMember; section: Section }) {
  const app = useApp();
  const { mentor, cadence } = member;
  const details = [mentor.organisation, rolesText(mentor.roles)].filter((s) => s.trim() !== '').join(' · ');
  const reviewOn = mentor.reviewOn;
  const open = () => app.navigate({ name: 'mentor', id: mentor.id });
  return (
    <li class={`row row-${cadence.status}${section === 'review' ? ' row-review' : ''}`}>
      <div class="row-who">
        <div class="row-name-line">
          <button type="button" class="link name" onClick={open}>
            {mentor.name}
          </button>
          {mentor.sample && <span class="badge">Sample</span>}
          {mentor.status === 'alumni' && <span class="badge">Alumni</span>}
          {member.snoozedUntil && <SnoozedNote until={member.snoozedUntil} today={app.today} />}
        </div>
        {details && <div class="row-meta">{details}</div>}
        {section === 'review' && (
          <div class="row-note">
            {reviewOn ? (
              <>
                {reviewOn === app.today ? 'Review date is ' : 'Review date was '}
                <Day iso={reviewOn} today={app.today} />
              </>
            ) : (
              'Review date has come'
            )}
            {' — renew or close the agreement'}
          </div>
        )}
      </div>
      <div class="row-status">
        <StatusChip cadence={cadence} />
      </div>
      <div class="row-due">
        <span class="quiet">Due </span>
        <Day iso={cadence.dueOn} today={app.today} />
      </div>
      <div class="row-actions today-actions">
        {section === 'review' && (
          <button
            type="button"
            class="button button-small button-primary"
            title={`Open ${mentor.name}’s page to renew or close the agreement`}
            onClick={open}
          >
            Review
          </button>
        )}
        <button
          type="button"
          class="button button-small"
          title={`Log a catch-up with ${mentor.name} (${shortcut('L')} for any mentor)`}
          onClick={() => app.openDialog({ type: 'logCatchUp', mentor })}
        >
          Log catch-up
        </button>
      </div>
    </li>
  );
}

/** "snoozed until Sat 28 Nov": the row stays where the due list puts it, only nudges wait. */
function SnoozedNote({ until, today }: { until: string; today: string }) {
  return (
    <span class="snoozed-note" title="No notifications about them until then">
      <SnoozeIcon />
      <span>
        snoozed until <Day iso={until} today={today} format="short" />
      </span>
    </span>
  );
}

function EmptyCircle() {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const sample = () => {
    setBusy(true);
    api.addSampleCircle().then(
      // The refresh reloads the circle; the button stays busy until it shows.
      () => invalidate(...CHANGED_BY.mentor),
      (e) => {
        setBusy(false);
        // Already loaded (another window, a double click): just show it.
        if (toErrorPayload(e).kind === 'Conflict') invalidate(...CHANGED_BY.mentor);
        else app.fail(e);
      },
    );
  };
  return (
    <div class="empty">
      <h2>Start your circle</h2>
      <p>
        A circle of mentors is a handful of trusted people who each help in a different way: someone who
        opens doors, an adviser, someone you can be candid with.
      </p>
      <p>You agree how often to talk with each of them, and Mentor Circle quietly reminds you when it’s time to catch up.</p>
      <div class="button-row">
        <button
          type="button"
          class="button button-primary"
          title={`Add a mentor (${shortcut('N')})`}
          onClick={() => app.openDialog({ type: 'addMentor' })}
        >
          Add your first mentor
        </button>
        <button type="button" class="button" disabled={busy} onClick={sample}>
          {busy ? 'Adding…' : 'Explore with a sample circle'}
        </button>
      </div>
    </div>
  );
}
