//! The circle as one JSON document, for the user to keep or take elsewhere.
//!
//! The journal is left out unless the user chooses to include it: the most private text
//! in the app never leaves the encrypted database by default. What was raised from it
//! (a question on a mentor's agenda, a goal) is the user's deliberate copy and travels
//! with the mentor or the goal.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::advice::Advice;
use crate::agenda::AgendaItem;
use crate::gives::Give;
use crate::goals::Goal;
use crate::journal::JournalEntry;
use crate::model::{CatchUp, Mentor};
use crate::prospects::Prospect;

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
    /// Prospective mentors (absent from exports made before they existed).
    #[serde(default)]
    pub prospects: Vec<Prospect>,
    /// Present only when the user chose to include the journal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<Vec<JournalEntry>>,
}

/// A mentor with their catch-ups (newest first), agenda (discussed items included),
/// advice and gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MentorExport {
    #[serde(flatten)]
    pub mentor: Mentor,
    pub catch_ups: Vec<CatchUp>,
    pub agenda: Vec<AgendaItem>,
    /// Advice and what came of it (absent from exports made before it existed).
    #[serde(default)]
    pub advice: Vec<Advice>,
    /// Thanks and gives, ideas and offers included.
    #[serde(default)]
    pub gives: Vec<Give>,
}

/// The kinds of file the user can export to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ExportFormat {
    /// Everything, to import again.
    Json,
    /// A folder of readable files.
    Markdown,
    /// The next catch-up with each mentor, for a calendar.
    Ics,
    /// Mentors and prospects as contacts.
    Vcard,
}

/// Where an export went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportDone {
    pub path: PathBuf,
    pub files: u32,
}

/// Largest JSON export read back, in bytes: far above any real circle, small enough
/// that a wrong file cannot exhaust memory.
pub const MAX_JSON_BYTES: u64 = 200 * 1024 * 1024;

/// Writes `export` as `format` to `path` (a new file, or for Markdown a new folder).
/// These are plaintext by nature: the window warns before the user asks for one.
pub fn write(
    export: &CircleExport,
    format: ExportFormat,
    path: &Path,
    today: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> crate::Result<ExportDone> {
    crate::backups::check_destination(path)?;
    let written = write_unchecked(export, format, path, today, now);
    if written.is_err() {
        // `check_destination` made sure nothing was here: whatever is here now is part
        // of this export, and half an export is plaintext to no purpose.
        let _ = if path.is_dir() {
            std::fs::remove_dir_all(path)
        } else {
            std::fs::remove_file(path)
        };
    }
    written
}

fn write_unchecked(
    export: &CircleExport,
    format: ExportFormat,
    path: &Path,
    today: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> crate::Result<ExportDone> {
    let io = |error: std::io::Error| match error.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            crate::Error::Conflict(
                "The disk is full, so the export wasn't written; nothing of it was left \
                 behind. Free some space or choose another place."
                    .into(),
            )
        }
        kind => crate::Error::Internal(format!("writing an export: {kind}")),
    };
    let files = match format {
        ExportFormat::Json => {
            write_private(path, export.to_json()?.as_bytes()).map_err(io)?;
            1
        }
        ExportFormat::Ics => {
            write_private(path, ics::next_catch_ups(export, today, now).as_bytes()).map_err(io)?;
            1
        }
        ExportFormat::Vcard => {
            let contacts = vcard::contacts(&export.mentors, &export.prospects);
            write_private(path, contacts.as_bytes()).map_err(io)?;
            1
        }
        ExportFormat::Markdown => {
            let files = markdown::markdown_files(export);
            crate::files::create_private_dir(path)?;
            for file in &files {
                let target = path.join(&file.path);
                if let Some(folder) = target.parent() {
                    crate::files::create_private_dir(folder)?;
                }
                write_private(&target, file.contents.as_bytes()).map_err(io)?;
            }
            u32::try_from(files.len()).unwrap_or(u32::MAX)
        }
    };
    Ok(ExportDone {
        path: path.to_path_buf(),
        files,
    })
}

/// Reads a JSON export back, refusing anything that is not one with a clear reason.
pub fn read_json(path: &Path) -> crate::Result<CircleExport> {
    crate::backups::check_source(path)?;
    let too_big = std::fs::metadata(path)
        .map(|meta| meta.len() > MAX_JSON_BYTES)
        .unwrap_or(true);
    if too_big {
        return Err(crate::Error::invalid(
            "file",
            "That file is too large to be a Mentor Circle export.",
        ));
    }
    let bytes = std::fs::read(path).map_err(|_| {
        crate::Error::invalid(
            "file",
            "That file can't be read. Check that you may open it.",
        )
    })?;
    parse_json(&bytes)
}

/// Reads the bytes of a JSON export (what [`read_json`] read from the file).
pub fn parse_json(bytes: &[u8]) -> crate::Result<CircleExport> {
    serde_json::from_slice(bytes).map_err(|_| {
        crate::Error::invalid(
            "file",
            "This isn't a Mentor Circle JSON export (or it was changed since). Choose the \
             .json file Mentor Circle wrote.",
        )
    })
}

/// Exports are readable by their owner only, like the data folder (on Windows, as readable
/// as the folder the user chose: files inherit its ACL).
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    std::io::Write::write_all(&mut file, bytes)?;
    file.sync_all()
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
