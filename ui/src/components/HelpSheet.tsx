import { shortcut } from '../keys';
import { Dialog } from './Dialog';

const ROWS: ReadonlyArray<[string, string]> = [
  [shortcut('L'), 'Log a catch-up'],
  [shortcut('N'), 'Add a mentor'],
  [shortcut('J'), 'New journal entry'],
  [shortcut('F'), 'Search everything'],
  [shortcut('Shift+L'), 'Lock the app'],
  [shortcut('W'), 'Close window (Mentor Circle keeps running in the tray)'],
  ['?', 'Show this help'],
  ['Esc', 'Close a dialog without saving'],
  ['Enter', 'Save a dialog from a single-line field'],
  ['Enter', 'Save a catch-up, even from its note (Shift+Enter for a new line)'],
  [shortcut('Enter'), 'Save a journal entry, or from any other note field'],
  ['↓ ↑', 'In an entry’s text: select the next or previous sentence'],
  ['Shift+↓ ↑', 'In an entry’s text: add the next sentence, or take the last one off'],
  ['Shift+→ ←', 'In an entry’s text: add or take off a word'],
];

export function HelpSheet({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} size="narrow">
      {(requestClose) => (
        <>
          <table class="shortcuts">
            <tbody>
              {ROWS.map(([keys, what]) => (
                <tr key={`${keys} ${what}`}>
                  <td>
                    <kbd>{keys}</kbd>
                  </td>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="dialog-actions">
            <button type="button" class="button" onClick={requestClose}>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
