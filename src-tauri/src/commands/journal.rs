//! The private journal and search. Journal text passes through here to the UI and the
//! encrypted store only: never to a log, a notification or the window title.

use chrono::Utc;
use mentor_core::journal::{
    Draft, DraftOf, EntryContent, JournalEntry, Raised, RemovedEntry, SearchHit, SearchQuery,
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
    circle.read(|store, _| store.entries(PAGE, before))
}

#[tauri::command]
pub async fn journal_entry(circle: State<'_, Circle>, id: EntryId) -> Reply<JournalEntry> {
    circle.read(|store, _| store.entry(id))
}

#[tauri::command]
pub async fn add_journal_entry(
    circle: State<'_, Circle>,
    content: EntryContent,
) -> Reply<JournalEntry> {
    circle.write(|store, today| store.add_entry(&content, Utc::now(), today))
}

#[tauri::command]
pub async fn update_journal_entry(
    circle: State<'_, Circle>,
    id: EntryId,
    content: EntryContent,
) -> Reply<JournalEntry> {
    circle.write(|store, _| store.update_entry(id, &content, Utc::now()))
}

/// Deletes an entry; questions and goals raised from it stay. Hands back the entry and
/// what was raised from it, for undo.
#[tauri::command]
pub async fn remove_journal_entry(circle: State<'_, Circle>, id: EntryId) -> Reply<RemovedEntry> {
    circle.write(|store, _| store.remove_entry(id))
}

/// Undo of a delete: the entry comes back with its original date (under a new id), linked
/// again to what was raised from it.
#[tauri::command]
pub async fn restore_journal_entry(
    circle: State<'_, Circle>,
    deleted: RemovedEntry,
) -> Reply<JournalEntry> {
    circle.write(|store, _| store.restore_entry(&deleted))
}

#[tauri::command]
pub async fn save_journal_draft(
    circle: State<'_, Circle>,
    of: DraftOf,
    content: EntryContent,
) -> Reply<()> {
    circle.write(|store, _| store.save_draft(of, &content, Utc::now()))
}

#[tauri::command]
pub async fn journal_drafts(circle: State<'_, Circle>) -> Reply<Vec<Draft>> {
    circle.read(|store, _| store.drafts())
}

#[tauri::command]
pub async fn discard_journal_draft(circle: State<'_, Circle>, of: DraftOf) -> Reply<()> {
    circle.write(|store, _| store.discard_draft(of))
}

#[tauri::command]
pub async fn search(circle: State<'_, Circle>, query: SearchQuery) -> Reply<Vec<SearchHit>> {
    circle.read(|store, _| store.search(&query))
}

/// The questions and goals raised from a journal entry.
#[tauri::command]
pub async fn raised_from_entry(circle: State<'_, Circle>, id: EntryId) -> Reply<Raised> {
    circle.read(|store, _| store.raised_from(id))
}
