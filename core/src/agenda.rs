//! A mentor's agenda: questions and topics to raise at the next catch-up. One can be a
//! passage of a journal entry the user chose to take to that mentor; the item then keeps
//! a link back to the entry, and the entry lists what was raised from it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::MentorId;
use crate::model::{AgendaItemId, EntryId};

/// Longest question or topic, in characters: something to say in a sentence or three.
pub const MAX_AGENDA_CHARS: usize = 1_000;

/// What the user asks to add to a mentor's agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgendaDraft {
    #[ts(type = "number")]
    pub mentor_id: MentorId,
    pub text: String,
    /// The journal entry this passage was taken from, if any.
    #[ts(type = "number | null")]
    pub from_entry: Option<EntryId>,
}

/// A question or topic waiting for a mentor's next catch-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgendaItem {
    #[ts(type = "number")]
    pub id: AgendaItemId,
    #[ts(type = "number")]
    pub mentor_id: MentorId,
    pub text: String,
    pub added_at: DateTime<Utc>,
    /// The journal entry it came from; `None` once that entry is deleted.
    #[ts(type = "number | null")]
    pub from_entry: Option<EntryId>,
    /// The day of the catch-up where it was discussed; `None` while it waits. Items not
    /// ticked when a catch-up is logged stay open: they carry over to the next one.
    #[serde(default)]
    pub discussed_on: Option<NaiveDate>,
}

/// Checks a draft and tidies its text (trailing spaces); the message never repeats it.
pub fn validate(draft: &AgendaDraft) -> Result<AgendaDraft> {
    let text = draft.text.trim().to_string();
    if text.is_empty() {
        return Err(Error::invalid("text", "Write the question or topic first."));
    }
    if text.chars().count() > MAX_AGENDA_CHARS {
        return Err(Error::invalid(
            "text",
            format!(
                "Keep it under {MAX_AGENDA_CHARS} characters: the gist of what to ask, \
                 with the rest left in the journal."
            ),
        ));
    }
    Ok(AgendaDraft {
        text,
        ..draft.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> AgendaDraft {
        AgendaDraft {
            mentor_id: 1,
            text: text.into(),
            from_entry: None,
        }
    }

    #[test]
    fn text_is_trimmed_and_required() {
        assert_eq!(
            validate(&draft("  Ask about the reorg \n"))
                .expect("valid")
                .text,
            "Ask about the reorg"
        );
        let error = validate(&draft("  \n ")).expect_err("refused");
        assert!(matches!(error, Error::Invalid { field: "text", .. }));
    }

    #[test]
    fn overlong_text_is_refused_without_repeating_it() {
        let long = "secret ".repeat(200);
        let error = validate(&draft(&long)).expect_err("refused");
        assert!(matches!(error, Error::Invalid { field: "text", .. }));
        assert!(!error.to_string().contains("secret"));
    }
}
