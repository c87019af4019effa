//! Contact files into prospects: a preview that checks each row against the circle, then
//! one transaction for the rows the user accepts.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Store;
use super::prospects::insert_prospect;
use crate::contacts::{ImportPreview, ParsedFile, PreviewOutcome, PreviewRow, RowOutcome};
use crate::error::{Error, Result};
use crate::prospects::{ProspectDraft, identity_keys};

impl Store {
    /// Checks each parsed row against the circle, the prospects and the rows above it.
    pub fn preview_import(&self, parsed: ParsedFile) -> Result<ImportPreview> {
        let mut known: HashMap<String, String> = HashMap::new();
        for mentor in self.mentors()? {
            let details = &mentor.details;
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
        if drafts.is_empty() {
            return Err(Error::invalid(
                "prospects",
                "Choose at least one person to bring in.",
            ));
        }
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
}
