import { useMemo, useState } from 'preact/hooks';
import type { CircleMember } from '../../bindings/CircleMember';
import type { MentorStatus } from '../../bindings/MentorStatus';
import { PagedList } from '../../ui/PagedList';
import { StatusChip } from '../../ui/StatusChip';
import { useApp } from '../../context';
import { shortcut } from '../../ui/keys';
import { rolesText } from './labels';
import { filterGroups, mentorGroups } from './mentorList';
import { useCircle } from '../../data/circle';
import './mentor.css';

const NONE_MATCH: Record<MentorStatus, string> = {
  active: 'No active mentor matches that filter.',
  paused: 'No paused mentor matches that filter.',
  alumni: 'No alumni match that filter.',
};

/** Everyone in the circle, whatever their status: a filter, then Active, Paused and Alumni. */
export function Mentors() {
  const app = useApp();
  const [query, setQuery] = useState('');

  const members = useCircle();
  // Sorted, grouped and made searchable once per load; a keystroke only filters.
  const all = useMemo(() => mentorGroups(members ?? []), [members]);
  const q = query.trim();
  const groups = useMemo(() => filterGroups(all, q), [all, q]);

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
          placeholder="Name, organisation, role or expertise"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>

      {members === null ? (
        <p class="quiet">Loading…</p>
      ) : members.length === 0 ? (
        <p class="quiet">No one in your circle yet. Add a mentor to begin.</p>
      ) : (
        groups.map((g) =>
          g.total === 0 && g.status !== 'active' ? null : (
            <section key={g.status} class="mentor-group" aria-labelledby={`mentors-${g.status}-heading`}>
              <h2 class="section-heading" id={`mentors-${g.status}-heading`}>
                {g.label}
              </h2>
              {g.total === 0 ? (
                <p class="quiet">Nobody active right now. Make a paused mentor active, or add someone new.</p>
              ) : g.shown.length === 0 ? (
                <p class="quiet">{NONE_MATCH[g.status]}</p>
              ) : (
                <PagedList items={g.shown} class="rows" aria-label={`${g.label} mentors`} resetOn={q}>
                  {(m) => <MentorRow key={m.mentor.id} member={m} />}
                </PagedList>
              )}
            </section>
          ),
        )
      )}
    </section>
  );
}

/** One mentor in a list: their name (opens their page), organisation and roles, and a status. */
function MentorRow({ member }: { member: CircleMember }) {
  const app = useApp();
  const { mentor, cadence, reviewDue } = member;
  const details = [mentor.organisation, rolesText(mentor.roles)].filter((s) => s.trim() !== '').join(' · ');
  const quiet = mentor.status !== 'active';
  return (
    <li class={quiet ? 'row row-compact row-archived' : 'row row-compact'}>
      <div class="row-who">
        <div class="row-name">
          <button type="button" class="link name" onClick={() => app.navigate({ name: 'mentor', id: mentor.id })}>
            {mentor.name}
          </button>
          {mentor.sample && <span class="badge">Sample</span>}
        </div>
        {details && <div class="row-meta">{details}</div>}
      </div>
      <div class="row-status row-status-list">
        {reviewDue && <span class="badge badge-review">Agreement to review</span>}
        <StatusChip cadence={cadence} />
      </div>
    </li>
  );
}
