import { shortcut } from './keys';
import { ACTIONS } from './actions';
import { Dialog } from './Dialog';
import '../features/prospects/prospects.css';

const ROWS: ReadonlyArray<[string, string]> = [
  // The app's own actions, as the command palette offers them too.
  ...ACTIONS.map((a): [string, string] => [a.keys, a.help ?? a.label]),
  ['Esc', 'Close a dialog without saving'],
  ['Enter', 'Save a dialog from a single-line field'],
  ['Enter', 'Save a catch-up, even from its note (Shift+Enter for a new line)'],
  [shortcut('Enter'), 'Save a journal entry, or from any other note field'],
  ['↓ ↑', 'In an entry’s text: select the next or previous sentence'],
  ['Shift+↓ ↑', 'In an entry’s text: add the next sentence, or take the last one off'],
  ['Shift+→ ←', 'In an entry’s text: add or take off a word'],
  ['Enter', 'In a goal’s “How is it going?”: add the note'],
];

/** Places worth knowing, in a line each. */
const PLACES: ReadonlyArray<[string, string]> = [
  [
    'Prospects',
    'People who might become mentors, by stage: identified, reached out, informal chat, gauging fit, not now. Change the stage as it goes, set a weekly outreach cap, and use “Welcome to the circle” when it fits. No need to make it official: start with an informal chat.',
  ],
  [
    'Goals',
    'Each goal has a status (Active, Achieved, Dropped) and dated notes: write under “How is it going?” and choose “Add note”.',
  ],
  ['Circle', 'A missing role leads to the prospects who could fill it.'],
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
          <h3 class="help-places-heading">Places</h3>
          <dl class="help-places">
            {PLACES.map(([place, what]) => (
              <div key={place}>
                <dt>{place}</dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
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
