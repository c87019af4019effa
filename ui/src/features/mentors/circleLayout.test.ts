import { describe, expect, it } from 'vitest';
import type { DueStatus } from '../../bindings/DueStatus';
import {
  BANDS, MAX_PER_SECTOR, NODE_RADIUS, RADIUS, dueSoonWindow, firstName, initials, layoutCircle, ringFraction, sectorAngles,
  sectorLabelPlacement, splitLabel, standingWords,
} from './circleLayout';
import { addDays } from '../../ui/dates';
import { ROLES } from './labels';
import { member } from '../../testData';


const TODAY = '2026-04-14';

/** The backend's status for a mentor last seen `elapsed` days ago (see core/src/cadence.rs). */
function standing(elapsed: number, cadenceDays: number, maxGapDays: number) {
  const from = addDays(TODAY, -elapsed);
  const dueOn = addDays(from, cadenceDays);
  const overdueFrom = addDays(from, Math.max(maxGapDays, cadenceDays) + 1);
  const daysUntilDue = cadenceDays - elapsed;
  const status: DueStatus =
    elapsed >= Math.max(maxGapDays, cadenceDays) + 1
      ? 'overdue'
      : daysUntilDue <= 0
        ? 'due'
        : daysUntilDue <= dueSoonWindow(cadenceDays)
          ? 'dueSoon'
          : 'ok';
  return { status, dueOn, overdueFrom, daysUntilDue };
}

describe('distance from the centre', () => {
  it('grows day by day from the last contact to past the longest gap, never moving inwards', () => {
    for (const [cadence, maxGap] of [
      [7, 14],
      [21, 42],
      [28, 28],
      [90, 120],
      [1, 1],
      [365, 456],
    ] as const) {
      let previous = -1;
      for (let elapsed = 0; elapsed <= maxGap + 10; elapsed++) {
        const c = standing(elapsed, cadence, maxGap);
        const f = ringFraction(c, cadence);
        expect(f).toBeGreaterThanOrEqual(previous);
        const [inner, outer] = BANDS[c.status];
        expect(f).toBeGreaterThanOrEqual(inner);
        expect(f).toBeLessThanOrEqual(outer);
        previous = f;
      }
    }
  });

  it('puts in touch near the centre and past the longest gap on the outer ring', () => {
    const fresh = ringFraction(standing(0, 28, 56), 28);
    expect(fresh).toBe(BANDS.ok[0]);
    expect(ringFraction(standing(57, 28, 56), 28)).toBe(BANDS.overdue[0]);
    expect(ringFraction(standing(400, 28, 56), 28)).toBe(BANDS.overdue[0]);
  });

  it('keeps the bands apart and in order', () => {
    expect(BANDS.ok[1]).toBeLessThan(BANDS.dueSoon[0]);
    expect(BANDS.dueSoon[1]).toBeLessThan(BANDS.due[0]);
    expect(BANDS.due[1]).toBeLessThan(BANDS.overdue[0]);
    expect(BANDS.overdue[1]).toBeLessThanOrEqual(1);
  });

  it('stays inside its band with odd inputs', () => {
    const weird = { status: 'due' as const, daysUntilDue: -5, dueOn: 'x', overdueFrom: 'y' };
    const f = ringFraction(weird, 0);
    expect(f).toBeGreaterThanOrEqual(BANDS.due[0]);
    expect(f).toBeLessThanOrEqual(BANDS.due[1]);
    expect(ringFraction({ status: 'ok', daysUntilDue: 500, dueOn: '', overdueFrom: '' }, 28)).toBe(BANDS.ok[0]);
  });
});

