//! Opening the circle.

use std::io::Write;

use mentor_core::view::{AppStatus, Home};
use tauri::{AppHandle, Manager, State};

use crate::circle::Circle;

/// Opens the circle if needed and says whether it is open or why it is locked.
#[tauri::command]
pub async fn app_status(circle: State<'_, Circle>) -> Result<AppStatus, ()> {
    Ok(circle.status())
}

/// What the window shows first: where things stand and, when the circle is open, the
/// home screen with what shows above it, so that start-up waits for one round trip and
/// draws Today whole in its first frame (nothing pops in above the list a moment later).
#[derive(serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FirstScreen {
    status: AppStatus,
    /// `None` when locked, or when reading it failed: the home screen then asks itself,
    /// and shows why it failed.
    home: Option<Home>,
    /// The nudge notes above the home screen; `None` as for `home`.
    nudges: Option<super::nudges::NudgeStatus>,
    /// Whether the recovery key still waits to be saved; `None` as for `home`.
    recovery: Option<RecoveryToSave>,
}

/// Whether the recovery key waits to be saved. The key itself is not here: the window
/// gets it only from `recovery_key`, once the user has confirmed in a native dialog.
#[derive(serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct RecoveryToSave {
    waiting: bool,
}

#[tauri::command]
pub async fn first_screen(
    app: AppHandle,
    circle: State<'_, Circle>,
    nudges: State<'_, crate::Nudges>,
) -> Result<FirstScreen, ()> {
    crate::startup::mark("first screen asked");
    let status = circle.status();
    let home = match status {
        AppStatus::Open { .. } => circle.first_home(),
        _ => None,
    };
    let (nudges, recovery) = if home.is_some() {
        let recovery = circle.with_open_vault(|vault, store| vault.security(store));
        (
            super::nudges::status_now(&app, &circle, &nudges).ok(),
            recovery.ok().map(|security| RecoveryToSave {
                waiting: !security.recovery_key_saved,
            }),
        )
    } else {
        (None, None)
    };
    crate::startup::mark("first screen read");
    Ok(FirstScreen {
        status,
        home,
        nudges,
        recovery,
    })
}

/// The app's version and where its data folder is, for the about box.
#[derive(serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct About {
    version: String,
    data_folder: std::path::PathBuf,
}

#[tauri::command]
pub fn about(app: AppHandle, circle: State<'_, Circle>) -> About {
    About {
        version: app.package_info().version.to_string(),
        data_folder: circle.data_dir().to_path_buf(),
    }
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

/// Quits Mentor Circle (Ctrl+Q, the palette, Settings): the window has saved what was
/// being typed; the circle is closed cleanly as the app exits.
#[tauri::command]
pub async fn quit_app(app: AppHandle) -> Result<(), ()> {
    crate::shell::quit(&app);
    Ok(())
}

/// Unlocks with the OS keyring.
#[tauri::command]
pub async fn unlock(app: AppHandle) -> Result<AppStatus, ()> {
    Ok(crate::unlock_app(&app))
}

/// Minutes idle before the app locks itself (`None`: only on demand).
#[tauri::command]
pub async fn lock_after_idle(circle: State<'_, Circle>) -> super::Reply<Option<u16>> {
    circle.read(|store, _| store.lock_after_idle())
}

#[tauri::command]
pub async fn set_lock_after_idle(
    circle: State<'_, Circle>,
    minutes: Option<u16>,
) -> super::Reply<Option<u16>> {
    circle.write(|store, _| store.set_lock_after_idle(minutes))
}

/// Set to `1` by the start-up benchmark (`bench/app`): the home screen says when it is
/// shown and can be used, on stdout.
const REPORT_READY_ENV: &str = "MENTOR_CIRCLE_REPORT_READY";

/// When the page's start-up reached each step, in ms from the page's start.
#[derive(serde::Deserialize)]
pub struct StartMarks {
    script: f64,
    open: Option<f64>,
    home: Option<f64>,
    rendered: Option<f64>,
    drawn: f64,
}

/// Called once per page load when the home screen is shown with the circle loaded; the
/// start-up benchmark times launch to this line, after a line saying where the page's
/// time went. Silent unless it asked.
#[tauri::command]
pub async fn home_shown(marks: StartMarks, shown: State<'_, crate::HomeShown>) -> Result<(), ()> {
    // What start-up put off (the tray, the first nudge pass) may go now.
    shown.0.ring();
    if std::env::var_os(REPORT_READY_ENV).is_some_and(|value| value == "1") {
        let step = |ms: Option<f64>| ms.map_or("-".to_string(), |ms| format!("{ms:.0}"));
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(
            stdout,
            "mentor-circle: shell start-up in ms: {}",
            crate::startup::report("home shown")
        );
        let _ = writeln!(
            stdout,
            "mentor-circle: page start-up in ms: script {}, open {}, home {}, rendered {}, drawn {}",
            step(Some(marks.script)),
            step(marks.open),
            step(marks.home),
            step(marks.rendered),
            step(Some(marks.drawn)),
        );
        let _ = writeln!(stdout, "mentor-circle: home screen interactive");
        let _ = stdout.flush();
    }
    Ok(())
}
