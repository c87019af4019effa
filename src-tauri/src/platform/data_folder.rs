//! Where the data folder is, on each platform.
//!
//! The folder is the app's *local* data folder everywhere: on Linux and macOS that is
//! the same as its data folder, and on Windows it is `%LOCALAPPDATA%` rather than
//! `%APPDATA%`, whose "roaming" copy a Windows domain uploads to a server at sign-out;
//! the circle must not leave the machine.
//!
//! Who may read it: on Linux and macOS `mentor_core` makes the folder 0700 (owner only).
//! On Windows it sets nothing: a folder under `%LOCALAPPDATA%` inherits the profile's
//! ACL, which grants the user, SYSTEM and Administrators only: the owner and the
//! machine's administrators, as 0700 leaves the owner and root. An ACL of our own would
//! need the Win32 security API (unsafe code, which this workspace forbids) and would
//! shut out no one more.

use std::path::PathBuf;

use tauri::{AppHandle, Manager};

/// Overrides where the data folder lives (tests point it at a temporary folder).
pub const DATA_DIR_ENV: &str = "MENTOR_CIRCLE_DATA_DIR";

/// The data folder: `MENTOR_CIRCLE_DATA_DIR` if set, else the app's local data folder.
pub fn data_dir(app: &AppHandle) -> tauri::Result<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_local_data_dir(),
    }
}
