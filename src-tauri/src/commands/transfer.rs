//! Taking the circle out (exports) and bringing people in (imports).

use std::path::PathBuf;

use chrono::Utc;
use mentor_core::export::{self, ExportDone, ExportFormat, ExportOptions};
use mentor_core::import;
use mentor_core::prospect::{ImportPreview, Prospect, ProspectDraft};
use tauri::State;

use super::Reply;
use crate::circle::Circle;

/// Writes the circle to `path` as `format`; the journal only if the user chose it.
#[tauri::command]
pub async fn export_circle(
    circle: State<'_, Circle>,
    format: ExportFormat,
    path: PathBuf,
    include_journal: bool,
) -> Reply<ExportDone> {
    circle.with_store(|store, today| {
        let now = Utc::now();
        let document = store.export(ExportOptions { include_journal }, now)?;
        export::write(&document, format, &path, today, now)
    })
}

/// What importing the contact file at `path` would do; writes nothing.
#[tauri::command]
pub async fn preview_import(circle: State<'_, Circle>, path: PathBuf) -> Reply<ImportPreview> {
    circle.with_store(|store, _| store.preview_import(import::parse_contacts_file(&path)?))
}

/// Adds the prospects the user accepted from a preview, all or none.
#[tauri::command]
pub async fn import_prospects(
    circle: State<'_, Circle>,
    prospects: Vec<ProspectDraft>,
) -> Reply<usize> {
    circle.change(|store, today| store.import_prospects(&prospects, today))
}

/// Imports a Mentor Circle JSON export into an empty circle.
#[tauri::command]
pub async fn import_circle(circle: State<'_, Circle>, path: PathBuf) -> Reply<usize> {
    circle.change(|store, _| store.import_circle(&export::read_json(&path)?))
}

/// Every prospect, by name.
#[tauri::command]
pub async fn prospects(circle: State<'_, Circle>) -> Reply<Vec<Prospect>> {
    circle.with_store(|store, _| store.prospects())
}
