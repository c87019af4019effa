// The passage the user selected in an entry's text, read from the page, and the
// keyboard's way of selecting one (see stepSelection in passage.ts). Only what lies
// inside the entry's text counts: a selection elsewhere on the page is ignored, and one
// that runs past the text is cut at its edges.
import { LIST_MARKER, type SelectionStep, type Span, stepSelection } from './passage';

/** The text's words as one string, and where each of its text nodes starts in it. */
interface TextMap {
  text: string;
  pieces: Array<{ node: Text; start: number }>;
}

/**
 * The container's text laid out as plainEntryText lays out the entry: a blank line
 * between paragraphs, a line break for <br> and between list items, each item marked.
 */
function mapText(container: HTMLElement): TextMap {
  const map: TextMap = { text: '', pieces: [] };
  const breakBefore = (gap: string) => {
    if (map.text !== '' && !map.text.endsWith('\n')) map.text += gap;
  };
  const walk = (node: Node) => {
    if (node instanceof Text) {
      map.pieces.push({ node, start: map.text.length });
      map.text += node.data;
      return;
    }
    if (!(node instanceof Element)) return;
    const tag = node.tagName;
    if (tag === 'BR') {
      map.text += '\n';
      return;
    }
    if (tag === 'P' || tag === 'UL') breakBefore('\n\n');
    if (tag === 'LI') {
      breakBefore('\n');
      map.text += LIST_MARKER;
    }
    node.childNodes.forEach(walk);
  };
  container.childNodes.forEach(walk);
  return map;
}

/** Where a boundary point falls in the text: 0 before the container, the end after it. */
function offsetOf(map: TextMap, container: HTMLElement, node: Node, offset: number): number {
  const whole = document.createRange();
  whole.selectNodeContents(container);
  const where = whole.comparePoint(node, offset);
  if (where < 0) return 0;
  if (where > 0) return map.text.length;
  const piece = map.pieces.find((p) => p.node === node);
  if (piece) return piece.start + Math.min(offset, piece.node.length);
  // A point between elements: where the first text after it starts.
  const point = document.createRange();
  point.setStart(node, offset);
  const after = map.pieces.find((p) => point.comparePoint(p.node, 0) >= 0);
  return after ? after.start : map.text.length;
}

/**
 * The page position of a text offset. Between pieces (a line break or list marker the
 * page does not hold as text), a start goes forward to the next words and an end back
 * to the last ones, so the highlight covers words only.
 */
function pointAt(map: TextMap, offset: number, side: 'start' | 'end'): { node: Text; offset: number } | null {
  const { pieces } = map;
  if (side === 'start') {
    const piece = pieces.find((p) => offset < p.start + p.node.length) ?? pieces[pieces.length - 1];
    return piece ? { node: piece.node, offset: Math.max(0, offset - piece.start) } : null;
  }
  const before = pieces.filter((p) => p.start < offset);
  const piece = before[before.length - 1] ?? pieces[0];
  return piece ? { node: piece.node, offset: Math.min(piece.node.length, Math.max(0, offset - piece.start)) } : null;
}

/** The part of the page's selection inside the container, as offsets; `null` when none is. */
function spanIn(map: TextMap, container: HTMLElement): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(container)) return null;
  const start = offsetOf(map, container, range.startContainer, range.startOffset);
  const end = offsetOf(map, container, range.endContainer, range.endOffset);
  // A caret just outside, touching the container at an edge, is not in it; a selection
  // running over the whole text (from the heading to below it) is cut to the text.
  const inside = container.contains(range.startContainer) || container.contains(range.endContainer);
  if (!inside && start === end) return null;
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

/**
 * The text the user selected inside `container`, as it reads (paragraph breaks and list
 * items kept); empty when nothing there is selected.
 */
export function selectedPassage(container: HTMLElement | null): string {
  if (!container) return '';
  const map = mapText(container);
  const span = spanIn(map, container);
  return span ? map.text.slice(span.start, span.end) : '';
}

/** Selects `span` of the container's text on the page, and brings it into view. */
function select(map: TextMap, span: Span): void {
  const from = pointAt(map, span.start, 'start');
  const to = pointAt(map, span.end, 'end');
  const selection = window.getSelection();
  if (!from || !to || !selection) return;
  selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
  to.node.parentElement?.scrollIntoView({ block: 'nearest' });
}

/** Carries out one keyboard step on the selection in `container`; false when there is nothing to select. */
export function stepSelectionIn(container: HTMLElement, step: SelectionStep): boolean {
  const map = mapText(container);
  const next = stepSelection(map.text, spanIn(map, container), step);
  if (next === null) return false;
  select(map, next);
  return true;
}

/** Selects the whole of the container's text (Ctrl/Cmd+A inside it, rather than the page). */
export function selectAllIn(container: HTMLElement): void {
  const selection = window.getSelection();
  selection?.selectAllChildren(container);
}
