//! One error type for the core, and the `{ kind, message }` shape the UI branches on.
//!
//! The UI decides what to show from `kind` alone (a small fixed set); `message` is a
//! sentence for the user, never a stack trace. Messages never quote what the user typed:
//! errors may end up in logs, and the user's words are private.

use serde::Serialize;
use ts_rs::TS;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The thing asked for does not exist (or no longer does).
    #[error("{0}")]
    NotFound(String),
    /// The user's input breaks a rule; `field` names the form field to point at.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    /// The database cannot be opened: see [`LockReason`].
    #[error("{}", .0.message())]
    Locked(LockReason),
    /// The request clashes with the current state.
    #[error("{0}")]
    Conflict(String),
    /// Something unexpected in the store or the OS; the details stay out of the UI.
    #[error("{0}")]
    Internal(String),
}

/// Shorthand used across the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }
}

/// Why the database is not open. Each reason tells the user what happened and what to do;
/// none of them ever leads to the database being deleted or recreated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum LockReason {
    /// A database exists but the keyring holds no key for it.
    KeyMissing,
    /// The keyring's key does not open the database.
    WrongKey,
    /// The OS keyring cannot be reached or refused access.
    KeyringUnavailable,
    /// The database was written by a newer version of the app.
    NewerVersion,
    /// The database file is damaged or is not a Mentor Circle database.
    Unreadable,
    /// The circle is protected by a passphrase: the user types it to unlock.
    PassphraseNeeded,
    /// First run, and no usable keyring: the user can protect the new circle with a
    /// passphrase instead.
    NoKeyringYet,
    /// The user locked the app (or it locked itself after being left idle): the database
    /// is closed and its key is out of memory until they unlock.
    LockedByYou,
    /// The key is right (its fingerprint matches, or it opens a backup) but the database
    /// file is damaged: empty, cut short, or with pages that fail their check.
    Damaged,
    /// The folder's header says a circle was kept here, but its database file is gone.
    CircleMissing,
    /// The header that says how the key is kept (`vault.json`) cannot be read.
    HeaderDamaged,
    /// Another Mentor Circle holds the data folder.
    OpenElsewhere,
    /// The data folder cannot be written to (read-only, or the disk is full), so the
    /// circle cannot be opened safely.
    FolderNotWritable,
}

impl LockReason {
    /// What happened and what to do, in the user's words.
    pub fn message(&self) -> &'static str {
        match self {
            LockReason::KeyMissing => {
                "Your circle is here, but its key is missing from the system keyring. \
                 Nothing has been changed or deleted. Unlock it with your recovery key; \
                 that also puts the key back in the keyring."
            }
            LockReason::WrongKey => {
                "The key in the system keyring does not open your circle (or the database \
                 file is damaged). Nothing has been changed or deleted. If the keyring was \
                 replaced, unlock with your recovery key, or restore the previous keyring \
                 entry and try again."
            }
            LockReason::KeyringUnavailable => {
                "The system keyring could not be reached or is locked. Unlock your \
                 keyring (or log in to your desktop session) and try again. Nothing has \
                 been changed."
            }
            LockReason::NewerVersion => {
                "Your circle was saved by a newer version of Mentor Circle. Update the \
                 app to open it; this version leaves it untouched."
            }
            LockReason::Unreadable => {
                "The circle's database file could not be read: it may be damaged. It has \
                 been left exactly as it is; restore it from a backup copy and try again."
            }
            LockReason::PassphraseNeeded => {
                "Your circle is protected by a passphrase. Type it to unlock, or use your \
                 recovery key."
            }
            LockReason::NoKeyringYet => {
                "This session has no system keyring to keep your circle's key in. Protect \
                 your circle with a passphrase instead, or unlock your keyring and try again."
            }
            LockReason::LockedByYou => {
                "Your circle and journal stay closed until you unlock. Nudges still \
                 arrive, by count only, without names."
            }
            LockReason::Damaged => {
                "Your circle's database file is damaged: its key is right, but the file \
                 no longer reads as it should. Nothing has been changed or deleted. \
                 Restore your newest backup below; the damaged file is kept with the \
                 backups."
            }
            LockReason::CircleMissing => {
                "Your circle's database file is missing from its folder, though the folder \
                 says a circle was kept there. Nothing has been created or overwritten. \
                 Restore a backup below, or put the file back and try again."
            }
            LockReason::HeaderDamaged => {
                "The small file that says how your circle's key is kept (vault.json) is \
                 damaged. Nothing has been changed. Unlock with your recovery key; that \
                 writes the file again."
            }
            LockReason::OpenElsewhere => {
                "Your circle is already open in another Mentor Circle (perhaps in the \
                 tray). Use that one: this window leaves the circle alone. Close it, or \
                 quit the other one and try again."
            }
            LockReason::FolderNotWritable => {
                "Mentor Circle can't write to your circle's folder: the disk may be full, \
                 or the folder read-only. Nothing has been changed. Free some space (or \
                 make the folder writable) and try again."
            }
        }
    }
}

