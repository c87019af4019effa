//! The prospect pipeline: people who might become mentors, and welcoming one in.

use mentor_core::model::ProspectId;
use mentor_core::model::{Mentor, MentorDraft};
use mentor_core::prospects::{Outreach, Prospect, ProspectDraft, Stage};
use tauri::State;

use super::Reply;
use crate::circle::Circle;

#[tauri::command]
pub async fn add_prospect(circle: State<'_, Circle>, draft: ProspectDraft) -> Reply<Prospect> {
    circle.write(|store, today| store.add_prospect(&draft, today))
}

#[tauri::command]
pub async fn update_prospect(
    circle: State<'_, Circle>,
    id: ProspectId,
    draft: ProspectDraft,
) -> Reply<Prospect> {
    circle.write(|store, _| store.update_prospect(id, &draft))
}

/// Moves a prospect along the pipeline; reaching out counts against the weekly cap.
#[tauri::command]
pub async fn move_prospect(
    circle: State<'_, Circle>,
    id: ProspectId,
    stage: Stage,
) -> Reply<Prospect> {
    circle.write(|store, today| store.move_prospect(id, stage, today))
}

/// Welcomes a prospect into the circle; their history stays with the new mentor.
#[tauri::command]
pub async fn promote_prospect(
    circle: State<'_, Circle>,
    id: ProspectId,
    draft: MentorDraft,
) -> Reply<Mentor> {
    circle.write_and_replan(|store, today| store.promote_prospect(id, &draft, today))
}

#[tauri::command]
pub async fn outreach(circle: State<'_, Circle>) -> Reply<Outreach> {
    circle.read(|store, today| store.outreach(today))
}

#[tauri::command]
pub async fn set_outreach_cap(circle: State<'_, Circle>, cap: Option<u32>) -> Reply<Outreach> {
    circle.write(|store, today| store.set_outreach_cap(cap, today))
}

/// Every prospect, by name.
#[tauri::command]
pub async fn prospects(circle: State<'_, Circle>) -> Reply<Vec<Prospect>> {
    circle.read(|store, _| store.prospects())
}
