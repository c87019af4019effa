//! Mentorship that goes somewhere: advice and what came of it, thanks and gives, the
//! pre-meeting brief and co-mentoring.

use mentor_core::advice::{Advice, AdviceDraft, AdviceProgress};
use mentor_core::brief::Brief;
use mentor_core::gives::{Give, GiveDraft};
use mentor_core::model::AdviceId;
use mentor_core::model::GiveId;
use mentor_core::model::{CoMentoring, Mentor, MentorId};
use tauri::State;

use super::Reply;
use crate::circle::Circle;

#[tauri::command]
pub async fn add_advice(circle: State<'_, Circle>, draft: AdviceDraft) -> Reply<Advice> {
    circle.with_store(|store, today| store.add_advice(&draft, today))
}

/// What the user did with the advice and what came of it.
#[tauri::command]
pub async fn update_advice(
    circle: State<'_, Circle>,
    id: AdviceId,
    progress: AdviceProgress,
) -> Reply<Advice> {
    circle.with_store(|store, today| store.update_advice(id, &progress, today))
}

/// Hands back the removed advice, for undo.
#[tauri::command]
pub async fn remove_advice(circle: State<'_, Circle>, id: AdviceId) -> Reply<Advice> {
    circle.with_store(|store, _| store.remove_advice(id))
}

#[tauri::command]
pub async fn restore_advice(circle: State<'_, Circle>, advice: Advice) -> Reply<Advice> {
    circle.with_store(|store, _| store.restore_advice(&advice))
}

#[tauri::command]
pub async fn add_give(circle: State<'_, Circle>, draft: GiveDraft) -> Reply<Give> {
    circle.with_store(|store, today| store.add_give(&draft, today))
}

#[tauri::command]
pub async fn update_give(circle: State<'_, Circle>, id: GiveId, draft: GiveDraft) -> Reply<Give> {
    circle.with_store(|store, today| store.update_give(id, &draft, today))
}

/// Hands back the removed give, for undo.
#[tauri::command]
pub async fn remove_give(circle: State<'_, Circle>, id: GiveId) -> Reply<Give> {
    circle.with_store(|store, _| store.remove_give(id))
}

#[tauri::command]
pub async fn restore_give(circle: State<'_, Circle>, give: Give) -> Reply<Give> {
    circle.with_store(|store, _| store.restore_give(&give))
}

/// Everything worth having in mind before a catch-up with a mentor.
#[tauri::command]
pub async fn brief(circle: State<'_, Circle>, id: MentorId) -> Reply<Brief> {
    circle.with_store(|store, today| store.brief(id, today))
}

#[tauri::command]
pub async fn set_co_mentoring(
    circle: State<'_, Circle>,
    id: MentorId,
    help: CoMentoring,
) -> Reply<Mentor> {
    circle.with_store(|store, _| store.set_co_mentoring(id, &help))
}
