//! Questions for a mentor's next catch-up, each perhaps raised from a journal passage
//! the user chose.

use chrono::Utc;
use mentor_core::agenda::{AgendaDraft, AgendaItem};
use mentor_core::model::AgendaItemId;
use tauri::State;

use super::Reply;
use crate::circle::Circle;

#[tauri::command]
pub async fn add_agenda_item(circle: State<'_, Circle>, draft: AgendaDraft) -> Reply<AgendaItem> {
    circle.write(|store, _| store.add_agenda_item(&draft, Utc::now()))
}

/// Hands back the removed item, for undo.
#[tauri::command]
pub async fn remove_agenda_item(circle: State<'_, Circle>, id: AgendaItemId) -> Reply<AgendaItem> {
    circle.write(|store, _| store.remove_agenda_item(id))
}

#[tauri::command]
pub async fn restore_agenda_item(circle: State<'_, Circle>, item: AgendaItem) -> Reply<AgendaItem> {
    circle.write(|store, _| store.restore_agenda_item(&item))
}
