// The dialog registry: one entry per kind of dialog (context.ts, `DialogState`) saying
// what to show and what happens once it is done: which reads its write invalidates
// (data/keys.ts), the toast, where to go next. The shell (App.tsx) keeps which dialog is
// open and renders it from here; screens open one with `app.openDialog({ type, … })`.
import { Fragment, type JSX } from 'preact';
import type { AppActions, DialogState } from './context';
import { invalidate } from './data/hooks';
import { CHANGED_BY } from './data/keys';
import { formatBytes, importedCircleText, importedText } from './features/backups/dataFiles';
import { keyChangedText } from './features/security/security';
import { RemoveSampleDialog } from './features/today/RemoveSampleDialog';
import { lazyDialog } from './lazy';

// Not needed for the first screen: loaded apart (see lazy.tsx).
const BackUpNowDialog = lazyDialog(() => import('./features/backups/BackupDialogs').then((m) => m.BackUpNowDialog));
const RestoreDialog = lazyDialog(() => import('./features/backups/BackupDialogs').then((m) => m.RestoreDialog));
const CatchUpDialog = lazyDialog(() => import('./features/mentors/CatchUpDialog').then((m) => m.CatchUpDialog));
const CommandPalette = lazyDialog(() => import('./features/palette/CommandPalette').then((m) => m.CommandPalette));
const ChangeKeyDialog = lazyDialog(() => import('./features/security/ChangeKeyDialog').then((m) => m.ChangeKeyDialog));
const ExportDialog = lazyDialog(() => import('./features/transfer/ExportDialog').then((m) => m.ExportDialog));
const GoalDialog = lazyDialog(() => import('./features/goals/GoalDialog').then((m) => m.GoalDialog));
const AboutDialog = lazyDialog(() => import('./features/settings/AboutDialog').then((m) => m.AboutDialog));
const HelpSheet = lazyDialog(() => import('./ui/HelpSheet').then((m) => m.HelpSheet));
const ImportDialog = lazyDialog(() => import('./features/transfer/ImportDialog').then((m) => m.ImportDialog));
const MentorDialog = lazyDialog(() => import('./features/mentors/MentorDialog').then((m) => m.MentorDialog));
const PromoteProspectDialog = lazyDialog(() => import('./features/mentors/MentorDialog').then((m) => m.PromoteProspectDialog));
const ProspectDialog = lazyDialog(() => import('./features/prospects/ProspectDialog').then((m) => m.ProspectDialog));
const QuickAgendaEntryDialog = lazyDialog(() => import('./features/mentors/QuickAgendaDialog').then((m) => m.QuickAgendaEntryDialog));
const RaiseWithMentorDialog = lazyDialog(() => import('./features/journal/RaiseDialog').then((m) => m.RaiseWithMentorDialog));

/**
 * Loads the code of the dialogs a key opens, the quick log (Ctrl/Cmd+L) and the palette
 * (Ctrl/Cmd+K), ahead of their first use: shown the moment the key is pressed, their
 * field has the focus for a key pressed right after. The two weigh little.
 */
export function preloadKeyDialogs(): void {
  void CatchUpDialog.preload();
  void CommandPalette.preload();
}

/** What a dialog gets from the shell. */
export interface DialogHost {
  app: AppActions;
  /** Closes the dialog (nothing saved, or after saving). */
  close: () => void;
  /** After a restore or an import changed everything: back to Today, everything reloaded. */
  reloadAll: () => void;
}

type DialogKind = DialogState['type'];
type DialogOf<K extends DialogKind> = Extract<DialogState, { type: K }>;

/** What a dialog kept in its own module (loaded with it) is given by the registry. */
export interface DialogEntryProps<K extends DialogKind> {
  dialog: DialogOf<K>;
  host: DialogHost;
}

