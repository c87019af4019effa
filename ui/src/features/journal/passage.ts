// From frustration to action: a passage of a journal entry becomes a question for a
// mentor or a goal. Pure: the passage arrives as text (read from the page by
// entrySelection.ts), and everything here is about words and character offsets.
import { parseJournalText, plainText } from './journalMarkup';

/** The backend's limits, in characters (Unicode scalar values, as Rust counts them). */
export const MAX_QUESTION_CHARS = 1000;
export const MAX_GOAL_TITLE_CHARS = 200;
export const MAX_GOAL_WHY_CHARS = 5000;

/** With nothing selected, an entry this short is taken whole; a longer one starts empty. */
export const WHOLE_ENTRY_MAX_CHARS = 280;

/** How long a suggested goal title gets: a glance, not the backend's limit. */
export const SUGGESTED_TITLE_CHARS = 80;

/** How the list marker of a list item reads in a passage. */
export const LIST_MARKER = '- ';

/** Characters as the backend counts them: an emoji is one, not two UTF-16 units. */
export function charCount(text: string): number {
  return [...text].length;
}

/**
 * A passage as read from the page, tidied: no-break spaces as spaces, no spaces at line
 * ends, at most one blank line in a row, nothing around it.
 */
export function tidyPassage(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * `text` within `max` characters: as it is when it fits; otherwise cut at a word
 * boundary when there is one near the end, with an ellipsis to show it was cut.
 */
export function capText(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  let kept = chars.slice(0, max - 1).join('');
  const space = kept.search(/\s\S*$/);
  // A cut mid-word only when the last word would take too much with it.
  if (space > 0 && space >= kept.length * 0.6) kept = kept.slice(0, space);
  return `${kept.trimEnd()}…`;
}

/** The entry's words as they read on its page: paragraphs, lines and list items, no stars. */
export function plainEntryText(body: string): string {
  return parseJournalText(body)
    .map((block) =>
      block.type === 'paragraph'
        ? block.lines.map(plainText).join('\n')
        : block.items.map((item) => LIST_MARKER + item.map(plainText).join('\n')).join('\n'),
    )
    .join('\n\n');
}

/**
 * What a question or goal starts from: the selected passage; with nothing selected, the
 * whole entry when it is short, and nothing (the user writes their own) when it is not.
 */
export function startingPassage(selected: string, body: string): string {
  const passage = tidyPassage(selected);
  if (passage !== '') return passage;
  const whole = tidyPassage(plainEntryText(body));
  return charCount(whole) <= WHOLE_ENTRY_MAX_CHARS ? whole : '';
}

/** A question from a passage, and whether it had to be shortened to fit. */
export function questionFrom(passage: string): { text: string; shortened: boolean } {
  const text = capText(passage, MAX_QUESTION_CHARS);
  return { text, shortened: text !== passage };
}

/**
 * A short goal title suggested by a passage: its first sentence (or line), without a
 * list marker or a closing full stop, starting with a capital letter, cut to a glance.
 */
export function suggestTitle(passage: string): string {
  const text = tidyPassage(passage);
  const [first = ''] = sentenceRanges(text).map(([start, end]) => text.slice(start, end));
  let words = first.replace(/^[-*]\s+/, '').replace(/\s+/g, ' ').trim();
  // A full stop goes; an ellipsis ("...") stays, since it says something.
  if (words.endsWith('.') && !words.endsWith('..')) words = words.slice(0, -1).trimEnd();
  const [initial = '', ...rest] = [...words];
  return capText(initial.toLocaleUpperCase() + rest.join(''), SUGGESTED_TITLE_CHARS);
}

/** A goal from a passage: the passage is why it matters; its first sentence, a title. */
export function goalFrom(passage: string): { title: string; why: string; shortened: boolean } {
  const why = capText(passage, MAX_GOAL_WHY_CHARS);
  return { title: suggestTitle(passage), why, shortened: why !== passage };
}

// ---------- Selecting a passage with the keyboard ----------
//
// The entry's text is read-only, so there is no caret to move with the arrow keys.
// Instead, in the focused text, ↓ and ↑ select the next or previous sentence, Shift+↓
// adds the next sentence and Shift+↑ takes the last one off, and Shift+→ / Shift+←
// adjust the end by a word. Offsets are into the entry's text as read from the page,
// laid out as plainEntryText lays it out.

/** A selection as offsets into the text: `start` <= `end`. */
export interface Span {
  start: number;
  end: number;
}

export type SelectionStep = 'nextSentence' | 'previousSentence' | 'addSentence' | 'dropSentence' | 'addWord' | 'dropWord';

const SENTENCE_END = /[.!?…]/;
/** What may close a sentence after its full stop: more marks, quotes, brackets. */
const CLOSING = /[.!?…"'”’)\]]/;
const SPACE = /\s/;

/**
 * The sentences of some text, as [start, end) offsets without the spaces around them. A
 * sentence ends after . ! ? or … followed by a space, and at every line break (a
 * paragraph, a list item or a line of its own is never run into the next).
 */
export function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && SPACE.test(text[i]!)) i++;
    if (i >= n) break;
    const start = i;
    let end = n;
    for (let j = i; j < n; j++) {
      const c = text[j]!;
      if (c === '\n') {
        end = j;
        break;
      }
      if (!SENTENCE_END.test(c)) continue;
      let k = j + 1;
      while (k < n && CLOSING.test(text[k]!)) k++;
      if (k >= n || SPACE.test(text[k]!)) {
        end = k;
        break;
      }
      j = k - 1;
    }
    let last = end;
    while (last > start && SPACE.test(text[last - 1]!)) last--;
    out.push([start, last]);
    i = end;
  }
  return out;
}

