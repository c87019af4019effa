//! Mentor Circle's core: the circle of mentors, its encrypted store and the cadence rules.
//!
//! No Tauri, no GUI, no OS services: the shell supplies the outside world (the clock, the
//! keyring, the notification service) through the small traits defined here, so every
//! rule is testable without a window.

pub mod advice;
pub mod agenda;
pub mod backups;
pub mod brief;
pub mod cadence;
pub mod contacts;
#[cfg(feature = "bench-data")]
pub mod dataset;
pub mod error;
pub mod files;
pub mod gives;
pub mod goals;
pub mod health;
pub mod journal;
pub mod key;
pub mod model;
pub mod nudge_loop;
pub mod nudges;
pub mod prospects;
pub mod recovery;
pub mod sample;
pub mod store;
pub mod transfer;
pub mod validate;
pub mod vault;
pub mod view;

pub use error::{Error, ErrorKind, ErrorPayload, LockReason, Result};
pub use key::{DbKey, SecretStore, SecretStoreError};
pub use store::Store;
pub use vault::Vault;

/// The user's calendar, supplied by the shell (the OS's local time zone) or by a test.
pub trait Clock: Send + Sync {
    /// Today's date in the user's local calendar.
    fn today(&self) -> chrono::NaiveDate;
}
