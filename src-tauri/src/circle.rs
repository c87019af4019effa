//! The open circle as app state: the store once unlocked, or why it is locked.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use mentor_core::nudges::LockedSchedule;
use mentor_core::vault::{BackupUnlock, FolderLock};
use mentor_core::view::{AppStatus, Home};
use mentor_core::{Clock, Error, ErrorPayload, LockReason, Store, Vault};

use crate::nudges::Alarm;
use crate::platform::keyring::KeyringStore;

/// The user's calendar from the OS's local time zone.
struct LocalClock;

impl Clock for LocalClock {
    fn today(&self) -> NaiveDate {
        chrono::Local::now().date_naive()
    }
}

/// The error for the UI; internal details go to the log (they never hold user text,
/// see `mentor_core::error`).
fn payload(error: &Error) -> ErrorPayload {
    if let Error::Internal(detail) = error {
        eprintln!("mentor-circle: {detail}");
    }
    ErrorPayload::from(error)
}

/// The circle the window works on. Opening is lazy (first `app_status`) so a slow or
/// prompting keyring never delays the window itself.
pub struct Circle {
    vault: Vault,
    clock: LocalClock,
    store: Mutex<Option<Store>>,
    /// Rung after every change, so the tray count and the next nudge follow at once.
    changed: Alarm,
    /// The user locked the app: nothing opens the database until they unlock.
    locked_by_you: AtomicBool,
    /// The home screen read while the window starts, for the window's first question.
    read_ahead: Mutex<Option<ReadAhead>>,
    /// The OS lock on the data folder, held for the app's life; `Err` when another app
    /// holds it (or it could not be taken), and this one opens nothing.
    folder: Result<FolderLock, LockReason>,
    /// A read found a damaged page, or the daily backup's check did: the circle stays
    /// closed (and no backup is made) until a restore, or "Try again" finds it whole.
    damaged: AtomicBool,
}

/// A home screen read before anyone asked: on the stress circle the read is 7–12 ms of
/// the start's critical path, done while the window's page is still loading. It answers
/// one question, only while fresh, and any change to the circle drops it.
struct ReadAhead {
    home: Home,
    today: NaiveDate,
    at: Instant,
}

/// How long a read-ahead home screen stays the answer: the page asks about 100 ms
/// after it is read.
const READ_AHEAD_FRESH: Duration = Duration::from_secs(2);

impl Circle {
    pub fn new(data_dir: PathBuf, changed: Alarm) -> Circle {
        let vault = Vault::new(data_dir);
        let folder = vault.lock_folder().map_err(|error| match error {
            Error::Locked(reason) => reason,
            other => {
                eprintln!("mentor-circle: the data folder could not be locked: {other}");
                LockReason::FolderNotWritable
            }
        });
        if folder.is_err() {
            eprintln!(
                "mentor-circle: the circle is open in another Mentor Circle; this one leaves it alone"
            );
        }
        Circle {
            vault,
            clock: LocalClock,
            store: Mutex::new(None),
            changed,
            locked_by_you: AtomicBool::new(false),
            read_ahead: Mutex::new(None),
            folder,
            damaged: AtomicBool::new(false),
        }
    }

    /// The data folder: the database, its header, backups and the window's storage.
    pub fn data_dir(&self) -> &std::path::Path {
        self.vault.dir()
    }

    /// Opens the circle if it is not open yet, and says where things stand.
    pub fn status(&self) -> AppStatus {
        let opened = self.open(&mut self.lock()).map(|_| ());
        match opened {
            Ok(()) => {
                // The nudge loop waits for an open circle rather than asking the keyring
                // every minute itself: tell it the circle is open.
                self.changed.ring();
                AppStatus::Open {
                    today: self.clock.today(),
                }
            }
            Err(reason) => {
                let message = reason.message().to_string();
                let key_source = self.vault.key_source().ok().flatten();
                AppStatus::Locked {
                    reason,
                    message,
                    key_source,
                }
            }
        }
    }

    /// Runs `work` only if the circle is already open, without trying the keyring.
    pub fn if_open<T>(
        &self,
        work: impl FnOnce(&mut Store) -> mentor_core::Result<T>,
    ) -> Option<mentor_core::Result<T>> {
        self.lock().as_mut().map(work)
    }

    /// Reads the open circle with today's date, mapping errors for the UI.
    ///
    /// Commands pick one of three by what they do:
    /// - [`Circle::read`] changes nothing;
    /// - [`Circle::write`] changes what no nudge depends on (the journal, the agenda,
    ///   advice, gives, goals, prospects, the app's own settings);
    /// - [`Circle::write_and_replan`] changes what the nudge planner reads: a mentor or
    ///   their agreement, status or snooze, a catch-up, the nudge settings, or the whole
    ///   circle at once. The nudge loop then looks again at once instead of at its next
    ///   wake-up, so a logged catch-up silences a pending nudge.
    pub fn read<T>(
        &self,
        work: impl FnOnce(&Store, NaiveDate) -> mentor_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        self.write(|store, today| work(store, today))
    }

