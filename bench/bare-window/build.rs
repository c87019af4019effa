//! Builds the Tauri context from this package's `tauri.conf.json` and declares its one
//! command, so that `capabilities/` governs it as the app's capabilities govern the app.

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(&["ready"]));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
