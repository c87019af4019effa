//! Backups: the automatic ones in the data folder, one written where the user chooses,
//! and restoring one (after a preview, with a safety copy first).

use std::path::PathBuf;

use mentor_core::backups::{self, BackupFile, BackupPreview};
use mentor_core::store::CircleCheck;
use mentor_core::vault::BackupUnlock;
use mentor_core::view::AppStatus;
use tauri::{AppHandle, Manager, State};
use zeroize::Zeroizing;

use super::Reply;
use crate::circle::Circle;

/// The backups the app keeps, newest first.
#[tauri::command]
pub async fn backups(circle: State<'_, Circle>) -> Reply<Vec<BackupFile>> {
    circle.with_open_vault(|vault, _| vault.backups())
}

/// Writes a backup to `path`; answers its size in bytes.
#[tauri::command]
pub async fn back_up_now(circle: State<'_, Circle>, path: PathBuf) -> Reply<u64> {
    circle.with_open_vault(|_, store| {
        backups::check_destination(&path)?;
        store.back_up_to(&path)
    })
}

/// What the backup at `path` holds; `recovery_key` for one made under another key.
#[tauri::command]
pub async fn preview_backup(
    circle: State<'_, Circle>,
    path: PathBuf,
    recovery_key: Option<String>,
) -> Reply<BackupPreview> {
    let recovery_key = Zeroizing::new(recovery_key.unwrap_or_default());
    circle.with_open_vault(|vault, store| {
        backups::check_source(&path)?;
        vault.preview_backup(store, &path, Some(recovery_key.as_str()))
    })
}

/// Replaces the circle with the backup at `path`; answers where the safety copy went.
#[tauri::command]
pub async fn restore_backup(
    circle: State<'_, Circle>,
    path: PathBuf,
    recovery_key: Option<String>,
) -> Reply<PathBuf> {
    let recovery_key = Zeroizing::new(recovery_key.unwrap_or_default());
    circle.with_vault(|vault, slot| {
        backups::check_source(&path)?;
        vault.restore(slot, &path, Some(recovery_key.as_str()))
    })
}

/// Where to suggest saving backups and exports: the Documents folder, or home.
#[tauri::command]
pub async fn suggested_folder(app: AppHandle) -> Result<PathBuf, ()> {
    let paths = app.path();
    Ok(paths
        .document_dir()
        .or_else(|_| paths.home_dir())
        .unwrap_or_else(|_| std::env::temp_dir()))
}

/// How the lock screen opens a backup: the recovery key if typed, else the passphrase
/// if typed, else the keyring's key.
fn unlock_by<'a>(passphrase: &'a str, recovery_key: &'a str) -> BackupUnlock<'a> {
    match (passphrase.trim(), recovery_key.trim()) {
        (_, typed) if !typed.is_empty() => BackupUnlock::RecoveryKey(typed),
        // A passphrase is used as typed: spaces inside it may be part of it.
        (typed, _) if !typed.is_empty() => BackupUnlock::Passphrase(passphrase),
        _ => BackupUnlock::Keyring,
    }
}

/// The backups in the data folder, whether or not the circle is open.
#[tauri::command]
pub async fn locked_backups(circle: State<'_, Circle>) -> Reply<Vec<BackupFile>> {
    circle.backups()
}

/// What a backup holds, from the lock screen.
#[tauri::command]
pub async fn preview_backup_locked(
    circle: State<'_, Circle>,
    path: PathBuf,
    passphrase: Option<String>,
    recovery_key: Option<String>,
) -> Reply<BackupPreview> {
    let passphrase = Zeroizing::new(passphrase.unwrap_or_default());
    let recovery_key = Zeroizing::new(recovery_key.unwrap_or_default());
    circle.preview_backup_locked(&path, unlock_by(&passphrase, &recovery_key))
}

/// Restores a backup from the lock screen; the circle it brings back opens.
#[tauri::command]
pub async fn restore_backup_locked(
    app: AppHandle,
    path: PathBuf,
    passphrase: Option<String>,
    recovery_key: Option<String>,
) -> Reply<AppStatus> {
    let passphrase = Zeroizing::new(passphrase.unwrap_or_default());
    let recovery_key = Zeroizing::new(recovery_key.unwrap_or_default());
    let status = app
        .state::<Circle>()
        .restore_locked(&path, unlock_by(&passphrase, &recovery_key))?;
    Ok(crate::record_nudges_sent_while_locked(&app, status))
}

/// Reads and checks every page of the circle.
#[tauri::command]
pub async fn check_circle(circle: State<'_, Circle>) -> Reply<CircleCheck> {
    circle.check()
}