/** Where the words of some text end: after each run of characters that are not spaces. */
export function wordEnds(text: string): number[] {
  const out: number[] = [];
  for (let i = 1; i <= text.length; i++) {
    if (!SPACE.test(text[i - 1]!) && (i === text.length || SPACE.test(text[i]!))) out.push(i);
  }
  return out;
}

function sentenceSpan([start, end]: [number, number]): Span {
  return { start, end };
}

/**
 * The selection after one keyboard step. `current`: the selection in the text now, or
 * `null` when there is none; a caret (start = end) is where the user clicked. Returns
 * `null` only when the text has no words.
 */
export function stepSelection(text: string, current: Span | null, step: SelectionStep): Span | null {
  const sentences = sentenceRanges(text);
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  if (!first || !last) return null;
  const caret = current !== null && current.start === current.end ? current.start : null;

  switch (step) {
    case 'nextSentence': {
      if (current === null) return sentenceSpan(first);
      // From a caret: the sentence it is in (or the next one); from a selection: the one after it.
      const next =
        caret !== null ? sentences.find(([, end]) => end > caret) : sentences.find(([start]) => start >= current.end);
      return sentenceSpan(next ?? last);
    }
    case 'previousSentence': {
      if (current === null) return sentenceSpan(last);
      const before =
        caret !== null
          ? sentences.filter(([start]) => start < caret)
          : sentences.filter(([, end]) => end <= current.start);
      return sentenceSpan(before[before.length - 1] ?? first);
    }
    case 'addSentence': {
      if (current === null || caret !== null) return stepSelection(text, current, 'nextSentence');
      const next = sentences.find(([, end]) => end > current.end);
      return next ? { start: current.start, end: next[1] } : current;
    }
    case 'dropSentence': {
      if (current === null || caret !== null) return stepSelection(text, current, 'previousSentence');
      const ends = sentences.map(([, end]) => end).filter((end) => end > current.start && end < current.end);
      const end = ends[ends.length - 1];
      return end === undefined ? current : { start: current.start, end };
    }
    case 'addWord': {
      const from = current?.end ?? 0;
      const end = wordEnds(text).find((e) => e > from);
      if (end === undefined) return current;
      if (current === null || caret !== null) {
        // A first word: from where it starts.
        let start = end;
        while (start > 0 && !SPACE.test(text[start - 1]!)) start--;
        return { start, end };
      }
      return { start: current.start, end };
    }
    case 'dropWord': {
      if (current === null || caret !== null) return current;
      const ends = wordEnds(text).filter((e) => e > current.start && e < current.end);
      const end = ends[ends.length - 1];
      return end === undefined ? current : { start: current.start, end };
    }
  }
}

/** The keyboard step a key press in the entry's text asks for, if any. */
export function selectionStepFor(key: string, shift: boolean): SelectionStep | null {
  switch (key) {
    case 'ArrowDown':
      return shift ? 'addSentence' : 'nextSentence';
    case 'ArrowUp':
      return shift ? 'dropSentence' : 'previousSentence';
    case 'ArrowRight':
      return shift ? 'addWord' : null;
    case 'ArrowLeft':
      return shift ? 'dropWord' : null;
    default:
      return null;
  }
}
