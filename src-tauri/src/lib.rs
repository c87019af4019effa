//! Mentor Circle's desktop shell: it opens the window, supplies the outside world (the
//! OS keyring, the local calendar, the data folder, the notification service, the tray)
//! to `mentor-core`, and exposes thin commands to the UI.

mod circle;
mod commands;
mod confirm;
pub mod nudges;
mod page;
pub mod platform;
mod shell;
pub mod startup;

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{Local, Utc};
use mentor_core::nudges::{LONGEST_SLEEP, LockedSchedule, NudgeOutcome};
use tauri::{AppHandle, Emitter, Manager, WebviewUrl, WebviewWindowBuilder, WindowEvent};

use crate::circle::Circle;
use crate::nudges::{ActedOn, Alarm, NudgeAction, NudgeLoop};
use crate::platform::data_folder::data_dir;
use crate::platform::notifier::{self, DesktopNotifier};
use crate::platform::single_instance;
use crate::shell::ShellRequest;

/// How long after start the daily backup waits, so starting up never waits behind it.
const BACKUP_AFTER_START: chrono::TimeDelta = chrono::TimeDelta::seconds(90);

/// Passed by the login item: start in the tray, without a window.
const AUTOSTART_ARG: &str = "--autostart";

/// The longest the tray and the first nudge pass wait for the window's first screen.
const AFTER_FIRST_SCREEN_AT_MOST: chrono::TimeDelta = chrono::TimeDelta::seconds(3);

/// Rung once the window has drawn its home screen (see `home_shown`): the tray and the
/// first nudge pass wait for it, so that on a two-core laptop they do not compete with
/// the webview for the first half second.
#[derive(Default, Clone)]
pub struct HomeShown(pub Alarm);

/// The nudge loop's state, shared with the commands that show or dismiss its problem,
/// and the nameless timetable it runs on while the app is locked.
pub struct Nudges {
    nudge_loop: Mutex<NudgeLoop<DesktopNotifier>>,
    while_locked: Mutex<Option<LockedSchedule>>,
}

