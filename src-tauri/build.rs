//! Builds the Tauri context from `src-tauri/tauri.conf.json` (where the Tauri CLI looks for
//! it) and declares the app's commands, so that `capabilities/` decides which of them the
//! window may call.

/// Every command the UI may invoke; `commands::handler()` must list the same.
const COMMANDS: &[&str] = include!("command_list.rs");

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
