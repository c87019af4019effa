import { type ComponentChildren, type VNode, Fragment } from 'preact';
import { type Block, type Inline, parseJournalText } from './journalMarkup';

function inline(nodes: readonly Inline[]): ComponentChildren[] {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        // A string child is a text node: whatever it holds is shown, never parsed.
        return n.text;
      case 'em':
        return <em key={i}>{inline(n.children)}</em>;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
    }
  });
}

/** Lines the user broke by hand, with a line break between them. */
function lines(list: readonly Inline[][]): ComponentChildren[] {
  return list.map((line, i) => (
    <Fragment key={i}>
      {i > 0 && <br />}
      {inline(line)}
    </Fragment>
  ));
}

/** The elements for some parsed journal text: paragraphs and lists of plain text. */
export function journalElements(blocks: readonly Block[]): VNode[] {
  return blocks.map((b, i) =>
    b.type === 'paragraph' ? (
      <p key={i}>{lines(b.lines)}</p>
    ) : (
      <ul key={i}>
        {b.items.map((item, j) => (
          <li key={j}>{lines(item)}</li>
        ))}
      </ul>
    ),
  );
}

/** A journal entry's text with its light formatting, read-only. */
export function JournalText({ body, class: className }: { body: string; class?: string }) {
  return <div class={className ? `journal-text ${className}` : 'journal-text'}>{journalElements(parseJournalText(body))}</div>;
}
