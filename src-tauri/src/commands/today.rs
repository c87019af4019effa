//! The home screen (Today): what is due, a section at a time.

use mentor_core::model::{CircleMember, Section};
use mentor_core::view::Home;
use tauri::State;

use super::Reply;
use crate::circle::Circle;

#[tauri::command]
pub async fn home(circle: State<'_, Circle>) -> Reply<Home> {
    circle.read(|store, today| store.home(today))
}

#[tauri::command]
pub async fn home_section(
    circle: State<'_, Circle>,
    section: Section,
    offset: u32,
    limit: u32,
) -> Reply<Vec<CircleMember>> {
    circle.read(|store, today| store.home_section(today, section, offset, limit))
}
