//! Prospective mentors: people the user might ask one day. They come from the user's own
//! hand or from an import (a professional network's connections export, vCards), and
//! stay apart from the circle until the user invites them in, so an import of hundreds
//! of connections never fills the circle or raises a single nudge.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// A prospect's id.
pub type ProspectId = i64;

/// Longest name, organisation or position, in characters.
pub const MAX_FIELD_CHARS: usize = 200;
/// Longest web address or e-mail, in characters.
pub const MAX_ADDRESS_CHARS: usize = 500;
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 5_000;

/// Everything known about a prospect; used to add one and by imports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProspectDraft {
    pub name: String,
    pub organisation: String,
    /// Their job title.
    pub position: String,
    pub email: String,
    /// A profile web address (e.g. on a professional network).
    pub profile_url: String,
    /// When the user connected with them, if the source says.
    pub connected_on: Option<NaiveDate>,
    pub note: String,
}

/// A prospective mentor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Prospect {
    #[ts(type = "number")]
    pub id: ProspectId,
    pub added_on: NaiveDate,
    #[serde(flatten)]
    #[ts(flatten)]
    pub details: ProspectDraft,
}

impl ProspectDraft {
    /// Trims every field and checks the rules; the error names the field.
    pub fn validated(&self) -> Result<ProspectDraft> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(Error::invalid("name", "Give the prospect a name."));
        }
        let draft = ProspectDraft {
            name: name.to_string(),
            organisation: self.organisation.trim().to_string(),
            position: self.position.trim().to_string(),
            email: self.email.trim().to_string(),
            profile_url: self.profile_url.trim().to_string(),
            connected_on: self.connected_on,
            note: self.note.trim().to_string(),
        };
        for (field, value, max) in [
            ("name", &draft.name, MAX_FIELD_CHARS),
            ("organisation", &draft.organisation, MAX_FIELD_CHARS),
            ("position", &draft.position, MAX_FIELD_CHARS),
            ("email", &draft.email, MAX_ADDRESS_CHARS),
            ("profileUrl", &draft.profile_url, MAX_ADDRESS_CHARS),
            ("note", &draft.note, MAX_NOTE_CHARS),
        ] {
            if value.chars().count() > max {
                return Err(Error::invalid(
                    field,
                    format!("Keep this under {max} characters."),
                ));
            }
        }
        if !draft.email.is_empty() && !looks_like_email(&draft.email) {
            return Err(Error::invalid(
                "email",
                "This doesn't look like an e-mail address.",
            ));
        }
        Ok(draft)
    }
}

/// What an import found in one row, after checking it against the circle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum PreviewOutcome {
    /// Someone new: imported if the user accepts.
    New { prospect: ProspectDraft },
    /// Someone already known; `of` says who, in the user's words.
    Duplicate { prospect: ProspectDraft, of: String },
    /// The row cannot be imported; `problem` says why.
    Invalid { problem: String },
}

/// One row of an import preview, with the line to find it in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewRow {
    pub line: u32,
    pub outcome: PreviewOutcome,
}

/// What an import would do; nothing is written until the user accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    pub format: crate::import::ImportFormat,
    pub rows: Vec<PreviewRow>,
}

/// The ways two records can be the same person: the same e-mail, the same profile
/// address, or the same name at the same organisation (case and accents aside).
pub(crate) fn identity_keys(name: &str, organisation: &str, email: &str, url: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let email = email.trim().to_lowercase();
    if !email.is_empty() {
        keys.push(format!("email:{email}"));
    }
    let url = url.trim().to_lowercase();
    let url = url
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    let url = url
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    if !url.is_empty() {
        keys.push(format!("url:{url}"));
    }
    let fold = |text: &str| -> String {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let name = fold(name);
    if !name.is_empty() {
        keys.push(format!("name:{name}|{}", fold(organisation)));
    }
    keys
}

fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !text.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_person_is_found_by_email_profile_or_name_and_organisation() {
        let a = identity_keys(
            "Ana  Sousa",
            "Acme",
            "ANA@example.org",
            "https://www.linkedin.com/in/ana/?x=1",
        );
        let b = identity_keys("ana sousa", "acme", "", "");
        let c = identity_keys("Someone", "", "", "http://linkedin.com/in/ana");
        assert!(a.iter().any(|key| b.contains(key)), "name and organisation");
        assert!(a.iter().any(|key| c.contains(key)), "profile address");
        assert!(identity_keys("", "", "", "").is_empty());
    }

    #[test]
    fn a_prospect_needs_a_name_and_a_plausible_email() {
        let mut draft = ProspectDraft {
            name: "  Ana Sousa ".into(),
            email: "ana@example.org".into(),
            ..ProspectDraft::default()
        };
        assert_eq!(draft.validated().expect("valid").name, "Ana Sousa");
        draft.email = "ana at example".into();
        assert!(matches!(
            draft.validated(),
            Err(Error::Invalid { field: "email", .. })
        ));
        draft.name = "   ".into();
        assert!(matches!(
            draft.validated(),
            Err(Error::Invalid { field: "name", .. })
        ));
    }
}
