import { useState } from 'preact/hooks';
import { api, toErrorPayload } from '../api';
import type { CircleMember } from '../bindings/CircleMember';
import { Day } from '../components/Day';
import { StatusChip } from '../components/StatusChip';
import { useApp } from '../context';
import { longDate, timeSince } from '../dates';
import { shortcut } from '../keys';
import { rolesText } from '../labels';
import { type ListedMember, type SectionKey, greetingFor, pausedCount, sampleCount, todaySections } from '../today';
import { useCircle } from '../useCircle';
import '../circle.css';

/** Home: what needs doing today, most urgent first (the backend's order), in sections. */
export function Today() {
  const app = useApp();
  const members = useCircle();

  const samples = members ? sampleCount(members) : 0;
  const sections = members ? todaySections(members) : [];

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
      {members === null ? (
        <p class="quiet">Loading your circle…</p>
      ) : members.length === 0 ? (
        <EmptyCircle />
      ) : (
        <>
          {samples > 0 && <SampleBanner count={samples} />}
          <Greeting members={members} today={app.today} />
          {sections.map((s) => (
            <div class="today-section" key={s.key}>
              <h2 class="today-heading">{s.heading}</h2>
              <ul class="rows" aria-label={s.heading}>
                {s.members.map((m) => (
                  <CircleRow key={m.mentor.id} member={m} section={s.key} />
                ))}
              </ul>
            </div>
          ))}
          {sections.length === 0 && <AllPaused count={pausedCount(members)} />}
        </>
      )}
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

function Greeting({ members, today }: { members: CircleMember[]; today: string }) {
  const greeting = greetingFor(members);
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

function CircleRow({ member, section }: { member: ListedMember; section: SectionKey }) {
  const app = useApp();
  const { mentor, cadence } = member;
  const details = [mentor.organisation, rolesText(mentor.roles)].filter((s) => s.trim() !== '').join(' · ');
  const reviewOn = mentor.agreement.reviewOn;
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

function EmptyCircle() {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const sample = () => {
    setBusy(true);
    api.addSampleCircle().then(
      // The refresh reloads the circle; the button stays busy until it shows.
      () => app.refresh(),
      (e) => {
        setBusy(false);
        // Already loaded (another window, a double click): just show it.
        if (toErrorPayload(e).kind === 'Conflict') app.refresh();
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