    /// Changes the open circle (see [`Circle::read`] for which of the three to use).
    pub fn write<T>(
        &self,
        work: impl FnOnce(&mut Store, NaiveDate) -> mentor_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        let mut guard = self.lock();
        let result = match self.open(&mut guard) {
            Ok(store) => work(store, self.clock.today()),
            Err(reason) => Err(Error::Locked(reason)),
        };
        if matches!(result, Err(Error::Locked(LockReason::Damaged))) {
            self.found_damage(&mut guard);
        }
        result.map_err(|error| payload(&error))
    }

    /// A damaged page was read: close the circle and keep it closed, so nothing builds
    /// on it and no backup copies it over good ones; the lock screen offers a restore.
    fn found_damage(&self, slot: &mut Option<Store>) {
        eprintln!("mentor-circle: the circle's file is damaged; it stays closed");
        self.damaged.store(true, Ordering::SeqCst);
        self.forget_read_ahead();
        slot.take();
    }

    /// Changes what the nudge planner reads (see [`Circle::read`]): the start-up read-ahead
    /// of the home screen is dropped and the nudge loop is woken to look again.
    pub fn write_and_replan<T>(
        &self,
        work: impl FnOnce(&mut Store, NaiveDate) -> mentor_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        let result = self.write(|store, today| {
            self.forget_read_ahead();
            work(store, today)
        });
        self.changed.ring();
        result
    }

