import { describe, expect, it } from 'vitest';
import type { Draft } from '../../bindings/Draft';
import type { EntryContent } from '../../bindings/EntryContent';
import type { JournalEntry } from '../../bindings/JournalEntry';
import {
  contentOf,
  draftOf,
  emptyForm,
  entryContent,
  findDraft,
  formFromContent,
  linkedNames,
  mergeDraft,
  parseTags,
  restoredText,
  sameContent,
  savedAtText,
  scaleText,
  validateEntry,
} from './journalForm';

const TODAY = '2026-11-19'; // a Thursday

/** An RFC 3339 UTC instant for a local wall-clock time, whatever zone the tests run in. */
function utc(year: number, month: number, day: number, hours: number, minutes: number): string {
  return new Date(year, month - 1, day, hours, minutes).toISOString();
}

function content(over: Partial<EntryContent> = {}): EntryContent {
  return { body: 'Nervous about the review', mood: null, energy: null, tags: [], mentorIds: [], ...over };
}

describe('tags', () => {
  it('reads comma-separated tags, tidied', () => {
    expect(parseTags('work, feedback')).toEqual(['work', 'feedback']);
    expect(parseTags(' #Work ,, work, ##fear , ')).toEqual(['Work', 'fear']);
    expect(parseTags('')).toEqual([]);
    expect(parseTags(' , ,')).toEqual([]);
  });
});

describe('the form and its content', () => {
  it('goes from content to form and back', () => {
    const c = content({ mood: 3, energy: 5, tags: ['work', 'pay'], mentorIds: [4, 2] });
    const form = formFromContent(c);
    expect(form.tags).toBe('work, pay');
    expect(contentOf(form)).toEqual(c);
  });

  it('keeps each mentor once', () => {
    expect(contentOf({ ...emptyForm(), mentorIds: [3, 1, 3] }).mentorIds).toEqual([3, 1]);
  });

  it('sends the body as typed', () => {
    expect(contentOf({ ...emptyForm(), body: '  spaced\n' }).body).toBe('  spaced\n');
  });

  it('takes the content of a saved entry', () => {
    const e: JournalEntry = {
      id: 9,
      writtenAt: '2026-11-19T08:00:00Z',
      writtenOn: TODAY,
      updatedAt: '2026-11-19T08:00:00Z',
      body: 'x',
      mood: 2,
      energy: null,
      tags: ['a'],
      mentorIds: [1],
    };
    expect(entryContent(e)).toEqual({ body: 'x', mood: 2, energy: null, tags: ['a'], mentorIds: [1] });
  });

  it('knows when nothing changed', () => {
    const base = content({ tags: ['work'], mentorIds: [1, 2] });
    expect(sameContent(base, content({ tags: ['Work'], mentorIds: [2, 1] }))).toBe(true);
    expect(sameContent(base, content({ tags: ['work', ''], mentorIds: [1, 2] }))).toBe(true);
    expect(sameContent(base, content({ body: 'Nervous about the review!', tags: ['work'], mentorIds: [1, 2] }))).toBe(false);
    expect(sameContent(base, content({ tags: ['work'], mentorIds: [1] }))).toBe(false);
    expect(sameContent(base, content({ tags: ['work'], mentorIds: [1, 2], mood: 1 }))).toBe(false);
    expect(sameContent(base, content({ tags: ['life'], mentorIds: [1, 2] }))).toBe(false);
    expect(sameContent(contentOf(emptyForm()), contentOf(emptyForm()))).toBe(true);
  });

  it('needs words before saving', () => {
    expect(validateEntry({ ...emptyForm(), body: ' \n ' })).toEqual({ body: 'Write something first.' });
    expect(validateEntry({ ...emptyForm(), body: 'ok' })).toEqual({});
  });
});

describe('drafts', () => {
  const drafts: Draft[] = [
    { of: { kind: 'entry', id: 3 }, savedAt: utc(2026, 11, 19, 9, 41), content: content({ body: 'three' }) },
    { of: { kind: 'newEntry' }, savedAt: utc(2026, 11, 18, 21, 15), content: content({ body: 'new' }) },
  ];

  it('finds the draft of a new entry or of one entry', () => {
    expect(findDraft(drafts, draftOf(null))?.content.body).toBe('new');
    expect(findDraft(drafts, draftOf(3))?.content.body).toBe('three');
    expect(findDraft(drafts, draftOf(4))).toBeUndefined();
    expect(findDraft([], draftOf(null))).toBeUndefined();
  });

  it('says when the draft was saved, like a person', () => {
    expect(savedAtText(utc(2026, 11, 19, 9, 41), TODAY)).toBe('today at 09:41');
    expect(savedAtText(utc(2026, 11, 18, 21, 15), TODAY)).toBe('yesterday at 21:15');
    expect(savedAtText(utc(2026, 11, 10, 8, 0), TODAY)).toBe('Tue 10 Nov at 08:00');
    expect(restoredText(utc(2026, 11, 19, 9, 41), TODAY)).toBe('Restored your unsaved draft from today at 09:41.');
    expect(restoredText(utc(2026, 11, 19, 9, 41), TODAY, true)).toBe(
      'Restored your unsaved draft from today at 09:41, and added the prompt after it.',
    );
    expect(savedAtText('garbled', TODAY)).toBe('earlier');
  });

  it('keeps both the draft and what was typed before it loaded', () => {
    const draft = content({ body: 'Kept words\n', mood: 2, tags: ['work'], mentorIds: [1] });
    expect(mergeDraft(draft, emptyForm())).toEqual(formFromContent(draft));
    expect(mergeDraft(draft, { ...emptyForm(), body: 'new', mood: 4, tags: 'pay, work', mentorIds: [2, 1] })).toEqual({
      body: 'Kept words\n\nnew',
      mood: 4,
      energy: null,
      tags: 'work, pay',
      mentorIds: [1, 2],
    });
    expect(mergeDraft(content({ body: '' }), { ...emptyForm(), body: 'typed' }).body).toBe('typed');
  });
});

describe('words for an entry', () => {
  it('shows mood and energy out of five, only when noted', () => {
    expect(scaleText('Mood', 4)).toBe('Mood 4/5');
    expect(scaleText('Energy', 1)).toBe('Energy 1/5');
    expect(scaleText('Mood', null)).toBeNull();
  });

  it('names the linked mentors it knows', () => {
    const names = new Map([
      [1, 'Ana'],
      [2, 'Ben'],
    ]);
    expect(linkedNames([2, 7, 1], names)).toEqual(['Ben', 'Ana']);
  });
});
