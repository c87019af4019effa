//! Nudge state in the database: settings, snoozes, and the record of every notification
//! sent. The record is what makes nudges "never doubled": the planner is told what was
//! already sent, and a notification is recorded *before* it is handed to the OS.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

use super::Store;
use super::mentors::ensure_mentor_exists;
use crate::error::{Error, Result};
use crate::model::{DueStatus, MentorId};
use crate::nudges::{
    self, Candidate, LockedSchedule, Nudge, NudgeId, NudgeOutcome, NudgeRecord, NudgeSettings,
    NudgedMentor, Sent, Snooze,
};

const NUDGE_SETTINGS: &str = "nudges";

impl Store {
    /// The user's nudge settings, or the defaults if they never changed them.
    pub fn nudge_settings(&self) -> Result<NudgeSettings> {
        Ok(self.setting(NUDGE_SETTINGS)?.unwrap_or_default())
    }

    /// Saves nudge settings after checking them.
    pub fn set_nudge_settings(
        &mut self,
        settings: &NudgeSettings,
        today: NaiveDate,
    ) -> Result<NudgeSettings> {
        let settings = nudges::validate_settings(settings, today)?;
        self.put_setting(NUDGE_SETTINGS, &settings)?;
        Ok(settings)
    }

    /// The nudge timetable to keep while locked (see [`LockedSchedule`]).
    pub fn locked_schedule(&self, today: NaiveDate, now: DateTime<Utc>) -> Result<LockedSchedule> {
        Ok(LockedSchedule::of(
            &self.circle(today)?,
            self.nudge_settings()?,
            self.nudges_since(now - chrono::TimeDelta::days(2))?,
        ))
    }

    /// Writes the nudges sent while the app was locked to the record; `zone` gives each
    /// its local day.
    pub fn record_locked_nudges<Tz: chrono::TimeZone>(
        &mut self,
        schedule: &LockedSchedule,
        zone: &Tz,
    ) -> Result<()> {
        for sent in &schedule.unrecorded {
            let nudge = Nudge {
                mentor_ids: sent.mentor_ids.clone(),
                title: String::new(),
                body: String::new(),
            };
            let id =
                self.record_nudge(&nudge, sent.at, crate::cadence::local_day(sent.at, zone))?;
            self.nudge_delivered(id)?;
        }
        Ok(())
    }

    /// Holds a mentor's nudges as the user chose on `today` (`None` lifts the snooze).
    /// Returns the day nudges resume.
    pub fn snooze(
        &mut self,
        id: MentorId,
        snooze: Option<Snooze>,
        today: NaiveDate,
    ) -> Result<Option<NaiveDate>> {
        let until = snooze
            .map(|snooze| nudges::snoozed_until(snooze, today))
            .transpose()?;
        let tx = self.conn.transaction()?;
        ensure_mentor_exists(&tx, id)?;
        tx.execute(
            "UPDATE mentor SET snoozed_until = ?2 WHERE id = ?1",
            params![id, until],
        )?;
        tx.commit()?;
        Ok(until)
    }

