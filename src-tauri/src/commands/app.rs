//! Opening the circle.

use mentor_core::model::AppStatus;
use tauri::State;

use crate::circle::Circle;

/// Opens the circle if needed and says whether it is open or why it is locked.
#[tauri::command]
pub async fn app_status(circle: State<'_, Circle>) -> Result<AppStatus, ()> {
    Ok(circle.status())
}

/// Tries again after the user fixed what the locked screen told them.
#[tauri::command]
pub async fn retry_unlock(circle: State<'_, Circle>) -> Result<AppStatus, ()> {
    Ok(circle.status())
}
