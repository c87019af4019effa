//! The whole circle as one file: exported to keep or take elsewhere, imported back.

use std::path::PathBuf;

use chrono::Utc;
use mentor_core::transfer::{self, ExportDone, ExportFormat, ExportOptions};
use tauri::{AppHandle, State};

use super::Reply;
use crate::circle::Circle;
use crate::confirm::{self, Ask};

/// Writes the circle to `path` as `format`, in plaintext; the journal only if the user
/// chose it, and nothing until they confirm in a native dialog (see `confirm.rs`).
#[tauri::command]
pub async fn export_circle(
    app: AppHandle,
    circle: State<'_, Circle>,
    format: ExportFormat,
    path: PathBuf,
    include_journal: bool,
) -> Reply<ExportDone> {
    // A place that cannot be written is refused before the question.
    mentor_core::backups::check_destination(&path)
        .map_err(|error| mentor_core::ErrorPayload::from(&error))?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let journal = if include_journal {
        "your journal included"
    } else {
        "without your journal"
    };
    let ask = Ask {
        title: "Export your circle unencrypted?",
        message: format!(
            "Mentor Circle will write your circle, {journal}, to “{name}” as plain text. \
             Anyone who can open that file can read it."
        ),
        yes: "Export",
    };
    if !confirm::user_says_yes(&app, ask) {
        return Err(confirm::declined("nothing was exported"));
    }
    circle.read(|store, today| {
        let now = Utc::now();
        let document = store.export(ExportOptions { include_journal }, now)?;
        transfer::write(&document, format, &path, today, now)
    })
}

/// Imports a Mentor Circle JSON export into an empty circle.
#[tauri::command]
pub async fn import_circle(circle: State<'_, Circle>, path: PathBuf) -> Reply<usize> {
    circle.write_and_replan(|store, _| store.import_circle(&transfer::read_json(&path)?))
}
