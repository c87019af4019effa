//! Thanks and gives in the database, and the balance between asks and gives.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::Store;
use super::mentors::ensure_mentor_exists;
use crate::error::{Error, Result};
use crate::gives::{self, Balance, Give, GiveDraft};
use crate::model::{GiveId, MentorId};

impl Store {
    /// Logs a thank-you or a give, or notes an idea or an offer.
    pub fn add_give(&mut self, draft: &GiveDraft, today: NaiveDate) -> Result<Give> {
        let draft = gives::validate(draft, today)?;
        self.add_checked_give(&draft)
    }

    /// Changes a give: most often an idea or an offer that is now done.
    pub fn update_give(&mut self, id: GiveId, draft: &GiveDraft, today: NaiveDate) -> Result<Give> {
        let draft = gives::validate(draft, today)?;
        let before = self.give(id)?;
        if before.details.mentor_id != draft.mentor_id {
            return Err(Error::invalid(
                "mentorId",
                "A give stays with the mentor it was for.",
            ));
        }
        self.conn.execute(
            "UPDATE give SET kind = ?2, state = ?3, note = ?4, on_day = ?5 WHERE id = ?1",
            params![id, draft.kind, draft.state, draft.note, draft.on],
        )?;
        self.give(id)
    }

    /// Deletes a give; returns it for undo.
    pub fn remove_give(&mut self, id: GiveId) -> Result<Give> {
        let removed = self.give(id)?;
        self.conn.execute("DELETE FROM give WHERE id = ?1", [id])?;
        Ok(removed)
    }

    /// Undo of a removal.
    pub fn restore_give(&mut self, removed: &Give) -> Result<Give> {
        let draft = gives::validate(&removed.details, NaiveDate::MAX)?;
        self.add_checked_give(&draft)
    }

    /// Adds a give already checked, as a new row.
    fn add_checked_give(&mut self, draft: &GiveDraft) -> Result<Give> {
        let tx = self.conn.transaction()?;
        ensure_mentor_exists(&tx, draft.mentor_id)?;
        insert_give(&tx, None, draft)?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.give(id)
    }

    /// One give.
    pub fn give(&self, id: GiveId) -> Result<Give> {
        self.conn
            .query_row(&format!("{GIVE_SELECT} WHERE id = ?1"), [id], give_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound("That give is no longer recorded.".into()))
    }

    /// A mentor's thanks and gives, newest first.
    pub fn gives(&self, mentor_id: MentorId) -> Result<Vec<Give>> {
        let mut statement = self.conn.prepare_cached(&format!(
            "{GIVE_SELECT} WHERE mentor_id = ?1 ORDER BY on_day DESC, id DESC"
        ))?;
        let rows = statement.query_map([mentor_id], give_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Asks (advice received, questions discussed) and gives with a mentor over the last
    /// months, up to `today`.
    pub fn balance(&self, mentor_id: MentorId, today: NaiveDate) -> Result<Balance> {
        let since = gives::balance_since(today);
        let (asks, gives, thanks): (u32, u32, u32) = self.conn.query_row(
            "SELECT
                (SELECT count(*) FROM advice
                    WHERE mentor_id = ?1 AND given_on BETWEEN ?2 AND ?3)
              + (SELECT count(*) FROM agenda_item
                    WHERE mentor_id = ?1 AND discussed_on BETWEEN ?2 AND ?3),
                (SELECT count(*) FROM give WHERE mentor_id = ?1 AND state = 'done'
                    AND kind != 'thanks' AND on_day BETWEEN ?2 AND ?3),
                (SELECT count(*) FROM give WHERE mentor_id = ?1 AND state = 'done'
                    AND kind = 'thanks' AND on_day BETWEEN ?2 AND ?3)",
            params![mentor_id, since, today],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )?;
        Ok(Balance::of(asks, gives, thanks))
    }
}

const GIVE_SELECT: &str = "SELECT id, mentor_id, kind, state, note, on_day FROM give";

/// Writes a give; `id` keeps an exported one's id.
pub(super) fn insert_give(
    tx: &Transaction<'_>,
    id: Option<GiveId>,
    draft: &GiveDraft,
) -> Result<()> {
    tx.execute(
        "INSERT INTO give (id, mentor_id, kind, state, note, on_day)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            draft.mentor_id,
            draft.kind,
            draft.state,
            draft.note,
            draft.on
        ],
    )?;
    Ok(())
}

fn give_from_row(row: &Row<'_>) -> rusqlite::Result<Give> {
    Ok(Give {
        id: row.get(0)?,
        details: GiveDraft {
            mentor_id: row.get(1)?,
            kind: row.get(2)?,
            state: row.get(3)?,
            note: row.get(4)?,
            on: row.get(5)?,
        },
    })
}
