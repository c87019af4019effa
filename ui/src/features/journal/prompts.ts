// Reflection prompts: questions from the mentoring guidance the app is built on, to
// start a journal entry with when the user wants one. They are offered quietly on the
// Journal screen only: they never pop up, never show on Today, never notify. Pure.
import { type EntryForm, emptyForm, parseTags, tagsText } from './journalForm';

export interface ReflectionPrompt {
  /** Stable: routes name a prompt by it. */
  id: string;
  title: string;
  /** One line on what the prompt is for. */
  why: string;
  /** The entry's first words: the title, then the questions as a list. */
  body: string;
  /** Pre-filled in the entry's tags. */
  tag: string;
}

const text = (lines: readonly string[]) => lines.join('\n');

export const PROMPTS: readonly ReflectionPrompt[] = [
  {
    id: 'career-change',
    title: 'Is it time to change careers?',
    why: 'The signs that it may be time for something new.',
    body: text([
      'Is it time to change careers?',
      '',
      '- Do you dread Monday morning, week after week?',
      '- Are talents you’re proud of going unused in your work?',
      '- Is there a nagging feeling that something should change, one that won’t go away?',
    ]),
    tag: 'career',
  },
  {
    id: 'real-or-phase',
    title: 'Is it real or a passing phase?',
    why: 'Ways to test a new direction before you leap.',
    body: text([
      'Is it real or a passing phase?',
      '',
      '- Do a self-assessment: what do you enjoy, what are you good at, what matters to you?',
      '- Ask colleagues what they see as your strengths.',
      '- Have informational interviews with people who work in that field.',
      '- Could you try it part-time, or as a side project, first?',
      '- What qualifications would you need, and how would you get them?',
      '- Which companies do this work, and who do you know there?',
    ]),
    tag: 'career',
  },
  {
    id: 'mentor-wishes',
    title: 'What do I want from a mentor?',
    why: 'Worth knowing before you approach someone.',
    body: text([
      'What do I want from a mentor?',
      '',
      '- What do you want to learn?',
      '- What kind of help would serve you best: a connector, an adviser, an idea person, emotional support, a success partner, an insider on a company or industry, or a peer?',
      '- How often would you like to talk?',
      '- How would you like to talk: in person, on a call, over coffee, in writing?',
    ]),
    tag: 'mentoring',
  },
  {
    id: 'distinctive',
    title: 'What makes me distinctive?',
    why: 'The start of your personal brand.',
    body: text([
      'What makes me distinctive?',
      '',
      '- What do people come to you for?',
      '- What are you known for?',
      '- Which strengths do others name when they describe you?',
      '- If you told the story of your work so far, how would it go?',
    ]),
    tag: 'brand',
  },
];

export function findPrompt(id: string | undefined): ReflectionPrompt | undefined {
  return id === undefined ? undefined : PROMPTS.find((p) => p.id === id);
}

/** The prompt as it goes into an entry: a blank line after it, where the cursor waits. */
export function promptText(prompt: ReflectionPrompt): string {
  return `${prompt.body}\n\n`;
}

/** A new entry started from the prompt. */
export function promptForm(prompt: ReflectionPrompt): EntryForm {
  return { ...emptyForm(), body: promptText(prompt), tags: prompt.tag };
}

/**
 * An unsaved draft with the prompt added after it, below a blank line, and its tag with
 * the draft's. `added` is false when the draft already holds the prompt (started from it
 * before): then only the tag is made sure of, rather than the questions twice.
 */
export function withPrompt(draft: EntryForm, prompt: ReflectionPrompt): { form: EntryForm; added: boolean } {
  const tags = tagsText(parseTags([draft.tags, prompt.tag].filter((t) => t.trim() !== '').join(', ')));
  if (draft.body.includes(prompt.body)) return { form: { ...draft, tags }, added: false };
  const body = draft.body.trim() === '' ? promptText(prompt) : `${draft.body.trimEnd()}\n\n${promptText(prompt)}`;
  return { form: { ...draft, body, tags }, added: true };
}

/** Where the Journal screen remembers that the prompts are folded away (a yes/no, nothing personal). */
const HIDDEN_KEY = 'journalPromptsHidden';

export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserStorage(): PreferenceStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadPromptsHidden(storage: PreferenceStorage | null = browserStorage()): boolean {
  try {
    return storage?.getItem(HIDDEN_KEY) === 'yes';
  } catch {
    return false;
  }
}

export function savePromptsHidden(hidden: boolean, storage: PreferenceStorage | null = browserStorage()): void {
  try {
    if (hidden) storage?.setItem(HIDDEN_KEY, 'yes');
    else storage?.removeItem(HIDDEN_KEY);
  } catch {
    // Storage may be unavailable; the choice still holds while the screen is open.
  }
}
