import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type RecoveryUnlock, SHELL_REQUEST_EVENT, type ShellRequest, api, lockedKeySource, toErrorPayload } from './api';
import { firstStatus, takeFirstAnswer } from './data/firstScreen';
import type { AppStatus } from './bindings/AppStatus';
import type { KeySource } from './bindings/KeySource';
import type { LockReason } from './bindings/LockReason';
import { type Toast, Toasts } from './ui/Toasts';
import { focusBeforeDialog } from './ui/Dialog';
import type { ActionId } from './ui/actions';
import { type AppActions, AppContext, type DialogState, type Route, type ToastAction } from './context';
import { ACTIVITY_EVENTS, IdleLock } from './features/security/idleLock';
import { isModKey, isTypingTarget, shortcut } from './ui/keys';
import { announceLock, routeToKeep } from './features/security/lock';
import {
  CreateWithPassphrase,
  ElsewhereScreen,
  LockScreen,
  Locked,
  Opening,
  PassphraseOrRecovery,
  RecoveryScreen,
  RestoreInstead,
  RestoreScreen,
} from './features/security/Locked';
import { Today } from './features/today/Today';
import { closeWindow, listenToShell } from './shellEvents';
import { lockView, restoreOffer } from './features/security/security';
import { invalidate, useQuery } from './data/hooks';
import { CHANGED_BY, keys } from './data/keys';
import { OpenDialog, preloadKeyDialogs } from './dialogs';
import { lazy } from './lazy';

// Not needed for the first screen: loaded apart (see lazy.tsx).
const Circle = lazy(() => import('./features/mentors/Circle').then((m) => m.Circle));
const Goals = lazy(() => import('./features/goals/Goals').then((m) => m.Goals));
const Journal = lazy(() => import('./features/journal/Journal').then((m) => m.Journal));
const JournalEditor = lazy(() => import('./features/journal/JournalEditor').then((m) => m.JournalEditor));
const JournalEntryView = lazy(() => import('./features/journal/JournalEntryView').then((m) => m.JournalEntryView));
const MentorView = lazy(() => import('./features/mentors/MentorView').then((m) => m.MentorView));
const Mentors = lazy(() => import('./features/mentors/Mentors').then((m) => m.Mentors));
const Prospects = lazy(() => import('./features/prospects/Prospects').then((m) => m.Prospects));
const Search = lazy(() => import('./features/search/Search').then((m) => m.Search));
const Settings = lazy(() => import('./features/settings/Settings').then((m) => m.Settings));

type Shell =
  | { state: 'opening' }
  | { state: 'open'; today: string }
  /** `reason` null: a command found the circle locked; the status, asked next, says why. */
  | { state: 'locked'; reason: LockReason | null; message: string; keySource: KeySource | null }
  | { state: 'failed'; message: string };

function fromStatus(s: AppStatus): Shell {
  return s.state === 'open'
    ? { state: 'open', today: s.today }
    : { state: 'locked', reason: s.reason, message: s.message, keySource: lockedKeySource(s) };
}

/** status: where things stand; retry: after fixing what the locked screen said; unlock: after a lock by the user. */
type Check = 'status' | 'retry' | 'unlock';

const ASK: Record<Check, () => Promise<AppStatus>> = {
  status: () => api.appStatus(),
  retry: () => api.retryUnlock(),
  unlock: () => api.unlock(),
};

/**
 * Moves focus to the screen, so keyboard users start at its top; unless the screen put it
 * where typing starts (the journal editor, search).
 */
function focusMain(): void {
  const main = document.getElementById('main');
  const active = document.activeElement;
  const placed = active instanceof HTMLElement && active !== main && main?.contains(active) && active.hasAttribute('data-autofocus');
  if (!placed) main?.focus();
}

// Re-ask the backend for "today" when the window comes back after a while, so a
// window left open overnight does not show yesterday's statuses.
const RECHECK_AFTER_MS = 10 * 60 * 1000;

/** The actions with Ctrl (Cmd on macOS) and a letter, without Shift (ui/actions.ts says them). */
const MOD_KEYS: Readonly<Record<string, ActionId>> = {
  l: 'quickLog',
  n: 'addMentor',
  j: 'newEntry',
  f: 'search',
  k: 'palette',
};

/** Runs `work` once the window has nothing else to do (soon, where it cannot tell); the returned function cancels it. */
function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: 3000 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(work, 1000);
  return () => window.clearTimeout(timer);
}

