//! Goals in the database, with their progress notes and the mentors helping with each.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::Store;
use super::columns::Ids;
use super::journal::ensure_entry_exists;
use super::mentors::ensure_mentor_exists;
use crate::error::{Error, Result};
use crate::goals::{self, Goal, GoalDraft, GoalProgress, GoalStatus};
use crate::model::{GoalId, MentorId};

impl Store {
    /// Sets a new goal, added at `now` on the user's local day `today`.
    pub fn add_goal(
        &mut self,
        draft: &GoalDraft,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Goal> {
        let draft = goals::validate(draft, today)?;
        let tx = self.conn.transaction()?;
        if let Some(entry) = draft.from_entry {
            ensure_entry_exists(&tx, entry)?;
        }
        tx.execute(
            "INSERT INTO goal (title, why, target_on, status, added_at, from_entry)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                draft.title,
                draft.why,
                draft.target_on,
                GoalStatus::Active,
                now,
                draft.from_entry
            ],
        )?;
        let id = tx.last_insert_rowid();
        link_mentors(&tx, id, &draft.mentor_ids)?;
        tx.commit()?;
        self.goal(id)
    }

    /// Edits a goal's title, why, target date and mentors, on the user's local day
    /// `today`. A target date already passed may stay as it was.
    pub fn update_goal(&mut self, id: GoalId, draft: &GoalDraft, today: NaiveDate) -> Result<Goal> {
        let before = self.goal(id)?;
        let earliest = match (before.target_on, draft.target_on) {
            (Some(old), Some(new)) if old == new => today.min(old),
            _ => today,
        };
        let draft = goals::validate(draft, earliest)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE goal SET title = ?2, why = ?3, target_on = ?4 WHERE id = ?1",
            params![id, draft.title, draft.why, draft.target_on],
        )?;
        tx.execute("DELETE FROM goal_mentor WHERE goal_id = ?1", [id])?;
        link_mentors(&tx, id, &draft.mentor_ids)?;
        tx.commit()?;
        self.goal(id)
    }

    /// Marks a goal active, achieved or dropped.
    pub fn set_goal_status(&mut self, id: GoalId, status: GoalStatus) -> Result<Goal> {
        let changed = self.conn.execute(
            "UPDATE goal SET status = ?2 WHERE id = ?1",
            params![id, status],
        )?;
        if changed == 0 {
            return Err(Error::NotFound("That goal no longer exists.".into()));
        }
        self.goal(id)
    }

    /// Adds a dated note on how a goal is going.
    pub fn add_goal_progress(&mut self, id: GoalId, note: &str, today: NaiveDate) -> Result<Goal> {
        let note = goals::validate_progress(note)?;
        self.goal(id)?;
        self.conn.execute(
            "INSERT INTO goal_progress (goal_id, written_on, note) VALUES (?1, ?2, ?3)",
            params![id, today, note],
        )?;
        self.goal(id)
    }

    /// One goal.
    pub fn goal(&self, id: GoalId) -> Result<Goal> {
        let mut goal = self
            .conn
            .query_row(
                &format!("{GOAL_SELECT} WHERE g.id = ?1"),
                [id],
                goal_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound("That goal no longer exists.".into()))?;
        goal.progress = self.goal_progress(id)?;
        Ok(goal)
    }

    /// Every goal: active ones first, the nearest target date first, then the newest.
    pub fn goals(&self) -> Result<Vec<Goal>> {
        self.goals_where("1", [])
    }

    /// Active goals a mentor is helping with, for their page.
    pub fn mentor_goals(&self, mentor_id: MentorId) -> Result<Vec<Goal>> {
        self.goals_where(
            "g.status = 'active' AND g.id IN
                (SELECT goal_id FROM goal_mentor WHERE mentor_id = ?1)",
            [mentor_id],
        )
    }
}

pub(super) const GOAL_SELECT: &str =
    "SELECT g.id, g.title, g.why, g.target_on, g.status, g.added_at,
        g.from_entry,
        (SELECT group_concat(mentor_id, ',') FROM
            (SELECT mentor_id FROM goal_mentor gm WHERE gm.goal_id = g.id ORDER BY position))
     FROM goal g";

/// Links a goal to the mentors helping with it, in the user's order.
fn link_mentors(tx: &Transaction<'_>, id: GoalId, mentor_ids: &[MentorId]) -> Result<()> {
    for (position, mentor_id) in mentor_ids.iter().enumerate() {
        ensure_mentor_exists(tx, *mentor_id)?;
        tx.execute(
            "INSERT INTO goal_mentor (goal_id, mentor_id, position) VALUES (?1, ?2, ?3)",
            params![id, mentor_id, position as i64],
        )?;
    }
    Ok(())
}

pub(super) fn goal_from_row(row: &Row<'_>) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: row.get(0)?,
        title: row.get(1)?,
        why: row.get(2)?,
        target_on: row.get(3)?,
        status: row.get(4)?,
        mentor_ids: row.get::<_, Ids>(7)?.0,
        added_at: row.get(5)?,
        from_entry: row.get(6)?,
        progress: Vec::new(),
    })
}

impl Store {
    fn goal_progress(&self, id: GoalId) -> Result<Vec<GoalProgress>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, written_on, note FROM goal_progress WHERE goal_id = ?1
             ORDER BY written_on DESC, id DESC",
        )?;
        let rows = statement.query_map([id], |row| {
            Ok(GoalProgress {
                id: row.get(0)?,
                written_on: row.get(1)?,
                note: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(super) fn goals_where(
        &self,
        condition: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<Goal>> {
        let mut statement = self.conn.prepare(&format!(
            "{GOAL_SELECT} WHERE {condition}
             ORDER BY g.status != 'active', g.target_on IS NULL, g.target_on, g.id DESC"
        ))?;
        let rows = statement.query_map(params, goal_from_row)?;
        let mut goals: Vec<Goal> = rows.collect::<rusqlite::Result<_>>()?;
        for goal in &mut goals {
            goal.progress = self.goal_progress(goal.id)?;
        }
        Ok(goals)
    }
}