impl Nudges {
    fn lock(&self) -> MutexGuard<'_, NudgeLoop<DesktopNotifier>> {
        self.nudge_loop
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn while_locked(&self) -> MutexGuard<'_, Option<LockedSchedule>> {
        self.while_locked
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Locks the app (from the window, the tray or the idle timer): the nudge loop keeps a
/// nameless timetable, the database closes and its key leaves memory.
pub fn lock_app(app: &AppHandle) {
    // Locked already: keep the timetable taken then (the store is closed now).
    let Some(schedule) = app.state::<Circle>().lock_now() else {
        return;
    };
    *app.state::<Nudges>().while_locked() = schedule;
    app.state::<Alarm>().ring();
}

/// Unlocks, and writes what was sent while locked to the record.
pub fn unlock_app(app: &AppHandle) -> mentor_core::view::AppStatus {
    let status = app.state::<Circle>().unlock();
    record_nudges_sent_while_locked(app, status)
}

/// After an unlock: what was sent while locked goes into the record, once.
pub fn record_nudges_sent_while_locked(
    app: &AppHandle,
    status: mentor_core::view::AppStatus,
) -> mentor_core::view::AppStatus {
    let circle = app.state::<Circle>();
    let opened = matches!(status, mentor_core::view::AppStatus::Open { .. });
    let sent_while_locked = if opened {
        app.state::<Nudges>().while_locked().take()
    } else {
        None
    };
    if let Some(schedule) = sent_while_locked {
        let recorded = circle.write(|store, _| store.record_locked_nudges(&schedule, &Local));
        if let Err(error) = recorded {
            eprintln!("mentor-circle: nudges sent while locked were not recorded: {error:?}");
        }
    }
    status
}

/// Starts the app and blocks until it quits.
pub fn run() {
    startup::mark("launch");
    let autostarted = std::env::args().any(|arg| arg == AUTOSTART_ARG);
    // First, so a second launch hands over before opening anything (on Linux, at the
    // start of set-up).
    let result = single_instance::install(tauri::Builder::default())
        .plugin(
            tauri_plugin_autostart::Builder::new()
                .args([AUTOSTART_ARG])
                .build(),
        )
        // For the app's own native confirmations only: the window may call none of it.
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(commands::handler())
        .on_page_load(|_, payload| {
            startup::mark(match payload.event() {
                tauri::webview::PageLoadEvent::Started => "page started",
                tauri::webview::PageLoadEvent::Finished => "page loaded",
            });
        })
        .on_window_event(|window, event| {
            // Closing the window keeps nudges coming from the tray, where "Quit" really
            // quits. With no tray to find it in again, closing the window quits.
            if let WindowEvent::CloseRequested { api, .. } = event {
                // A second app on a folder another one holds has nothing to keep running.
                if window.state::<Circle>().is_open_elsewhere() {
                    window.app_handle().exit(0);
                    return;
                }
                api.prevent_close();
                if shell::in_the_tray(window.app_handle()) {
                    let _ = window.hide();
                } else {
                    shell::quit(window.app_handle());
                }
            }
        })
        .setup(move |app| {
            startup::mark("setup");
            if single_instance::handed_over(app) {
                app.cleanup_before_exit();
                std::process::exit(0);
            }
            let data_dir = data_dir(app.handle())?;
            let alarm = Alarm::default();
            app.manage(Circle::new(data_dir.clone(), alarm.clone()));
            let notifier = DesktopNotifier::new(
                &app.config().identifier,
                on_nudge_action(app.handle().clone()),
            );
            app.manage(Nudges {
                nudge_loop: Mutex::new(NudgeLoop::new(notifier)),
                while_locked: Mutex::new(None),
            });
            app.manage(alarm.clone());
            let home_shown = HomeShown::default();
            app.manage(home_shown.clone());
            // The webview's own storage lives beside the database, in the same private
            // folder, rather than scattered under the user's home.
            WebviewWindowBuilder::new(app, "main", WebviewUrl::default())
                .title("Mentor Circle")
                .inner_size(1100.0, 720.0)
                .min_inner_size(800.0, 560.0)
                .data_directory(data_dir.join("webview"))
                .visible(!autostarted)
                // The page never leaves the app, and never opens another window.
                .on_navigation(page::is_own)
                .on_new_window(|_, _| tauri::webview::NewWindowResponse::Deny)
                .build()?;
            startup::mark("window");
            // Started at login there is no window to wait for. A second app on a
            // folder another one holds sends no nudges and shows no tray: the first does.
            let home_shown = (!autostarted).then_some(home_shown);
            if app.state::<Circle>().is_open_elsewhere() {
                if autostarted {
                    app.handle().exit(0);
                }
            } else {
                start_nudge_loop(app.handle().clone(), alarm, home_shown);
            }
            Ok(())
        })
        .build(tauri::generate_context!());
    match result {
        // However the app ends (Quit anywhere, macOS's own Quit menu item, the session
        // ending), the circle is closed last: its WAL is checkpointed into the database.
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event
                && let Some(circle) = app.try_state::<Circle>()
            {
                circle.close();
            }
        }),
        Err(error) => {
            eprintln!("mentor-circle: could not start: {error}");
            std::process::exit(1);
        }
    }
}

