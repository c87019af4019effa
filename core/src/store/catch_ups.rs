//! Catch-ups in the database: logged, corrected and removed, each in one transaction with
//! what it ticks off (the agenda discussed, the advice reported back).

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::mentors::ensure_mentor_exists;
use super::{Store, advice};
use crate::error::{Error, Result};
use crate::model::{CatchUp, CatchUpDraft, CatchUpId, MentorId};
use crate::validate;

impl Store {
    /// Records a catch-up; it resets the mentor's cadence at once.
    pub fn log_catch_up(&mut self, draft: &CatchUpDraft, today: NaiveDate) -> Result<CatchUp> {
        let draft = validate::catch_up(draft, today)?;
        let tx = self.conn.transaction()?;
        ensure_mentor_exists(&tx, draft.mentor_id)?;
        tx.execute(
            "INSERT INTO catch_up (mentor_id, happened_on, mode, note) VALUES (?1, ?2, ?3, ?4)",
            params![draft.mentor_id, draft.date, draft.mode, draft.note],
        )?;
        let id = tx.last_insert_rowid();
        advice::tick_at_catch_up(&tx, &draft)?;
        tx.commit()?;
        self.catch_up(id)
    }

    /// Corrects a logged catch-up (its date, mode, note, or even which mentor).
    pub fn update_catch_up(
        &mut self,
        id: CatchUpId,
        draft: &CatchUpDraft,
        today: NaiveDate,
    ) -> Result<CatchUp> {
        let draft = validate::catch_up(draft, today)?;
        let tx = self.conn.transaction()?;
        ensure_mentor_exists(&tx, draft.mentor_id)?;
        let changed = tx.execute(
            "UPDATE catch_up SET mentor_id = ?2, happened_on = ?3, mode = ?4, note = ?5 WHERE id = ?1",
            params![id, draft.mentor_id, draft.date, draft.mode, draft.note],
        )?;
        if changed == 0 {
            return Err(catch_up_not_found());
        }
        tx.commit()?;
        self.catch_up(id)
    }

    /// Deletes a catch-up and returns it, so the UI can offer to put it back.
    pub fn remove_catch_up(&mut self, id: CatchUpId) -> Result<CatchUp> {
        let deleted = self.catch_up(id)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM catch_up WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(deleted)
    }

    /// One catch-up.
    pub fn catch_up(&self, id: CatchUpId) -> Result<CatchUp> {
        self.conn
            .query_row(
                &format!("{CATCH_UP_SELECT} WHERE id = ?1"),
                [id],
                catch_up_from_row,
            )
            .optional()?
            .ok_or_else(catch_up_not_found)
    }

    /// A mentor's catch-ups, newest first.
    pub fn catch_ups(&self, mentor_id: MentorId) -> Result<Vec<CatchUp>> {
        self.mentor(mentor_id)?;
        let sql =
            format!("{CATCH_UP_SELECT} WHERE mentor_id = ?1 ORDER BY happened_on DESC, id DESC");
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([mentor_id], catch_up_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

const CATCH_UP_SELECT: &str = "SELECT id, mentor_id, happened_on, mode, note FROM catch_up";

fn catch_up_from_row(row: &Row<'_>) -> rusqlite::Result<CatchUp> {
    Ok(CatchUp {
        id: row.get(0)?,
        mentor_id: row.get(1)?,
        date: row.get(2)?,
        mode: row.get(3)?,
        note: row.get(4)?,
    })
}

fn catch_up_not_found() -> Error {
    Error::NotFound("That catch-up no longer exists.".into())
}
