//! Prospective mentors in the store, and imports: a preview that checks each row against
//! the circle, then one transaction for the rows the user accepts.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::Store;
use crate::error::{Error, Result};
use crate::export::CircleExport;
use crate::import::{ParsedFile, RowOutcome};
use crate::prospect::{
    ImportPreview, PreviewOutcome, PreviewRow, Prospect, ProspectDraft, identity_keys,
};

const PROSPECT_SELECT: &str = "SELECT id, added_on, name, organisation, position, email, \
     profile_url, connected_on, note FROM prospect";

impl Store {
    /// Every prospect, by name.
    pub fn prospects(&self) -> Result<Vec<Prospect>> {
        let mut statement = self.conn.prepare(&format!(
            "{PROSPECT_SELECT} ORDER BY name COLLATE NOCASE, id"
        ))?;
        let rows = statement.query_map([], prospect_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Checks each parsed row against the circle, the prospects and the rows above it.
    pub fn preview_import(&self, parsed: ParsedFile) -> Result<ImportPreview> {
        let mut known: HashMap<String, String> = HashMap::new();
        for member in self.circle(NaiveDate::MIN)? {
            let details = &member.mentor.details;
            let who = format!("{} in your circle", details.name);
            for key in identity_keys(
                &details.name,
                &details.organisation,
                &details.contact.email,
                &details.contact.linkedin,
            ) {
                known.entry(key).or_insert_with(|| who.clone());
            }
        }
        for prospect in self.prospects()? {
            let details = &prospect.details;
            let who = format!("{}, already a prospect", details.name);
            for key in identity_keys(
                &details.name,
                &details.organisation,
                &details.email,
                &details.profile_url,
            ) {
                known.entry(key).or_insert_with(|| who.clone());
            }
        }
        let mut rows = Vec::with_capacity(parsed.rows.len());
        for row in parsed.rows {
            let outcome = match row.outcome {
                RowOutcome::Invalid { problem } => PreviewOutcome::Invalid { problem },
                RowOutcome::Ready { prospect } => {
                    let keys = identity_keys(
                        &prospect.name,
                        &prospect.organisation,
                        &prospect.email,
                        &prospect.profile_url,
                    );
                    match keys.iter().find_map(|key| known.get(key)) {
                        Some(of) => PreviewOutcome::Duplicate {
                            prospect,
                            of: of.clone(),
                        },
                        None => {
                            let who = format!("line {} of this file", row.line);
                            for key in keys {
                                known.insert(key, who.clone());
                            }
                            PreviewOutcome::New { prospect }
                        }
                    }
                }
            };
            rows.push(PreviewRow {
                line: row.line,
                outcome,
            });
        }
        Ok(ImportPreview {
            format: parsed.format,
            rows,
        })
    }

    /// Adds the prospects the user accepted, all or none.
    pub fn import_prospects(
        &mut self,
        drafts: &[ProspectDraft],
        today: NaiveDate,
    ) -> Result<usize> {
        let drafts = drafts
            .iter()
            .map(ProspectDraft::validated)
            .collect::<Result<Vec<_>>>()?;
        let tx = self.conn.transaction()?;
        for draft in &drafts {
            insert_prospect(&tx, None, draft, today)?;
        }
        tx.commit()?;
        Ok(drafts.len())
    }

    /// Brings a whole Mentor Circle export into an empty circle, with the same ids, so an
    /// export imported again is the same circle. One transaction: all or nothing.
    pub fn import_circle(&mut self, export: &CircleExport) -> Result<usize> {
        if export.format != crate::export::FORMAT || export.version > crate::export::VERSION {
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
        let journal = export.journal.as_deref().unwrap_or_default();
        let tx = self.conn.transaction()?;
        for exported in &export.mentors {
            let mentor = &exported.mentor;
            let details = crate::validate::mentor(&mentor.details)?;
            super::write_mentor(
                &tx,
                &format!(
                    "INSERT INTO mentor (id, {}, added_on, sample) VALUES (:id, {}, :added_on, :sample)",
                    super::DRAFT_COLUMNS.join(", "),
                    super::DRAFT_COLUMNS
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
            super::write_roles(&tx, mentor.id, &details.roles)?;
            for catch_up in &exported.catch_ups {
                tx.execute(
                    "INSERT INTO catch_up (id, mentor_id, happened_on, mode, note)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        catch_up.id,
                        mentor.id,
                        catch_up.date,
                        catch_up.mode.key(),
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
            super::journal::write_links(&tx, entry.id, &content)?;
        }
        // Links to journal entries that were left out of the export are dropped.
        let kept_entry =
            |entry: Option<i64>| entry.filter(|id| journal.iter().any(|e| e.id == *id));
        for exported in &export.mentors {
            for item in &exported.agenda {
                tx.execute(
                    "INSERT INTO agenda_item (id, mentor_id, text, added_at, from_entry)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        item.id,
                        exported.mentor.id,
                        item.text,
                        item.added_at,
                        kept_entry(item.from_entry)
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
                    goal.status.as_str(),
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
        }
        for prospect in &export.prospects {
            let draft = prospect.details.validated()?;
            insert_prospect(&tx, Some(prospect.id), &draft, prospect.added_on)?;
        }
        tx.commit()?;
        Ok(export.mentors.len())
    }
}

fn insert_prospect(
    tx: &rusqlite::Transaction<'_>,
    id: Option<i64>,
    draft: &ProspectDraft,
    added_on: NaiveDate,
) -> Result<()> {
    tx.execute(
        "INSERT INTO prospect (id, name, organisation, position, email, profile_url,
                               connected_on, note, added_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            draft.name,
            draft.organisation,
            draft.position,
            draft.email,
            draft.profile_url,
            draft.connected_on,
            draft.note,
            added_on
        ],
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
        },
    })
}
