//! Contact files into prospects: a preview of what an import would do, then the rows
//! the user accepts.

use std::path::PathBuf;

use mentor_core::contacts::{self, ImportPreview};
use mentor_core::prospects::ProspectDraft;
use tauri::State;

use super::Reply;
use crate::circle::Circle;

/// What importing the contact file at `path` would do; writes nothing.
#[tauri::command]
pub async fn preview_import(circle: State<'_, Circle>, path: PathBuf) -> Reply<ImportPreview> {
    circle.read(|store, _| store.preview_import(contacts::parse_contacts_file(&path)?))
}

/// Adds the prospects the user accepted from a preview, all or none.
#[tauri::command]
pub async fn import_prospects(
    circle: State<'_, Circle>,
    prospects: Vec<ProspectDraft>,
) -> Reply<usize> {
    circle.write(|store, today| store.import_prospects(&prospects, today))
}