export function App() {
  // Start-up's answer, when it came before this first render: no check on mount then.
  const [answered] = useState(takeFirstAnswer);
  const [shell, setShell] = useState<Shell>(() => (answered ? fromStatus(answered) : { state: 'opening' }));
  const [route, setRoute] = useState<Route>({ name: 'today' });
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  /** Minutes without use before locking; `null`: only when asked. Read when the circle opens. */
  const [lockAfter, setLockAfter] = useState<number | null>(null);
  const lastCheck = useRef(0);
  const nextToast = useRef(1);
  const firstRoute = useRef(true);
  const locking = useRef(false);
  const quitting = useRef(false);
  // The latest of these, for handlers set up once.
  const state = useRef({ shell, dialog, route });
  state.current = { shell, dialog, route };
  /** Runs an action of ui/actions.ts (set up with the global shortcuts, below). */
  const runAction = useRef<(action: ActionId) => void>(() => {});

  const check = useCallback(async (how: Check = 'status') => {
    try {
      const starting = how === 'status' && state.current.shell.state === 'opening';
      const status = await (starting ? firstStatus() : ASK[how]());
      lastCheck.current = Date.now();
      const next = fromStatus(status);
      const prev = state.current.shell;
      // A new day: every status and date on screen may have changed.
      if (next.state === 'open' && prev.state === 'open' && prev.today !== next.today) invalidate(...CHANGED_BY.everything);
      setShell(next);
    } catch (e) {
      const err = toErrorPayload(e);
      setShell(
        err.kind === 'Locked'
          ? { state: 'locked', reason: null, message: err.message, keySource: null }
          : { state: 'failed', message: err.message },
      );
    }
  }, []);

  useEffect(() => {
    if (answered) lastCheck.current = Date.now();
    else void check();
    const onFocus = () => {
      if (Date.now() - lastCheck.current > RECHECK_AFTER_MS) void check();
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [check]);

  const dismiss = useCallback((id: number) => setToast((t) => (t?.id === id ? null : t)), []);

  const push = useCallback(
    (message: string, tone: Toast['tone'], action?: ToastAction) => {
      const id = nextToast.current++;
      // One at a time: a newer toast takes the place of the one shown, so they never pile
      // up (and the same words twice are one toast, shown again).
      setToast({ id, message, tone, ...(action ? { action } : {}) });
      setTimeout(() => dismiss(id), tone === 'error' ? 10000 : action ? 8000 : 5000);
    },
    [dismiss],
  );

  const fail = useCallback(
    (e: unknown) => {
      const err = toErrorPayload(e);
      if (err.kind === 'Locked') {
        // Already showing a lock screen: a save that came too late changes nothing.
        if (state.current.shell.state === 'locked') return;
        setDialog(null);
        setShell({ state: 'locked', reason: null, message: err.message, keySource: null });
        // Ask why: locked by the user (say, from the tray) offers Unlock, not Try again.
        void check();
        return;
      }
      push(err.message, 'error');
    },
    [push, check],
  );

  /** Keeps unsaved journal words (briefly), then locks. Nothing to do unless open. */
  const lock = useCallback(async () => {
    if (locking.current || state.current.shell.state !== 'open') return;
    locking.current = true;
    try {
      await announceLock(window);
      setShell(fromStatus(await api.lockNow()));
    } catch (e) {
      push(toErrorPayload(e).message, 'error');
    } finally {
      locking.current = false;
    }
  }, [push]);

  /**
   * Keeps unsaved journal words, as locking does (the same announcement: the circle is
   * about to close), then quits. Works whatever the window shows, even locked; the
   * process ends, so the answer may never come.
   */
  const quit = useCallback(async () => {
    if (quitting.current) return;
    quitting.current = true;
    try {
      await announceLock(window);
      await api.quitApp();
    } catch (e) {
      quitting.current = false;
      push(toErrorPayload(e).message, 'error');
    }
  }, [push]);

  /** A way in (passphrase, recovery key, new passphrase) answered with this status. */
  const unlocked = useCallback((status: AppStatus) => {
    lastCheck.current = Date.now();
    setShell(fromStatus(status));
  }, []);

  const recovered = useCallback(
    (result: RecoveryUnlock) => {
      unlocked(result.status);
      if (result.status.state === 'open' && result.keyBackInKeyring) {
        push('Your key is back in the system keyring.', 'info');
      }
    },
    [unlocked, push],
  );

  /** A backup restored from the locked screen: its status, handled as an unlock's. */
  const restoredLocked = useCallback(
    (status: AppStatus) => {
      unlocked(status);
      if (status.state === 'open') push('Restored. Your circle is as it was when that backup was made.', 'info');
    },
    [unlocked, push],
  );

  /** After a restore or an import changed everything: back to Today, with everything reloaded. */
  const reloadAll = useCallback(() => {
    setDialog(null);
    setRoute({ name: 'today' });
    invalidate(...CHANGED_BY.everything);
    void check();
  }, [check]);

  const today = shell.state === 'open' ? shell.today : '';
  const app: AppActions = useMemo(
    () => ({
      today,
      navigate: (r: Route) => {
        setDialog(null);
        setRoute(r);
      },
      openDialog: setDialog,
      toast: (message: string, action?: ToastAction) => push(message, 'info', action),
      fail,
      lock: () => void lock(),
      run: (action: ActionId) => runAction.current(action),
      lockAfterIdleSaved: setLockAfter,
    }),
    [today, push, fail, lock],
  );

  // Move focus to the new screen.
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    focusMain();
  }, [route]);

  // Locked: nothing of the circle stays on screen or in memory here, not even a toast
  // (they can name a mentor). The place stays, to come back to after unlocking.
  const shown = useRef(shell.state);
  useEffect(() => {
    const before = shown.current;
    shown.current = shell.state;
    if (shell.state === 'locked') {
      setDialog(null);
      setToast(null);
      setRoute(routeToKeep);
    } else if (shell.state === 'open' && (before === 'locked' || before === 'failed')) {
      focusMain();
    }
  }, [shell.state]);

  // "Lock after idle": read when the circle opens; Settings says when it changes.
  const isOpen = shell.state === 'open';
  useQuery(isOpen ? keys.once('lockAfterIdle') : null, () => api.lockAfterIdle(), { onData: setLockAfter, onError: fail });

  useEffect(() => {
    if (!isOpen || lockAfter === null) return;
    const idle = new IdleLock(() => void lock());
    idle.start(lockAfter);
    const onActivity = () => idle.activity();
    // Capture: a dialog or field that stops an event still counts as use.
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      idle.stop();
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [isOpen, lockAfter, lock]);

  // Global shortcuts. Ignored while a dialog is open (it handles its own keys), except
  // closing the window, quitting and locking.
  const pauseRequests = useRef(0);
  // A request that came while the circle was still opening waits for it to open.
  const pendingRequest = useRef<ShellRequest | null>(null);
  const handleRequest = useRef<(request: ShellRequest) => void>(() => {});
  useEffect(() => {
    /**
     * Opens the catch-up dialog at once, with `mentorId` chosen when given: the dialog fills
     * in that mentor's details as the circle loads. (Loading them here first kept the window
     * without a field for a moment, and an Enter pressed then was lost.)
     */
    const openQuickLog = (mentorId: number | null) =>
      setDialog(mentorId === null ? { type: 'logCatchUp' } : { type: 'logCatchUp', mentorId });

    /** Focuses a field on the screen now, or once the palette that ran the action has closed. */
    const focusField = (id: string, select: boolean) => {
      const go = () => {
        const field = document.getElementById(id);
        field?.focus();
        if (select && field instanceof HTMLInputElement) field.select();
      };
      if (state.current.dialog === null) go();
      else requestAnimationFrame(go);
    };

    /** Each action of ui/actions.ts, the same from its keys and from the palette. */
    const run = (action: ActionId) => {
      if (action === 'closeWindow') return closeWindow();
      if (action === 'quit') return void quit();
      if (state.current.shell.state !== 'open') return;
      const r = state.current.route;
      switch (action) {
        case 'lock':
          void lock();
          break;
        case 'quickLog':
          // On a mentor's page, with that mentor chosen; anywhere else, with none.
          openQuickLog(r.name === 'mentor' ? r.id : null);
          break;
        case 'addMentor':
          setDialog({ type: 'addMentor' });
          break;
        case 'newEntry':
          // Already writing a new entry: back to its text.
          if (r.name === 'journalEditor' && r.id === null) focusField('journal-body', false);
          else setRoute({ name: 'journalEditor', id: null });
          break;
        case 'quickAgenda':
          // Quick capture to a mentor's agenda; on a mentor's page, that mentor chosen.
          setDialog({ type: 'quickAgenda', mentorId: r.name === 'mentor' ? r.id : null });
          break;
        case 'search':
          if (r.name === 'search') focusField('search-text', true);
          else setRoute({ name: 'search' });
          break;
        case 'palette':
          setDialog({ type: 'palette' });
          break;
        case 'help':
          setDialog({ type: 'help' });
          break;
      }
    };
    runAction.current = run;

    // From the tray or a notification. A dialog with something in it stays open (the
    // user may have typed there): a new place then shows behind it, once it closes.
    const onShellRequest = (request: ShellRequest) => {
      // "Lock now" from the tray: keep what is being typed, then lock (the shell locks by
      // itself shortly after if the window does not).
      if (request.to === 'lock') {
        void lock();
        return;
      }
      // "Quit" from the tray: keep what is being typed, then quit, as Ctrl+Q does.
      if (request.to === 'quit') {
        void quit();
        return;
      }
      // The backend has locked already: show the lock screen, whatever else is open.
      if (request.to === 'locked') {
        setDialog(null);
        void check();
        return;
      }
      const now = state.current;
      if (now.shell.state === 'opening') pendingRequest.current = request;
      if (now.shell.state !== 'open') return;
      // Nothing typed in these worth keeping.
      const replaceDialog = now.dialog === null || now.dialog.type === 'help' || now.dialog.type === 'palette';
      const go = (r: Route) => {
        if (replaceDialog) setDialog(null);
        setRoute(r);
      };
      switch (request.to) {
        case 'home':
          go({ name: 'today' });
          break;
        case 'mentor':
          go({ name: 'mentor', id: request.id });
          break;
        case 'pauseNudges':
          pauseRequests.current += 1;
          go({ name: 'settings', focusPause: pauseRequests.current });
          break;
        case 'about':
          if (replaceDialog) setDialog({ type: 'about' });
          break;
        case 'quickLog':
          if (replaceDialog) openQuickLog(request.mentorId);
          break;
      }
    };
    handleRequest.current = onShellRequest;
    const stopListening = listenToShell<ShellRequest>(SHELL_REQUEST_EVENT, onShellRequest);

    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const key = e.key.toLowerCase();
      const mod = isModKey(e) && !e.altKey;
      // Closing the window and quitting work everywhere, even over a dialog or the lock screen.
      if (mod && !e.shiftKey && (key === 'w' || key === 'q')) {
        e.preventDefault();
        run(key === 'w' ? 'closeWindow' : 'quit');
        return;
      }
      if (state.current.shell.state !== 'open') return;
      // Locking works over a dialog too: someone walking up should not have to wait.
      if (mod && e.shiftKey && key === 'l') {
        e.preventDefault();
        run('lock');
        return;
      }
      if (state.current.dialog !== null) return;
      // The others work from a text field too (all but "?", which is typed there), but
      // never over a dialog or while locked (both checked above).
      let action: ActionId | undefined;
      if (mod) action = e.shiftKey ? (key === 'a' ? 'quickAgenda' : undefined) : MOD_KEYS[key];
      else if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target)) action = 'help';
      if (action === undefined) return;
      e.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      stopListening();
    };
  }, []);

  // The quick log and the palette open from a key, and a key pressed right after (Enter)
  // must reach their field: their code is loaded ahead, once the window is idle after
  // start-up, rather than when first asked for (see lazy.tsx).
  useEffect(() => {
    if (!isOpen) return;
    return whenIdle(preloadKeyDialogs);
  }, [isOpen]);

  // The page behind a dialog is inert. Set here rather than in the markup: the dialog's own
  // layout effect runs first and sees where the focus was (making the page inert takes it
  // from a field there, and closing the dialog then left the focus nowhere).
  const appRoot = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = appRoot.current;
    if (!root) return;
    const inert = dialog !== null;
    if (inert && !root.inert) focusBeforeDialog(document.activeElement);
    root.inert = inert;
  }, [dialog, shell.state]);

  useEffect(() => {
    if (shell.state === 'opening') return;
    const pending = pendingRequest.current;
    pendingRequest.current = null;
    if (pending && shell.state === 'open') handleRequest.current(pending);
  }, [shell.state]);

  if (shell.state === 'opening') return <Opening />;
  if (shell.state === 'locked') {
    // When the file may be what is wrong: "Restore from a backup instead".
    const restoreInstead =
      restoreOffer(shell.reason) === 'behindButton' ? (
        <RestoreInstead reason={shell.reason} keySource={shell.keySource} onRestored={restoredLocked} />
      ) : undefined;
    switch (lockView(shell.reason, shell.keySource)) {
      case 'unlock':
        return <LockScreen message={shell.message} onUnlock={() => check('unlock')} />;
      case 'passphrase':
        return (
          <PassphraseOrRecovery message={shell.message} onUnlocked={unlocked} onRecovered={recovered} />
        );
      case 'recovery':
        return (
          <RecoveryScreen
            message={shell.message}
            onUnlocked={recovered}
            onRetry={() => check('retry')}
            restore={restoreInstead}
          />
        );
      case 'create':
        return <CreateWithPassphrase message={shell.message} onCreated={unlocked} onRetry={() => check('retry')} />;
      case 'restore':
        return (
          <RestoreScreen
            message={shell.message}
            reason={shell.reason}
            keySource={shell.keySource}
            onRestored={restoredLocked}
            onRetry={() => check('retry')}
          />
        );
      case 'elsewhere':
        return <ElsewhereScreen message={shell.message} />;
      case 'retry':
        return <Locked message={shell.message} onRetry={() => check('retry')} restore={restoreInstead} />;
    }
  }
  if (shell.state === 'failed') {
    return <Locked heading="Your circle could not be opened" message={shell.message} onRetry={() => check()} />;
  }

  const close = () => setDialog(null);
  const onMentorPage = route.name === 'mentor';
  const onJournal = route.name === 'journal' || route.name === 'journalEntry' || route.name === 'journalEditor';

  return (
    <AppContext.Provider value={app}>
      <div class="app" ref={appRoot}>
        <aside class="sidebar">
          <div class="brand">
            <svg class="brand-mark" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
              <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="1.5" />
              <circle cx="12" cy="3" r="2.2" fill="currentColor" />
              <circle cx="20" cy="15.5" r="2.2" fill="currentColor" />
              <circle cx="4" cy="15.5" r="2.2" fill="currentColor" />
            </svg>
            <span>Mentor Circle</span>
          </div>
          <nav class="nav" aria-label="Main">
            <button
              type="button"
              class="nav-item"
              aria-current={route.name === 'today' ? 'page' : undefined}
              onClick={() => app.navigate({ name: 'today' })}
            >
              Today
            </button>
            <button
              type="button"
              class="nav-item"
              aria-current={route.name === 'circle' ? 'page' : undefined}
              onClick={() => app.navigate({ name: 'circle' })}
            >
              Circle
            </button>
            <button
              type="button"
              class="nav-item"
              aria-current={route.name === 'mentors' || onMentorPage ? 'page' : undefined}
              onClick={() => app.navigate({ name: 'mentors' })}
            >
              Mentors
            </button>
            <button
              type="button"
              class="nav-item"
              aria-current={onJournal ? 'page' : undefined}
              title={`Journal (new entry: ${shortcut('J')})`}
              onClick={() => app.navigate({ name: 'journal' })}
            >
              Journal
            </button>
            <button
              type="button"
              id="nav-prospects"
              class="nav-item"
              aria-current={route.name === 'prospects' ? 'page' : undefined}
              title="People who might become mentors"
              onClick={() => app.navigate({ name: 'prospects' })}
            >
              Prospects
            </button>
            <button
              type="button"
              class="nav-item"
              aria-current={route.name === 'goals' ? 'page' : undefined}
              onClick={() => app.navigate({ name: 'goals' })}
            >
              Goals
            </button>
          </nav>
          <div class="nav nav-bottom">
            <button
              type="button"
              class="nav-item nav-quiet"
              aria-current={route.name === 'search' ? 'page' : undefined}
              title={`Search everything (${shortcut('F')})`}
              onClick={() => app.navigate({ name: 'search' })}
            >
              Search
            </button>
            <button
              type="button"
              class="nav-item nav-quiet"
              title="Keyboard shortcuts (?)"
              onClick={() => setDialog({ type: 'help' })}
            >
              Shortcuts
            </button>
            <button
              type="button"
              id="sidebar-lock"
              class="nav-item nav-quiet"
              title={`Lock now (${shortcut('Shift+L')})`}
              onClick={() => void lock()}
            >
              Lock
            </button>
            <button
              type="button"
              class="nav-item"
              aria-current={route.name === 'settings' ? 'page' : undefined}
              onClick={() => app.navigate({ name: 'settings' })}
            >
              Settings
            </button>
          </div>
        </aside>
        <main id="main" class="main" tabIndex={-1}>
          {route.name === 'today' && <Today />}
          {route.name === 'circle' && <Circle />}
          {route.name === 'mentors' && <Mentors />}
          {route.name === 'mentor' && <MentorView id={route.id} />}
          {route.name === 'journal' && <Journal />}
          {route.name === 'journalEntry' && <JournalEntryView id={route.id} />}
          {route.name === 'journalEditor' && (
            <JournalEditor key={route.id ?? 'new'} id={route.id} prompt={route.prompt} />
          )}
          {route.name === 'goals' && <Goals />}
          {route.name === 'prospects' && <Prospects key={route.role ?? 'everyone'} role={route.role ?? null} />}
          {route.name === 'search' && <Search />}
          {route.name === 'settings' && <Settings focusPause={route.focusPause} />}
        </main>
      </div>

      {dialog !== null && <OpenDialog dialog={dialog} host={{ app, close, reloadAll }} />}

      <Toasts toast={toast} dismiss={dismiss} />
    </AppContext.Provider>
  );
}
