//! Advice and what came of it in the database, and what a catch-up ticks off: the advice
//! reported back on, the agenda items discussed.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::Store;
use super::mentors::ensure_mentor_exists;
use crate::advice::{self, Advice, AdviceDraft, AdviceProgress, AdviceStatus};
use crate::error::{Error, Result};
use crate::model::AdviceId;
use crate::model::{CatchUpDraft, MentorId};

const ADVICE_SELECT: &str = "SELECT id, mentor_id, given_on, text, status, reason, outcome, \
     changed_on, report_pending, reported_on FROM advice";

impl Store {
    /// Records advice a mentor gave; it starts as "considering".
    pub fn add_advice(&mut self, draft: &AdviceDraft, today: NaiveDate) -> Result<Advice> {
        let draft = advice::validate(draft, today)?;
        let tx = self.conn.transaction()?;
        ensure_mentor_exists(&tx, draft.mentor_id)?;
        tx.execute(
            "INSERT INTO advice (mentor_id, given_on, text, status, changed_on)
             VALUES (?1, ?2, ?3, 'considering', ?4)",
            params![draft.mentor_id, draft.given_on, draft.text, today],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.advice_item(id)
    }

    /// Records what the user did with a piece of advice and what came of it. A real
    /// change puts it on the mentor's "close the loop" list.
    pub fn update_advice(
        &mut self,
        id: AdviceId,
        progress: &AdviceProgress,
        today: NaiveDate,
    ) -> Result<Advice> {
        let progress = advice::validate_progress(progress)?;
        let before = self.advice_item(id)?;
        if before.progress == progress {
            return Ok(before);
        }
        // News for the mentor goes on the list; back to "considering" leaves it.
        let to_report = if advice::is_news(&before.progress, &progress) {
            true
        } else {
            before.to_report && progress.status != AdviceStatus::Considering
        };
        self.conn.execute(
            "UPDATE advice SET status = ?2, reason = ?3, outcome = ?4, changed_on = ?5,
                report_pending = ?6
             WHERE id = ?1",
            params![
                id,
                progress.status,
                progress.reason,
                progress.outcome,
                today,
                to_report
            ],
        )?;
        self.advice_item(id)
    }

    /// Deletes a piece of advice; returns it for undo.
    pub fn remove_advice(&mut self, id: AdviceId) -> Result<Advice> {
        let removed = self.advice_item(id)?;
        self.conn
            .execute("DELETE FROM advice WHERE id = ?1", [id])?;
        Ok(removed)
    }

    /// Undo of a removal: the advice comes back as it was, with a new id.
    pub fn restore_advice(&mut self, removed: &Advice) -> Result<Advice> {
        let draft = AdviceDraft {
            mentor_id: removed.mentor_id,
            given_on: removed.given_on,
            text: removed.text.clone(),
        };
        let draft = advice::validate(&draft, NaiveDate::MAX)?;
        let progress = advice::validate_progress(&removed.progress)?;
        let tx = self.conn.transaction()?;
        ensure_mentor_exists(&tx, draft.mentor_id)?;
        insert_advice(&tx, None, &draft, &progress, removed)?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.advice_item(id)
    }

    /// One piece of advice.
    pub fn advice_item(&self, id: AdviceId) -> Result<Advice> {
        self.conn
            .query_row(
                &format!("{ADVICE_SELECT} WHERE id = ?1"),
                [id],
                advice_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound("That advice is no longer recorded.".into()))
    }

    /// Every piece of advice from a mentor, newest first.
    pub fn advice(&self, mentor_id: MentorId) -> Result<Vec<Advice>> {
        self.advice_where("mentor_id = ?1 ORDER BY given_on DESC, id DESC", mentor_id)
    }

    /// Advice whose outcome the mentor has not heard about yet, oldest first.
    pub fn close_the_loop(&self, mentor_id: MentorId) -> Result<Vec<Advice>> {
        Ok(advice::close_the_loop(&self.advice(mentor_id)?))
    }

    fn advice_where(&self, condition: &str, mentor_id: MentorId) -> Result<Vec<Advice>> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("{ADVICE_SELECT} WHERE {condition}"))?;
        let rows = statement.query_map([mentor_id], advice_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// At a catch-up being logged: ticks the agenda items discussed and the advice reported
/// back on. Everything else stays open and carries over. Items of another mentor, or
/// already ticked, are refused so a stale window cannot tick the wrong thing.
pub(super) fn tick_at_catch_up(tx: &Transaction<'_>, draft: &CatchUpDraft) -> Result<()> {
    for id in &draft.discussed {
        let changed = tx.execute(
            "UPDATE agenda_item SET discussed_on = ?3
             WHERE id = ?1 AND mentor_id = ?2 AND discussed_on IS NULL",
            params![id, draft.mentor_id, draft.date],
        )?;
        if changed == 0 {
            return Err(Error::invalid(
                "discussed",
                "One of the questions ticked is no longer on this mentor's agenda. Close \
                 the dialog and try again.",
            ));
        }
    }
    for id in &draft.reported_back {
        let changed = tx.execute(
            "UPDATE advice SET report_pending = 0, reported_on = ?3
             WHERE id = ?1 AND mentor_id = ?2 AND report_pending = 1",
            params![id, draft.mentor_id, draft.date],
        )?;
        if changed == 0 {
            return Err(Error::invalid(
                "reportedBack",
                "One of the pieces of advice ticked no longer needs reporting back. Close \
                 the dialog and try again.",
            ));
        }
    }
    Ok(())
}

/// Writes a piece of advice with all it carries; `id` keeps an exported one's id.
pub(super) fn insert_advice(
    tx: &Transaction<'_>,
    id: Option<AdviceId>,
    draft: &AdviceDraft,
    progress: &AdviceProgress,
    state: &Advice,
) -> Result<()> {
    tx.execute(
        "INSERT INTO advice (id, mentor_id, given_on, text, status, reason, outcome,
                             changed_on, report_pending, reported_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            draft.mentor_id,
            draft.given_on,
            draft.text,
            progress.status,
            progress.reason,
            progress.outcome,
            state.changed_on,
            state.to_report,
            state.reported_on
        ],
    )?;
    Ok(())
}

fn advice_from_row(row: &Row<'_>) -> rusqlite::Result<Advice> {
    Ok(Advice {
        id: row.get(0)?,
        mentor_id: row.get(1)?,
        given_on: row.get(2)?,
        text: row.get(3)?,
        progress: AdviceProgress {
            status: row.get(4)?,
            reason: row.get(5)?,
            outcome: row.get(6)?,
        },
        changed_on: row.get(7)?,
        to_report: row.get(8)?,
        reported_on: row.get(9)?,
    })
}
