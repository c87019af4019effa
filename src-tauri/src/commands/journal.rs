//! The private journal and search. Journal text passes through here to the UI and the
//! encrypted store only: never to a log, a notification or the window title.

use chrono::Utc;
use mentor_core::journal::{
    DeletedEntry, Draft, DraftOf, EntryContent, JournalEntry, SearchHit, SearchQuery,
};
use mentor_core::model::EntryId;
use tauri::State;

use super::Reply;
use crate::circle::Circle;

/// Entries per page of the journal list.
const PAGE: u32 = 50;

#[tauri::command]
pub async fn journal_entries(
    circle: State<'_, Circle>,
    before: Option<EntryId>,
) -> Reply<Vec<JournalEntry>> {
    circle.with_store(|store, _| store.entries(PAGE, before))
}

#[tauri::command]
pub async fn journal_entry(circle: State<'_, Circle>, id: EntryId) -> Reply<JournalEntry> {
    circle.with_store(|store, _| store.entry(id))
}

#[tauri::command]
pub async fn add_journal_entry(
    circle: State<'_, Circle>,
    content: EntryContent,
) -> Reply<JournalEntry> {
    circle.with_store(|store, today| store.add_entry(&content, Utc::now(), today))
}

#[tauri::command]
pub async fn update_journal_entry(
    circle: State<'_, Circle>,
    id: EntryId,
    content: EntryContent,
) -> Reply<JournalEntry> {
    circle.with_store(|store, _| store.update_entry(id, &content, Utc::now()))
}

/// Deletes an entry; questions and goals raised from it stay. Hands back the entry and
/// what was raised from it, for undo.
#[tauri::command]
pub async fn delete_journal_entry(circle: State<'_, Circle>, id: EntryId) -> Reply<DeletedEntry> {
    circle.with_store(|store, _| store.delete_entry(id))
}

/// Undo of a delete: the entry comes back with its original date (under a new id), linked
/// again to what was raised from it.
#[tauri::command]
pub async fn restore_journal_entry(
    circle: State<'_, Circle>,
    deleted: DeletedEntry,
) -> Reply<JournalEntry> {
    circle.with_store(|store, _| store.restore_entry(&deleted))
}

#[tauri::command]
pub async fn save_journal_draft(
    circle: State<'_, Circle>,
    of: DraftOf,
    content: EntryContent,
) -> Reply<()> {
    circle.with_store(|store, _| store.save_draft(of, &content, Utc::now()))
}

#[tauri::command]
pub async fn journal_drafts(circle: State<'_, Circle>) -> Reply<Vec<Draft>> {
    circle.with_store(|store, _| store.drafts())
}

#[tauri::command]
pub async fn discard_journal_draft(circle: State<'_, Circle>, of: DraftOf) -> Reply<()> {
    circle.with_store(|store, _| store.discard_draft(of))
}

#[tauri::command]
pub async fn search(circle: State<'_, Circle>, query: SearchQuery) -> Reply<Vec<SearchHit>> {
    circle.with_store(|store, _| store.search(&query))
}
