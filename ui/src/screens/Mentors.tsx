import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import type { CircleMember } from '../bindings/CircleMember';
import type { Mentor } from '../bindings/Mentor';
import { StatusChip } from '../components/StatusChip';
import { useApp } from '../context';
import { shortcut } from '../keys';
import { rolesText } from '../labels';

function byName(a: Mentor, b: Mentor): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
}

function matches(m: Mentor, query: string): boolean {
  if (!query) return true;
  const hay = `${m.name} ${m.organisation} ${rolesText(m.roles)}`.toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/** Everyone: active mentors alphabetically, with a filter, and the archived ones. */
export function Mentors() {
  const app = useApp();
  const [active, setActive] = useState<CircleMember[] | null>(null);
  const [archived, setArchived] = useState<Mentor[]>([]);
  const [query, setQuery] = useState('');

  useEffect(() => {
    let live = true;
    Promise.all([api.circle(), api.archivedMentors()]).then(
      ([circle, gone]) => {
        if (!live) return;
        setActive([...circle].sort((a, b) => byName(a.mentor, b.mentor)));
        setArchived([...gone].sort(byName));
      },
      (e) => {
        if (!live) return;
        setActive((prev) => prev ?? []);
        app.fail(e);
      },
    );
    return () => {
      live = false;
    };
  }, [app.refreshKey]);

  const q = query.trim();
  const shownActive = useMemo(() => (active ?? []).filter((m) => matches(m.mentor, q)), [active, q]);
  const shownArchived = useMemo(() => archived.filter((m) => matches(m, q)), [archived, q]);

  return (
    <section class="screen" aria-labelledby="mentors-heading">
      <header class="screen-header">
        <h1 id="mentors-heading">Mentors</h1>
        <button
          type="button"
          class="button button-primary"
          title={`Add a mentor (${shortcut('N')})`}
          onClick={() => app.openDialog({ type: 'addMentor' })}
        >
          Add mentor
        </button>
      </header>

      <div class="filter">
        <label for="mentor-filter">Filter</label>
        <input
          id="mentor-filter"
          type="search"
          autocomplete="off"
          placeholder="Name, organisation or role"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>

      {active === null ? (
        <p class="quiet">Loading…</p>
      ) : (
        <>
          {active.length === 0 ? (
            <p class="quiet">No one in your circle yet. Add a mentor to begin.</p>
          ) : shownActive.length === 0 ? (
            <p class="quiet">No active mentor matches that filter.</p>
          ) : (
            <ul class="rows" aria-label="Active mentors">
              {shownActive.map(({ mentor, cadence }) => (
                <MentorRow key={mentor.id} mentor={mentor}>
                  <StatusChip cadence={cadence} />
                </MentorRow>
              ))}
            </ul>
          )}

          <h2 class="section-heading">Archived</h2>
          {archived.length === 0 ? (
            <p class="quiet">Nobody archived. Mentors you archive keep their history and wait here.</p>
          ) : shownArchived.length === 0 ? (
            <p class="quiet">No archived mentor matches that filter.</p>
          ) : (
            <ul class="rows" aria-label="Archived mentors">
              {shownArchived.map((mentor) => (
                <MentorRow key={mentor.id} mentor={mentor} archived>
                  <span class="badge">Archived</span>
                </MentorRow>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** One mentor in a list: their name (opens their page), organisation and roles, and a status. */
function MentorRow({ mentor, archived = false, children }: { mentor: Mentor; archived?: boolean; children: ComponentChildren }) {
  const app = useApp();
  const details = [mentor.organisation, rolesText(mentor.roles)].filter((s) => s.trim() !== '').join(' · ');
  return (
    <li class={archived ? 'row row-compact row-archived' : 'row row-compact'}>
      <div class="row-who">
        <button type="button" class="link name" onClick={() => app.navigate({ name: 'mentor', id: mentor.id })}>
          {mentor.name}
        </button>
        <div class="row-meta">{details}</div>
      </div>
      <div class="row-status">{children}</div>
    </li>
  );
}
