//! Nudges: settings, snoozes, the history, start at login, and delivery problems.

use chrono::NaiveDate;
use mentor_core::model::MentorId;
use mentor_core::nudges::{NudgeRecord, NudgeSettings, Snooze};
use mentor_core::{ErrorKind, ErrorPayload};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_autostart::ManagerExt;

use super::Reply;
use crate::Nudges;
use crate::circle::Circle;
use crate::nudges::DeliveryProblem;

/// How many past nudges the history shows.
const HISTORY_LENGTH: u32 = 100;

#[tauri::command]
pub async fn nudge_settings(circle: State<'_, Circle>) -> Reply<NudgeSettings> {
    circle.read(|store, _| store.nudge_settings())
}

#[tauri::command]
pub async fn set_nudge_settings(
    circle: State<'_, Circle>,
    settings: NudgeSettings,
) -> Reply<NudgeSettings> {
    circle.write_and_replan(|store, today| store.set_nudge_settings(&settings, today))
}

/// Snoozes a mentor's nudges (`None` lifts it); returns the day they resume.
#[tauri::command]
pub async fn snooze_mentor(
    circle: State<'_, Circle>,
    id: MentorId,
    snooze: Option<Snooze>,
) -> Reply<Option<NaiveDate>> {
    circle.write_and_replan(|store, today| store.snooze(id, snooze, today))
}

#[tauri::command]
pub async fn nudge_history(circle: State<'_, Circle>) -> Reply<Vec<NudgeRecord>> {
    circle.read(|store, _| store.nudge_history(HISTORY_LENGTH))
}

/// What Settings and Today need to know about nudges beyond the settings themselves.
#[derive(Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NudgeStatus {
    /// Why notifications are not arriving, until the user dismisses it.
    problem: Option<DeliveryProblem>,
    start_at_login: bool,
    start_at_login_asked: bool,
}

#[tauri::command]
pub async fn nudge_status(
    app: AppHandle,
    circle: State<'_, Circle>,
    nudges: State<'_, Nudges>,
) -> Reply<NudgeStatus> {
    status_now(&app, &circle, &nudges)
}

/// The nudge status, for the command and for start-up's first answer.
pub(crate) fn status_now(app: &AppHandle, circle: &Circle, nudges: &Nudges) -> Reply<NudgeStatus> {
    let asked = circle.read(|store, _| store.start_at_login_asked())?;
    Ok(NudgeStatus {
        problem: nudges.lock().problem().filter(|p| !p.dismissed).cloned(),
        start_at_login: app.autolaunch().is_enabled().unwrap_or(false),
        start_at_login_asked: asked,
    })
}

#[tauri::command]
pub async fn dismiss_nudge_problem(nudges: State<'_, Nudges>) -> Reply<()> {
    nudges.lock().dismiss_problem();
    Ok(())
}

/// Turns start at login on or off (also the answer to the first-run question).
#[tauri::command]
pub async fn set_start_at_login(
    app: AppHandle,
    circle: State<'_, Circle>,
    enabled: bool,
) -> Reply<bool> {
    let autolaunch = app.autolaunch();
    let changed = if enabled {
        autolaunch.enable()
    } else {
        autolaunch.disable()
    };
    if let Err(error) = changed {
        eprintln!("mentor-circle: start at login could not be changed: {error}");
        return Err(ErrorPayload {
            kind: ErrorKind::Internal,
            message: "Your system did not let Mentor Circle change starting at login. \
                      You can add it to your startup applications yourself."
                .into(),
            field: None,
        });
    }
    circle.write(|store, _| store.set_start_at_login_asked())?;
    Ok(autolaunch.is_enabled().unwrap_or(enabled))
}
