//! Advice and what came of it.

use mentor_core::advice::{Advice, AdviceDraft, AdviceProgress};
use mentor_core::model::AdviceId;
use tauri::State;

use super::Reply;
use crate::circle::Circle;

#[tauri::command]
pub async fn add_advice(circle: State<'_, Circle>, draft: AdviceDraft) -> Reply<Advice> {
    circle.write(|store, today| store.add_advice(&draft, today))
}

/// What the user did with the advice and what came of it.
#[tauri::command]
pub async fn update_advice(
    circle: State<'_, Circle>,
    id: AdviceId,
    progress: AdviceProgress,
) -> Reply<Advice> {
    circle.write(|store, today| store.update_advice(id, &progress, today))
}

/// Hands back the removed advice, for undo.
#[tauri::command]
pub async fn remove_advice(circle: State<'_, Circle>, id: AdviceId) -> Reply<Advice> {
    circle.write(|store, _| store.remove_advice(id))
}

#[tauri::command]
pub async fn restore_advice(circle: State<'_, Circle>, advice: Advice) -> Reply<Advice> {
    circle.write(|store, _| store.restore_advice(&advice))
}
