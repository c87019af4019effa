//! Mentors in the database: their agreements, roles and contact details, the circle with
//! each one's cadence, and the sample circle.

use std::sync::LazyLock;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, ToSql, Transaction, params};

use super::columns::Keys;
use super::{Store, day_at};
use crate::cadence;
use crate::error::{Error, Result};
use crate::health;
use crate::model::{
    Agreement, Check, CircleMember, CoMentoring, Contact, Mentor, MentorChecks, MentorDraft,
    MentorId, MentorStatus, MentorSummary, Mode, Purpose, Role,
};
use crate::validate;
use crate::view::CircleHealth;

impl Store {
    /// Adds a mentor to the circle; `today` becomes the day their cadence counts from.
    pub fn add_mentor(&mut self, draft: &MentorDraft, today: NaiveDate) -> Result<Mentor> {
        self.insert_mentor(draft, today, false)
    }

    /// Changes a mentor's profile and agreement; their history is untouched.
    pub fn update_mentor(&mut self, id: MentorId, draft: &MentorDraft) -> Result<Mentor> {
        let draft = validate::mentor(draft)?;
        let tx = self.conn.transaction()?;
        let changed = write_mentor(
            &tx,
            &format!(
                "UPDATE mentor SET {} WHERE id = :id",
                DRAFT_COLUMNS
                    .map(|column| format!("{column} = :{column}"))
                    .join(", ")
            ),
            &draft,
            &[(":id", &id)],
        )?;
        if changed == 0 {
            return Err(mentor_not_found());
        }
        write_roles(&tx, id, &draft.roles)?;
        tx.commit()?;
        self.mentor(id)
    }

    /// Makes a mentor active, paused or alumni, keeping every catch-up. Closing an
    /// agreement is making the mentor alumni.
    pub fn set_status(&mut self, id: MentorId, status: MentorStatus) -> Result<Mentor> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE mentor SET status = ?2 WHERE id = ?1",
            params![id, status],
        )?;
        if changed == 0 {
            return Err(mentor_not_found());
        }
        tx.commit()?;
        self.mentor(id)
    }

    /// Renews an agreement from `today` for as long as it ran before (at least four
    /// weeks), so its review date moves on and the mentor leaves the review list.
    pub fn renew_agreement(&mut self, id: MentorId, today: NaiveDate) -> Result<Mentor> {
        let mentor = self.mentor(id)?;
        let agreement = &mentor.details.agreement;
        let Some(review_on) = agreement.review_on else {
            return Err(Error::Conflict(
                "This agreement has no end or review date to renew.".into(),
            ));
        };
        let length = (review_on - agreement.starts_on).num_days().max(28);
        let next_review = today
            .checked_add_days(chrono::Days::new(length.unsigned_abs()))
            .ok_or_else(|| Error::invalid("reviewOn", "That date is too far ahead."))?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE mentor SET starts_on = ?2, review_on = ?3 WHERE id = ?1",
            params![id, today, next_review],
        )?;
        tx.commit()?;
        self.mentor(id)
    }

    /// One mentor, whatever their status.
    pub fn mentor(&self, id: MentorId) -> Result<Mentor> {
        self.conn
            .query_row(
                &format!("{} WHERE m.id = ?1", *MENTOR_SELECT),
                [id],
                mentor_from_row,
            )
            .optional()?
            .ok_or_else(mentor_not_found)
    }

    /// Everyone in the circle on `today`, whatever their status, in the order the user
    /// should act: agreements to review first, then overdue, due, due soon, the rest by
    /// how soon each is due, paused mentors last; ties by name.
    pub fn circle(&self, today: NaiveDate) -> Result<Vec<CircleMember>> {
        let mut statement = self.conn.prepare_cached(SUMMARY_SELECT)?;
        let rows = statement.query_map([], summary_from_row)?;
        let mut members = Vec::new();
        for row in rows {
            members.push(member_on(row?, today));
        }
        members.sort_by_cached_key(|member| {
            let status = member.cadence.map(|c| c.status);
            (
                !member.review_due,
                std::cmp::Reverse(status),
                member.cadence.map_or(i64::MAX, |c| c.days_until_due),
                member.mentor.name.to_lowercase(),
            )
        });
        Ok(members)
    }

    /// The circle's health: active mentors, roles covered and missing, same-company count.
    pub fn circle_health(&self) -> Result<CircleHealth> {
        Ok(health::of(&self.mentors()?))
    }

    /// Every mentor with their whole profile, by id (for exports and checks that need
    /// more than [`Store::circle`] reads).
    pub fn mentors(&self) -> Result<Vec<Mentor>> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("{} ORDER BY m.id", *MENTOR_SELECT))?;
        let rows = statement.query_map([], mentor_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether the sample circle is loaded.
    pub fn has_sample(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM mentor WHERE sample = 1)",
            [],
            |row| row.get(0),
        )?)
    }

    /// Removes every sample mentor and their catch-ups in one transaction; the user's
    /// own mentors are untouched. Returns how many were removed.
    pub fn remove_sample_circle(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let removed = tx.execute("DELETE FROM mentor WHERE sample = 1", [])?;
        // A nudge about sample mentors only means nothing once they are gone.
        tx.execute(
            "DELETE FROM nudge WHERE NOT EXISTS
                (SELECT 1 FROM nudge_mentor nm WHERE nm.nudge_id = nudge.id)",
            [],
        )?;
        tx.commit()?;
        Ok(removed)
    }
}

