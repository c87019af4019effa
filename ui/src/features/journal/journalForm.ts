// The journal editor's form and the words the journal screens use. Pure: "today" is
// passed in, and the draft's saving time is read in the local time zone.
import type { CircleMember } from '../../bindings/CircleMember';
import type { Draft } from '../../bindings/Draft';
import type { DraftOf } from '../../bindings/DraftOf';
import type { EntryContent } from '../../bindings/EntryContent';
import type { JournalEntry } from '../../bindings/JournalEntry';
import { type IsoDay, dayLabel } from '../../ui/dates';
import { sentAtLocal } from '../nudges/nudgeHistory';

/** What the editor holds, as typed. */
export interface EntryForm {
  body: string;
  mood: number | null;
  energy: number | null;
  /** Comma-separated, as typed. */
  tags: string;
  /** In the order they were ticked. */
  mentorIds: number[];
}

/** Entries the backend sends per page of the journal list. */
export const JOURNAL_PAGE = 50;

/** The 1–5 choices for mood and energy. */
export const SCALE = [1, 2, 3, 4, 5] as const;

export const NEW_ENTRY: DraftOf = { kind: 'newEntry' };

export function draftOf(id: number | null): DraftOf {
  return id === null ? NEW_ENTRY : { kind: 'entry', id };
}

export function emptyForm(): EntryForm {
  return { body: '', mood: null, energy: null, tags: '', mentorIds: [] };
}

/** "work, feedback": each tag trimmed, without a leading #, empty ones and repeats left out. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim().replace(/^#+/, '').trim();
    const key = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

export function tagsText(tags: readonly string[]): string {
  return tags.join(', ');
}

export function formFromContent(c: EntryContent): EntryForm {
  return { body: c.body, mood: c.mood, energy: c.energy, tags: tagsText(c.tags), mentorIds: [...c.mentorIds] };
}

export function contentOf(form: EntryForm): EntryContent {
  return {
    body: form.body,
    mood: form.mood,
    energy: form.energy,
    tags: parseTags(form.tags),
    mentorIds: form.mentorIds.filter((id, i) => form.mentorIds.indexOf(id) === i),
  };
}

export function entryContent(e: JournalEntry): EntryContent {
  return { body: e.body, mood: e.mood, energy: e.energy, tags: [...e.tags], mentorIds: [...e.mentorIds] };
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** Whether two contents say the same (tags compared as the backend keeps them). */
export function sameContent(a: EntryContent, b: EntryContent): boolean {
  const tags = (c: EntryContent) => parseTags(c.tags.join(',')).map((t) => t.toLocaleLowerCase());
  const ta = tags(a);
  const tb = tags(b);
  return (
    a.body === b.body &&
    a.mood === b.mood &&
    a.energy === b.energy &&
    ta.length === tb.length &&
    ta.every((t, i) => t === tb[i]) &&
    sameSet(a.mentorIds, b.mentorIds)
  );
}

export function sameDraftOf(a: DraftOf, b: DraftOf): boolean {
  return a.kind === 'newEntry' ? b.kind === 'newEntry' : b.kind === 'entry' && a.id === b.id;
}

/** The draft kept for `of`, if there is one. */
export function findDraft(drafts: readonly Draft[], of: DraftOf): Draft | undefined {
  return drafts.find((d) => sameDraftOf(d.of, of));
}

/** "today at 09:41", "yesterday at 21:15", "Tue 17 Nov at 09:00". */
export function savedAtText(savedAt: string, today: IsoDay): string {
  const local = sentAtLocal(savedAt);
  return local ? `${dayLabel(local.day, today)} at ${local.time}` : 'earlier';
}

/**
 * "Restored your unsaved draft from today at 09:41."; with `promptAdded` (a reflection
 * prompt was asked for while a draft waited), says the prompt went after it.
 */
export function restoredText(savedAt: string, today: IsoDay, promptAdded = false): string {
  const from = `Restored your unsaved draft from ${savedAtText(savedAt, today)}`;
  return promptAdded ? `${from}, and added the prompt after it.` : `${from}.`;
}

/** "Mood 4/5"; `null` when not noted. */
export function scaleText(what: 'Mood' | 'Energy', value: number | null): string | null {
  return value === null ? null : `${what} ${value}/5`;
}

/** The validation fields the backend names, in the form's order. */
export type EntryField = 'body' | 'mood' | 'energy' | 'tags';

/** What to fix before saving; the backend checks again. */
export function validateEntry(form: EntryForm): Partial<Record<EntryField, string>> {
  return form.body.trim() === '' ? { body: 'Write something first.' } : {};
}

/** Every mentor's name by id. */
export function mentorNames(members: readonly CircleMember[]): Map<number, string> {
  return new Map(members.map((m) => [m.mentor.id, m.mentor.name]));
}

/** The names of the mentors an entry is to raise with, in its order; unknown ids left out. */
export function linkedNames(ids: readonly number[], names: ReadonlyMap<number, string>): string[] {
  return ids.flatMap((id) => {
    const name = names.get(id);
    return name === undefined ? [] : [name];
  });
}

/**
 * A kept draft, with what the user managed to type before it was loaded: their words go
 * after the draft's, and a choice they made wins over the draft's.
 */
export function mergeDraft(draft: EntryContent, typed: EntryForm): EntryForm {
  const kept = formFromContent(draft);
  const body = typed.body.trim() === '' ? kept.body : kept.body.trim() === '' ? typed.body : `${kept.body.trimEnd()}\n\n${typed.body}`;
  const tags = [kept.tags, typed.tags].filter((t) => t.trim() !== '').join(', ');
  return {
    body,
    mood: typed.mood ?? kept.mood,
    energy: typed.energy ?? kept.energy,
    tags: tagsText(parseTags(tags)),
    mentorIds: [...kept.mentorIds, ...typed.mentorIds.filter((id) => !kept.mentorIds.includes(id))],
  };
}
