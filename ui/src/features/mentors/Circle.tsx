import { useMemo } from 'preact/hooks';
import { api } from '../../api';
import type { CircleHealth } from '../../bindings/CircleHealth';
import type { CircleMember } from '../../bindings/CircleMember';
import type { DueStatus } from '../../bindings/DueStatus';
import {
  BANDS, CENTRE_RADIUS, MAX_PER_SECTOR, NODE_RADIUS, type NodeLayout, RADIUS, RING_GUIDES, type SectorLayout, VIEW_BOX,
  layoutCircle, polar, sectorLabelPlacement, splitLabel, standingWords, wedgePath,
} from './circleLayout';
import { useApp } from '../../context';
import { shortcut } from '../../ui/keys';
import { ROLES, roleLabel, rolesText } from './labels';
import { countText } from '../../ui/paging';
import { roleFilterHeading } from '../prospects/pipeline';
import { useQueryState } from '../../data/hooks';
import { keys } from '../../data/keys';
import './circle.css';
import '../prospects/prospects.css';

interface Data {
  members: CircleMember[];
  health: CircleHealth;
}

type Layout = ReturnType<typeof layoutCircle>;

/** The circle view: the user at the centre, mentors around them by role, and the circle's health. */
export function Circle() {
  const app = useApp();
  const { data, failed } = useQueryState<Data>(
    keys.circleHealth,
    () => Promise.all([api.circle(), api.circleHealth()]).then(([members, health]) => ({ members, health })),
    { onError: app.fail },
  );

  // Laid out once per load: placing marks compares each with those already placed.
  const layout = useMemo(() => data && layoutCircle(data.members, ROLES), [data]);

  return (
    <section class="screen circle-screen" aria-labelledby="circle-heading">
      <header class="screen-header">
        <div>
          <h1 id="circle-heading">Circle</h1>
          <p class="subtitle">Who is around you, and the part each one plays.</p>
        </div>
      </header>
      {data === null || layout === null ? (
        <p class="quiet">{failed ? 'Your circle could not be shown just now.' : 'Loading your circle…'}</p>
      ) : data.health.active === 0 ? (
        <EmptyPicture health={data.health} />
      ) : (
        <div class="circle-layout">
          <div class="circle-picture">
            <CircleMap layout={layout} />
            {layout.hidden > 0 && <MoreThanDrawn layout={layout} />}
            <Legend />
          </div>
          <HealthPanel health={data.health} />
        </div>
      )}
    </section>
  );
}

function EmptyPicture({ health }: { health: CircleHealth }) {
  const app = useApp();
  const resting = health.paused + health.alumni;
  return (
    <div class="empty">
      <h2>Your circle will take shape here</h2>
      <p>
        Each active mentor appears around you, grouped by the part they play: network connector, adviser, idea
        person and more. The nearer the centre, the more recently you talked; an empty slice shows a role no one fills yet.
      </p>
      {resting > 0 && (
        <p>
          {resting === 1 ? 'Your one mentor is' : `All ${resting} of your mentors are`} paused or alumni; the picture
          shows active mentors only.
        </p>
      )}
      <div class="button-row">
        <button
          type="button"
          class="button button-primary"
          title={`Add a mentor (${shortcut('N')})`}
          onClick={() => app.openDialog({ type: 'addMentor' })}
        >
          Add a mentor
        </button>
      </div>
    </div>
  );
}

/** Under a crowded picture: how many it leaves out, and where they all are. */
function MoreThanDrawn({ layout }: { layout: Layout }) {
  const app = useApp();
  const active = layout.nodes.length + layout.hidden;
  return (
    <p class="circle-more quiet">
      {`The picture shows the ${layout.nodes.length} most pressing of your ${countText(active)} active mentors, up to ${MAX_PER_SECTOR} per role. `}
      <button type="button" class="link today-inline-link" onClick={() => app.navigate({ name: 'mentors' })}>
        {`+ ${countText(layout.hidden)} more in Mentors`}
      </button>
    </p>
  );
}