/// Every mentor column, the roles (comma-separated, in order) and the day of the last
/// catch-up, in the order of [`mentor_column`].
static MENTOR_SELECT: LazyLock<String> = LazyLock::new(|| {
    let columns: Vec<String> = ROW_COLUMNS
        .iter()
        .chain(DRAFT_COLUMNS.iter())
        .map(|column| format!("m.{column}"))
        .collect();
    format!(
        "SELECT {}, m.roles, m.last_catch_up, m.snoozed_until FROM mentor m",
        columns.join(", ")
    )
});

/// What lists need of everyone, for [`Store::circle`], in the order
/// [`summary_from_row`] reads.
pub(super) const SUMMARY_SELECT: &str =
    "SELECT id, added_on, sample, name, organisation, expertise, roles,
    status, cadence_days, max_gap_days, modes, review_on, last_catch_up, snoozed_until
    FROM mentor";

/// Reads a [`SUMMARY_SELECT`] row: the summary, the last catch-up and the snooze.
#[allow(clippy::type_complexity)]
pub(super) fn summary_from_row(
    row: &Row<'_>,
) -> rusqlite::Result<(MentorSummary, Option<NaiveDate>, Option<NaiveDate>)> {
    let Some(added_on) = day_at(row, 1)? else {
        return Err(rusqlite::Error::InvalidColumnType(
            1,
            "added_on".into(),
            rusqlite::types::Type::Null,
        ));
    };
    let summary = MentorSummary {
        id: row.get(0)?,
        added_on,
        sample: row.get(2)?,
        name: row.get(3)?,
        organisation: row.get(4)?,
        expertise: row.get(5)?,
        roles: row.get::<_, Keys<Role>>(6)?.0,
        status: row.get(7)?,
        cadence_days: row.get(8)?,
        max_gap_days: row.get(9)?,
        modes: row.get::<_, Keys<Mode>>(10)?.0,
        review_on: day_at(row, 11)?,
    };
    Ok((summary, day_at(row, 12)?, day_at(row, 13)?))
}

/// A [`summary_from_row`] as the lists show it on `today`.
pub(super) fn member_on(
    (mentor, last_catch_up, snoozed_until): (MentorSummary, Option<NaiveDate>, Option<NaiveDate>),
    today: NaiveDate,
) -> CircleMember {
    let (cadence, review_due) = cadence::standing(&mentor, last_catch_up, today);
    CircleMember {
        mentor,
        last_catch_up,
        cadence,
        review_due,
        snoozed_until: snoozed_until.filter(|until| *until > today),
    }
}

/// The mentor columns that are not part of a draft.
const ROW_COLUMNS: [&str; 5] = ["id", "added_on", "sample", "they_help_with", "i_help_with"];

