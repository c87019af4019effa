//! The circle as one JSON document, for the user to keep or take elsewhere.
//!
//! The journal is left out unless the user chooses to include it: the most private text
//! in the app never leaves the encrypted database by default. What was raised from it
//! (a question on a mentor's agenda, a goal) is the user's deliberate copy and travels
//! with the mentor or the goal.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::agenda::AgendaItem;
use crate::goal::Goal;
use crate::journal::JournalEntry;
use crate::model::{CatchUp, Mentor};

/// Names the document, so an import can tell it from any other JSON.
pub const FORMAT: &str = "mentor-circle";
/// Raised whenever the document's shape changes.
pub const VERSION: u32 = 1;

/// What the user chose to include.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportOptions {
    pub include_journal: bool,
}

/// The whole circle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CircleExport {
    pub format: String,
    pub version: u32,
    pub exported_at: DateTime<Utc>,
    pub mentors: Vec<MentorExport>,
    pub goals: Vec<Goal>,
    /// Present only when the user chose to include the journal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<Vec<JournalEntry>>,
}

/// A mentor with their catch-ups (newest first) and agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MentorExport {
    #[serde(flatten)]
    pub mentor: Mentor,
    pub catch_ups: Vec<CatchUp>,
    pub agenda: Vec<AgendaItem>,
}

impl CircleExport {
    /// The document as indented JSON.
    pub fn to_json(&self) -> crate::Result<String> {
        serde_json::to_string_pretty(self)
            .map_err(|_| crate::Error::Internal("the export could not be written".into()))
    }
}

mod content_line;
pub mod ics;
pub mod markdown;
pub mod vcard;
mod words;
