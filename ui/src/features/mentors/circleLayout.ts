// The geometry of the circle picture, as pure functions: the user at the centre,
// one sector per role, and each active mentor placed in the sector of their first
// role, further out the closer they are to needing a catch-up.
import type { CadenceStatus } from '../../bindings/CadenceStatus';
import type { CircleMember } from '../../bindings/CircleMember';
import type { DueStatus } from '../../bindings/DueStatus';
import type { Role } from '../../bindings/Role';
import { durationWords } from '../../ui/dates';
import { compareNames } from './labels';

/** The radius of the outer ring, in SVG units; the picture's viewBox is built around it. */
export const RADIUS = 200;
/** The user's circle at the centre. */
export const CENTRE_RADIUS = 30;
/** A mentor's mark. */
export const NODE_RADIUS = 12;
/** Where the role names sit, just outside the outer ring. */
export const LABEL_RADIUS = RADIUS + 14;
/** The picture's viewBox: room around the ring for the role names. */
export const VIEW_BOX = '-335 -258 670 496';

/**
 * How far out each status sits, as fractions of RADIUS: in touch near the centre, due
 * soon further out, due further, and past the longest gap on the outer ring. The bands
 * do not overlap, so distance alone already orders the statuses.
 */
export const BANDS: Readonly<Record<DueStatus, readonly [number, number]>> = {
  ok: [0.3, 0.54],
  dueSoon: [0.6, 0.72],
  due: [0.77, 0.88],
  overdue: [0.95, 0.95],
};

/** The ring guides drawn between the bands, as fractions of RADIUS. */
export const RING_GUIDES: readonly number[] = [0.57, 0.745, 0.915];

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/**
 * How many days before the due day a mentor counts as due soon. Mirrors the backend
 * (a quarter of the cadence, at most a week); it only shapes the picture, and a
 * mismatch could only move a mark inside its own band.
 */
export function dueSoonWindow(cadenceDays: number): number {
  return Math.min(Math.floor(Math.max(0, cadenceDays) / 4), 7);
}

/**
 * The distance of a mentor's mark from the centre, as a fraction of RADIUS: how far
 * they have come through their current stage, placed inside that stage's band.
 * ok: from the last contact to the start of "due soon"; due soon: the days counting
 * down to the ideal day; due: from the ideal day to the end of the longest gap;
 * overdue: the outer ring.
 */
export function ringFraction(
  cadence: Pick<CadenceStatus, 'status' | 'daysUntilDue' | 'dueOn' | 'overdueFrom'>,
  cadenceDays: number,
): number {
  const [inner, outer] = BANDS[cadence.status];
  const n = cadence.daysUntilDue;
  const window = dueSoonWindow(cadenceDays);
  let progress: number;
  switch (cadence.status) {
    case 'ok': {
      const span = cadenceDays - window;
      progress = span > 0 ? (cadenceDays - n) / span : 0;
      break;
    }
    case 'dueSoon':
      progress = window > 0 ? 1 - n / window : 0.5;
      break;
    case 'due': {
      const span = dayNumber(cadence.overdueFrom) - dayNumber(cadence.dueOn);
      progress = span > 0 ? -n / span : 0.5;
      break;
    }
    case 'overdue':
      progress = 1;
      break;
  }
  return inner + (outer - inner) * clamp01(progress);
}

/** The angles (radians, SVG's clockwise from the x axis) of sector `index` of `count`; the first is centred at the top. */
export function sectorAngles(index: number, count: number): { start: number; mid: number; end: number } {
  const width = (2 * Math.PI) / count;
  const mid = -Math.PI / 2 + index * width;
  return { start: mid - width / 2, mid, end: mid + width / 2 };
}

