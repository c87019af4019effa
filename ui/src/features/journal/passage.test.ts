import { describe, expect, it } from 'vitest';
import {
  MAX_GOAL_WHY_CHARS,
  MAX_QUESTION_CHARS,
  SUGGESTED_TITLE_CHARS,
  type Span,
  capText,
  charCount,
  goalFrom,
  plainEntryText,
  questionFrom,
  selectionStepFor,
  sentenceRanges,
  startingPassage,
  stepSelection,
  suggestTitle,
  tidyPassage,
  wordEnds,
} from './passage';

const sentencesOf = (text: string) => sentenceRanges(text).map(([s, e]) => text.slice(s, e));
const textOf = (text: string, span: Span | null) => (span ? text.slice(span.start, span.end) : null);

describe('a passage as read from the page', () => {
  it('is tidied: trimmed, spaces evened out, at most one blank line', () => {
    expect(tidyPassage('  \n I was passed over\u00a0again.  \n\n\n\nAnd again. \n')).toBe(
      'I was passed over again.\n\nAnd again.',
    );
    expect(tidyPassage('one\r\ntwo\t\tthree')).toBe('one\ntwo three');
    expect(tidyPassage(' \n \t')).toBe('');
  });

  it('counts characters as the backend does', () => {
    expect(charCount('café')).toBe(4);
    expect(charCount('😤 again')).toBe(7);
  });
});

describe('capping to the backend limits', () => {
  it('leaves text that fits alone', () => {
    expect(capText('short', 10)).toBe('short');
    expect(capText('x'.repeat(10), 10)).toBe('x'.repeat(10));
  });

  it('cuts at a word boundary with an ellipsis, within the limit', () => {
    const capped = capText('one two three four five', 12);
    expect(capped).toBe('one two…');
    expect(charCount(capped)).toBeLessThanOrEqual(12);
  });

  it('cuts mid-word when the last word is very long', () => {
    const capped = capText(`a ${'b'.repeat(50)}`, 20);
    expect(capped).toBe(`a ${'b'.repeat(17)}…`);
    expect(charCount(capped)).toBe(20);
  });

  it('never splits an emoji in two', () => {
    const capped = capText('😤'.repeat(30), 10);
    expect(capped).toBe(`${'😤'.repeat(9)}…`);
    expect(charCount(capped)).toBe(10);
  });

  it('fits a question and a goal to their limits, and says so', () => {
    const long = 'I keep getting passed over. '.repeat(300);
    const question = questionFrom(long);
    expect(charCount(question.text)).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(question.shortened).toBe(true);
    expect(questionFrom('Why was I passed over?')).toEqual({ text: 'Why was I passed over?', shortened: false });

    const goal = goalFrom(long);
    expect(charCount(goal.why)).toBeLessThanOrEqual(MAX_GOAL_WHY_CHARS);
    expect(goal.shortened).toBe(true);
    expect(goal.title).toBe('I keep getting passed over');
  });
});

describe('the entry as plain text', () => {
  it('reads as on its page: no stars, paragraphs and list items kept', () => {
    expect(plainEntryText('I felt *small* in the **review**.\nThen angry.\n\n- speak up\n- ask Ana\n  about it')).toBe(
      'I felt small in the review.\nThen angry.\n\n- speak up\n- ask Ana\nabout it',
    );
  });
});

describe('where a question or goal starts', () => {
  it('starts from the selected passage', () => {
    expect(startingPassage('  passed over again ', 'A long entry about many things.')).toBe('passed over again');
  });

  it('takes a short entry whole when nothing is selected', () => {
    expect(startingPassage('', 'Passed over *again*.')).toBe('Passed over again.');
    const exactly280 = 'x'.repeat(280);
    expect(startingPassage('', exactly280)).toBe(exactly280);
  });

  it('starts empty when nothing is selected and the entry is long', () => {
    expect(startingPassage(' \n', 'word '.repeat(60))).toBe('');
  });
});

describe('a suggested goal title', () => {
  it('is the first sentence, without its full stop', () => {
    expect(suggestTitle('I want to lead the platform team. It would mean a lot.')).toBe('I want to lead the platform team');
  });

  it('keeps a question mark or an ellipsis', () => {
    expect(suggestTitle('Am I ready to lead? Maybe.')).toBe('Am I ready to lead?');
    expect(suggestTitle('Lead the team... someday')).toBe('Lead the team...');
  });

  it('is the first line, without a list marker, with a capital letter', () => {
    expect(suggestTitle('- speak up in reviews\n- ask for feedback')).toBe('Speak up in reviews');
    expect(suggestTitle('passed over again\nand again')).toBe('Passed over again');
  });

  it('is short, even from a long sentence', () => {
    const title = suggestTitle(`Become ${'really '.repeat(30)}good at negotiating`);
    expect(charCount(title)).toBeLessThanOrEqual(SUGGESTED_TITLE_CHARS);
    expect(title.endsWith('…')).toBe(true);
  });

  it('is empty from nothing', () => {
    expect(suggestTitle('')).toBe('');
    expect(goalFrom('')).toEqual({ title: '', why: '', shortened: false });
  });
});

