//! A bare Tauri window, built from the same configuration as Mentor Circle (the same
//! `tauri` features, release profile, CSP and window) with nothing else in it: no tray,
//! no plugins, no database. The app's benchmark (`bench/app`) measures the app against
//! it, so what the app costs beyond any Tauri window shows.

// No console window on Windows release builds, as the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Instant;

use tauri::{Manager, WebviewUrl, WebviewWindowBuilder, WindowEvent};

/// Where the webview keeps its storage, as the app's data folder variable does.
const DATA_DIR_ENV: &str = "MENTOR_CIRCLE_DATA_DIR";

/// Set to `1` by the benchmark: the page's `ready` is printed on stdout.
const REPORT_READY_ENV: &str = "MENTOR_CIRCLE_REPORT_READY";

/// Start with the window hidden, as the app does when started at login.
const AUTOSTART_ARG: &str = "--autostart";

/// When the process started, and when setup and the page's load began (ms after it), for
/// the benchmark's report beside the app's.
static LAUNCHED: OnceLock<Instant> = OnceLock::new();
static SETUP_AT: OnceLock<u128> = OnceLock::new();
static PAGE_STARTED_AT: OnceLock<u128> = OnceLock::new();

fn since_launch() -> u128 {
    LAUNCHED.get().map_or(0, |at| at.elapsed().as_millis())
}

/// Called by the page once it is loaded and painted; prints `ready` for the benchmark.
#[tauri::command]
async fn ready() {
    if std::env::var_os(REPORT_READY_ENV).is_some_and(|value| value == "1") {
        let mut stdout = std::io::stdout().lock();
        let at = |step: &OnceLock<u128>| step.get().copied().unwrap_or_default();
        let _ = writeln!(
            stdout,
            "bare-window: shell start-up in ms: setup {}, page started {}, ready {}",
            at(&SETUP_AT),
            at(&PAGE_STARTED_AT),
            since_launch()
        );
        let _ = writeln!(stdout, "ready");
        let _ = stdout.flush();
    }
}

fn main() {
    LAUNCHED.get_or_init(Instant::now);
    let autostarted = std::env::args().any(|arg| arg == AUTOSTART_ARG);
    let result = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .on_page_load(|_, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Started {
                PAGE_STARTED_AT.get_or_init(since_launch);
            }
        })
        .on_window_event(|window, event| {
            // As in the app: closing the window hides it, and the process stays.
            if let WindowEvent::CloseRequested { api, .. } = event {
                api.prevent_close();
                let _ = window.hide();
            }
        })
        .setup(move |app| {
            SETUP_AT.get_or_init(since_launch);
            let data_dir = data_dir(app.handle())?;
            WebviewWindowBuilder::new(app, "main", WebviewUrl::default())
                .title("Bare Window")
                .inner_size(1100.0, 720.0)
                .min_inner_size(800.0, 560.0)
                .data_directory(data_dir.join("webview"))
                .visible(!autostarted)
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("bare-window: could not start: {error}");
        std::process::exit(1);
    }
}

fn data_dir(app: &tauri::AppHandle) -> tauri::Result<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_data_dir(),
    }
}
