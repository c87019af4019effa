//! Catch-ups with a mentor.

use mentor_core::model::{CatchUp, CatchUpDraft, CatchUpId};
use tauri::State;

use super::Reply;
use crate::circle::Circle;

#[tauri::command]
pub async fn log_catch_up(circle: State<'_, Circle>, draft: CatchUpDraft) -> Reply<CatchUp> {
    circle.change(|store, today| store.log_catch_up(&draft, today))
}

#[tauri::command]
pub async fn update_catch_up(
    circle: State<'_, Circle>,
    id: CatchUpId,
    draft: CatchUpDraft,
) -> Reply<CatchUp> {
    circle.change(|store, today| store.update_catch_up(id, &draft, today))
}

#[tauri::command]
pub async fn delete_catch_up(circle: State<'_, Circle>, id: CatchUpId) -> Reply<CatchUp> {
    circle.change(|store, _| store.delete_catch_up(id))
}
