import { describe, expect, it } from 'vitest';
import { contentOf, emptyForm } from './journalForm';
import { firstLine, parseJournalText } from './journalMarkup';
import {
  PROMPTS,
  type PreferenceStorage,
  findPrompt,
  loadPromptsHidden,
  promptForm,
  promptText,
  savePromptsHidden,
  withPrompt,
} from './prompts';

const career = findPrompt('career-change')!;

function memoryStorage(): PreferenceStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe('reflection prompts', () => {
  it('are four, each with its own id', () => {
    expect(PROMPTS.map((p) => p.id)).toEqual(['career-change', 'real-or-phase', 'mentor-wishes', 'distinctive']);
    expect(PROMPTS.map((p) => p.tag)).toEqual(['career', 'career', 'mentoring', 'brand']);
    expect(findPrompt('nope')).toBeUndefined();
    expect(findPrompt(undefined)).toBeUndefined();
  });

  it('read in the journal as a title and a list of questions', () => {
    for (const p of PROMPTS) {
      const blocks = parseJournalText(p.body);
      expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list']);
      expect(firstLine(p.body)).toBe(p.title);
      const list = blocks[1]!;
      expect(list.type === 'list' && list.items.length).toBeGreaterThanOrEqual(3);
      expect(p.why.includes('\n')).toBe(false);
    }
  });

  it('start a new entry with the questions, the cursor on a new paragraph, and the tag', () => {
    const form = promptForm(career);
    expect(form.body.startsWith('Is it time to change careers?\n\n- ')).toBe(true);
    expect(form.body.endsWith('\n\n')).toBe(true);
    expect(contentOf(form)).toEqual({ body: promptText(career), mood: null, energy: null, tags: ['career'], mentorIds: [] });
  });
});

describe('a prompt after an unsaved draft', () => {
  it('goes after the draft’s words, below a blank line, keeping everything else', () => {
    const draft = { ...emptyForm(), body: 'Talked to Sam about the move.\n', mood: 3, tags: 'move', mentorIds: [4] };
    const { form, added } = withPrompt(draft, career);
    expect(added).toBe(true);
    expect(form.body).toBe(`Talked to Sam about the move.\n\n${career.body}\n\n`);
    expect(form.tags).toBe('move, career');
    expect(form.mood).toBe(3);
    expect(form.mentorIds).toEqual([4]);
  });

  it('is the whole text when the draft has no words', () => {
    const { form, added } = withPrompt({ ...emptyForm(), tags: 'Career' }, career);
    expect(added).toBe(true);
    expect(form.body).toBe(promptText(career));
    expect(form.tags).toBe('Career');
  });

  it('is not added twice to a draft started from it', () => {
    const draft = { ...emptyForm(), body: `${career.body}\n\nMostly Mondays.`, tags: '' };
    const { form, added } = withPrompt(draft, career);
    expect(added).toBe(false);
    expect(form.body).toBe(draft.body);
    expect(form.tags).toBe('career');
  });
});

describe('folding the prompts away', () => {
  it('is remembered', () => {
    const storage = memoryStorage();
    expect(loadPromptsHidden(storage)).toBe(false);
    savePromptsHidden(true, storage);
    expect(loadPromptsHidden(storage)).toBe(true);
    savePromptsHidden(false, storage);
    expect(loadPromptsHidden(storage)).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  it('works without storage', () => {
    expect(loadPromptsHidden(null)).toBe(false);
    const broken: PreferenceStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadPromptsHidden(broken)).toBe(false);
    expect(() => savePromptsHidden(true, broken)).not.toThrow();
  });
});
