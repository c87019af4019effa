//! Reading the whole circle for an export.

use chrono::{DateTime, Utc};

use super::Store;
use crate::error::Result;
use crate::export::{CircleExport, ExportOptions, FORMAT, MentorExport, VERSION};

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