describe('sectors', () => {
  it('divides the circle into equal sectors, the first centred at the top', () => {
    const first = sectorAngles(0, 7);
    expect(first.mid).toBeCloseTo(-Math.PI / 2);
    expect(first.end - first.start).toBeCloseTo((2 * Math.PI) / 7);
    expect(sectorAngles(1, 7).start).toBeCloseTo(first.end);
    expect(sectorAngles(6, 7).end).toBeCloseTo(first.start + 2 * Math.PI);
  });

  it('splits long role names over two lines', () => {
    expect(splitLabel('Adviser')).toEqual(['Adviser']);
    expect(splitLabel('Company or industry insider')).toEqual(['Company or', 'industry insider']);
    expect(splitLabel('Peer / co-mentor')).toEqual(['Peer /', 'co-mentor']);
    expect(splitLabel('Supercalifragilistic')).toEqual(['Supercalifragilistic']);
  });

  it('anchors role names away from the circle', () => {
    expect(sectorLabelPlacement(-Math.PI / 2, 1).anchor).toBe('middle');
    expect(sectorLabelPlacement(0, 1).anchor).toBe('start');
    expect(sectorLabelPlacement(Math.PI, 1).anchor).toBe('end');
    // Two lines at the top grow upwards; at the bottom they start below the point.
    expect(sectorLabelPlacement(-Math.PI / 2, 2).y).toBeLessThan(sectorLabelPlacement(-Math.PI / 2, 1).y);
    expect(sectorLabelPlacement(Math.PI / 2, 1).y).toBeGreaterThan(RADIUS);
  });
});

describe('names on the picture', () => {
  it('uses first names, and initials when crowded', () => {
    expect(firstName('  Ana Sousa ')).toBe('Ana');
    expect(initials('Ana Sousa')).toBe('AS');
    expect(initials('ana maria sousa')).toBe('AS');
    expect(initials('Ben')).toBe('B');
    expect(initials('  ')).toBe('?');
    expect(initials('Élodie Ørsted')).toBe('ÉØ');
  });

  it('says where a mentor stands in words', () => {
    expect(standingWords({ status: 'ok', daysUntilDue: 21 })).toBe('in touch, next catch-up in 3 weeks');
    expect(standingWords({ status: 'ok', daysUntilDue: 1 })).toBe('in touch, next catch-up tomorrow');
    expect(standingWords({ status: 'dueSoon', daysUntilDue: 3 })).toBe('due in 3 days');
    expect(standingWords({ status: 'dueSoon', daysUntilDue: 1 })).toBe('due tomorrow');
    expect(standingWords({ status: 'due', daysUntilDue: 0 })).toBe('due today');
    expect(standingWords({ status: 'due', daysUntilDue: -1 })).toBe('due since yesterday');
    expect(standingWords({ status: 'due', daysUntilDue: -5 })).toBe('due for 5 days');
    expect(standingWords({ status: 'overdue', daysUntilDue: -42 })).toBe('past the longest gap you agreed (due for 6 weeks)');
  });
});

