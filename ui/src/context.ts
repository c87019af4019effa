// What every screen and dialog can ask of the app shell.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CatchUp } from './bindings/CatchUp';
import type { Goal } from './bindings/Goal';
import type { KeySource } from './bindings/KeySource';
import type { Mentor } from './bindings/Mentor';
import type { MentorSummary } from './bindings/MentorSummary';
import type { Prospect } from './bindings/Prospect';
import type { Role } from './bindings/Role';
import type { ActionId } from './ui/actions';

export type Route =
  | { name: 'today' }
  | { name: 'circle' }
  | { name: 'mentors' }
  | { name: 'mentor'; id: number }
  | { name: 'journal' }
  /** One entry, to read. */
  | { name: 'journalEntry'; id: number }
  /**
   * Writing: a new entry (`id` null) or changes to one. `prompt`: a reflection prompt's
   * id (see features/journal/prompts.ts) to start a new entry with.
   */
  | { name: 'journalEditor'; id: number | null; prompt?: string }
  | { name: 'search' }
  | { name: 'goals' }
  /** `role`: only prospects who could fill this role (one the circle is missing). */
  | { name: 'prospects'; role?: Role }
  /** `focusPause`: a request (from the tray) to go straight to "Pause nudges until"; a new number each time. */
  | { name: 'settings'; focusPause?: number };

export type DialogState =
  | { type: 'addMentor' }
  | { type: 'editMentor'; mentor: Mentor }
  /**
   * `mentor`: chosen to start with, known in full (a row of the due list); `mentorId`: chosen
   * to start with, known by id only (a mentor's page, the tray), so the dialog shows at once
   * and fills in the rest as the circle loads.
   */
  | { type: 'logCatchUp'; mentor?: MentorSummary; mentorId?: number }
  | { type: 'editCatchUp'; mentor: MentorSummary; catchUp: CatchUp }
  | { type: 'help' }
  | { type: 'about' }
  /** The command palette: any place, any mentor, any action. */
  | { type: 'palette' }
  /**
   * A question or topic for a mentor's next catch-up. `text`: what the field starts with
   * (a journal passage, or empty); `fromEntry`: the entry it came from; `raiseWith`: the
   * entry's "to raise with" mentors, offered first; `shortened`: the passage was cut to fit.
   */
  | { type: 'raiseWithMentor'; text: string; fromEntry: number | null; raiseWith: number[]; shortened: boolean }
  /** A new goal, from a journal passage (`fromEntry`) or from nothing; as above otherwise. */
  | {
      type: 'makeGoal';
      title: string;
      why: string;
      fromEntry: number | null;
      raiseWith: number[];
      shortened: boolean;
    }
  | { type: 'editGoal'; goal: Goal }
  /** `role`: ticked as a role they could fill, when coming from a missing role. */
  | { type: 'addProspect'; role?: Role }
  | { type: 'editProspect'; prospect: Prospect }
  /** "Welcome to the circle": the add-mentor form, filled in from the prospect. */
  | { type: 'promoteProspect'; prospect: Prospect }
  /** Quick capture from anywhere; `mentorId`: the mentor whose page is open. */
  | { type: 'quickAgenda'; mentorId: number | null }
  /** Asks once before removing the sample circle; `count` is how many sample mentors are loaded. */
  | { type: 'removeSampleCircle'; count: number }
  /**
   * Moves the key to `to`, re-encrypting the circle. For a passphrase, `from` says where the
   * key is now: already behind a passphrase means "change passphrase".
   */
  | { type: 'changeKey'; to: KeySource; from: KeySource }
  | { type: 'backUpNow' }
  /** `path`: a listed backup to start with; otherwise the user types where it is. */
  | { type: 'restoreBackup'; path?: string }
  | { type: 'export' }
  | { type: 'import' };

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface AppActions {
  /** The local calendar day, as the backend sees it. */
  today: string;
  navigate: (route: Route) => void;
  openDialog: (dialog: DialogState) => void;
  toast: (message: string, action?: ToastAction) => void;
  /** Shows a failed command to the user (or the lock screen, for Locked). */
  fail: (error: unknown) => void;
  /** Locks the app now, once unsaved journal words are kept. */
  lock: () => void;
  /**
   * Does one of the app's own actions, as its keys would (ui/actions.ts): the command
   * palette closes itself first, and the Quit button in Settings runs 'quit'.
   */
  run: (action: ActionId) => void;
  /** Settings saved a new "lock after idle" (minutes; `null`: only when asked). */
  lockAfterIdleSaved: (minutes: number | null) => void;
}

export const AppContext = createContext<AppActions | null>(null);

export function useApp(): AppActions {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside the app shell');
  return app;
}
