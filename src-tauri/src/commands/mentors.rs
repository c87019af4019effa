//! Mentors and the circle as a whole.

use mentor_core::model::{CircleMember, Mentor, MentorDraft, MentorId, MentorPage};
use mentor_core::sample;
use tauri::State;

use super::Reply;
use crate::circle::Circle;

#[tauri::command]
pub async fn circle(circle: State<'_, Circle>) -> Reply<Vec<CircleMember>> {
    circle.with_store(|store, today| store.circle(today))
}

#[tauri::command]
pub async fn archived_mentors(circle: State<'_, Circle>) -> Reply<Vec<Mentor>> {
    circle.with_store(|store, _| store.archived_mentors())
}

#[tauri::command]
pub async fn mentor_page(circle: State<'_, Circle>, id: MentorId) -> Reply<MentorPage> {
    circle.with_store(|store, today| store.mentor_page(id, today))
}

#[tauri::command]
pub async fn add_mentor(circle: State<'_, Circle>, draft: MentorDraft) -> Reply<Mentor> {
    circle.with_store(|store, today| store.add_mentor(&draft, today))
}

#[tauri::command]
pub async fn update_mentor(
    circle: State<'_, Circle>,
    id: MentorId,
    draft: MentorDraft,
) -> Reply<Mentor> {
    circle.with_store(|store, _| store.update_mentor(id, &draft))
}

#[tauri::command]
pub async fn archive_mentor(circle: State<'_, Circle>, id: MentorId) -> Reply<Mentor> {
    circle.with_store(|store, _| store.set_archived(id, true))
}

#[tauri::command]
pub async fn restore_mentor(circle: State<'_, Circle>, id: MentorId) -> Reply<Mentor> {
    circle.with_store(|store, _| store.set_archived(id, false))
}

#[tauri::command]
pub async fn add_sample_circle(circle: State<'_, Circle>) -> Reply<Vec<CircleMember>> {
    circle.with_store(|store, today| {
        sample::add_sample_circle(store, today)?;
        store.circle(today)
    })
}
