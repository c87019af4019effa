// Light formatting for journal text: paragraphs (blank lines), "- " / "* " bullet
// lists, *emphasis* and **strong**. Pure: the text becomes a tree of plain objects that
// the UI turns into elements; every character the user typed ends up in a text node, so
// nothing they write is ever read as HTML. A backslash keeps a star as a star: \*.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'em'; children: Inline[] }
  | { type: 'strong'; children: Inline[] };

export type Block =
  /** Lines the user broke by hand stay separate lines within the paragraph. */
  | { type: 'paragraph'; lines: Inline[][] }
  /** Each item is one or more lines (an indented line continues the item above it). */
  | { type: 'list'; items: Inline[][][] };

const BULLET = /^[ \t]{0,3}[-*][ \t]+(.*)$/;
const BLANK = /^\s*$/;
const INDENTED = /^[ \t]+\S/;

function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/.test(c);
}

/**
 * Where the closing `marker` is, searching from `from` (the first character inside);
 * -1 when there is none. A closing star follows a non-space character; inside
 * emphasis, a complete **strong** run is stepped over so its stars do not close it.
 */
function findClose(s: string, from: number, marker: '*' | '**'): number {
  for (let j = from; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c !== '*') continue;
    const double = s.startsWith('**', j);
    if (marker === '**') {
      if (double && j > from && !isSpace(s[j - 1])) return j;
      if (double) j++;
      continue;
    }
    if (double) {
      const inner = isSpace(s[j + 2]) ? -1 : findClose(s, j + 2, '**');
      j = inner >= 0 ? inner + 1 : j + 1;
      continue;
    }
    if (j > from && !isSpace(s[j - 1])) return j;
  }
  return -1;
}

/** One line's *emphasis* and **strong**; anything unmatched stays as typed. */
export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && (s[i + 1] === '*' || s[i + 1] === '\\')) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '*') {
      const marker = s.startsWith('**', i) ? '**' : '*';
      const open = i + marker.length;
      const close = isSpace(s[open]) ? -1 : findClose(s, open, marker);
      if (close > open) {
        flush();
        out.push({ type: marker === '**' ? 'strong' : 'em', children: parseInline(s.slice(open, close)) });
        i = close + marker.length;
        continue;
      }
      text += marker;
      i += marker.length;
      continue;
    }
    text += c;
    i += 1;
  }
  flush();
  return out;
}

/** The whole text as paragraphs and lists. */
export function parseJournalText(body: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  for (const line of lines) {
    if (BLANK.test(line)) {
      current = null;
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      if (current?.type !== 'list') {
        current = { type: 'list', items: [] };
        blocks.push(current);
      }
      current.items.push([parseInline(bullet[1]!.trim())]);
      continue;
    }
    if (current?.type === 'list' && INDENTED.test(line)) {
      current.items[current.items.length - 1]!.push(parseInline(line.trim()));
      continue;
    }
    if (current?.type !== 'paragraph') {
      current = { type: 'paragraph', lines: [] };
      blocks.push(current);
    }
    current.lines.push(parseInline(line.trim()));
  }
  return blocks;
}

/** The words of some inline nodes, without their formatting. */
export function plainText(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : plainText(n.children))).join('');
}

/**
 * The entry's first line, as words (no list marker, no stars), cut to `max` characters
 * with an ellipsis: what the journal list shows. Empty when there is no text.
 */
export function firstLine(body: string, max = 120): string {
  const line = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .find((l) => !BLANK.test(l));
  if (line === undefined) return '';
  const bullet = BULLET.exec(line);
  const words = plainText(parseInline((bullet ? bullet[1]! : line).trim()))
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...words];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : words;
}
