//! Prospective mentors in the store, and imports: a preview that checks each row against
//! the circle, then one transaction for the rows the user accepts.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::Store;
use super::columns::Keys;
use crate::error::{Error, Result};
use crate::model::ProspectId;
use crate::model::{Mentor, MentorDraft, MentorId, Role};
use crate::prospects::{self, Outreach, Prospect, ProspectDraft, Stage, StageStep};

const PROSPECT_SELECT: &str = "SELECT id, added_on, name, organisation, position, email, \
     profile_url, connected_on, note, source, wants, chemistry, could_fill, next_step, \
     next_step_on, stage, mentor_id FROM prospect";

/// The setting that holds the user's weekly outreach cap.
const OUTREACH_CAP: &str = "outreach_cap";

impl Store {
    /// Every prospect, by name.
    pub fn prospects(&self) -> Result<Vec<Prospect>> {
        self.prospects_where("1 ORDER BY name COLLATE NOCASE, id", [])
    }

    /// One prospect.
    pub fn prospect(&self, id: ProspectId) -> Result<Prospect> {
        self.prospects_where("id = ?1", [id])?
            .pop()
            .ok_or_else(|| Error::NotFound("That prospect is no longer on your list.".into()))
    }

    /// The prospect a mentor was before they were promoted, if any.
    pub fn prospect_of_mentor(&self, mentor_id: MentorId) -> Result<Option<Prospect>> {
        Ok(self.prospects_where("mentor_id = ?1", [mentor_id])?.pop())
    }

    fn prospects_where(
        &self,
        condition: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<Prospect>> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("{PROSPECT_SELECT} WHERE {condition}"))?;
        let rows = statement.query_map(params, prospect_from_row)?;
        let mut prospects: Vec<Prospect> = rows.collect::<rusqlite::Result<_>>()?;
        let mut steps = self.conn.prepare_cached(
            "SELECT stage, on_day FROM prospect_step WHERE prospect_id = ?1 ORDER BY position",
        )?;
        for prospect in &mut prospects {
            let rows = steps.query_map([prospect.id], |row| {
                Ok(StageStep {
                    stage: row.get(0)?,
                    on: row.get(1)?,
                })
            })?;
            prospect.steps = rows.collect::<rusqlite::Result<_>>()?;
        }
        Ok(prospects)
    }

    /// Adds a prospect by hand, as "identified" on `today`.
    pub fn add_prospect(&mut self, draft: &ProspectDraft, today: NaiveDate) -> Result<Prospect> {
        let draft = draft.validated()?;
        let tx = self.conn.transaction()?;
        let id = insert_prospect(&tx, None, &draft, today)?;
        tx.commit()?;
        self.prospect(id)
    }

    /// Changes what is known about a prospect; their stage and history are untouched.
    pub fn update_prospect(&mut self, id: ProspectId, draft: &ProspectDraft) -> Result<Prospect> {
        let draft = draft.validated()?;
        let changed = self.conn.execute(
            "UPDATE prospect SET name = ?2, organisation = ?3, position = ?4, email = ?5,
                profile_url = ?6, connected_on = ?7, note = ?8, source = ?9, wants = ?10,
                chemistry = ?11, could_fill = ?12, next_step = ?13, next_step_on = ?14
             WHERE id = ?1",
            params![
                id,
                draft.name,
                draft.organisation,
                draft.position,
                draft.email,
                draft.profile_url,
                draft.connected_on,
                draft.note,
                draft.source,
                draft.wants,
                draft.chemistry,
                Keys::text(&draft.could_fill),
                draft.next_step,
                draft.next_step_on
            ],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(
                "That prospect is no longer on your list.".into(),
            ));
        }
        self.prospect(id)
    }

    /// Moves a prospect along the pipeline on `today`. Reaching out counts against the
    /// user's weekly cap, if they set one. Becoming a mentor goes through
    /// [`Store::promote_prospect`].
    pub fn move_prospect(
        &mut self,
        id: ProspectId,
        stage: Stage,
        today: NaiveDate,
    ) -> Result<Prospect> {
        let before = self.prospect(id)?;
        if stage == Stage::Mentor {
            return Err(Error::invalid(
                "stage",
                "Use \"Welcome to the circle\" to make a prospect a mentor.",
            ));
        }
        if before.stage == Stage::Mentor {
            return Err(Error::Conflict(
                "They are already in your circle; their history here stays as it is.".into(),
            ));
        }
        if before.stage == stage {
            return Ok(before);
        }
        if stage == Stage::ReachedOut {
            prospects::check_outreach(self.outreach(today)?)?;
        }
        let tx = self.conn.transaction()?;
        set_stage(&tx, id, stage, today)?;
        tx.commit()?;
        self.prospect(id)
    }

    /// Welcomes a prospect into the circle as a mentor, on `today`. The prospect stays,
    /// marked "mentor" and linked to the new mentor, so their history (where they were
    /// found, what the user wanted, the chemistry, every step) is kept on the mentor page.
    pub fn promote_prospect(
        &mut self,
        id: ProspectId,
        draft: &MentorDraft,
        today: NaiveDate,
    ) -> Result<Mentor> {
        let before = self.prospect(id)?;
        if before.stage == Stage::Mentor {
            return Err(Error::Conflict("They are already in your circle.".into()));
        }
        let draft = crate::validate::mentor(draft)?;
        let tx = self.conn.transaction()?;
        super::mentors::write_mentor(
            &tx,
            &format!(
                "INSERT INTO mentor ({}, added_on, sample) VALUES ({}, :added_on, 0)",
                super::mentors::DRAFT_COLUMNS.join(", "),
                super::mentors::DRAFT_COLUMNS
                    .map(|column| format!(":{column}"))
                    .join(", ")
            ),
            &draft,
            &[(":added_on", &today)],
        )?;
        let mentor_id = tx.last_insert_rowid();
        super::mentors::write_roles(&tx, mentor_id, &draft.roles)?;
        set_stage(&tx, id, Stage::Mentor, today)?;
        tx.execute(
            "UPDATE prospect SET mentor_id = ?2 WHERE id = ?1",
            params![id, mentor_id],
        )?;
        tx.commit()?;
        self.mentor(mentor_id)
    }

    /// Outreach this week (from Monday, by the user's local `today`) and the cap.
    pub fn outreach(&self, today: NaiveDate) -> Result<Outreach> {
        let this_week: u32 = self.conn.query_row(
            "SELECT count(*) FROM prospect_step WHERE stage = 'reached_out'
                AND on_day BETWEEN ?1 AND ?2",
            params![prospects::week_start(today), today],
            |row| row.get(0),
        )?;
        Ok(Outreach {
            this_week,
            cap: self.setting(OUTREACH_CAP)?.flatten(),
        })
    }

    /// Sets or lifts the weekly outreach cap.
    pub fn set_outreach_cap(&mut self, cap: Option<u32>, today: NaiveDate) -> Result<Outreach> {
        let cap = prospects::validate_cap(cap)?;
        self.put_setting(OUTREACH_CAP, &cap)?;
        self.outreach(today)
    }
}