/// The index of `name` in a [`MENTOR_SELECT`] row. Looked up here rather than by SQLite
/// column name, which costs a search through the statement's columns on every read and
/// doubled the time of the home screen query; and at compile time
/// (`const { mentor_column("name") }`), so an unknown name fails the build and a circle of
/// thousands pays nothing per read.
const fn mentor_column(name: &str) -> usize {
    const TAIL: [&str; 3] = ["roles", "last_catch_up", "snoozed_until"];
    let mut index = 0;
    while index < ROW_COLUMNS.len() {
        if same_text(ROW_COLUMNS[index], name) {
            return index;
        }
        index += 1;
    }
    let mut draft = 0;
    while draft < DRAFT_COLUMNS.len() {
        if same_text(DRAFT_COLUMNS[draft], name) {
            return ROW_COLUMNS.len() + draft;
        }
        draft += 1;
    }
    let mut tail = 0;
    while tail < TAIL.len() {
        if same_text(TAIL[tail], name) {
            return ROW_COLUMNS.len() + DRAFT_COLUMNS.len() + tail;
        }
        tail += 1;
    }
    panic!("no such mentor column")
}

const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// The columns a [`MentorDraft`] writes, each bound as `:column` by [`write_mentor`].
pub(super) const DRAFT_COLUMNS: [&str; 27] = [
    "name",
    "organisation",
    "same_company",
    "expertise",
    "how_we_met",
    "email",
    "phone",
    "linkedin",
    "status",
    "check_experience",
    "check_experience_note",
    "check_values",
    "check_values_note",
    "check_accountability",
    "check_accountability_note",
    "check_time",
    "check_time_note",
    "cadence_days",
    "max_gap_days",
    "modes",
    "term",
    "starts_on",
    "review_on",
    "situation",
    "purposes",
    "own_purpose",
    "confidentiality",
];

/// Runs `sql` (an INSERT or UPDATE naming every [`DRAFT_COLUMNS`] entry) with the draft's
/// values bound, plus `extra` parameters.
pub(super) fn write_mentor(
    tx: &Transaction<'_>,
    sql: &str,
    draft: &MentorDraft,
    extra: &[(&str, &dyn ToSql)],
) -> Result<usize> {
    let agreement = &draft.agreement;
    let checks = &draft.checks;
    let modes = Keys::text(&agreement.modes);
    let purposes = Keys::text(&agreement.purposes);
    let mut values: Vec<(&str, &dyn ToSql)> = vec![
        (":name", &draft.name),
        (":organisation", &draft.organisation),
        (":same_company", &draft.same_company),
        (":expertise", &draft.expertise),
        (":how_we_met", &draft.how_we_met),
        (":email", &draft.contact.email),
        (":phone", &draft.contact.phone),
        (":linkedin", &draft.contact.linkedin),
        (":status", &draft.status),
        (":check_experience", &checks.experience.met),
        (":check_experience_note", &checks.experience.note),
        (":check_values", &checks.values.met),
        (":check_values_note", &checks.values.note),
        (":check_accountability", &checks.accountability.met),
        (":check_accountability_note", &checks.accountability.note),
        (":check_time", &checks.time.met),
        (":check_time_note", &checks.time.note),
        (":cadence_days", &agreement.cadence_days),
        (":max_gap_days", &agreement.max_gap_days),
        (":modes", &modes),
        (":term", &agreement.term),
        (":starts_on", &agreement.starts_on),
        (":review_on", &agreement.review_on),
        (":situation", &agreement.situation),
        (":purposes", &purposes),
        (":own_purpose", &agreement.own_purpose),
        (":confidentiality", &agreement.confidentiality),
    ];
    values.extend_from_slice(extra);
    Ok(tx.execute(sql, values.as_slice())?)
}

