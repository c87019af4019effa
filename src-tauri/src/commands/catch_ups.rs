//! Catch-ups with a mentor.

use mentor_core::model::{CatchUp, CatchUpDraft, CatchUpId};
use tauri::State;

use super::Reply;
use crate::circle::Circle;

#[tauri::command]
pub async fn log_catch_up(circle: State<'_, Circle>, draft: CatchUpDraft) -> Reply<CatchUp> {
    circle.write_and_replan(|store, today| store.log_catch_up(&draft, today))
}

#[tauri::command]
pub async fn update_catch_up(
    circle: State<'_, Circle>,
    id: CatchUpId,
    draft: CatchUpDraft,
) -> Reply<CatchUp> {
    circle.write_and_replan(|store, today| store.update_catch_up(id, &draft, today))
}

#[tauri::command]
pub async fn remove_catch_up(circle: State<'_, Circle>, id: CatchUpId) -> Reply<CatchUp> {
    circle.write_and_replan(|store, _| store.remove_catch_up(id))
}
