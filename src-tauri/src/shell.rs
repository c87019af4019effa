//! The app as a desktop citizen: a window that hides to the tray instead of quitting (where
//! the desktop shows a tray), a tray menu, quitting cleanly, and the requests (open a
//! mentor, quick log, pause nudges, quit) the shell passes to the UI when the user acts on
//! a notification or the tray.

use mentor_core::model::MentorId;
use serde::Serialize;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{TrayIcon, TrayIconBuilder};
use tauri::{AppHandle, Emitter, Manager, Wry};

/// The event the UI listens to for [`ShellRequest`]s.
pub const REQUEST_EVENT: &str = "shell-request";
/// The event that tells the UI the delivery problem changed.
pub const NUDGE_PROBLEM_EVENT: &str = "nudge-problem";

/// Something the user asked for outside the window.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(tag = "to", rename_all = "camelCase")]
#[ts(export)]
pub enum ShellRequest {
    Home,
    Mentor {
        #[ts(type = "number")]
        id: MentorId,
    },
    #[serde(rename_all = "camelCase")]
    QuickLog {
        #[ts(type = "number | null")]
        mentor_id: Option<MentorId>,
    },
    PauseNudges,
    /// "About Mentor Circle" in the tray.
    About,
    /// "Lock now" in the tray: the window saves what is being typed, then locks.
    Lock,
    /// The app was locked without the window's help: show the lock screen.
    Locked,
    /// "Quit" in the tray: the window saves what is being typed, then quits.
    Quit,
}

/// How long the window has to save what is being typed and lock, before the shell locks
/// without it (a hung or unloaded web view must not keep the circle open).
const LOCK_GRACE: std::time::Duration = std::time::Duration::from_millis(1500);

/// "Lock now" from the tray: asks the window to save any typing and lock; locks anyway
/// after a short grace.
fn lock_soon(app: &AppHandle) {
    let _ = app.emit_to("main", REQUEST_EVENT, ShellRequest::Lock);
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(LOCK_GRACE);
        if !app.state::<crate::circle::Circle>().is_locked_by_you() {
            crate::lock_app(&app);
            let _ = app.emit_to("main", REQUEST_EVENT, ShellRequest::Locked);
        }
    });
}

/// How long the window has to save what is being typed before "Quit" in the tray quits
/// without it. A window that answers quits at once; only a hung one costs this wait.
const QUIT_GRACE: std::time::Duration = std::time::Duration::from_millis(700);

/// "Quit" from the tray: asks the window to save any typing and quit; quits anyway
/// after a short grace.
fn quit_soon(app: &AppHandle) {
    if app
        .emit_to("main", REQUEST_EVENT, ShellRequest::Quit)
        .is_err()
    {
        quit(app);
        return;
    }
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(QUIT_GRACE);
        quit(&app);
    });
}

/// Shows, un-minimises and focuses the window (from the tray, a notification or a second
/// launch).
pub fn show_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// Shows the window and asks the UI to go somewhere.
pub fn request(app: &AppHandle, request: ShellRequest) {
    show_window(app);
    if let Err(error) = app.emit_to("main", REQUEST_EVENT, request) {
        eprintln!("mentor-circle: the window did not get a request: {error}");
    }
}

/// Quits for real. The database is closed (and its WAL checkpointed) as the event loop
/// ends ([`crate::run`]), however the app was quit (macOS's own Quit menu item too).
pub fn quit(app: &AppHandle) {
    app.exit(0);
}

/// Whether the app's tray icon is up and the desktop shows tray icons: only then may
/// closing the window leave the app running.
pub fn in_the_tray(app: &AppHandle) -> bool {
    app.tray_by_id("main").is_some() && crate::platform::tray::has_tray()
}

/// The tray icon and the menu line that shows how many are due.
pub struct Tray {
    due: MenuItem<Wry>,
    icon: TrayIcon<Wry>,
}

impl Tray {
    pub fn install(app: &AppHandle) -> tauri::Result<Tray> {
        let due = MenuItem::with_id(app, "due", due_text(0), false, None::<&str>)?;
        let menu = Menu::with_items(
            app,
            &[
                &due,
                &PredefinedMenuItem::separator(app)?,
                &MenuItem::with_id(app, "open", "Open", true, None::<&str>)?,
                &MenuItem::with_id(app, "log", "Log a catch-up…", true, None::<&str>)?,
                &MenuItem::with_id(app, "pause", "Pause nudges…", true, None::<&str>)?,
                &MenuItem::with_id(app, "lock", "Lock now", true, None::<&str>)?,
                &PredefinedMenuItem::separator(app)?,
                &MenuItem::with_id(app, "about", "About Mentor Circle", true, None::<&str>)?,
                &MenuItem::with_id(app, "quit", "Quit", true, None::<&str>)?,
            ],
        )?;
        let mut builder = TrayIconBuilder::with_id("main")
            .menu(&menu)
            .tooltip("Mentor Circle")
            .show_menu_on_left_click(true)
            .on_menu_event(|app, event| match event.id.as_ref() {
                "open" => show_window(app),
                "log" => request(app, ShellRequest::QuickLog { mentor_id: None }),
                "pause" => request(app, ShellRequest::PauseNudges),
                "lock" => lock_soon(app),
                "about" => request(app, ShellRequest::About),
                "quit" => quit_soon(app),
                _ => {}
            });
        if let Some(icon) = app.default_window_icon() {
            builder = builder.icon(icon.clone());
        }
        let icon = builder.build(app)?;
        Ok(Tray { due, icon })
    }

    /// Counts only: the tray is visible to anyone passing by.
    pub fn show_due(&self, due: usize) {
        let _ = self.due.set_text(due_text(due));
        let tooltip = match due {
            0 => "Mentor Circle".to_string(),
            n => format!("Mentor Circle — {n} due"),
        };
        let _ = self.icon.set_tooltip(Some(tooltip));
    }
}

fn due_text(due: usize) -> String {
    match due {
        0 => "No one is due for a catch-up".to_string(),
        1 => "1 mentor is due for a catch-up".to_string(),
        n => format!("{n} mentors are due for a catch-up"),
    }
}