function CircleMap({ layout }: { layout: Layout }) {
  const { sectors, nodes, hidden } = layout;
  const active = nodes.length + hidden;
  return (
    <svg
      class="circle-map"
      viewBox={VIEW_BOX}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
      aria-labelledby="circle-map-title circle-map-desc"
    >
      <title id="circle-map-title">Your circle</title>
      <desc id="circle-map-desc">
        {active === 1 ? 'One active mentor' : `${countText(active)} active mentors`} around you, in one slice per role
        {hidden > 0 && ` (the ${nodes.length} most pressing are drawn)`}. The nearer the centre, the more recently you
        talked; the outer ring is past the longest gap you agreed.
      </desc>

      <g class="map-back" aria-hidden="true">
        {sectors.map((s, i) => (
          <path
            key={s.role}
            d={wedgePath(s.start, s.end)}
            class={`wedge ${i % 2 === 0 ? 'wedge-even' : 'wedge-odd'}${s.count === 0 ? ' wedge-empty' : ''}`}
          />
        ))}
        <circle class="ring-outer" r={RADIUS * BANDS.overdue[0]} />
        {RING_GUIDES.map((f) => (
          <circle key={f} class="ring-guide" r={RADIUS * f} />
        ))}
        <circle class="ring-edge" r={RADIUS} />
      </g>

      <g class="map-you">
        <circle class="you" r={CENTRE_RADIUS} />
        <text class="you-label" y="5" text-anchor="middle">
          You
        </text>
      </g>

      {sectors.map((s) => (
        <Sector key={s.role} sector={s} nodes={nodes.filter((n) => n.role === s.role)} />
      ))}
    </svg>
  );
}

