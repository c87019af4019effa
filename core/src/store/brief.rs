//! The pre-meeting brief and co-mentoring: what the user helps a mentor with in return.

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use crate::brief::{self, Brief};
use crate::error::{Error, Result};
use crate::model::{CoMentoring, Mentor, MentorId};

impl Store {
    /// The pre-meeting brief for a mentor on `today`.
    pub fn brief(&self, mentor_id: MentorId, today: NaiveDate) -> Result<Brief> {
        Ok(brief::of(&self.mentor_page(mentor_id, today)?))
    }

    /// Says what each side of a peer mentorship is helping the other with.
    pub fn set_co_mentoring(&mut self, id: MentorId, help: &CoMentoring) -> Result<Mentor> {
        let help = CoMentoring {
            they_help_with: help.they_help_with.trim().to_string(),
            i_help_with: help.i_help_with.trim().to_string(),
        };
        for (field, text) in [
            ("theyHelpWith", &help.they_help_with),
            ("iHelpWith", &help.i_help_with),
        ] {
            if text.chars().count() > MAX_HELP_CHARS {
                return Err(Error::invalid(
                    field,
                    format!("Keep this under {MAX_HELP_CHARS} characters."),
                ));
            }
        }
        let changed = self.conn.execute(
            "UPDATE mentor SET they_help_with = ?2, i_help_with = ?3 WHERE id = ?1",
            params![id, help.they_help_with, help.i_help_with],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(
                "That mentor is no longer in your circle.".into(),
            ));
        }
        self.mentor(id)
    }
}

/// Longest "helping with" text for co-mentoring, in characters.
const MAX_HELP_CHARS: usize = 2_000;