/** Each kind of dialog: what it shows, given what it was opened with and the shell. */
const DIALOGS: { [K in DialogKind]: (dialog: DialogOf<K>, host: DialogHost) => JSX.Element } = {
  addMentor: (_d, { app, close }) => (
    <MentorDialog
      onClose={close}
      onSaved={(m) => {
        close();
        invalidate(...CHANGED_BY.mentor);
        app.navigate({ name: 'mentor', id: m.id });
        app.toast(`Added ${m.name} to your circle.`);
      }}
    />
  ),
  editMentor: (d, { app, close }) => (
    <MentorDialog
      mentor={d.mentor}
      onClose={close}
      onSaved={(m) => {
        close();
        invalidate(...CHANGED_BY.mentor);
        app.toast(`Saved changes to ${m.name}.`);
      }}
    />
  ),
  logCatchUp: (d, { app, close }) => (
    <CatchUpDialog
      {...(d.mentor ? { mentor: d.mentor } : {})}
      {...(d.mentorId !== undefined ? { mentorId: d.mentorId } : {})}
      onClose={close}
      onSaved={(_c, name) => {
        close();
        invalidate(...CHANGED_BY.mentor);
        app.toast(name ? `Catch-up with ${name} saved` : 'Catch-up saved');
      }}
    />
  ),
  editCatchUp: (d, { app, close }) => (
    <CatchUpDialog
      mentor={d.mentor}
      catchUp={d.catchUp}
      onClose={close}
      onSaved={() => {
        close();
        invalidate(...CHANGED_BY.mentor);
        app.toast('Catch-up updated');
      }}
    />
  ),
  raiseWithMentor: (d, host) => <RaiseWithMentorDialog dialog={d} host={host} />,
  makeGoal: (d, { app, close }) => (
    <GoalDialog
      title={d.title}
      why={d.why}
      fromEntry={d.fromEntry}
      raiseWith={d.raiseWith}
      shortened={d.shortened}
      onClose={close}
      onSaved={() => {
        close();
        invalidate(...CHANGED_BY.goal);
        app.toast('Goal set.', { label: 'Open', run: () => app.navigate({ name: 'goals' }) });
      }}
    />
  ),
  editGoal: (d, { app, close }) => (
    <GoalDialog
      goal={d.goal}
      title={d.goal.title}
      why={d.goal.why}
      fromEntry={d.goal.fromEntry}
      raiseWith={d.goal.mentorIds}
      shortened={false}
      onClose={close}
      onSaved={() => {
        close();
        invalidate(...CHANGED_BY.goal);
        app.toast('Goal saved.');
      }}
    />
  ),
  addProspect: (d, { app, close }) => (
    <ProspectDialog
      {...(d.role ? { role: d.role } : {})}
      onClose={close}
      onSaved={(p) => {
        close();
        invalidate(...CHANGED_BY.prospect);
        app.toast(`Added ${p.name} to your prospects.`);
      }}
    />
  ),
  editProspect: (d, { app, close }) => (
    <ProspectDialog
      prospect={d.prospect}
      onClose={close}
      onSaved={(p) => {
        close();
        invalidate(...CHANGED_BY.prospect);
        app.toast(`Saved changes to ${p.name}.`);
      }}
    />
  ),
  promoteProspect: (d, host) => <PromoteProspectDialog dialog={d} host={host} />,
  quickAgenda: (d, host) => <QuickAgendaEntryDialog dialog={d} host={host} />,
  help: (_d, { close }) => <HelpSheet onClose={close} />,
  palette: (d, host) => <CommandPalette dialog={d} host={host} />,
  about: (_d, { close }) => <AboutDialog onClose={close} />,
  changeKey: (d, { app, close }) => (
    <ChangeKeyDialog
      to={d.to}
      from={d.from}
      onClose={close}
      onChanged={(s) => {
        close();
        // Settings reads security again and shows the new recovery key to save.
        invalidate(...CHANGED_BY.key);
        app.toast(keyChangedText(s.keySource));
      }}
    />
  ),
  backUpNow: (_d, { app, close }) => (
    <BackUpNowDialog
      onClose={close}
      onSaved={(bytes) => {
        close();
        invalidate(...CHANGED_BY.backup);
        app.toast(`Backup saved (${formatBytes(bytes)}).`);
      }}
    />
  ),
  restoreBackup: (d, { app, close, reloadAll }) => (
    <RestoreDialog
      path={d.path}
      onClose={close}
      onRestored={() => {
        reloadAll();
        app.toast('Restored. A safety copy of your circle as it was is in your backups.');
      }}
    />
  ),
  export: (_d, { app, close }) => (
    <ExportDialog
      onClose={close}
      onSaved={(done) => {
        close();
        app.toast(`Exported to ${done.path}.`);
      }}
    />
  ),
  import: (_d, { app, close, reloadAll }) => (
    <ImportDialog
      onClose={close}
      onImported={(added) => {
        close();
        invalidate(...CHANGED_BY.prospect);
        app.toast(importedText(added), { label: 'Open', run: () => app.navigate({ name: 'prospects' }) });
      }}
      onCircleImported={(mentors) => {
        reloadAll();
        app.toast(importedCircleText(mentors));
      }}
    />
  ),
  removeSampleCircle: (d, { app, close }) => (
    <RemoveSampleDialog
      count={d.count}
      onClose={close}
      onRemoved={() => {
        close();
        invalidate(...CHANGED_BY.mentor);
        app.toast('Removed the sample circle.');
      }}
      fail={app.fail}
    />
  ),
};

/** The one open dialog, from the registry. */
export function OpenDialog({ dialog, host }: { dialog: DialogState; host: DialogHost }) {
  const render = DIALOGS[dialog.type] as (dialog: DialogState, host: DialogHost) => JSX.Element;
  // A different kind of dialog is a new one, never the last one's fields reused.
  return <Fragment key={dialog.type}>{render(dialog, host)}</Fragment>;
}