export function polar(radius: number, angle: number): { x: number; y: number } {
  return { x: round(radius * Math.cos(angle)), y: round(radius * Math.sin(angle)) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** An SVG path for the wedge of a sector, from the centre circle to the outer ring. */
export function wedgePath(start: number, end: number, inner = CENTRE_RADIUS + 6, outer = RADIUS): string {
  const a = polar(inner, start);
  const b = polar(outer, start);
  const c = polar(outer, end);
  const d = polar(inner, end);
  const large = end - start > Math.PI ? 1 : 0;
  return `M ${a.x} ${a.y} L ${b.x} ${b.y} A ${outer} ${outer} 0 ${large} 1 ${c.x} ${c.y} L ${d.x} ${d.y} A ${inner} ${inner} 0 ${large} 0 ${a.x} ${a.y} Z`;
}

/** Splits a role name over two lines when it is long: "Company or" / "industry insider". */
export function splitLabel(text: string, maxChars = 14): string[] {
  if (text.length <= maxChars) return [text];
  const middle = text.length / 2;
  let best = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  if (best < 0) return [text];
  return [text.slice(0, best), text.slice(best + 1)];
}

/** "Ana" from "Ana Sousa". */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** "AS" from "Ana Sousa", "A" from "Ana". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]!;
  const last = words.length > 1 ? words[words.length - 1]! : '';
  return (Array.from(first)[0]! + (last ? Array.from(last)[0]! : '')).toLocaleUpperCase();
}

/** Rough width of a label in SVG units, at the picture's 13-unit text. */
export function labelWidth(text: string): number {
  return Array.from(text).length * 7.2;
}

/** How a mentor stands, in words, for their mark's label and tooltip. */
export function standingWords(cadence: Pick<CadenceStatus, 'status' | 'daysUntilDue'>): string {
  const n = cadence.daysUntilDue;
  switch (cadence.status) {
    case 'ok':
      return `in touch, next catch-up ${n === 1 ? 'tomorrow' : `in ${durationWords(n)}`}`;
    case 'dueSoon':
      return n <= 1 ? 'due tomorrow' : `due in ${durationWords(n)}`;
    case 'due':
      return n >= 0 ? 'due today' : n === -1 ? 'due since yesterday' : `due for ${durationWords(-n)}`;
    case 'overdue':
      return `past the longest gap you agreed (due for ${durationWords(-n)})`;
  }
}

export interface SectorLayout {
  role: Role;
  label: string;
  start: number;
  mid: number;
  end: number;
  /** How many active mentors belong in this sector (by their first role), drawn or not. */
  count: number;
  /** How many of them are drawn: at most `maxPerSector`, the most pressing. */
  drawn: number;
}

/**
 * The most marks drawn in one sector. A slice holds about this many before marks pile on
 * each other; beyond it the picture stops saying anything (and a circle of thousands
 * would take seconds to lay out), so the rest are counted instead, and listed in Mentors.
 */
export const MAX_PER_SECTOR = 8;

/**
 * Which mentors of a crowded sector are drawn, most pressing first: an agreement to
 * review (the home screen's first section), then the furthest out (overdue, due, due
 * soon, then the longest since a catch-up), then by name.
 */
function morePressing(
  a: { member: CircleMember; fraction: number },
  b: { member: CircleMember; fraction: number },
): number {
  return (
    Number(b.member.reviewDue) - Number(a.member.reviewDue) ||
    b.fraction - a.fraction ||
    compareNames(a.member.mentor.name, b.member.mentor.name) ||
    a.member.mentor.id - b.member.mentor.id
  );
}

export interface NodeLayout {
  member: CircleMember & { cadence: CadenceStatus };
  role: Role;
  sector: number;
  angle: number;
  /** Distance from the centre, in SVG units. */
  r: number;
  x: number;
  y: number;
  /** The first name, or initials where the marks are too close for names. */
  label: string;
  /** The label's baseline: below the mark, or above it in the lower part of the circle (clear of the role names). */
  labelY: number;
}

const MIN_GAP = 2 * NODE_RADIUS + 6;

/**
 * The distance from the centre for a mark at `angle`: `ideal` when it touches no mark
 * already placed, else the nearest clear distance within [low, high], else the one
 * furthest from its neighbours.
 */
function placeRadius(ideal: number, angle: number, low: number, high: number, placed: readonly NodeLayout[]): number {
  const clearance = (radius: number) => {
    const p = polar(radius, angle);
    return placed.reduce((min, n) => Math.min(min, Math.hypot(n.x - p.x, n.y - p.y)), Infinity);
  };
  let best = ideal;
  let bestClearance = clearance(ideal);
  if (bestClearance >= MIN_GAP) return ideal;
  for (let step = 2; ideal + step <= high || ideal - step >= low; step += 2) {
    for (const r of [ideal + step, ideal - step]) {
      if (r < low || r > high) continue;
      const c = clearance(r);
      if (c >= MIN_GAP) return r;
      if (c > bestClearance) {
        best = r;
        bestClearance = c;
      }
    }
  }
  return best;
}
const LABEL_HEIGHT = 16;