/// Reads a mentor row. A stored key this build does not know (a damaged or tampered
/// database) is an error ([`super::UnknownKey`]).
fn mentor_from_row(row: &Row<'_>) -> rusqlite::Result<Mentor> {
    let check = |met: usize, note: usize| -> rusqlite::Result<Check> {
        Ok(Check {
            met: row.get(met)?,
            note: row.get(note)?,
        })
    };
    Ok(Mentor {
        id: row.get(const { mentor_column("id") })?,
        added_on: row.get(const { mentor_column("added_on") })?,
        sample: row.get(const { mentor_column("sample") })?,
        co_mentoring: CoMentoring {
            they_help_with: row.get(const { mentor_column("they_help_with") })?,
            i_help_with: row.get(const { mentor_column("i_help_with") })?,
        },
        details: MentorDraft {
            name: row.get(const { mentor_column("name") })?,
            organisation: row.get(const { mentor_column("organisation") })?,
            roles: row
                .get::<_, Keys<Role>>(const { mentor_column("roles") })?
                .0,
            same_company: row.get(const { mentor_column("same_company") })?,
            expertise: row.get(const { mentor_column("expertise") })?,
            how_we_met: row.get(const { mentor_column("how_we_met") })?,
            contact: Contact {
                email: row.get(const { mentor_column("email") })?,
                phone: row.get(const { mentor_column("phone") })?,
                linkedin: row.get(const { mentor_column("linkedin") })?,
            },
            status: row.get(const { mentor_column("status") })?,
            checks: MentorChecks {
                experience: check(
                    const { mentor_column("check_experience") },
                    const { mentor_column("check_experience_note") },
                )?,
                values: check(
                    const { mentor_column("check_values") },
                    const { mentor_column("check_values_note") },
                )?,
                accountability: check(
                    const { mentor_column("check_accountability") },
                    const { mentor_column("check_accountability_note") },
                )?,
                time: check(
                    const { mentor_column("check_time") },
                    const { mentor_column("check_time_note") },
                )?,
            },
            agreement: Agreement {
                cadence_days: row.get(const { mentor_column("cadence_days") })?,
                max_gap_days: row.get(const { mentor_column("max_gap_days") })?,
                modes: row
                    .get::<_, Keys<Mode>>(const { mentor_column("modes") })?
                    .0,
                term: row.get(const { mentor_column("term") })?,
                starts_on: row.get(const { mentor_column("starts_on") })?,
                review_on: row.get(const { mentor_column("review_on") })?,
                situation: row.get(const { mentor_column("situation") })?,
                purposes: row
                    .get::<_, Keys<Purpose>>(const { mentor_column("purposes") })?
                    .0,
                own_purpose: row.get(const { mentor_column("own_purpose") })?,
                confidentiality: row.get(const { mentor_column("confidentiality") })?,
            },
        },
    })
}

/// Writes a mentor's roles, in the user's order, into their row.
pub(super) fn write_roles(tx: &Transaction<'_>, mentor_id: MentorId, roles: &[Role]) -> Result<()> {
    tx.execute(
        "UPDATE mentor SET roles = ?2 WHERE id = ?1",
        params![mentor_id, Keys::text(roles)],
    )?;
    Ok(())
}

pub(super) fn ensure_mentor_exists(tx: &Transaction<'_>, id: MentorId) -> Result<()> {
    let found: Option<i64> = tx
        .query_row("SELECT 1 FROM mentor WHERE id = ?1", [id], |row| row.get(0))
        .optional()?;
    found.map(|_| ()).ok_or_else(mentor_not_found)
}

fn mentor_not_found() -> Error {
    Error::NotFound("That mentor is no longer in your circle.".into())
}

impl Store {
    /// Adds a mentor, marked as part of the sample circle or not.
    pub(crate) fn insert_mentor(
        &mut self,
        draft: &MentorDraft,
        added_on: NaiveDate,
        sample: bool,
    ) -> Result<Mentor> {
        let draft = validate::mentor(draft)?;
        let tx = self.conn.transaction()?;
        write_mentor(
            &tx,
            &format!(
                "INSERT INTO mentor ({}, added_on, sample) VALUES ({}, :added_on, :sample)",
                DRAFT_COLUMNS.join(", "),
                DRAFT_COLUMNS.map(|column| format!(":{column}")).join(", ")
            ),
            &draft,
            &[(":added_on", &added_on), (":sample", &sample)],
        )?;
        let id = tx.last_insert_rowid();
        write_roles(&tx, id, &draft.roles)?;
        tx.commit()?;
        self.mentor(id)
    }
}