/// Runs the nudge loop on its own thread for the life of the app. It opens the circle at
/// once, so the window's first question finds it open; with a window to show, the tray
/// and the first pass wait until its home screen is drawn (or a few seconds).
fn start_nudge_loop(app: AppHandle, alarm: Alarm, home_shown: Option<HomeShown>) {
    let spawned = std::thread::Builder::new()
        .name("nudges".into())
        .spawn(move || {
            let circle = app.state::<Circle>();
            let nudges = app.state::<Nudges>();
            // The app may have started in the tray, with no window asking. A locked
            // keyring shows on the window's lock screen; the loop then waits for it to
            // open, so a locked keyring is not asked (and logged) every minute.
            let _ = circle.read(|_, _| Ok(()));
            startup::mark("circle open");
            if let Some(HomeShown(shown)) = home_shown {
                // The home screen read while the window starts: the window's first
                // question is answered with it (on the stress circle the read takes
                // 25 ms cold, and leaves the cache warm for what the window asks next).
                circle.read_home_ahead();
                startup::mark("home read ahead");
                shown.sleep_until(Utc::now() + AFTER_FIRST_SCREEN_AT_MOST);
            }
            // A desktop without a tray still gets nudges and a window. Tauri builds the
            // tray on the main thread; this waits for it.
            let tray = shell::Tray::install(&app)
                .inspect_err(|error| eprintln!("mentor-circle: no tray icon: {error}"))
                .ok();
            startup::mark("tray");
            let mut shown_due = None;
            let backups_from = Utc::now() + BACKUP_AFTER_START;
            loop {
                let had_problem = nudges.lock().problem().is_some();
                let pass =
                    |store: &mut mentor_core::Store| nudges.lock().tick(store, &Local::now());
                let tick = if let Some(schedule) = nudges.while_locked().as_mut() {
                    Some(nudges.lock().tick_locked(schedule, &Local::now()))
                } else {
                    circle.if_open(pass).and_then(|result| {
                        // Internal errors name the failing step, never the user's text.
                        result
                            .inspect_err(|error| eprintln!("mentor-circle: nudges: {error}"))
                            .ok()
                    })
                };
                // The daily backup rides on the loop: it wakes at least hourly while the
                // app runs, and once a little after start (a large circle's copy takes
                // a second or two, which the home screen must not wait behind).
                let backups_wait = Utc::now() < backups_from;
                if tick.is_some() && !backups_wait {
                    circle.back_up_daily();
                }
                let wake_at = match tick {
                    Some(tick) => {
                        if shown_due != Some(tick.due) {
                            if let Some(tray) = &tray {
                                tray.show_due(tick.due);
                            }
                            shown_due = Some(tick.due);
                        }
                        tick.wake_at
                    }
                    // Locked (or a read failed): nothing to plan from; the window's
                    // "Try again" rings the alarm once the circle opens.
                    None => Utc::now() + LONGEST_SLEEP,
                };
                let wake_at = if backups_wait {
                    wake_at.min(backups_from)
                } else {
                    wake_at
                };
                if nudges.lock().problem().is_some() != had_problem {
                    let _ = app.emit_to("main", shell::NUDGE_PROBLEM_EVENT, ());
                }
                alarm.sleep_until(wake_at);
            }
        });
    if let Err(error) = spawned {
        eprintln!("mentor-circle: nudges cannot run: {error}");
    }
}

/// What happens when the user acts on a notification.
fn on_nudge_action(app: AppHandle) -> notifier::ActionHandler {
    Arc::new(move |acted: ActedOn| {
        if acted.nudge == nudges::LOCKED_NUDGE {
            // Sent while locked: nothing to record yet; the window shows the lock screen.
            shell::show_window(&app);
            return;
        }
        let circle = app.state::<Circle>();
        let recorded = circle.write_and_replan(|store, today| match acted.action {
            NudgeAction::Open => store.set_nudge_outcome(acted.nudge, NudgeOutcome::Opened),
            NudgeAction::LogCatchUp => {
                store.set_nudge_outcome(acted.nudge, NudgeOutcome::LoggedCatchUp)
            }
            NudgeAction::SnoozeADay => store.snooze_nudge(acted.nudge, today),
        });
        if let Err(error) = recorded {
            eprintln!("mentor-circle: a nudge's outcome was not recorded: {error:?}");
        }
        let single = match acted.mentors.as_slice() {
            [only] => Some(*only),
            _ => None,
        };
        match (acted.action, single) {
            (NudgeAction::Open, Some(id)) => shell::request(&app, ShellRequest::Mentor { id }),
            (NudgeAction::Open, None) => shell::request(&app, ShellRequest::Home),
            (NudgeAction::LogCatchUp, mentor_id) => {
                shell::request(&app, ShellRequest::QuickLog { mentor_id })
            }
            (NudgeAction::SnoozeADay, _) => {}
        }
    })
}
