import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import type { CircleMember } from '../bindings/CircleMember';
import { Day } from '../components/Day';
import { StatusChip } from '../components/StatusChip';
import { useApp } from '../context';
import { longDate, timeSince } from '../dates';
import { shortcut } from '../keys';
import { rolesText } from '../labels';

/** Home: who to reach out to now, most urgent first (the backend's order). */
export function Today() {
  const app = useApp();
  const [members, setMembers] = useState<CircleMember[] | null>(null);

  useEffect(() => {
    let live = true;
    api.circle().then(
      (m) => live && setMembers(m),
      (e) => {
        if (!live) return;
        setMembers((prev) => prev ?? []);
        app.fail(e);
      },
    );
    return () => {
      live = false;
    };
  }, [app.refreshKey]);

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
        <EmptyCircle onSample={setMembers} />
      ) : (
        <>
          <Greeting members={members} today={app.today} />
          <ul class="rows" aria-label="Your circle">
            {members.map((m) => (
              <CircleRow key={m.mentor.id} member={m} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Greeting({ members, today }: { members: CircleMember[]; today: string }) {
  const first = members[0];
  if (!first) return null;
  const name = first.mentor.name;
  const status = first.cadence.status;
  if (status === 'due' || status === 'overdue') {
    return (
      <p class="greeting">
        Time to catch up with {name}
        {first.lastCatchUp ? (
          <>
            {' — it’s been '}
            <time dateTime={first.lastCatchUp} title={`Last catch-up: ${longDate(first.lastCatchUp)}`}>
              {timeSince(first.lastCatchUp, today)}
            </time>
            .
          </>
        ) : (
          '.'
        )}
      </p>
    );
  }
  if (status === 'dueSoon') {
    return <p class="greeting">Nobody is waiting on you today. {name} is coming up soon.</p>;
  }
  return <p class="greeting">Everyone in your circle is in touch. Enjoy the quiet.</p>;
}

function CircleRow({ member }: { member: CircleMember }) {
  const app = useApp();
  const { mentor, cadence } = member;
  const details = [mentor.organisation, rolesText(mentor.roles)].filter((s) => s.trim() !== '').join(' · ');
  return (
    <li class={`row row-${cadence.status}`}>
      <div class="row-who">
        <button type="button" class="link name" onClick={() => app.navigate({ name: 'mentor', id: mentor.id })}>
          {mentor.name}
        </button>
        {details && <div class="row-meta">{details}</div>}
      </div>
      <div class="row-status">
        <StatusChip cadence={cadence} />
      </div>
      <div class="row-due">
        <span class="quiet">Due </span>
        <Day iso={cadence.dueOn} today={app.today} />
      </div>
      <div class="row-actions">
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

function EmptyCircle({ onSample }: { onSample: (members: CircleMember[]) => void }) {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const sample = () => {
    setBusy(true);
    api.addSampleCircle().then(
      (m) => {
        onSample(m);
        app.refresh();
      },
      (e) => {
        setBusy(false);
        app.fail(e);
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
