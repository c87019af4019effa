// The only place that talks to the Rust backend. Every command either resolves
// with its typed result or rejects with an `ErrorPayload`; anything else that
// comes back (it should not) is turned into a friendly Internal error so that no
// raw text or stack trace ever reaches the screen.
import { invoke } from '@tauri-apps/api/core';
import type { About } from './bindings/About';
import type { DeliveryProblem } from './bindings/DeliveryProblem';
import type { FirstScreen } from './bindings/FirstScreen';
import type { NudgeStatus } from './bindings/NudgeStatus';
import type { ShellRequest } from './bindings/ShellRequest';
import type { AgendaDraft } from './bindings/AgendaDraft';
import type { Advice } from './bindings/Advice';
import type { AdviceDraft } from './bindings/AdviceDraft';
import type { AdviceProgress } from './bindings/AdviceProgress';
import type { Brief } from './bindings/Brief';
import type { CoMentoring } from './bindings/CoMentoring';
import type { Give } from './bindings/Give';
import type { GiveDraft } from './bindings/GiveDraft';
import type { GoalStatus } from './bindings/GoalStatus';
import type { Outreach } from './bindings/Outreach';
import type { Stage } from './bindings/Stage';
import type { ExportDone } from './bindings/ExportDone';
import type { ExportFormat } from './bindings/ExportFormat';
import type { ImportPreview } from './bindings/ImportPreview';
import type { PreviewRow } from './bindings/PreviewRow';
import type { RecoveryKeyView } from './bindings/RecoveryKeyView';
import type { RecoveryUnlock } from './bindings/RecoveryUnlock';
import type { Security } from './bindings/Security';
import type { AgendaItem } from './bindings/AgendaItem';
import type { AppStatus } from './bindings/AppStatus';
import type { BackupFile } from './bindings/BackupFile';
import type { BackupPreview } from './bindings/BackupPreview';
import type { CatchUp } from './bindings/CatchUp';
import type { CatchUpDraft } from './bindings/CatchUpDraft';
import type { CircleCheck } from './bindings/CircleCheck';
import type { CircleHealth } from './bindings/CircleHealth';
import type { CircleMember } from './bindings/CircleMember';
import type { Home } from './bindings/Home';
import type { Section } from './bindings/Section';
import type { ErrorKind } from './bindings/ErrorKind';
import type { ErrorPayload } from './bindings/ErrorPayload';
import type { RemovedEntry } from './bindings/RemovedEntry';
import type { Draft } from './bindings/Draft';
import type { DraftOf } from './bindings/DraftOf';
import type { EntryContent } from './bindings/EntryContent';
import type { Goal } from './bindings/Goal';
import type { GoalDraft } from './bindings/GoalDraft';
import type { JournalEntry } from './bindings/JournalEntry';
import type { KeySource } from './bindings/KeySource';
import type { Mentor } from './bindings/Mentor';
import type { MentorDraft } from './bindings/MentorDraft';
import type { MentorPage } from './bindings/MentorPage';
import type { MentorStatus } from './bindings/MentorStatus';
import type { NudgeRecord } from './bindings/NudgeRecord';
import type { NudgeSettings } from './bindings/NudgeSettings';
import type { Prospect } from './bindings/Prospect';
import type { ProspectDraft } from './bindings/ProspectDraft';
import type { Raised } from './bindings/Raised';
import type { SearchHit } from './bindings/SearchHit';
import type { SearchQuery } from './bindings/SearchQuery';
import type { Snooze } from './bindings/Snooze';

const KINDS: readonly ErrorKind[] = ['NotFound', 'Invalid', 'Locked', 'Conflict', 'Internal'];

export function isErrorPayload(e: unknown): e is ErrorPayload {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  return typeof o.kind === 'string' && KINDS.includes(o.kind as ErrorKind) && typeof o.message === 'string';
}

export function toErrorPayload(e: unknown): ErrorPayload {
  if (isErrorPayload(e)) return e;
  return {
    kind: 'Internal',
    message: 'Something went wrong. Please try again, and restart Mentor Circle if it keeps happening.',
  };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toErrorPayload(e);
  }
}

/** Where index.html leaves start-up's question, asked before this script loaded. */
const EARLY_FIRST_SCREEN = '__mentorCircleFirstScreen';

/** The question index.html asked, taken once (a later ask goes to the backend again). */
function takeEarlyFirstScreen(): Promise<FirstScreen> | null {
  const page = globalThis as { [EARLY_FIRST_SCREEN]?: Promise<FirstScreen> };
  const early = page[EARLY_FIRST_SCREEN];
  if (!early) return null;
  delete page[EARLY_FIRST_SCREEN];
  return early.catch((e: unknown) => {
    throw toErrorPayload(e);
  });
}

