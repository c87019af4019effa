//! Agenda items and goals in the database, and the links both keep to the journal entry
//! they were raised from.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::Store;
use super::journal::ensure_entry_exists;
use super::mentors::ensure_mentor_exists;
use crate::agenda::{self, AgendaDraft, AgendaItem};
use crate::error::{Error, Result};
use crate::journal::Raised;
use crate::model::AgendaItemId;
use crate::model::EntryId;
use crate::model::MentorId;

const AGENDA_SELECT: &str =
    "SELECT id, mentor_id, text, added_at, from_entry, discussed_on FROM agenda_item";

impl Store {
    /// Adds a question or topic to a mentor's agenda, at `now`.
    pub fn add_agenda_item(
        &mut self,
        draft: &AgendaDraft,
        now: DateTime<Utc>,
    ) -> Result<AgendaItem> {
        let draft = agenda::validate(draft)?;
        let tx = self.conn.transaction()?;
        ensure_mentor_exists(&tx, draft.mentor_id)?;
        if let Some(entry) = draft.from_entry {
            ensure_entry_exists(&tx, entry)?;
        }
        tx.execute(
            "INSERT INTO agenda_item (mentor_id, text, added_at, from_entry)
             VALUES (?1, ?2, ?3, ?4)",
            params![draft.mentor_id, draft.text, now, draft.from_entry],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.agenda_item(id)
    }

    /// Removes an item from an agenda; returns it, so the UI can offer undo.
    pub fn remove_agenda_item(&mut self, id: AgendaItemId) -> Result<AgendaItem> {
        let item = self.agenda_item(id)?;
        self.conn
            .execute("DELETE FROM agenda_item WHERE id = ?1", [id])?;
        Ok(item)
    }

    /// Undo of a removal: the item comes back as it was (a new id), still linked to its
    /// entry if that entry is still there.
    pub fn restore_agenda_item(&mut self, item: &AgendaItem) -> Result<AgendaItem> {
        let draft = agenda::validate(&AgendaDraft {
            mentor_id: item.mentor_id,
            text: item.text.clone(),
            from_entry: item.from_entry,
        })?;
        let tx = self.conn.transaction()?;
        ensure_mentor_exists(&tx, draft.mentor_id)?;
        tx.execute(
            "INSERT INTO agenda_item (mentor_id, text, added_at, from_entry)
             VALUES (?1, ?2, ?3, (SELECT id FROM journal_entry WHERE id = ?4))",
            params![draft.mentor_id, draft.text, item.added_at, draft.from_entry],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.agenda_item(id)
    }

    /// One agenda item.
    pub fn agenda_item(&self, id: AgendaItemId) -> Result<AgendaItem> {
        self.conn
            .query_row(
                &format!("{AGENDA_SELECT} WHERE id = ?1"),
                [id],
                agenda_item_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound("That agenda item no longer exists.".into()))
    }

    /// A mentor's open agenda (not yet discussed), in the order it was added.
    pub fn agenda(&self, mentor_id: MentorId) -> Result<Vec<AgendaItem>> {
        self.agenda_where(
            "mentor_id = ?1 AND discussed_on IS NULL ORDER BY id",
            mentor_id,
        )
    }

    /// A mentor's whole agenda, discussed items included, for an export.
    pub fn agenda_with_discussed(&self, mentor_id: MentorId) -> Result<Vec<AgendaItem>> {
        self.agenda_where("mentor_id = ?1 ORDER BY id", mentor_id)
    }

    fn agenda_where(&self, condition: &str, mentor_id: MentorId) -> Result<Vec<AgendaItem>> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("{AGENDA_SELECT} WHERE {condition}"))?;
        let rows = statement.query_map([mentor_id], agenda_item_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What was raised from a journal entry: the other half of the links.
    pub fn raised_from(&self, entry: EntryId) -> Result<Raised> {
        let mut statement = self.conn.prepare_cached(&format!(
            "{AGENDA_SELECT} WHERE from_entry = ?1 ORDER BY id"
        ))?;
        let questions = statement
            .query_map([entry], agenda_item_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let goals = self.goals_where("g.from_entry = ?1", [entry])?;
        Ok(Raised { questions, goals })
    }
}

/// Links what was raised from an entry (by id) back to it, when that link was cleared by
/// deleting the entry: the undo of a delete.
pub(super) fn relink(tx: &Transaction<'_>, entry: EntryId, raised: &Raised) -> Result<()> {
    for question in &raised.questions {
        tx.execute(
            "UPDATE agenda_item SET from_entry = ?1 WHERE id = ?2 AND from_entry IS NULL",
            params![entry, question.id],
        )?;
    }
    for goal in &raised.goals {
        tx.execute(
            "UPDATE goal SET from_entry = ?1 WHERE id = ?2 AND from_entry IS NULL",
            params![entry, goal.id],
        )?;
    }
    Ok(())
}

fn agenda_item_from_row(row: &Row<'_>) -> rusqlite::Result<AgendaItem> {
    Ok(AgendaItem {
        id: row.get(0)?,
        mentor_id: row.get(1)?,
        text: row.get(2)?,
        added_at: row.get(3)?,
        from_entry: row.get(4)?,
        discussed_on: row.get(5)?,
    })
}