describe('sentences and words', () => {
  it('splits at sentence ends and line breaks, not inside numbers or ellipses', () => {
    expect(sentencesOf('Pay was 3.5% less. Why?! I asked... nobody knew.\n\nNew para\n- item')).toEqual([
      'Pay was 3.5% less.',
      'Why?!',
      'I asked...',
      'nobody knew.',
      'New para',
      '- item',
    ]);
  });

  it('takes closing quotes and brackets with the sentence', () => {
    expect(sentencesOf('She said “not yet.” Then left. (Again.) Fine')).toEqual([
      'She said “not yet.”',
      'Then left.',
      '(Again.)',
      'Fine',
    ]);
  });

  it('finds no sentences in blank text', () => {
    expect(sentenceRanges('  \n ')).toEqual([]);
  });

  it('knows where words end', () => {
    expect(wordEnds(' ab  c\nd')).toEqual([3, 6, 8]);
  });
});

describe('selecting with the keyboard', () => {
  const text = 'First one. Second one. Third one.\n\nFourth.';

  it('picks sentences with ↓ and ↑', () => {
    const first = stepSelection(text, null, 'nextSentence');
    expect(textOf(text, first)).toBe('First one.');
    const second = stepSelection(text, first, 'nextSentence');
    expect(textOf(text, second)).toBe('Second one.');
    expect(textOf(text, stepSelection(text, second, 'previousSentence'))).toBe('First one.');
    expect(textOf(text, stepSelection(text, null, 'previousSentence'))).toBe('Fourth.');
  });

  it('stays on the first or last sentence at the ends', () => {
    const last = stepSelection(text, null, 'previousSentence');
    expect(textOf(text, stepSelection(text, last, 'nextSentence'))).toBe('Fourth.');
    const first = stepSelection(text, null, 'nextSentence');
    expect(textOf(text, stepSelection(text, first, 'previousSentence'))).toBe('First one.');
  });

  it('starts from where the user clicked', () => {
    const caret = { start: 14, end: 14 }; // inside "Second one."
    expect(textOf(text, stepSelection(text, caret, 'nextSentence'))).toBe('Second one.');
    expect(textOf(text, stepSelection(text, caret, 'previousSentence'))).toBe('Second one.');
  });

  it('goes on from a selection made with the mouse', () => {
    const mouse = { start: 3, end: 15 }; // "st one. Seco"
    expect(textOf(text, stepSelection(text, mouse, 'nextSentence'))).toBe('Third one.');
    expect(textOf(text, stepSelection(text, mouse, 'addSentence'))).toBe('st one. Second one.');
  });

  it('adds and takes off sentences with Shift+↓ and Shift+↑', () => {
    const first = stepSelection(text, null, 'addSentence');
    expect(textOf(text, first)).toBe('First one.');
    const two = stepSelection(text, first, 'addSentence');
    expect(textOf(text, two)).toBe('First one. Second one.');
    const three = stepSelection(text, two, 'addSentence');
    const four = stepSelection(text, three, 'addSentence');
    expect(textOf(text, four)).toBe(text);
    expect(stepSelection(text, four, 'addSentence')).toEqual(four);
    expect(textOf(text, stepSelection(text, two, 'dropSentence'))).toBe('First one.');
    // Never down to nothing.
    expect(stepSelection(text, first, 'dropSentence')).toEqual(first);
  });

  it('adds and takes off words with Shift+→ and Shift+←', () => {
    const word = stepSelection(text, null, 'addWord');
    expect(textOf(text, word)).toBe('First');
    const two = stepSelection(text, word, 'addWord');
    expect(textOf(text, two)).toBe('First one.');
    expect(textOf(text, stepSelection(text, two, 'dropWord'))).toBe('First');
    expect(stepSelection(text, word, 'dropWord')).toEqual(word);
    expect(textOf(text, stepSelection(text, { start: 8, end: 8 }, 'addWord'))).toBe('one.');
  });

  it('selects nothing in an entry without words', () => {
    expect(stepSelection('  ', null, 'nextSentence')).toBeNull();
  });

  it('maps keys to steps, leaving plain ← and → alone', () => {
    expect(selectionStepFor('ArrowDown', false)).toBe('nextSentence');
    expect(selectionStepFor('ArrowDown', true)).toBe('addSentence');
    expect(selectionStepFor('ArrowUp', false)).toBe('previousSentence');
    expect(selectionStepFor('ArrowUp', true)).toBe('dropSentence');
    expect(selectionStepFor('ArrowRight', true)).toBe('addWord');
    expect(selectionStepFor('ArrowLeft', true)).toBe('dropWord');
    expect(selectionStepFor('ArrowRight', false)).toBeNull();
    expect(selectionStepFor('a', false)).toBeNull();
  });
});
