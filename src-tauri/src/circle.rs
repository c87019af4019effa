//! The open circle as app state: the store once unlocked, or why it is locked.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use mentor_core::model::AppStatus;
use mentor_core::{Clock, Error, ErrorPayload, LockReason, Store, Vault};

use crate::keyring_store::KeyringStore;

/// The user's calendar from the OS's local time zone.
struct LocalClock;

impl Clock for LocalClock {
    fn today(&self) -> NaiveDate {
        chrono::Local::now().date_naive()
    }
}

/// The circle the window works on. Opening is lazy (first `app_status`) so a slow or
/// prompting keyring never delays the window itself.
pub struct Circle {
    vault: Vault,
    clock: LocalClock,
    store: Mutex<Option<Store>>,
}

impl Circle {
    pub fn new(data_dir: PathBuf) -> Circle {
        Circle {
            vault: Vault::new(data_dir),
            clock: LocalClock,
            store: Mutex::new(None),
        }
    }

    /// Opens the circle if it is not open yet, and says where things stand.
    pub fn status(&self) -> AppStatus {
        let mut store = self.lock();
        if store.is_none() {
            match self.vault.open(&KeyringStore) {
                Ok(opened) => *store = Some(opened),
                Err(error) => {
                    let reason = match error {
                        Error::Locked(reason) => reason,
                        other => {
                            eprintln!("mentor-circle: opening failed: {other}");
                            LockReason::Unreadable
                        }
                    };
                    eprintln!("mentor-circle: circle locked ({reason:?})");
                    let message = reason.message().to_string();
                    return AppStatus::Locked { reason, message };
                }
            }
        }
        AppStatus::Open {
            today: self.clock.today(),
        }
    }

    /// Runs `work` on the open store with today's date, mapping errors for the UI.
    pub fn with_store<T>(
        &self,
        work: impl FnOnce(&mut Store, NaiveDate) -> mentor_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        let mut guard = self.lock();
        let result = match guard.as_mut() {
            Some(store) => work(store, self.clock.today()),
            None => Err(Error::Locked(LockReason::KeyMissing)),
        };
        result.map_err(|error| {
            if let Error::Internal(detail) = &error {
                // Internal details never hold user text (see mentor_core::error).
                eprintln!("mentor-circle: {detail}");
            }
            ErrorPayload::from(&error)
        })
    }

    fn lock(&self) -> MutexGuard<'_, Option<Store>> {
        // A panic while holding the lock cannot leave the store half-written: every
        // write is a transaction. Keep serving.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
