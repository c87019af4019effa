//! Mentors and the circle as a whole.

use mentor_core::model::{CircleMember, Mentor, MentorDraft, MentorId, MentorStatus};
use mentor_core::sample;
use mentor_core::view::{CircleHealth, MentorPage};
use tauri::State;

use super::Reply;
use crate::circle::Circle;

#[tauri::command]
pub async fn circle(circle: State<'_, Circle>) -> Reply<Vec<CircleMember>> {
    circle.read(|store, today| store.circle(today))
}

#[tauri::command]
pub async fn circle_health(circle: State<'_, Circle>) -> Reply<CircleHealth> {
    circle.read(|store, _| store.circle_health())
}

#[tauri::command]
pub async fn mentor_page(circle: State<'_, Circle>, id: MentorId) -> Reply<MentorPage> {
    circle.read(|store, today| store.mentor_page(id, today))
}

#[tauri::command]
pub async fn add_mentor(circle: State<'_, Circle>, draft: MentorDraft) -> Reply<Mentor> {
    circle.write_and_replan(|store, today| store.add_mentor(&draft, today))
}

#[tauri::command]
pub async fn update_mentor(
    circle: State<'_, Circle>,
    id: MentorId,
    draft: MentorDraft,
) -> Reply<Mentor> {
    circle.write_and_replan(|store, _| store.update_mentor(id, &draft))
}

#[tauri::command]
pub async fn set_mentor_status(
    circle: State<'_, Circle>,
    id: MentorId,
    status: MentorStatus,
) -> Reply<Mentor> {
    circle.write_and_replan(|store, _| store.set_status(id, status))
}

#[tauri::command]
pub async fn renew_agreement(circle: State<'_, Circle>, id: MentorId) -> Reply<Mentor> {
    circle.write_and_replan(|store, today| store.renew_agreement(id, today))
}

#[tauri::command]
pub async fn add_sample_circle(circle: State<'_, Circle>) -> Reply<Vec<CircleMember>> {
    circle.write_and_replan(|store, today| {
        sample::add_sample_circle(store, today)?;
        store.circle(today)
    })
}

#[tauri::command]
pub async fn remove_sample_circle(circle: State<'_, Circle>) -> Reply<usize> {
    circle.write_and_replan(|store, _| store.remove_sample_circle())
}
