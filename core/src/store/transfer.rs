//! Reading the whole circle for an export.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Transaction, params};

use super::Store;
use crate::error::{Error, Result};
use crate::transfer::{CircleExport, ExportOptions, FORMAT, MentorExport, VERSION};

impl Store {
    /// Everything in the circle as of `now`; the journal only if `options` include it.
    pub fn export(&self, options: ExportOptions, now: DateTime<Utc>) -> Result<CircleExport> {
        let mut mentors = Vec::new();
        for mentor in self.mentors()? {
            let id = mentor.id;
            mentors.push(MentorExport {
                mentor,
                catch_ups: self.catch_ups(id)?,
                agenda: self.agenda_with_discussed(id)?,
                advice: self.advice(id)?,
                gives: self.gives(id)?,
            });
        }
        let journal = if options.include_journal {
            Some(self.entries(u32::MAX, None)?)
        } else {
            None
        };
        Ok(CircleExport {
            format: FORMAT.into(),
            version: VERSION,
            exported_at: now,
            mentors,
            goals: self.goals()?,
            prospects: self.prospects()?,
            journal,
        })
    }
}

impl Store {
    /// Brings a whole Mentor Circle export into an empty circle, with the same ids, so an
    /// export imported again is the same circle. One transaction: all or nothing.
    pub fn import_circle(&mut self, export: &CircleExport) -> Result<usize> {
        if export.format != crate::transfer::FORMAT || export.version > crate::transfer::VERSION {
            return Err(Error::invalid(
                "file",
                "This isn't a Mentor Circle export this version can read.",
            ));
        }
        let empty: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM mentor) + (SELECT count(*) FROM journal_entry)
                  + (SELECT count(*) FROM goal) + (SELECT count(*) FROM prospect)",
            [],
            |row| row.get(0),
        )?;
        if empty > 0 {
            return Err(Error::Conflict(
                "An export can only be imported into an empty circle. Restore a backup \
                 instead, or start a new data folder."
                    .into(),
            ));
        }
        let tx = self.conn.transaction()?;
        write_circle(&tx, export).map_err(|error| match error {
            // Only a file that contradicts itself breaks a constraint in an empty circle:
            // two records with one id, or a link to something that is not in it.
            Error::Conflict(_) => Error::invalid(
                "file",
                "This export doesn't hold together: two records share a number, or one \
                 points at something that isn't in it. Export it again from Mentor Circle.",
            ),
            other => other,
        })?;
        tx.commit()?;
        Ok(export.mentors.len())
    }
}

/// Writes every record of `export` with its own id (see [`Store::import_circle`]).
fn write_circle(tx: &Transaction<'_>, export: &CircleExport) -> Result<()> {
    let journal = export.journal.as_deref().unwrap_or_default();
    for exported in &export.mentors {
        let mentor = &exported.mentor;
        let details = crate::validate::mentor(&mentor.details)?;
        super::mentors::write_mentor(
            tx,
            &format!(
                "INSERT INTO mentor (id, {}, added_on, sample) VALUES (:id, {}, :added_on, :sample)",
                super::mentors::DRAFT_COLUMNS.join(", "),
                super::mentors::DRAFT_COLUMNS
                    .map(|column| format!(":{column}"))
                    .join(", ")
            ),
            &details,
            &[
                (":id", &mentor.id),
                (":added_on", &mentor.added_on),
                (":sample", &mentor.sample),
            ],
        )?;
        super::mentors::write_roles(tx, mentor.id, &details.roles)?;
        tx.execute(
            "UPDATE mentor SET they_help_with = ?2, i_help_with = ?3 WHERE id = ?1",
            params![
                mentor.id,
                mentor.co_mentoring.they_help_with,
                mentor.co_mentoring.i_help_with
            ],
        )?;
        for advice in &exported.advice {
            let draft = crate::advice::validate(
                &crate::advice::AdviceDraft {
                    mentor_id: mentor.id,
                    given_on: advice.given_on,
                    text: advice.text.clone(),
                },
                NaiveDate::MAX,
            )?;
            let progress = crate::advice::validate_progress(&advice.progress)?;
            super::advice::insert_advice(tx, Some(advice.id), &draft, &progress, advice)?;
        }
        for give in &exported.gives {
            let draft = crate::gives::validate(
                &crate::gives::GiveDraft {
                    mentor_id: mentor.id,
                    ..give.details.clone()
                },
                NaiveDate::MAX,
            )?;
            super::gives::insert_give(tx, Some(give.id), &draft)?;
        }
        for catch_up in &exported.catch_ups {
            tx.execute(
                "INSERT INTO catch_up (id, mentor_id, happened_on, mode, note)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    catch_up.id,
                    mentor.id,
                    catch_up.date,
                    catch_up.mode,
                    catch_up.note
                ],
            )?;
        }
    }
    for entry in journal {
        let content = crate::journal::validate(&entry.content)?;
        tx.execute(
            "INSERT INTO journal_entry (id, written_at, written_on, updated_at, body, mood, energy)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                entry.id,
                entry.written_at,
                entry.written_on,
                entry.updated_at,
                content.body,
                content.mood,
                content.energy
            ],
        )?;
        super::journal::write_links(tx, entry.id, &content)?;
    }
    // Links to journal entries that were left out of the export are dropped.
    let kept_entry = |entry: Option<i64>| entry.filter(|id| journal.iter().any(|e| e.id == *id));
    for exported in &export.mentors {
        for item in &exported.agenda {
            tx.execute(
                "INSERT INTO agenda_item (id, mentor_id, text, added_at, from_entry,
                                          discussed_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    item.id,
                    exported.mentor.id,
                    item.text,
                    item.added_at,
                    kept_entry(item.from_entry),
                    item.discussed_on
                ],
            )?;
        }
    }
    for goal in &export.goals {
        tx.execute(
            "INSERT INTO goal (id, title, why, target_on, status, added_at, from_entry)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                goal.id,
                goal.title,
                goal.why,
                goal.target_on,
                goal.status,
                goal.added_at,
                kept_entry(goal.from_entry)
            ],
        )?;
        for (position, mentor_id) in goal.mentor_ids.iter().enumerate() {
            tx.execute(
                "INSERT INTO goal_mentor (goal_id, mentor_id, position) VALUES (?1, ?2, ?3)",
                params![goal.id, mentor_id, position as i64],
            )?;
        }
        for progress in &goal.progress {
            tx.execute(
                "INSERT INTO goal_progress (id, goal_id, written_on, note)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    progress.id,
                    goal.id,
                    progress.written_on,
                    crate::goals::validate_progress(&progress.note)?
                ],
            )?;
        }
    }
    for prospect in &export.prospects {
        let draft = prospect.details.validated()?;
        super::prospects::write_prospect(tx, Some(prospect.id), prospect, &draft)?;
    }
    Ok(())
}
