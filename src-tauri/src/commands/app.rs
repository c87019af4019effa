//! Opening the circle.

use std::io::Write;

use mentor_core::model::AppStatus;
use tauri::{AppHandle, Manager, State};

use crate::circle::Circle;

/// Opens the circle if needed and says whether it is open or why it is locked.
#[tauri::command]
pub async fn app_status(circle: State<'_, Circle>) -> Result<AppStatus, ()> {
    Ok(circle.status())
}

/// Tries again after the user fixed what the locked screen told them; after a lock by
/// the user, this is "unlock" (with the OS keyring).
#[tauri::command]
pub async fn retry_unlock(app: AppHandle) -> Result<AppStatus, ()> {
    Ok(crate::unlock_app(&app))
}

/// Locks the app now: the circle and journal close and the key leaves memory.
#[tauri::command]
pub async fn lock_now(app: AppHandle) -> Result<AppStatus, ()> {
    crate::lock_app(&app);
    Ok(app.state::<Circle>().status())
}

/// Unlocks with the OS keyring.
#[tauri::command]
pub async fn unlock(app: AppHandle) -> Result<AppStatus, ()> {
    Ok(crate::unlock_app(&app))
}

/// Minutes idle before the app locks itself (`None`: only on demand).
#[tauri::command]
pub async fn lock_after_idle(circle: State<'_, Circle>) -> super::Reply<Option<u16>> {
    circle.with_store(|store, _| store.lock_after_idle())
}

#[tauri::command]
pub async fn set_lock_after_idle(
    circle: State<'_, Circle>,
    minutes: Option<u16>,
) -> super::Reply<Option<u16>> {
    circle.with_store(|store, _| store.set_lock_after_idle(minutes))
}

/// Set to `1` by the start-up benchmark (`bench/app`): the home screen says when it is
/// shown and can be used, on stdout.
const REPORT_READY_ENV: &str = "MENTOR_CIRCLE_REPORT_READY";

/// Called once per page load when the home screen is shown with the circle loaded; the
/// start-up benchmark times launch to this line. Silent unless it asked.
#[tauri::command]
pub async fn home_shown() {
    if std::env::var_os(REPORT_READY_ENV).is_some_and(|value| value == "1") {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "mentor-circle: home screen interactive");
        let _ = stdout.flush();
    }
}
