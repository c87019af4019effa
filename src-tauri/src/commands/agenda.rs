//! From frustration to action: questions for a mentor's next catch-up and the user's
//! goals, either of which may come from a journal passage the user chose.

use chrono::Utc;
use mentor_core::agenda::{AgendaDraft, AgendaItem};
use mentor_core::goals::{Goal, GoalDraft, GoalStatus};
use mentor_core::journal::Raised;
use mentor_core::model::AgendaItemId;
use mentor_core::model::EntryId;
use mentor_core::model::GoalId;
use tauri::State;

use super::Reply;
use crate::circle::Circle;

#[tauri::command]
pub async fn add_agenda_item(circle: State<'_, Circle>, draft: AgendaDraft) -> Reply<AgendaItem> {
    circle.with_store(|store, _| store.add_agenda_item(&draft, Utc::now()))
}

/// Hands back the removed item, for undo.
#[tauri::command]
pub async fn remove_agenda_item(circle: State<'_, Circle>, id: AgendaItemId) -> Reply<AgendaItem> {
    circle.with_store(|store, _| store.remove_agenda_item(id))
}

#[tauri::command]
pub async fn restore_agenda_item(circle: State<'_, Circle>, item: AgendaItem) -> Reply<AgendaItem> {
    circle.with_store(|store, _| store.restore_agenda_item(&item))
}

#[tauri::command]
pub async fn add_goal(circle: State<'_, Circle>, draft: GoalDraft) -> Reply<Goal> {
    circle.with_store(|store, today| store.add_goal(&draft, Utc::now(), today))
}

#[tauri::command]
pub async fn goals(circle: State<'_, Circle>) -> Reply<Vec<Goal>> {
    circle.with_store(|store, _| store.goals())
}

/// The questions and goals raised from a journal entry.
#[tauri::command]
pub async fn raised_from_entry(circle: State<'_, Circle>, id: EntryId) -> Reply<Raised> {
    circle.with_store(|store, _| store.raised_from(id))
}

/// Edits a goal's title, why, target date and mentors.
#[tauri::command]
pub async fn update_goal(circle: State<'_, Circle>, id: GoalId, draft: GoalDraft) -> Reply<Goal> {
    circle.with_store(|store, today| store.update_goal(id, &draft, today))
}

#[tauri::command]
pub async fn set_goal_status(
    circle: State<'_, Circle>,
    id: GoalId,
    status: GoalStatus,
) -> Reply<Goal> {
    circle.with_store(|store, _| store.set_goal_status(id, status))
}

/// Adds a dated note on how a goal is going.
#[tauri::command]
pub async fn add_goal_progress(circle: State<'_, Circle>, id: GoalId, note: String) -> Reply<Goal> {
    circle.with_store(|store, today| store.add_goal_progress(id, &note, today))
}
