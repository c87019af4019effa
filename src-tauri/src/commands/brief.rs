//! The pre-meeting brief, and co-mentoring: what the user helps a mentor with.

use mentor_core::brief::Brief;
use mentor_core::model::{CoMentoring, Mentor, MentorId};
use tauri::State;

use super::Reply;
use crate::circle::Circle;

/// Everything worth having in mind before a catch-up with a mentor.
#[tauri::command]
pub async fn brief(circle: State<'_, Circle>, id: MentorId) -> Reply<Brief> {
    circle.read(|store, today| store.brief(id, today))
}

#[tauri::command]
pub async fn set_co_mentoring(
    circle: State<'_, Circle>,
    id: MentorId,
    help: CoMentoring,
) -> Reply<Mentor> {
    circle.write(|store, _| store.set_co_mentoring(id, &help))
}