    /// The mentors who want a catch-up on `today`, for the planner: due or overdue and
    /// not waiting for their agreement's review.
    ///
    /// The indexed due days (migration 9) answer the cadence rule in SQL, so only those
    /// due are read, and only what a nudge needs: the loop runs this on every pass, over
    /// circles of thousands. A test holds it to the rule applied to the whole circle.
    /// The index named holds every column read (migration 10); SQLite does not see that
    /// an index on generated columns covers a query, so it is named.
    pub fn nudge_candidates(&self, today: NaiveDate) -> Result<Vec<Candidate>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name, +overdue_day <= ?1, coalesce(last_catch_up, added_on),
                    last_catch_up IS NOT NULL, snoozed_until
             FROM mentor INDEXED BY mentor_nudge
             WHERE due_day <= ?1 AND (status <> 'active' OR review_on IS NULL OR review_on > ?2)",
        )?;
        let mut rows = statement.query(params![super::today::julian_day(today), today])?;
        let mut candidates = Vec::new();
        while let Some(row) = rows.next()? {
            let overdue: bool = row.get(2)?;
            candidates.push(Candidate {
                mentor_id: row.get(0)?,
                name: row.get(1)?,
                status: if overdue {
                    DueStatus::Overdue
                } else {
                    DueStatus::Due
                },
                since: super::day_at(row, 3)?
                    .ok_or_else(|| Error::Internal("a mentor row without its day".into()))?,
                caught_up_before: row.get(4)?,
                snoozed_until: super::day_at(row, 5)?.filter(|until| *until > today),
            });
        }
        Ok(candidates)
    }

    /// Every nudge recorded at or after `since`, oldest first.
    pub fn nudges_since(&self, since: DateTime<Utc>) -> Result<Vec<Sent>> {
        let mut statement = self.conn.prepare(
            "SELECT n.sent_at, group_concat(nm.mentor_id, ',')
             FROM nudge n LEFT JOIN nudge_mentor nm ON nm.nudge_id = n.id
             WHERE n.sent_at >= ?1 GROUP BY n.id ORDER BY n.sent_at",
        )?;
        let rows = statement.query_map([since], |row| {
            let at: DateTime<Utc> = row.get(0)?;
            let ids: Option<String> = row.get(1)?;
            Ok(Sent {
                at,
                mentor_ids: ids
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|id| id.parse().ok())
                    .collect(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records `nudge` as sent at `at` on the user's `local_day`, before it is shown, so a
    /// crash between showing and recording can never send it twice.
    pub fn record_nudge(
        &mut self,
        nudge: &Nudge,
        at: DateTime<Utc>,
        local_day: NaiveDate,
    ) -> Result<NudgeId> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO nudge (sent_at, local_day) VALUES (?1, ?2)",
            params![at, local_day],
        )?;
        let id = tx.last_insert_rowid();
        for (position, mentor_id) in nudge.mentor_ids.iter().enumerate() {
            tx.execute(
                "INSERT OR IGNORE INTO nudge_mentor (nudge_id, mentor_id, position)
                 SELECT ?1, id, ?3 FROM mentor WHERE id = ?2",
                params![id, mentor_id, position as i64],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// Nudges recorded at or after `since` that were never marked delivered: the app
    /// died between recording one and the desktop showing it. Oldest first, with their
    /// mentors in the nudge's order.
    pub fn undelivered_nudges(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<(NudgeId, Vec<MentorId>)>> {
        let mut statement = self.conn.prepare(
            "SELECT n.id, group_concat(nm.mentor_id, ',' ORDER BY nm.position)
             FROM nudge n LEFT JOIN nudge_mentor nm ON nm.nudge_id = n.id
             WHERE n.sent_at >= ?1 AND n.delivered = 0 GROUP BY n.id ORDER BY n.sent_at",
        )?;
        let rows = statement.query_map([since], |row| {
            let ids: Option<String> = row.get(1)?;
            Ok((
                row.get::<_, NudgeId>(0)?,
                ids.unwrap_or_default()
                    .split(',')
                    .filter_map(|id| id.parse().ok())
                    .collect(),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The OS accepted the notification.
    pub fn nudge_delivered(&mut self, id: NudgeId) -> Result<()> {
        self.conn
            .execute("UPDATE nudge SET delivered = 1 WHERE id = ?1", [id])?;
        Ok(())
    }

    /// The OS accepted, at `at` on the user's `local_day`, a notification an earlier run
    /// recorded but never showed: it is restamped, so "once a day" and the daily cap count
    /// it from when the user saw it, not from when it was first recorded (else a nudge
    /// recorded one evening and shown the next morning would let another through that
    /// evening).
    pub fn nudge_delivered_at(
        &mut self,
        id: NudgeId,
        at: DateTime<Utc>,
        local_day: NaiveDate,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE nudge SET delivered = 1, sent_at = ?2, local_day = ?3 WHERE id = ?1",
            params![id, at, local_day],
        )?;
        Ok(())
    }

    /// The notification could not be shown: forget it, so it is sent again later rather
    /// than counted as sent.
    pub fn forget_nudge(&mut self, id: NudgeId) -> Result<()> {
        self.conn.execute("DELETE FROM nudge WHERE id = ?1", [id])?;
        Ok(())
    }

    /// What the user did with a nudge (the latest action wins).
    pub fn set_nudge_outcome(&mut self, id: NudgeId, outcome: NudgeOutcome) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE nudge SET outcome = ?2 WHERE id = ?1",
            params![id, outcome],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(
                "That nudge is no longer in the history.".into(),
            ));
        }
        Ok(())
    }

    /// "Snooze a day" on a notification: every mentor it named is snoozed until tomorrow,
    /// and the history says so, in one transaction.
    pub fn snooze_nudge(&mut self, id: NudgeId, today: NaiveDate) -> Result<()> {
        let until = nudges::snoozed_until(Snooze::Tomorrow, today)?;
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE nudge SET outcome = ?2 WHERE id = ?1",
            params![id, NudgeOutcome::Snoozed],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(
                "That nudge is no longer in the history.".into(),
            ));
        }
        tx.execute(
            "UPDATE mentor SET snoozed_until = ?2
             WHERE id IN (SELECT mentor_id FROM nudge_mentor WHERE nudge_id = ?1)",
            params![id, until],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The `limit` most recent nudges, newest first, with for each mentor the first
    /// catch-up logged since.
    pub fn nudge_history(&self, limit: u32) -> Result<Vec<NudgeRecord>> {
        let mut statement = self.conn.prepare(
            "SELECT n.id, n.sent_at, n.delivered, n.outcome, m.id, m.name,
                (SELECT min(c.happened_on) FROM catch_up c
                  WHERE c.mentor_id = m.id AND c.happened_on >= n.local_day)
             FROM (SELECT * FROM nudge ORDER BY sent_at DESC, id DESC LIMIT ?1) n
             LEFT JOIN nudge_mentor nm ON nm.nudge_id = n.id
             LEFT JOIN mentor m ON m.id = nm.mentor_id
             ORDER BY n.sent_at DESC, n.id DESC, nm.position",
        )?;
        let mut rows = statement.query([limit])?;
        let mut history: Vec<NudgeRecord> = Vec::new();
        while let Some(row) = rows.next()? {
            let id: NudgeId = row.get(0)?;
            if history.last().is_none_or(|record| record.id != id) {
                let outcome: Option<String> = row.get(3)?;
                history.push(NudgeRecord {
                    id,
                    sent_at: row.get(1)?,
                    delivered: row.get(2)?,
                    outcome: outcome.as_deref().and_then(NudgeOutcome::from_key),
                    mentors: Vec::new(),
                });
            }
            let mentor: Option<MentorId> = row.get(4)?;
            if let (Some(record), Some(mentor_id)) = (history.last_mut(), mentor) {
                record.mentors.push(NudgedMentor {
                    id: mentor_id,
                    name: row.get(5)?,
                    caught_up_on: row.get(6)?,
                });
            }
        }
        Ok(history)
    }
}
