//! Thanks and gives: what the user does for their mentors in return.

use mentor_core::gives::{Give, GiveDraft};
use mentor_core::model::GiveId;
use tauri::State;

use super::Reply;
use crate::circle::Circle;

#[tauri::command]
pub async fn add_give(circle: State<'_, Circle>, draft: GiveDraft) -> Reply<Give> {
    circle.write(|store, today| store.add_give(&draft, today))
}

#[tauri::command]
pub async fn update_give(circle: State<'_, Circle>, id: GiveId, draft: GiveDraft) -> Reply<Give> {
    circle.write(|store, today| store.update_give(id, &draft, today))
}

/// Hands back the removed give, for undo.
#[tauri::command]
pub async fn remove_give(circle: State<'_, Circle>, id: GiveId) -> Reply<Give> {
    circle.write(|store, _| store.remove_give(id))
}

#[tauri::command]
pub async fn restore_give(circle: State<'_, Circle>, give: Give) -> Reply<Give> {
    circle.write(|store, _| store.restore_give(&give))
}