/**
 * Lays out the active mentors: each in the sector of their first role (roles outside
 * `roles` fall in the first sector), spread evenly across it, nearer the centre first;
 * a mark that would touch another is moved outwards, but never out of its band. A sector
 * draws at most `maxPerSector` marks, its most pressing mentors; `hidden` counts the rest.
 */
export function layoutCircle(
  members: readonly CircleMember[],
  roles: ReadonlyArray<{ value: Role; label: string }>,
  maxPerSector: number = MAX_PER_SECTOR,
): { sectors: SectorLayout[]; nodes: NodeLayout[]; hidden: number } {
  const count = roles.length;
  const sectors: SectorLayout[] = roles.map((r, i) => ({
    role: r.value,
    label: r.label,
    ...sectorAngles(i, count),
    count: 0,
    drawn: 0,
  }));
  const sectorOf = new Map(roles.map((r, i) => [r.value, i]));
  const bySector: Array<Array<{ member: NodeLayout['member']; fraction: number }>> = roles.map(() => []);
  for (const m of members) {
    if (m.mentor.status !== 'active' || m.cadence === null) continue;
    const member = m as NodeLayout['member'];
    const first = m.mentor.roles[0];
    const index = (first === undefined ? undefined : sectorOf.get(first)) ?? 0;
    bySector[index]!.push({ member, fraction: ringFraction(member.cadence, m.mentor.cadenceDays) });
  }

  const nodes: NodeLayout[] = [];
  let hidden = 0;
  const cap = Math.max(1, Math.floor(maxPerSector));
  bySector.forEach((all, index) => {
    const sector = sectors[index]!;
    sector.count = all.length;
    const group = all.length > cap ? [...all].sort(morePressing).slice(0, cap) : all;
    sector.drawn = group.length;
    hidden += all.length - group.length;
    group.sort(
      (a, b) => a.fraction - b.fraction || a.member.mentor.name.localeCompare(b.member.mentor.name) || a.member.mentor.id - b.member.mentor.id,
    );
    const pad = (sector.end - sector.start) * 0.06;
    const step = (sector.end - sector.start - 2 * pad) / Math.max(1, group.length);
    group.forEach(({ member, fraction }, j) => {
      const angle = sector.start + pad + (j + 0.5) * step;
      const [inner, outer] = BANDS[member.cadence.status];
      const low = Math.min(inner, fraction) * RADIUS;
      const high = Math.max(outer, fraction) * RADIUS;
      const r = placeRadius(fraction * RADIUS, angle, low, high, nodes);
      const p = polar(r, angle);
      const labelY = Math.sin(angle) > 0.3 ? p.y - NODE_RADIUS - 8 : p.y + NODE_RADIUS + 17;
      nodes.push({ member, role: sector.role, sector: index, angle, r: round(r), x: p.x, y: p.y, label: '', labelY: round(labelY) });
    });
  });

  for (const n of nodes) n.label = firstName(n.member.mentor.name);
  const crowded = new Set<NodeLayout>();
  for (const a of nodes) {
    for (const b of nodes) {
      if (a === b) continue;
      const wide = (labelWidth(a.label) + labelWidth(b.label)) / 2 + 4;
      const labelsMeet = Math.abs(a.x - b.x) < wide && Math.abs(a.labelY - b.labelY) < LABEL_HEIGHT;
      const labelOnMark = Math.abs(a.x - b.x) < labelWidth(a.label) / 2 + NODE_RADIUS && Math.abs(a.labelY - 4 - b.y) < NODE_RADIUS + 6;
      if (labelsMeet || labelOnMark) crowded.add(a);
    }
  }
  for (const n of crowded) n.label = initials(n.member.mentor.name);
  return { sectors, nodes, hidden };
}

/** Where a role name sits outside the ring, and how it is anchored so it grows away from the circle. */
export function sectorLabelPlacement(mid: number, lines: number): {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  lineHeight: number;
} {
  const lineHeight = 16;
  const { x, y } = polar(LABEL_RADIUS, mid);
  const cos = Math.cos(mid);
  const sin = Math.sin(mid);
  const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
  // y is the first line's baseline: above the point at the top, below it at the
  // bottom, centred on it at the sides.
  const first = sin < -0.3 ? -(lines - 1) * lineHeight : sin > 0.3 ? lineHeight * 0.75 : -((lines - 1) * lineHeight) / 2 + 4;
  return { x, y: round(y + first), anchor, lineHeight };
}