/// Adds a new prospect, "identified" on the day they were added; returns its id.
pub(super) fn insert_prospect(
    tx: &Transaction<'_>,
    id: Option<ProspectId>,
    draft: &ProspectDraft,
    added_on: NaiveDate,
) -> Result<ProspectId> {
    let prospect = Prospect {
        id: id.unwrap_or_default(),
        added_on,
        details: draft.clone(),
        stage: Stage::Identified,
        steps: vec![StageStep {
            stage: Stage::Identified,
            on: added_on,
        }],
        mentor_id: None,
    };
    write_prospect(tx, id, &prospect, draft)
}

/// Writes a prospect with its stage, steps and mentor link; `id` keeps an exported one's
/// id. Returns the id.
pub(super) fn write_prospect(
    tx: &Transaction<'_>,
    id: Option<ProspectId>,
    prospect: &Prospect,
    draft: &ProspectDraft,
) -> Result<ProspectId> {
    tx.execute(
        "INSERT INTO prospect (id, name, organisation, position, email, profile_url,
                               connected_on, note, added_on, source, wants, chemistry,
                               could_fill, next_step, next_step_on, stage, mentor_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            id,
            draft.name,
            draft.organisation,
            draft.position,
            draft.email,
            draft.profile_url,
            draft.connected_on,
            draft.note,
            prospect.added_on,
            draft.source,
            draft.wants,
            draft.chemistry,
            Keys::text(&draft.could_fill),
            draft.next_step,
            draft.next_step_on,
            prospect.stage,
            prospect.mentor_id
        ],
    )?;
    let id = tx.last_insert_rowid();
    for (position, step) in prospect.steps.iter().enumerate() {
        tx.execute(
            "INSERT INTO prospect_step (prospect_id, position, stage, on_day)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, position as i64, step.stage, step.on],
        )?;
    }
    Ok(id)
}

/// Sets a prospect's stage and adds the step to their history.
fn set_stage(tx: &Transaction<'_>, id: ProspectId, stage: Stage, on: NaiveDate) -> Result<()> {
    tx.execute(
        "UPDATE prospect SET stage = ?2 WHERE id = ?1",
        params![id, stage],
    )?;
    let position: i64 = tx
        .query_row(
            "SELECT max(position) + 1 FROM prospect_step WHERE prospect_id = ?1",
            [id],
            |row| row.get::<_, Option<i64>>(0),
        )
        .optional()?
        .flatten()
        .unwrap_or(0);
    tx.execute(
        "INSERT INTO prospect_step (prospect_id, position, stage, on_day) VALUES (?1, ?2, ?3, ?4)",
        params![id, position, stage, on],
    )?;
    Ok(())
}

fn prospect_from_row(row: &Row<'_>) -> rusqlite::Result<Prospect> {
    Ok(Prospect {
        id: row.get(0)?,
        added_on: row.get(1)?,
        details: ProspectDraft {
            name: row.get(2)?,
            organisation: row.get(3)?,
            position: row.get(4)?,
            email: row.get(5)?,
            profile_url: row.get(6)?,
            connected_on: row.get(7)?,
            note: row.get(8)?,
            source: row.get(9)?,
            wants: row.get(10)?,
            chemistry: row.get(11)?,
            could_fill: row.get::<_, Keys<Role>>(12)?.0,
            next_step: row.get(13)?,
            next_step_on: row.get(14)?,
        },
        stage: row.get(15)?,
        steps: Vec::new(),
        mentor_id: row.get(16)?,
    })
}