function Sector({ sector, nodes }: { sector: SectorLayout; nodes: NodeLayout[] }) {
  const lines = splitLabel(sector.label);
  const place = sectorLabelPlacement(sector.mid, lines.length);
  const empty = sector.count === 0;
  const hole = polar(RADIUS * 0.62, sector.mid);
  return (
    <g class={`sector${empty ? ' sector-empty' : ''}`}>
      <text class="sector-label" x={place.x} y={place.y} text-anchor={place.anchor}>
        {lines.map((line, i) => (
          <tspan key={line} x={place.x} dy={i === 0 ? 0 : place.lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
      {empty ? (
        <g class="empty-mark" transform={`translate(${hole.x} ${hole.y})`}>
          <circle class="empty-slot" r={NODE_RADIUS} aria-hidden="true" />
          <text class="empty-label" y={NODE_RADIUS + 16} text-anchor="middle">
            no one yet
          </text>
        </g>
      ) : (
        nodes.map((n) => <Node key={n.member.mentor.id} node={n} />)
      )}
    </g>
  );
}

const SHAPE_WORDS: Readonly<Record<DueStatus, string>> = {
  ok: 'In touch',
  dueSoon: 'Due soon',
  due: 'Due',
  overdue: 'Past the longest gap',
};

function Node({ node }: { node: NodeLayout }) {
  const app = useApp();
  const { mentor, cadence, reviewDue } = node.member;
  const standing = standingWords(cadence);
  const label = `${mentor.name} — ${reviewDue ? 'agreement to review; ' : ''}${standing}`;
  const otherRoles = mentor.roles.slice(1);
  const tip = [
    mentor.name,
    roleLabel(node.role) + (otherRoles.length > 0 ? ` (also ${rolesText(otherRoles)})` : ''),
    reviewDue ? 'Agreement to review' : '',
    standing.charAt(0).toUpperCase() + standing.slice(1),
  ]
    .filter(Boolean)
    .join('\n');
  const open = () => app.navigate({ name: 'mentor', id: mentor.id });
  return (
    <g
      class={`node node-${cadence.status}${reviewDue ? ' node-review' : ''}`}
      transform={`translate(${node.x} ${node.y})`}
      tabindex={0}
      role="link"
      aria-label={label}
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }}
    >
      <title>{tip}</title>
      <circle class="node-hit" r={NODE_RADIUS + 8} />
      <circle class="node-focus" r={NODE_RADIUS + 6} />
      {reviewDue && <circle class="node-halo" r={NODE_RADIUS + 3} />}
      <Shape status={cadence.status} />
      <text class="node-label" y={node.labelY - node.y} text-anchor="middle" aria-hidden="true">
        {node.label}
      </text>
    </g>
  );
}

/** The mark for a status: a filled circle, a ring, a diamond or a triangle. */
function Shape({ status, size = NODE_RADIUS }: { status: DueStatus; size?: number }) {
  switch (status) {
    case 'ok':
      return <circle class="shape shape-ok" r={size * 0.8} />;
    case 'dueSoon':
      return <circle class="shape shape-dueSoon" r={size * 0.72} />;
    case 'due': {
      const d = size * 0.95;
      return <path class="shape shape-due" d={`M 0 ${-d} L ${d} 0 L 0 ${d} L ${-d} 0 Z`} />;
    }
    case 'overdue': {
      const h = size;
      return <path class="shape shape-overdue" d={`M 0 ${-h} L ${h * 0.95} ${h * 0.72} L ${-h * 0.95} ${h * 0.72} Z`} />;
    }
  }
}

function Legend() {
  const statuses: DueStatus[] = ['ok', 'dueSoon', 'due', 'overdue'];
  return (
    <div class="circle-legend">
      <p class="quiet">Nearer the centre: talked recently. Further out: a catch-up is coming up or due.</p>
      <ul class="legend-list" aria-label="Legend">
        {statuses.map((s) => (
          <li key={s}>
            <svg class="legend-icon" viewBox="-14 -14 28 28" width="20" height="20" aria-hidden="true" focusable="false">
              <Shape status={s} size={10} />
            </svg>
            {SHAPE_WORDS[s]}
          </li>
        ))}
        <li>
          <svg class="legend-icon" viewBox="-14 -14 28 28" width="20" height="20" aria-hidden="true" focusable="false">
            <circle class="node-halo" r={12} />
            <circle class="shape shape-ok" r={7} />
          </svg>
          Agreement to review
        </li>
        <li>
          <svg class="legend-icon" viewBox="-14 -14 28 28" width="20" height="20" aria-hidden="true" focusable="false">
            <circle class="empty-slot" r={10} />
          </svg>
          No one in this role yet
        </li>
      </ul>
    </div>
  );
}

function HealthPanel({ health }: { health: CircleHealth }) {
  const app = useApp();
  const { active, recommendedActive, coverage, missing, sameCompany, paused, alumni } = health;
  const missingNames = missing.map(roleLabel);
  return (
    <aside class="card health" aria-labelledby="health-heading">
      <h2 class="card-heading" id="health-heading">
        Circle health
      </h2>

      <div class="health-item">
        <p class="health-count">{active === 1 ? '1 active mentor' : `${active} active mentors`}</p>
        {active < recommendedActive && (
          <p class="quiet">A circle works best with at least three: no one person can guide every decision.</p>
        )}
      </div>

      <div class="health-item">
        <h3 class="health-subheading" id="roles-covered-heading">
          Roles covered
        </h3>
        <ul class="coverage" aria-labelledby="roles-covered-heading">
          {coverage.map((c) => (
            <li key={c.role} class={c.mentors === 0 ? 'coverage-missing' : 'coverage-covered'}>
              <span class="coverage-mark" aria-hidden="true">
                {c.mentors === 0 ? '○' : '✓'}
              </span>
              <span class="coverage-role">
                {c.mentors === 0 ? (
                  // A missing role leads to the prospects who could fill it.
                  <button
                    type="button"
                    class="link coverage-link"
                    id={`coverage-find-${c.role}`}
                    title={roleFilterHeading(c.role)}
                    aria-describedby="coverage-find-hint"
                    onClick={() => app.navigate({ name: 'prospects', role: c.role })}
                  >
                    {roleLabel(c.role)}
                  </button>
                ) : (
                  roleLabel(c.role)
                )}
              </span>
              <span class="coverage-count">{c.mentors === 0 ? 'missing' : c.mentors}</span>
            </li>
          ))}
        </ul>
        {missingNames.length > 0 && (
          <p class="quiet">
            {`Not yet in your circle: ${missingNames.join(', ')}.`} Worth keeping in mind as you meet people.{' '}
            <span id="coverage-find-hint">Choose a missing role to see the prospects who could fill it.</span>
          </p>
        )}
      </div>

      <div class="health-item">
        <p class="health-count">{`${sameCompany} inside your company`}</p>
        {sameCompany > 0 && (
          <p class="quiet">Confidences may travel inside one company, so choose what you share with care.</p>
        )}
      </div>

      <div class="health-item">
        <p class="health-count">{`${paused} paused · ${alumni} alumni`}</p>
        {paused + alumni > 0 && <p class="quiet">They rest outside the picture, with their history kept.</p>}
      </div>
    </aside>
  );
}
