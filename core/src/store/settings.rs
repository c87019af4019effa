//! The `setting` table: small values kept as JSON under a name (nudge settings, the lock
//! after idle, whether start at login was offered, the outreach cap).

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Store;
use crate::error::{Error, Result};
use crate::nudges;

impl Store {
    pub(crate) fn setting<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?;
        // A value this build cannot read (written by a newer one) falls back to the
        // default rather than locking the user out of their circle.
        Ok(text.and_then(|text| serde_json::from_str(&text).ok()))
    }

    pub(crate) fn put_setting<T: Serialize>(&mut self, key: &str, value: &T) -> Result<()> {
        let text = serde_json::to_string(value)
            .map_err(|_| Error::Internal(format!("setting {key} could not be written")))?;
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, text],
        )?;
        Ok(())
    }

    /// Whether the user has answered "start at login?" (either way).
    pub fn start_at_login_asked(&self) -> Result<bool> {
        Ok(self.setting(START_AT_LOGIN_ASKED)?.unwrap_or(false))
    }

    /// Remembers that the user answered "start at login?".
    pub fn set_start_at_login_asked(&mut self) -> Result<()> {
        self.put_setting(START_AT_LOGIN_ASKED, &true)
    }

    /// Minutes of inactivity after which the app locks itself; `None`: only on demand.
    pub fn lock_after_idle(&self) -> Result<Option<u16>> {
        Ok(self.setting(LOCK_AFTER_IDLE)?.flatten())
    }

    /// Sets (or with `None`, turns off) locking after inactivity.
    pub fn set_lock_after_idle(&mut self, minutes: Option<u16>) -> Result<Option<u16>> {
        if minutes.is_some_and(|m| m == 0 || m > nudges::MAX_IDLE_MINUTES) {
            return Err(Error::invalid(
                "lockAfterIdle",
                format!(
                    "Choose between 1 and {} minutes, or lock only on demand.",
                    nudges::MAX_IDLE_MINUTES
                ),
            ));
        }
        self.put_setting(LOCK_AFTER_IDLE, &minutes)?;
        Ok(minutes)
    }
}

const START_AT_LOGIN_ASKED: &str = "start_at_login_asked";

const LOCK_AFTER_IDLE: &str = "lock_after_idle_minutes";
