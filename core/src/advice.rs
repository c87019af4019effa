//! Advice → action → evidence. Advice is recorded as the mentor gave it, then the user
//! says what they did with it (considering, trying, adopted, or declined with a reason)
//! and what came of it. A mentor who never hears what became of their advice stops
//! giving it, so every change of status or outcome puts the advice on that mentor's
//! "close the loop" list until the user ticks it as reported at a catch-up.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{AdviceId, MentorId};
use crate::validate;

/// Longest advice, reason or outcome, in characters.
pub const MAX_ADVICE_CHARS: usize = 2_000;

/// What the user is doing with a piece of advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum AdviceStatus {
    /// Heard, not yet acted on.
    Considering,
    Trying,
    Adopted,
    /// Not for the user; the reason is kept, and is worth telling the mentor too.
    Declined,
}

impl AdviceStatus {
    pub(crate) fn key(self) -> &'static str {
        match self {
            AdviceStatus::Considering => "considering",
            AdviceStatus::Trying => "trying",
            AdviceStatus::Adopted => "adopted",
            AdviceStatus::Declined => "declined",
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<AdviceStatus> {
        [
            AdviceStatus::Considering,
            AdviceStatus::Trying,
            AdviceStatus::Adopted,
            AdviceStatus::Declined,
        ]
        .into_iter()
        .find(|status| status.key() == key)
    }
}

/// Advice as the user records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AdviceDraft {
    #[ts(type = "number")]
    pub mentor_id: MentorId,
    /// The day the mentor gave it.
    pub given_on: NaiveDate,
    pub text: String,
}

/// What the user did with a piece of advice, and what came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AdviceProgress {
    pub status: AdviceStatus,
    /// Why it was declined; required then, empty otherwise.
    pub reason: String,
    /// The evidence: what happened when the user acted on it.
    pub outcome: String,
}

/// A piece of advice and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Advice {
    #[ts(type = "number")]
    pub id: AdviceId,
    #[ts(type = "number")]
    pub mentor_id: MentorId,
    pub given_on: NaiveDate,
    pub text: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub progress: AdviceProgress,
    /// The day the status or outcome last changed.
    pub changed_on: NaiveDate,
    /// The mentor has not yet heard what became of it: listed under "close the loop".
    pub to_report: bool,
    /// The day of the catch-up where the user last reported back on it.
    pub reported_on: Option<NaiveDate>,
}

/// Checks new advice on the user's local day `today` and tidies its text.
pub fn validate(draft: &AdviceDraft, today: NaiveDate) -> Result<AdviceDraft> {
    let text = draft.text.trim().to_string();
    if text.is_empty() {
        return Err(Error::invalid("text", "Write down the advice first."));
    }
    validate::at_most("text", &text, MAX_ADVICE_CHARS)?;
    if draft.given_on > today {
        return Err(Error::invalid(
            "givenOn",
            "Advice can't be given in the future; choose today or an earlier day.",
        ));
    }
    Ok(AdviceDraft {
        text,
        ..draft.clone()
    })
}

/// Checks a change of status or outcome: a declined piece of advice needs its reason.
pub fn validate_progress(progress: &AdviceProgress) -> Result<AdviceProgress> {
    let reason = progress.reason.trim().to_string();
    let outcome = progress.outcome.trim().to_string();
    validate::at_most("reason", &reason, MAX_ADVICE_CHARS)?;
    validate::at_most("outcome", &outcome, MAX_ADVICE_CHARS)?;
    if progress.status == AdviceStatus::Declined && reason.is_empty() {
        return Err(Error::invalid(
            "reason",
            "Say in a few words why it isn't for you: it is worth telling your mentor too.",
        ));
    }
    Ok(AdviceProgress {
        status: progress.status,
        // A reason belongs to a decline only; switching back clears it.
        reason: if progress.status == AdviceStatus::Declined {
            reason
        } else {
            String::new()
        },
        outcome,
    })
}

/// Whether moving from `before` to `after` is news for the mentor. Anything but
/// "considering" with a new status or a new outcome is; going back to "considering" is
/// not, and neither is saving the same thing again.
pub fn is_news(before: &AdviceProgress, after: &AdviceProgress) -> bool {
    after.status != AdviceStatus::Considering
        && (before.status != after.status
            || before.outcome != after.outcome
            || before.reason != after.reason)
}

/// From all of a mentor's advice, what they have not heard about yet, oldest change
/// first: the "close the loop" list for the next catch-up.
pub fn close_the_loop(all: &[Advice]) -> Vec<Advice> {
    let mut waiting: Vec<Advice> = all.iter().filter(|a| a.to_report).cloned().collect();
    waiting.sort_by_key(|a| (a.changed_on, a.id));
    waiting
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn progress(status: AdviceStatus, reason: &str, outcome: &str) -> AdviceProgress {
        AdviceProgress {
            status,
            reason: reason.into(),
            outcome: outcome.into(),
        }
    }

    #[test]
    fn advice_needs_text_and_a_day_not_in_the_future() {
        let today = day(2026, 11, 22);
        let draft = AdviceDraft {
            mentor_id: 1,
            given_on: today,
            text: "  Ask for the stretch project ".into(),
        };
        assert_eq!(
            validate(&draft, today).expect("valid").text,
            "Ask for the stretch project"
        );
        let empty = AdviceDraft {
            text: " ".into(),
            ..draft.clone()
        };
        assert!(matches!(
            validate(&empty, today),
            Err(Error::Invalid { field: "text", .. })
        ));
        let future = AdviceDraft {
            given_on: day(2026, 11, 23),
            ..draft
        };
        assert!(matches!(
            validate(&future, today),
            Err(Error::Invalid {
                field: "givenOn",
                ..
            })
        ));
    }

    #[test]
    fn declining_needs_a_reason_and_only_a_decline_keeps_one() {
        assert!(matches!(
            validate_progress(&progress(AdviceStatus::Declined, "  ", "")),
            Err(Error::Invalid {
                field: "reason",
                ..
            })
        ));
        let declined =
            validate_progress(&progress(AdviceStatus::Declined, " Not my style ", "")).expect("ok");
        assert_eq!(declined.reason, "Not my style");
        let adopted =
            validate_progress(&progress(AdviceStatus::Adopted, "left over", " It worked "))
                .expect("ok");
        assert_eq!(adopted.reason, "");
        assert_eq!(adopted.outcome, "It worked");
    }

    #[test]
    fn only_a_real_change_beyond_considering_is_news() {
        let considering = progress(AdviceStatus::Considering, "", "");
        let trying = progress(AdviceStatus::Trying, "", "");
        let adopted = progress(AdviceStatus::Adopted, "", "Got the role");
        assert!(!is_news(&considering, &considering));
        assert!(is_news(&considering, &trying));
        assert!(is_news(&trying, &adopted));
        assert!(!is_news(&adopted, &adopted));
        assert!(is_news(
            &adopted,
            &progress(AdviceStatus::Adopted, "", "And more")
        ));
        assert!(!is_news(&adopted, &considering));
    }

    #[test]
    fn statuses_round_trip_through_their_keys() {
        for status in [
            AdviceStatus::Considering,
            AdviceStatus::Trying,
            AdviceStatus::Adopted,
            AdviceStatus::Declined,
        ] {
            assert_eq!(AdviceStatus::from_key(status.key()), Some(status));
        }
        assert_eq!(AdviceStatus::from_key("maybe"), None);
    }
}
