//! Backups: the automatic ones in the data folder, one written where the user chooses,
//! and restoring one (after a preview, with a safety copy first).

use std::path::PathBuf;

use mentor_core::backup::{self, BackupFile, BackupPreview};
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
        backup::check_destination(&path)?;
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
        backup::check_source(&path)?;
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
        backup::check_source(&path)?;
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
