// The Mentors place as data: everyone grouped by status and sorted by name once per load,
// each with the text the filter looks in, so a keystroke in the filter costs one cheap
// pass over the circle however large it is. Pure, so it is tested without a window.
import type { CircleMember } from '../../bindings/CircleMember';
import type { MentorStatus } from '../../bindings/MentorStatus';
import { STATUSES, compareNames, rolesText } from './labels';

/** A mentor in the list, with what the filter searches, lower-cased once. */
export interface FilterableMember {
  member: CircleMember;
  text: string;
}

export interface MentorGroup {
  status: MentorStatus;
  label: string;
  /** Everyone with this status, by name. */
  all: FilterableMember[];
}

export interface ShownGroup {
  status: MentorStatus;
  label: string;
  /** How many have this status, matching or not. */
  total: number;
  /** Those the filter lets through, by name. */
  shown: CircleMember[];
}

/** What the filter looks in: name, organisation, roles and expertise. */
export function filterText(member: CircleMember): string {
  const m = member.mentor;
  return `${m.name} ${m.organisation} ${rolesText(m.roles)} ${m.expertise}`.toLocaleLowerCase();
}

/** Active, Paused and Alumni (in that order, all three even when empty), each by name. */
export function mentorGroups(members: readonly CircleMember[]): MentorGroup[] {
  const byStatus = new Map<MentorStatus, FilterableMember[]>(STATUSES.map((s) => [s.value, []]));
  // A stable sort: namesakes keep the backend's order (most urgent first).
  const sorted = [...members].sort((a, b) => compareNames(a.mentor.name, b.mentor.name));
  for (const member of sorted) byStatus.get(member.mentor.status)?.push({ member, text: filterText(member) });
  return STATUSES.map((s) => ({ status: s.value, label: s.label, all: byStatus.get(s.value) ?? [] }));
}

/** The words of a filter, lower-cased: every one must appear. */
export function filterWords(query: string): string[] {
  return query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/** The groups as the filter leaves them; no words: everyone. */
export function filterGroups(groups: readonly MentorGroup[], query: string): ShownGroup[] {
  const words = filterWords(query);
  return groups.map((g) => ({
    status: g.status,
    label: g.label,
    total: g.all.length,
    shown:
      words.length === 0
        ? g.all.map((f) => f.member)
        : g.all.filter((f) => words.every((w) => f.text.includes(w))).map((f) => f.member),
  }));
}
