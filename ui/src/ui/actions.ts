// The app's own actions, each with its keys, in one list: the shortcuts sheet shows
// them, the command palette offers them, and the shell (App.tsx) runs them, from a key
// or from the palette, the same way. An action added here is in all three.
import { QUICK_AGENDA_KEY, shortcut } from './keys';

export type ActionId =
  | 'quickLog'
  | 'addMentor'
  | 'newEntry'
  | 'quickAgenda'
  | 'search'
  | 'palette'
  | 'lock'
  | 'closeWindow'
  | 'quit'
  | 'help';

export interface AppAction {
  id: ActionId;
  /** What the palette lists: what it does, in a few words. */
  label: string;
  /** What the shortcuts sheet says, when it says more than `label`. */
  help?: string;
  /** How its keys read on this computer ("Ctrl+L", "⌘L"). */
  keys: string;
}

/** In the order the shortcuts sheet lists them. */
export const ACTIONS: readonly AppAction[] = [
  { id: 'quickLog', label: 'Log a catch-up', keys: shortcut('L') },
  { id: 'addMentor', label: 'Add a mentor', keys: shortcut('N') },
  { id: 'newEntry', label: 'New journal entry', keys: shortcut('J') },
  {
    id: 'quickAgenda',
    label: 'Add a question to a mentor’s agenda',
    help: 'Add a question to a mentor’s agenda, from anywhere',
    keys: shortcut(QUICK_AGENDA_KEY),
  },
  { id: 'search', label: 'Search everything', keys: shortcut('F') },
  {
    id: 'palette',
    label: 'Go to or do',
    help: 'Command palette: go to any place or mentor, or run any action',
    keys: shortcut('K'),
  },
  { id: 'lock', label: 'Lock the app', keys: shortcut('Shift+L') },
  {
    id: 'closeWindow',
    label: 'Close window',
    help: 'Close the window. Mentor Circle keeps running in the tray where your desktop shows one; without a tray, closing the window quits',
    keys: shortcut('W'),
  },
  { id: 'quit', label: 'Quit Mentor Circle', keys: shortcut('Q') },
  { id: 'help', label: 'Show keyboard shortcuts', help: 'Show this help', keys: '?' },
];

export function actionOf(id: ActionId): AppAction {
  return ACTIONS.find((a) => a.id === id)!;
}
