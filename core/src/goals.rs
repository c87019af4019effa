//! The user's own development goals. One can start from a passage of a journal entry
//! ("I keep getting passed over for the lead role" → "Lead a project by June"); the goal
//! then keeps a link back to the entry, and the entry lists the goals raised from it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::MentorId;
use crate::model::{EntryId, GoalId};
use crate::validate;

/// Longest goal title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest "why", in characters.
pub const MAX_WHY_CHARS: usize = 5_000;
/// How far ahead a target date may be, in years.
const MAX_YEARS_AHEAD: i32 = 20;

/// Where a goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum GoalStatus {
    Active,
    Achieved,
    Dropped,
}

impl GoalStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            GoalStatus::Active => "active",
            GoalStatus::Achieved => "achieved",
            GoalStatus::Dropped => "dropped",
        }
    }

    pub(crate) fn parse(text: &str) -> Option<GoalStatus> {
        match text {
            "active" => Some(GoalStatus::Active),
            "achieved" => Some(GoalStatus::Achieved),
            "dropped" => Some(GoalStatus::Dropped),
            _ => None,
        }
    }
}

/// What the user writes for a new goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalDraft {
    pub title: String,
    pub why: String,
    pub target_on: Option<NaiveDate>,
    /// Mentors helping with it.
    #[ts(type = "number[]")]
    pub mentor_ids: Vec<MentorId>,
    /// The journal entry this passage was taken from, if any.
    #[ts(type = "number | null")]
    pub from_entry: Option<EntryId>,
}

/// A dated note on how a goal is going.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalProgress {
    #[ts(type = "number")]
    pub id: i64,
    pub written_on: NaiveDate,
    pub note: String,
}

/// Longest progress note, in characters.
pub const MAX_PROGRESS_CHARS: usize = 2_000;

/// A development goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Goal {
    #[ts(type = "number")]
    pub id: GoalId,
    pub title: String,
    pub why: String,
    pub target_on: Option<NaiveDate>,
    pub status: GoalStatus,
    #[ts(type = "number[]")]
    pub mentor_ids: Vec<MentorId>,
    pub added_at: DateTime<Utc>,
    /// The journal entry it came from; `None` once that entry is deleted.
    #[ts(type = "number | null")]
    pub from_entry: Option<EntryId>,
    /// How it is going, newest first.
    #[serde(default)]
    pub progress: Vec<GoalProgress>,
}

/// Checks a progress note and tidies it.
pub fn validate_progress(note: &str) -> Result<String> {
    let note = note.trim();
    if note.is_empty() {
        return Err(Error::invalid("note", "Write how it is going first."));
    }
    validate::at_most("note", note, MAX_PROGRESS_CHARS)?;
    Ok(note.to_string())
}

/// Checks a new goal on the user's local day `today`, and tidies its text.
pub fn validate(draft: &GoalDraft, today: NaiveDate) -> Result<GoalDraft> {
    let title = draft.title.trim().to_string();
    if title.is_empty() {
        return Err(Error::invalid("title", "Give the goal a short title."));
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(Error::invalid(
            "title",
            format!(
                "Keep the title under {MAX_TITLE_CHARS} characters; the details can go in \
                 \"why\"."
            ),
        ));
    }
    let why = draft.why.trim().to_string();
    validate::at_most("why", &why, MAX_WHY_CHARS)?;
    if let Some(target) = draft.target_on {
        if target < today {
            return Err(Error::invalid(
                "targetOn",
                "Choose a target date from today on, or leave it empty.",
            ));
        }
        if target
            .years_since(today)
            .is_some_and(|years| years >= MAX_YEARS_AHEAD as u32)
        {
            return Err(Error::invalid(
                "targetOn",
                format!("Choose a target date within {MAX_YEARS_AHEAD} years."),
            ));
        }
    }
    let mut mentor_ids = Vec::new();
    for id in &draft.mentor_ids {
        if !mentor_ids.contains(id) {
            mentor_ids.push(*id);
        }
    }
    Ok(GoalDraft {
        title,
        why,
        target_on: draft.target_on,
        mentor_ids,
        from_entry: draft.from_entry,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn draft() -> GoalDraft {
        GoalDraft {
            title: " Lead a project ".into(),
            why: String::new(),
            target_on: Some(day(2027, 6, 1)),
            mentor_ids: vec![2, 2, 3],
            from_entry: Some(7),
        }
    }

    #[test]
    fn a_goal_is_tidied() {
        let goal = validate(&draft(), day(2026, 11, 22)).expect("valid");
        assert_eq!(goal.title, "Lead a project");
        assert_eq!(goal.mentor_ids, vec![2, 3]);
        assert_eq!(goal.from_entry, Some(7));
    }

    #[test]
    fn each_field_names_its_fault() {
        let today = day(2026, 11, 22);
        let field_of = |draft: GoalDraft| match validate(&draft, today).expect_err("refused") {
            Error::Invalid { field, .. } => field,
            other => panic!("expected Invalid, got {other:?}"),
        };
        assert_eq!(
            field_of(GoalDraft {
                title: " ".into(),
                ..draft()
            }),
            "title"
        );
        assert_eq!(
            field_of(GoalDraft {
                title: "x".repeat(201),
                ..draft()
            }),
            "title"
        );
        assert_eq!(
            field_of(GoalDraft {
                why: "x".repeat(5_001),
                ..draft()
            }),
            "why"
        );
        assert_eq!(
            field_of(GoalDraft {
                target_on: Some(day(2026, 11, 21)),
                ..draft()
            }),
            "targetOn"
        );
        assert_eq!(
            field_of(GoalDraft {
                target_on: Some(day(2046, 11, 22)),
                ..draft()
            }),
            "targetOn"
        );
        assert!(
            validate(
                &GoalDraft {
                    target_on: Some(today),
                    ..draft()
                },
                today
            )
            .is_ok()
        );
    }

    #[test]
    fn statuses_round_trip() {
        for status in [
            GoalStatus::Active,
            GoalStatus::Achieved,
            GoalStatus::Dropped,
        ] {
            assert_eq!(GoalStatus::parse(status.as_str()), Some(status));
        }
    }
}