export const api = {
  appStatus: () => call<AppStatus>('app_status'),
  /**
   * The first question at start: the status and, when the circle is open, the home
   * screen. The first call takes the answer to the question index.html asked already.
   */
  firstScreen: () => takeEarlyFirstScreen() ?? call<FirstScreen>('first_screen'),
  retryUnlock: () => call<AppStatus>('retry_unlock'),
  /** Closes the circle and journal and drops the key from memory; resolves with the locked status. */
  lockNow: () => call<AppStatus>('lock_now'),
  /** Unlocks with the OS keyring: open, or locked for another reason (its message says what to do). */
  unlock: () => call<AppStatus>('unlock'),
  /** Minutes without use before the app locks itself; `null`: only when asked. */
  lockAfterIdle: () => call<number | null>('lock_after_idle'),
  /** 1 to 240 minutes, or `null`; anything else is Invalid (field "lockAfterIdle"). */
  setLockAfterIdle: (minutes: number | null) => call<number | null>('set_lock_after_idle', { minutes }),
  /** Tells the shell the home screen is shown and usable (the start-up benchmark times to it). */
  /** `marks`: ms from the page's start at each start-up step (see ready.ts). */
  homeShown: (marks: { script: number; open?: number; home?: number; rendered?: number; drawn: number }) => call<void>('home_shown', { marks }),
  /** Quits Mentor Circle (the circle closes cleanly); save what is being typed first. */
  quitApp: () => call<void>('quit_app'),
  circle: () => call<CircleMember[]>('circle'),
  /** The home screen: each non-empty section's count and first page. */
  home: () => call<Home>('home'),
  about: () => call<About>('about'),
  /** More of one home-screen section: `limit` members from `offset`. */
  homeSection: (section: Section, offset: number, limit: number) => call<CircleMember[]>('home_section', { section, offset, limit }),
  circleHealth: () => call<CircleHealth>('circle_health'),
  mentorPage: (id: number) => call<MentorPage>('mentor_page', { id }),
  addMentor: (draft: MentorDraft) => call<Mentor>('add_mentor', { draft }),
  updateMentor: (id: number, draft: MentorDraft) => call<Mentor>('update_mentor', { id, draft }),
  setMentorStatus: (id: number, status: MentorStatus) => call<Mentor>('set_mentor_status', { id, status }),
  renewAgreement: (id: number) => call<Mentor>('renew_agreement', { id }),
  logCatchUp: (draft: CatchUpDraft) => call<CatchUp>('log_catch_up', { draft }),
  updateCatchUp: (id: number, draft: CatchUpDraft) => call<CatchUp>('update_catch_up', { id, draft }),
  removeCatchUp: (id: number) => call<CatchUp>('remove_catch_up', { id }),
  addSampleCircle: () => call<CircleMember[]>('add_sample_circle'),
  /** Resolves with how many sample mentors were removed. */
  removeSampleCircle: () => call<number>('remove_sample_circle'),
  nudgeSettings: () => call<NudgeSettings>('nudge_settings'),
  setNudgeSettings: (settings: NudgeSettings) => call<NudgeSettings>('set_nudge_settings', { settings }),
  /** Snoozes a mentor's nudges (`null` lifts the snooze); resolves with the day they resume. */
  snoozeMentor: (id: number, snooze: Snooze | null) => call<string | null>('snooze_mentor', { id, snooze }),
  nudgeHistory: () => call<NudgeRecord[]>('nudge_history'),
  nudgeStatus: () => call<NudgeStatus>('nudge_status'),
  dismissNudgeProblem: () => call<void>('dismiss_nudge_problem'),
  /** Resolves with whether the app now starts at login. */
  setStartAtLogin: (enabled: boolean) => call<boolean>('set_start_at_login', { enabled }),
  /** Newest first, 50 at a time; `before` is the id of the last entry already shown. */
  journalEntries: (before: number | null = null) => call<JournalEntry[]>('journal_entries', { before }),
  journalEntry: (id: number) => call<JournalEntry>('journal_entry', { id }),
  /** Also removes the new-entry draft. */
  addJournalEntry: (content: EntryContent) => call<JournalEntry>('add_journal_entry', { content }),
  /** Also removes that entry's draft. */
  updateJournalEntry: (id: number, content: EntryContent) =>
    call<JournalEntry>('update_journal_entry', { id, content }),
  /** Resolves with the deleted entry and what was raised from it, for undo through `restoreJournalEntry`. */
  removeJournalEntry: (id: number) => call<RemovedEntry>('remove_journal_entry', { id }),
  restoreJournalEntry: (deleted: RemovedEntry) => call<JournalEntry>('restore_journal_entry', { deleted }),
  /** Autosave while typing: the latest call wins. */
  saveJournalDraft: (of: DraftOf, content: EntryContent) => call<void>('save_journal_draft', { of, content }),
  journalDrafts: () => call<Draft[]>('journal_drafts'),
  discardJournalDraft: (of: DraftOf) => call<void>('discard_journal_draft', { of }),
  /** A question or topic for a mentor's next catch-up, maybe from a journal entry. */
  addAgendaItem: (draft: AgendaDraft) => call<AgendaItem>('add_agenda_item', { draft }),
  /** Resolves with the removed item, for undo through `restoreAgendaItem`. */
  removeAgendaItem: (id: number) => call<AgendaItem>('remove_agenda_item', { id }),
  /** Puts a removed item back (under a new id), linked to its entry if that is still there. */
  restoreAgendaItem: (item: AgendaItem) => call<AgendaItem>('restore_agenda_item', { item }),
  addGoal: (draft: GoalDraft) => call<Goal>('add_goal', { draft }),
  /** Every goal: active first, the nearest target date first. */
  goals: () => call<Goal[]>('goals'),
  /** The questions and goals raised from a journal entry: its side of the link. */
  raisedFromEntry: (id: number) => call<Raised>('raised_from_entry', { id }),
  /** Journal, catch-up notes and profiles; best first, at most 50. */
  search: (query: SearchQuery) => call<SearchHit[]>('search', { query }),

  // ---- The ways in, and how the key is kept ----
  /** Argon2id takes about half a second; a wrong one is Invalid (field "passphrase"). */
  unlockWithPassphrase: (passphrase: string) => call<AppStatus>('unlock_with_passphrase', { passphrase }),
  /** A wrong or mistyped key is Invalid (field "recoveryKey"). */
  unlockWithRecoveryKey: (recoveryKey: string) => call<RecoveryUnlock>('unlock_with_recovery_key', { recoveryKey }),
  /** First run without a keyring; Invalid (field "passphrase") when too short. */
  createWithPassphrase: (passphrase: string) => call<AppStatus>('create_with_passphrase', { passphrase }),
  security: () => call<Security>('security'),
  /** The recovery key while it is not saved yet; Conflict once it is. */
  recoveryKey: () => call<RecoveryKeyView>('recovery_key'),
  /** The group the user typed back; Invalid (field "recoveryCheck") when it does not match. */
  confirmRecoveryKey: (typed: string) => call<Security>('confirm_recovery_key', { typed }),
  /** Re-encrypts the circle under a new key; its new recovery key is not saved yet. */
  /** Behind a passphrase, `current` must be the passphrase in use (Invalid, field "current", if not). */
  changeKey: (to: KeySource, passphrase: string | null, current: string | null) =>
    call<Security>('change_key', { to, passphrase, current }),

  // ---- Backups ----
  /** Newest first. */
  backups: () => call<BackupFile[]>('backups'),
  /** Resolves with the backup's size in bytes; Invalid (field "path") for a bad place or an existing file. */
  backUpNow: (path: string) => call<number>('back_up_now', { path }),
  /** Invalid field "backup": the key does not open it (ask for its recovery key); field "path": no such file. */
  previewBackup: (path: string, recoveryKey: string | null) =>
    call<BackupPreview>('preview_backup', { path, recoveryKey }),
  /** Resolves with the path of the safety copy of the circle as it was. */
  restoreBackup: (path: string, recoveryKey: string | null) => call<string>('restore_backup', { path, recoveryKey }),
  /** Reads and checks every page of the open circle; can take a while on a large one. */
  checkCircle: () => call<CircleCheck>('check_circle'),

  // ---- Backups while locked (the circle damaged or missing, or its key lost) ----
  /** The backups in the data folder, newest first; works while locked. */
  lockedBackups: () => call<BackupFile[]>('locked_backups'),
  /**
   * Opened with the recovery key if one is typed, else the passphrase if one is typed, else
   * the keyring's key. Invalid fields: "passphrase", "recoveryKey", "backup", "path".
   */
  previewBackupLocked: (path: string, passphrase: string | null, recoveryKey: string | null) =>
    call<BackupPreview>('preview_backup_locked', { path, passphrase, recoveryKey }),
  /**
   * Restores the backup and opens it (the file it replaces is kept as a before-restore
   * copy); resolves with the status, as an unlock does. Same key rules and errors as the preview.
   */
  restoreBackupLocked: (path: string, passphrase: string | null, recoveryKey: string | null) =>
    call<AppStatus>('restore_backup_locked', { path, passphrase, recoveryKey }),
  /** Where files are offered to go: the Documents folder. */
  suggestedFolder: () => call<string>('suggested_folder'),

  // ---- Export and import ----
  /** For markdown, `path` is a new folder. Invalid (field "path") for a bad place. */
  exportCircle: (format: ExportFormat, path: string, includeJournal: boolean) =>
    call<ExportDone>('export_circle', { format, path, includeJournal }),
  /** Reads a contacts file; nothing is written. Whole-file problems are Invalid (field "file"). */
  previewImport: (path: string) => call<ImportPreview>('preview_import', { path }),
  /** Adds these prospects in one transaction; resolves with how many were added. */
  importProspects: (prospects: ProspectDraft[]) => call<number>('import_prospects', { prospects }),
  /** A Mentor Circle JSON export into an empty circle (Conflict otherwise); resolves with the mentors added. */
  importCircle: (path: string) => call<number>('import_circle', { path }),
  prospects: () => call<Prospect[]>('prospects'),

  // ---- Goals, advice, gives, the brief ----
  /** A target date already passed may stay; a new one must be from today on (Invalid field "targetOn"). */
  updateGoal: (id: number, draft: GoalDraft) => call<Goal>('update_goal', { id, draft }),
  setGoalStatus: (id: number, status: GoalStatus) => call<Goal>('set_goal_status', { id, status }),
  /** A dated note on how the goal is going (Invalid field "note" when empty). */
  addGoalProgress: (id: number, note: string) => call<Goal>('add_goal_progress', { id, note }),
  /** Starts as "considering". Invalid fields: "text", "givenOn". */
  addAdvice: (draft: AdviceDraft) => call<Advice>('add_advice', { draft }),
  /** A real change puts it on the mentor's close-the-loop list; declining needs a reason (Invalid field "reason"). */
  updateAdvice: (id: number, progress: AdviceProgress) => call<Advice>('update_advice', { id, progress }),
  /** Resolves with the removed advice, for undo through `restoreAdvice`. */
  removeAdvice: (id: number) => call<Advice>('remove_advice', { id }),
  restoreAdvice: (advice: Advice) => call<Advice>('restore_advice', { advice }),
  /** Invalid fields: "note", "state" (thanks must be done), "on" (done in the future). */
  addGive: (draft: GiveDraft) => call<Give>('add_give', { draft }),
  updateGive: (id: number, draft: GiveDraft) => call<Give>('update_give', { id, draft }),
  /** Resolves with the removed give, for undo through `restoreGive`. */
  removeGive: (id: number) => call<Give>('remove_give', { id }),
  restoreGive: (give: Give) => call<Give>('restore_give', { give }),
  /** Everything for the next catch-up with a mentor; `text` is the plain-text copy. */
  brief: (id: number) => call<Brief>('brief', { id }),
  /** What each side of a peer mentorship helps the other with. */
  setCoMentoring: (id: number, help: CoMentoring) => call<Mentor>('set_co_mentoring', { id, help }),

  // ---- The prospect pipeline ----
  /** Added as "identified" today. Invalid field names the field ("name", "email", …). */
  addProspect: (draft: ProspectDraft) => call<Prospect>('add_prospect', { draft }),
  updateProspect: (id: number, draft: ProspectDraft) => call<Prospect>('update_prospect', { id, draft }),
  /** Not to "mentor" (use promoteProspect). Moving to "reachedOut" over the weekly cap is a Conflict. */
  moveProspect: (id: number, stage: Stage) => call<Prospect>('move_prospect', { id, stage }),
  /** Adds the mentor; the prospect stays, marked "mentor", as their history. */
  promoteProspect: (id: number, draft: MentorDraft) => call<Mentor>('promote_prospect', { id, draft }),
  outreach: () => call<Outreach>('outreach'),
  /** 1–50 a week, or `null` for no cap (Invalid field "cap"). */
  setOutreachCap: (cap: number | null) => call<Outreach>('set_outreach_cap', { cap }),
};

export type { About, DeliveryProblem, ExportDone, ExportFormat, FirstScreen, ImportPreview, NudgeStatus, PreviewRow, RecoveryKeyView, RecoveryUnlock, Security, ShellRequest };

/** How a locked circle's key is kept (`null` before there is a circle). */
export function lockedKeySource(status: AppStatus): KeySource | null {
  return status.state === 'locked' ? status.keySource : null;
}

/** The shell's event name for requests from the tray or a notification. */
export const SHELL_REQUEST_EVENT = 'shell-request';
/** The shell's event name for "the delivery problem changed: ask nudgeStatus again". */
export const NUDGE_PROBLEM_EVENT = 'nudge-problem';

