//! The user's goals, the mentors helping with each and their progress.

use chrono::Utc;
use mentor_core::goals::{Goal, GoalDraft, GoalStatus};
use mentor_core::model::GoalId;
use tauri::State;

use super::Reply;
use crate::circle::Circle;

#[tauri::command]
pub async fn add_goal(circle: State<'_, Circle>, draft: GoalDraft) -> Reply<Goal> {
    circle.write(|store, today| store.add_goal(&draft, Utc::now(), today))
}

#[tauri::command]
pub async fn goals(circle: State<'_, Circle>) -> Reply<Vec<Goal>> {
    circle.read(|store, _| store.goals())
}

/// Edits a goal's title, why, target date and mentors.
#[tauri::command]
pub async fn update_goal(circle: State<'_, Circle>, id: GoalId, draft: GoalDraft) -> Reply<Goal> {
    circle.write(|store, today| store.update_goal(id, &draft, today))
}

#[tauri::command]
pub async fn set_goal_status(
    circle: State<'_, Circle>,
    id: GoalId,
    status: GoalStatus,
) -> Reply<Goal> {
    circle.write(|store, _| store.set_goal_status(id, status))
}

/// Adds a dated note on how a goal is going.
#[tauri::command]
pub async fn add_goal_progress(circle: State<'_, Circle>, id: GoalId, note: String) -> Reply<Goal> {
    circle.write(|store, today| store.add_goal_progress(id, &note, today))
}