    /// The open store, opening it first if needed. A failure is retried on the next
    /// call, so fixing the keyring and pressing "Try again" is enough.
    fn open<'a>(&self, slot: &'a mut Option<Store>) -> Result<&'a mut Store, LockReason> {
        if let Err(reason) = &self.folder {
            return Err(reason.clone());
        }
        if self.locked_by_you.load(Ordering::SeqCst) {
            return Err(LockReason::LockedByYou);
        }
        if self.damaged.load(Ordering::SeqCst) {
            return Err(LockReason::Damaged);
        }
        if slot.is_none() {
            match self.vault.open(&KeyringStore) {
                Ok(store) => *slot = Some(store),
                Err(error) => {
                    let reason = match error {
                        Error::Locked(reason) => reason,
                        other => {
                            eprintln!("mentor-circle: opening failed: {other}");
                            LockReason::Unreadable
                        }
                    };
                    eprintln!("mentor-circle: circle locked ({reason:?})");
                    return Err(reason);
                }
            }
        }
        slot.as_mut().ok_or(LockReason::Unreadable)
    }

    /// Runs `work` on the data folder and the open store's slot: for key changes and
    /// restores, which replace the open store. The circle must be open.
    pub fn with_vault<T>(
        &self,
        work: impl FnOnce(&Vault, &mut Option<Store>) -> mentor_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        let mut guard = self.lock();
        self.forget_read_ahead();
        let result = match self.open(&mut guard) {
            Ok(_) => work(&self.vault, &mut guard),
            Err(reason) => Err(Error::Locked(reason)),
        };
        self.changed.ring();
        result.map_err(|error| payload(&error))
    }

    /// Like [`Circle::with_vault`], for work that keeps the open store.
    pub fn with_open_vault<T>(
        &self,
        work: impl FnOnce(&Vault, &mut Store) -> mentor_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        self.write(|store, _| work(&self.vault, store))
    }

    /// Like [`Circle::unlock_with`], for a secret the user typed (a passphrase, the
    /// recovery key) or a new circle: refused while the circle is open, since the secret
    /// would not be checked and "open" would wrongly say it was right.
    pub fn unlock_with_secret(
        &self,
        open: impl FnOnce(&Vault) -> mentor_core::Result<Store>,
    ) -> Result<AppStatus, ErrorPayload> {
        if self.lock().is_some() {
            return Err(payload(&Error::Conflict(
                "Your circle is already open; lock it first to open it another way.".into(),
            )));
        }
        self.unlock_with(open)
    }

    /// Unlocks with a passphrase, the recovery key or a new passphrase (first run):
    /// `open` gets the data folder and returns the open store.
    pub fn unlock_with(
        &self,
        open: impl FnOnce(&Vault) -> mentor_core::Result<Store>,
    ) -> Result<AppStatus, ErrorPayload> {
        if let Err(reason) = &self.folder {
            return Err(payload(&Error::Locked(reason.clone())));
        }
        {
            let mut slot = self.lock();
            if slot.is_none() {
                *slot = Some(open(&self.vault).map_err(|error| payload(&error))?);
            }
        }
        self.locked_by_you.store(false, Ordering::SeqCst);
        Ok(self.status())
    }

    /// The backups in the data folder, newest first: readable while locked, so a
    /// damaged or missing circle can be restored from the lock screen.
    pub fn backups(&self) -> Result<Vec<mentor_core::backups::BackupFile>, ErrorPayload> {
        self.vault.backups().map_err(|error| payload(&error))
    }

    /// What a backup holds, while the circle is locked.
    pub fn preview_backup_locked(
        &self,
        path: &std::path::Path,
        with: BackupUnlock<'_>,
    ) -> Result<mentor_core::backups::BackupPreview, ErrorPayload> {
        mentor_core::backups::check_source(path)
            .and_then(|()| self.vault.preview_backup_locked(path, with, &KeyringStore))
            .map_err(|error| payload(&error))
    }

    /// Restores a backup from the lock screen and opens the circle it brings back.
    pub fn restore_locked(
        &self,
        path: &std::path::Path,
        with: BackupUnlock<'_>,
    ) -> Result<AppStatus, ErrorPayload> {
        mentor_core::backups::check_source(path).map_err(|error| payload(&error))?;
        let mut slot = self.lock();
        if slot.is_some() {
            return Err(payload(&Error::Conflict(
                "Your circle is open: restore a backup from Settings → Backups.".into(),
            )));
        }
        let store = self
            .vault
            .restore_locked(path, with, &KeyringStore)
            .map_err(|error| payload(&error))?;
        *slot = Some(store);
        drop(slot);
        self.damaged.store(false, Ordering::SeqCst);
        self.locked_by_you.store(false, Ordering::SeqCst);
        self.changed.ring();
        Ok(self.status())
    }

    /// Reads every page of the open circle and checks it ("Check the circle").
    pub fn check(&self) -> Result<mentor_core::store::CircleCheck, ErrorPayload> {
        self.read(|store, _| store.check_integrity())
    }

    /// Writes today's automatic backup if the circle is open and has none yet. A circle
    /// found damaged is closed instead, and its good backups left alone.
    pub fn back_up_daily(&self) {
        let today = self.clock.today();
        let mut slot = self.lock();
        let Some(store) = slot.as_mut() else { return };
        match store.back_up_daily(&self.vault.backup_dir(), today) {
            Err(Error::Locked(LockReason::Damaged)) => self.found_damage(&mut slot),
            Err(error) => eprintln!("mentor-circle: daily backup failed: {error}"),
            Ok(_) => {}
        }
    }

    /// Reads the home screen ahead of the window's first question (see [`ReadAhead`]);
    /// this also leaves the pages it needs decrypted in SQLite's cache.
    pub fn read_home_ahead(&self) {
        let _ = self.read(|store, today| {
            let home = store.home(today)?;
            // Kept under the store's lock, so no change can come between read and keep.
            *self.read_ahead_slot() = Some(ReadAhead {
                home,
                today,
                at: Instant::now(),
            });
            Ok(())
        });
    }

    /// The home screen for the window's first question: the one read ahead if it is
    /// still fresh, else read now. `None` when the circle is not open.
    pub fn first_home(&self) -> Option<Home> {
        let ahead = self.read_ahead_slot().take();
        let today = self.clock.today();
        match ahead {
            Some(ahead) if ahead.today == today && ahead.at.elapsed() < READ_AHEAD_FRESH => {
                Some(ahead.home)
            }
            _ => self.read(|store, today| store.home(today)).ok(),
        }
    }

    fn forget_read_ahead(&self) {
        self.read_ahead_slot().take();
    }

    fn read_ahead_slot(&self) -> MutexGuard<'_, Option<ReadAhead>> {
        self.read_ahead
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn lock(&self) -> MutexGuard<'_, Option<Store>> {
        // A panic while holding the lock cannot leave the store half-written: every
        // write is a transaction. Keep serving.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Circle {
    /// Closes the database (checkpointing its journal) before the app quits. The next
    /// use would open it again.
    pub fn close(&self) {
        self.lock().take();
        self.forget_read_ahead();
    }

    /// Locks the app: the nudge timetable is taken out (no names, no text), then the
    /// database is closed, which wipes its key from memory. Nothing opens it again until
    /// [`Circle::unlock`]. `None` when it was locked already (under the same mutex, so
    /// two locks at once cannot both take the timetable).
    pub fn lock_now(&self) -> Option<Option<LockedSchedule>> {
        let mut slot = self.lock();
        self.forget_read_ahead();
        if self.locked_by_you.swap(true, Ordering::SeqCst) {
            return None;
        }
        let schedule = slot.as_ref().and_then(|store| {
            store
                .locked_schedule(self.clock.today(), chrono::Utc::now())
                .inspect_err(|error| eprintln!("mentor-circle: no nudges while locked: {error}"))
                .ok()
        });
        slot.take();
        Some(schedule)
    }

    /// Whether another Mentor Circle holds the data folder: this one then only shows
    /// why, and quits when its window closes.
    pub fn is_open_elsewhere(&self) -> bool {
        self.folder.is_err()
    }

    /// Whether the user locked the app (and has not unlocked it since).
    pub fn is_locked_by_you(&self) -> bool {
        self.locked_by_you.load(Ordering::SeqCst)
    }

    /// Unlocks with the OS keyring and says where things stand. After damage was found,
    /// the circle opens again only if every page passes the check.
    pub fn unlock(&self) -> AppStatus {
        self.locked_by_you.store(false, Ordering::SeqCst);
        if self.damaged.swap(false, Ordering::SeqCst) {
            let whole = self.read(|store, _| store.check_integrity());
            if !matches!(whole, Ok(check) if check.ok) {
                self.found_damage(&mut self.lock());
            }
        }
        self.status()
    }
}
