//! Mentor Circle's desktop shell: it opens the window, supplies the outside world (the
//! OS keyring, the local calendar, the data folder) to `mentor-core`, and exposes thin
//! commands to the UI.

mod circle;
mod commands;
pub mod keyring_store;

use std::path::PathBuf;

use tauri::{Manager, WebviewUrl, WebviewWindowBuilder};

/// Overrides where the data folder lives (tests point it at a temporary folder).
pub const DATA_DIR_ENV: &str = "MENTOR_CIRCLE_DATA_DIR";

/// Starts the app and blocks until it quits.
pub fn run() {
    let result = tauri::Builder::default()
        .invoke_handler(commands::handler())
        .setup(|app| {
            let data_dir = data_dir(app.handle())?;
            app.manage(circle::Circle::new(data_dir.clone()));
            // The webview's own storage lives beside the database, in the same private
            // folder, rather than scattered under the user's home.
            WebviewWindowBuilder::new(app, "main", WebviewUrl::default())
                .title("Mentor Circle")
                .inner_size(1100.0, 720.0)
                .min_inner_size(800.0, 560.0)
                .data_directory(data_dir.join("webview"))
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(error) = result {
        eprintln!("mentor-circle: could not start: {error}");
        std::process::exit(1);
    }
}

fn data_dir(app: &tauri::AppHandle) -> tauri::Result<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_data_dir(),
    }
}
