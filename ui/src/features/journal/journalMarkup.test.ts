import type { VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { journalElements } from './JournalText';
import { type Block, type Inline, firstLine, parseInline, parseJournalText, plainText } from './journalMarkup';

const t = (text: string): Inline => ({ type: 'text', text });
const em = (...children: Inline[]): Inline => ({ type: 'em', children });
const strong = (...children: Inline[]): Inline => ({ type: 'strong', children });
const para = (...lines: Inline[][]): Block => ({ type: 'paragraph', lines });

/**
 * The elements as markup, escaping text the way a DOM text node would show it: proves
 * what reaches the page is elements we chose and text, nothing parsed from the entry.
 */
function markup(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') {
    return String(node).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  if (Array.isArray(node)) return node.map(markup).join('');
  const v = node as VNode<Record<string, unknown>>;
  const props = v.props;
  expect(props).not.toHaveProperty('dangerouslySetInnerHTML');
  const inner = markup(props.children);
  if (typeof v.type !== 'string') return inner; // a Fragment
  return `<${v.type}>${inner}</${v.type}>`;
}

function render(body: string): string {
  return markup(journalElements(parseJournalText(body)));
}

describe('inline formatting', () => {
  it('reads *emphasis* and **strong**', () => {
    expect(parseInline('I was *really* nervous')).toEqual([t('I was '), em(t('really')), t(' nervous')]);
    expect(parseInline('**Ask** about it')).toEqual([strong(t('Ask')), t(' about it')]);
    expect(parseInline('*a **b** c*')).toEqual([em(t('a '), strong(t('b')), t(' c'))]);
    expect(parseInline('**a *b* c**')).toEqual([strong(t('a '), em(t('b')), t(' c'))]);
  });

  it('leaves stars that do not wrap words as they are', () => {
    expect(parseInline('2 * 3 * 4')).toEqual([t('2 * 3 * 4')]);
    expect(parseInline('a lone *star')).toEqual([t('a lone *star')]);
    expect(parseInline('**')).toEqual([t('**')]);
    expect(parseInline('*')).toEqual([t('*')]);
    expect(parseInline('* not this *')).toEqual([t('* not this *')]);
    expect(parseInline('**open only')).toEqual([t('**open only')]);
  });

  it('keeps an escaped star a star', () => {
    expect(parseInline('\\*not emphasis\\*')).toEqual([t('*not emphasis*')]);
    expect(parseInline('a \\\\ b')).toEqual([t('a \\ b')]);
  });

  it('never loses a character', () => {
    const samples = ['***x***', '*a **b c*', '**a *b**', '*' + '*'.repeat(9), 'x*y*z', '**a** **b**', '\\', 'a\\'];
    for (const s of samples) {
      const words = plainText(parseInline(s));
      expect(words.replace(/[*\\]/g, '')).toBe(s.replace(/[*\\]/g, ''));
    }
  });
});

describe('blocks', () => {
  it('splits paragraphs on blank lines and keeps hand-made line breaks', () => {
    expect(parseJournalText('One\ntwo\n\n\nThree')).toEqual([para([t('One')], [t('two')]), para([t('Three')])]);
    expect(parseJournalText('One\r\n\r\nTwo')).toEqual([para([t('One')]), para([t('Two')])]);
    expect(parseJournalText('')).toEqual([]);
    expect(parseJournalText('  \n\t\n')).toEqual([]);
  });

  it('reads "- " and "* " lines as a list', () => {
    expect(parseJournalText('To raise:\n- pay\n* *title*\n  and scope\nAfter')).toEqual([
      para([t('To raise:')]),
      { type: 'list', items: [[[t('pay')]], [[em(t('title'))], [t('and scope')]]] },
      para([t('After')]),
    ]);
  });

  it('does not take emphasis or a dash inside a word for a bullet', () => {
    expect(parseJournalText('*Not* a list\n-not either')).toEqual([para([em(t('Not')), t(' a list')], [t('-not either')])]);
  });
});

describe('rendering', () => {
  it('makes paragraphs, lists, emphasis and strong', () => {
    expect(render('Hello *you*\nand **me**\n\n- one\n- two')).toBe(
      '<p>Hello <em>you</em><br></br>and <strong>me</strong></p><ul><li>one</li><li>two</li></ul>',
    );
  });

  it('shows markup the user typed as literal text, never as HTML', () => {
    const script = '<script>alert(1)</script>';
    expect(parseJournalText(script)).toEqual([para([t(script)])]);
    expect(parseJournalText('<b>x</b>')).toEqual([para([t('<b>x</b>')])]);
    expect(render(`${script}\n\n<b>x</b> and <img src=x onerror="alert(2)">`)).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>&lt;b&gt;x&lt;/b&gt; and &lt;img src=x onerror="alert(2)"&gt;</p>',
    );
    // The paragraph's one line is a plain string child (a text node), exactly as typed.
    const [p] = journalElements(parseJournalText(script));
    expect(p!.type).toBe('p');
    const lines = (p!.props as { children: VNode<{ children: unknown[] }>[] }).children;
    expect(lines[0]!.props.children).toEqual([false, [script]]);
  });

  it('keeps markup inside formatting as text too', () => {
    expect(render('*<b>x</b>*')).toBe('<p><em>&lt;b&gt;x&lt;/b&gt;</em></p>');
  });
});

describe('first line for the list', () => {
  it('takes the first line with words, without markers', () => {
    expect(firstLine('\n\n  - **Big** news *today*\nmore')).toBe('Big news today');
    expect(firstLine('   ')).toBe('');
    expect(firstLine('<b>x</b>')).toBe('<b>x</b>');
  });

  it('cuts long lines with an ellipsis', () => {
    expect(firstLine('a'.repeat(200), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(firstLine('word '.repeat(10), 12)).toBe('word word w…');
  });
});