/// The fixed set of error kinds the UI knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub enum ErrorKind {
    NotFound,
    Invalid,
    Locked,
    Conflict,
    Internal,
}

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    pub message: String,
    /// For `Invalid`: the form field at fault.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl From<&Error> for ErrorPayload {
    fn from(error: &Error) -> Self {
        let (kind, field) = match error {
            Error::NotFound(_) => (ErrorKind::NotFound, None),
            Error::Invalid { field, .. } => (ErrorKind::Invalid, Some((*field).to_string())),
            Error::Locked(_) => (ErrorKind::Locked, None),
            Error::Conflict(_) => (ErrorKind::Conflict, None),
            Error::Internal(_) => (ErrorKind::Internal, None),
        };
        let message = match error {
            // Internal details (SQL, paths) are for developers; the user gets a next step.
            Error::Internal(_) => {
                "Something went wrong while saving or reading your circle. Nothing was \
                 changed; try again, and restart the app if it keeps happening."
                    .to_string()
            }
            other => other.to_string(),
        };
        ErrorPayload {
            kind,
            message,
            field,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            // A page that fails its check while the circle is in use: the key was proven
            // at open, so this is damage, and the lock screen offers the way back.
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                Error::Locked(LockReason::Damaged)
            }
            // A write that breaks a rule of the schema (a repeated id, a link to nothing):
            // the transaction is rolled back, so nothing was changed.
            Some(rusqlite::ErrorCode::ConstraintViolation) => Error::Conflict(
                "That clashes with something already in your circle, so it wasn't saved; \
                 nothing was changed."
                    .into(),
            ),
            Some(rusqlite::ErrorCode::DiskFull) => Error::Conflict(
                "Your disk is full, so this wasn't saved; nothing was changed. Free some \
                 space and try again."
                    .into(),
            ),
            _ => Error::Internal(format!("database: {}", sql_error_code(&error))),
        }
    }
}

/// A stored key this build does not know. Names only the kind of value: the error may
/// reach a log, and the column is never the user's own text anyway.
#[derive(Debug)]
pub struct UnknownKey(pub &'static str);

impl std::fmt::Display for UnknownKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown {} in the database", self.0)
    }
}

impl std::error::Error for UnknownKey {}

/// The SQLite error code of an error, without the message: SQLite messages can quote
/// values from the statement, and those may be the user's private words.
fn sql_error_code(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::SqliteFailure(code, _) => format!("{:?}", code.code),
        rusqlite::Error::QueryReturnedNoRows => "no rows".to_string(),
        rusqlite::Error::InvalidColumnType(index, name, kind) => {
            format!("column {index} ({name}) holds {kind}")
        }
        rusqlite::Error::FromSqlConversionFailure(index, kind, source) => {
            match source.downcast_ref::<UnknownKey>() {
                Some(unknown) => format!("column {index}: {unknown}"),
                None => format!("column {index} ({kind}) could not be converted"),
            }
        }
        rusqlite::Error::SqlInputError { error, offset, .. } => {
            format!("SQL error {:?} at offset {offset}", error.code)
        }
        _ => "other".to_string(),
    }
}