describe('the layout', () => {
  it('draws active mentors once, in the sector of their first role', () => {
    const a = member({ name: 'Ana Sousa', roles: ['insider', 'adviser'] }, standing(3, 28, 56));
    const b = member({ name: 'Ben Okafor', roles: ['peer'] }, standing(30, 28, 56));
    const paused = member({ name: 'Pia', status: 'paused', roles: ['peer'] }, null);
    const alumni = member({ name: 'Al', status: 'alumni', roles: ['peer'] }, standing(3, 365, 456));
    const { sectors, nodes } = layoutCircle([a, b, paused, alumni], ROLES);
    expect(sectors.map((s) => s.label)).toEqual(ROLES.map((r) => r.label));
    expect(nodes.map((n) => n.member.mentor.name)).toEqual(['Ana Sousa', 'Ben Okafor']);
    expect(nodes[0]?.role).toBe('insider');
    expect(sectors.find((s) => s.role === 'insider')?.count).toBe(1);
    expect(sectors.find((s) => s.role === 'adviser')?.count).toBe(0);
    expect(nodes[0]?.label).toBe('Ana');
  });

  it('keeps every mark inside its sector and the in-touch ones nearer the centre', () => {
    const members = [0, 10, 20, 25, 29, 40, 60].map((elapsed, i) =>
      member({ name: `Mentor ${i}`, roles: ['adviser'] }, standing(elapsed, 28, 56)),
    );
    const { sectors, nodes } = layoutCircle(members, ROLES);
    const adviser = sectors[1]!;
    for (const n of nodes) {
      expect(n.angle).toBeGreaterThan(adviser.start);
      expect(n.angle).toBeLessThan(adviser.end);
      expect(Math.hypot(n.x, n.y)).toBeCloseTo(n.r, 0);
    }
    const r = (name: string) => nodes.find((n) => n.member.mentor.name === name)!.r;
    expect(r('Mentor 0')).toBeLessThan(r('Mentor 3'));
    expect(r('Mentor 3')).toBeLessThan(r('Mentor 5'));
    expect(r('Mentor 5')).toBeLessThan(r('Mentor 6'));
  });

  it('keeps a few marks in one sector from touching', () => {
    const members = [1, 2, 3, 4].map((elapsed, i) => member({ name: `M${i}`, roles: ['peer'] }, standing(elapsed, 28, 56)));
    const { nodes } = layoutCircle(members, ROLES);
    for (const a of nodes) {
      for (const b of nodes) {
        if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(2 * NODE_RADIUS);
      }
    }
  });

  it('switches to initials when names would collide, and keeps names when there is room', () => {
    const crowd = [1, 1, 1, 1, 1].map((elapsed, i) =>
      member({ name: `Alexandrina${i} Sousa`, roles: ['peer'] }, standing(elapsed, 28, 56)),
    );
    const { nodes } = layoutCircle(crowd, ROLES);
    expect(nodes.some((n) => n.label === 'AS')).toBe(true);
    const spread = [
      member({ name: 'Ana Sousa', roles: ['adviser'] }, standing(1, 28, 56)),
      member({ name: 'Ben Okafor', roles: ['emotionalConnector'] }, standing(1, 28, 56)),
    ];
    expect(layoutCircle(spread, ROLES).nodes.map((n) => n.label)).toEqual(['Ana', 'Ben']);
  });
});

describe('a crowded circle', () => {
  it('draws the most pressing mentors of a crowded role, and counts them all', () => {
    // Twenty advisers, one further out each day; the one with an agreement to review is in touch.
    const advisers = Array.from({ length: 20 }, (_, i) =>
      member({ name: `Adviser ${String(i).padStart(2, '0')}`, roles: ['adviser'] }, standing(i * 4, 28, 56)),
    );
    const review = member({ name: 'Rui Review', roles: ['adviser'] }, standing(1, 28, 56), { reviewDue: true });
    const peer = member({ name: 'Pia Peer', roles: ['peer'] }, standing(1, 28, 56));
    const { sectors, nodes, hidden } = layoutCircle([...advisers, review, peer], ROLES);
    const adviser = sectors.find((s) => s.role === 'adviser')!;
    expect(adviser.count).toBe(21);
    expect(adviser.drawn).toBe(MAX_PER_SECTOR);
    expect(hidden).toBe(21 - MAX_PER_SECTOR);
    const drawn = nodes.filter((n) => n.role === 'adviser').map((n) => n.member.mentor.name);
    expect(drawn).toHaveLength(MAX_PER_SECTOR);
    expect(drawn).toContain('Rui Review');
    // Then the furthest out: the longest since a catch-up.
    const longest = advisers.slice(-(MAX_PER_SECTOR - 1)).map((m) => m.mentor.name);
    expect([...drawn].sort()).toEqual([...longest, 'Rui Review'].sort());
    // Another role is untouched, and an empty one still says so.
    expect(nodes.filter((n) => n.role === 'peer').map((n) => n.member.mentor.name)).toEqual(['Pia Peer']);
    expect(sectors.find((s) => s.role === 'insider')).toMatchObject({ count: 0, drawn: 0 });
  });

  it('takes another cap, and never hides a role that has mentors', () => {
    const members = ['peer', 'peer', 'peer', 'ideaPerson'].map((role, i) =>
      member({ name: `M${i}`, roles: [role as 'peer'] }, standing(i, 28, 56)),
    );
    const { sectors, nodes, hidden } = layoutCircle(members, ROLES, 0);
    expect(nodes).toHaveLength(2);
    expect(hidden).toBe(2);
    for (const s of sectors) expect(s.drawn > 0).toBe(s.count > 0);
    expect(layoutCircle(members, ROLES).hidden).toBe(0);
  });
});
