//! Saying thank you and giving back. A relationship that is all take fades, so the app
//! keeps what the user gave (thanks sent, an introduction, an article, help with a
//! technology, a candidate referred) and ideas for what to give next, and shows each
//! mentor's balance of asks and gives over the last months.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{GiveId, MentorId};
use crate::validate;

/// Longest note on a give, in characters.
pub const MAX_GIVE_NOTE_CHARS: usize = 1_000;

/// How far back the balance of asks and gives looks, in months.
pub const BALANCE_MONTHS: u32 = 6;

/// Asks in the window, with no give at all, before the app gently says so.
pub const ALL_TAKE_AFTER_ASKS: u32 = 3;

/// What the user gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum GiveKind {
    /// A thank-you sent.
    Thanks,
    Introduction,
    Article,
    /// Help with a new technology.
    Technology,
    /// A candidate referred.
    Candidate,
    Other,
}

impl GiveKind {
    pub(crate) fn key(self) -> &'static str {
        match self {
            GiveKind::Thanks => "thanks",
            GiveKind::Introduction => "introduction",
            GiveKind::Article => "article",
            GiveKind::Technology => "technology",
            GiveKind::Candidate => "candidate",
            GiveKind::Other => "other",
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<GiveKind> {
        [
            GiveKind::Thanks,
            GiveKind::Introduction,
            GiveKind::Article,
            GiveKind::Technology,
            GiveKind::Candidate,
            GiveKind::Other,
        ]
        .into_iter()
        .find(|kind| kind.key() == key)
    }
}

/// How far a give has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum GiveState {
    /// Something the user might do for them one day.
    Idea,
    /// The user said they would: it shows in the pre-meeting brief until done.
    Offered,
    Done,
}

impl GiveState {
    pub(crate) fn key(self) -> &'static str {
        match self {
            GiveState::Idea => "idea",
            GiveState::Offered => "offered",
            GiveState::Done => "done",
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<GiveState> {
        [GiveState::Idea, GiveState::Offered, GiveState::Done]
            .into_iter()
            .find(|state| state.key() == key)
    }
}

/// A give as the user records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GiveDraft {
    #[ts(type = "number")]
    pub mentor_id: MentorId,
    pub kind: GiveKind,
    pub state: GiveState,
    pub note: String,
    /// When it was done, offered or thought of.
    pub on: NaiveDate,
}

/// A thank-you or a give, done, offered or an idea.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Give {
    #[ts(type = "number")]
    pub id: GiveId,
    #[serde(flatten)]
    #[ts(flatten)]
    pub details: GiveDraft,
}

/// Asks and gives with one mentor over the last [`BALANCE_MONTHS`] months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Balance {
    pub months: u32,
    /// Advice received and questions discussed.
    pub asks: u32,
    /// Gives done, thanks aside.
    pub gives: u32,
    /// Thank-yous sent.
    pub thanks: u32,
    /// Several asks and not one give: the page says so, gently, once.
    pub all_take: bool,
}

impl Balance {
    pub fn of(asks: u32, gives: u32, thanks: u32) -> Balance {
        Balance {
            months: BALANCE_MONTHS,
            asks,
            gives,
            thanks,
            // Thanks matter but are not giving back: a thank-you for every ask is still
            // all take.
            all_take: asks >= ALL_TAKE_AFTER_ASKS && gives == 0,
        }
    }
}

/// The first day inside the balance window ending on `today`.
pub fn balance_since(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(chrono::Months::new(BALANCE_MONTHS))
        .unwrap_or(NaiveDate::MIN)
}

/// Checks a give on the user's local day `today` and tidies its note.
pub fn validate(draft: &GiveDraft, today: NaiveDate) -> Result<GiveDraft> {
    let note = draft.note.trim().to_string();
    validate::at_most("note", &note, MAX_GIVE_NOTE_CHARS)?;
    if draft.kind == GiveKind::Thanks && draft.state != GiveState::Done {
        return Err(Error::invalid(
            "state",
            "A thank-you is logged once it is sent; note an idea as another kind of give.",
        ));
    }
    if draft.state == GiveState::Done && draft.on > today {
        return Err(Error::invalid(
            "on",
            "Something done can't be in the future; choose today or an earlier day.",
        ));
    }
    if matches!(draft.kind, GiveKind::Other) && note.is_empty() {
        return Err(Error::invalid("note", "Say in a few words what it is."));
    }
    Ok(GiveDraft {
        note,
        ..draft.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn all_take_needs_several_asks_and_no_give_and_thanks_do_not_count() {
        assert!(!Balance::of(2, 0, 0).all_take);
        assert!(Balance::of(3, 0, 0).all_take);
        assert!(Balance::of(3, 0, 5).all_take);
        assert!(!Balance::of(9, 1, 0).all_take);
        assert_eq!(Balance::of(1, 2, 3).months, BALANCE_MONTHS);
    }

    #[test]
    fn the_window_is_six_calendar_months() {
        assert_eq!(balance_since(day(2026, 11, 22)), day(2026, 5, 22));
        assert_eq!(balance_since(day(2026, 8, 31)), day(2026, 2, 28));
    }

    #[test]
    fn gives_are_checked() {
        let today = day(2026, 11, 22);
        let draft = GiveDraft {
            mentor_id: 1,
            kind: GiveKind::Article,
            state: GiveState::Done,
            note: " The piece on staff engineering ".into(),
            on: today,
        };
        assert_eq!(
            validate(&draft, today).expect("valid").note,
            "The piece on staff engineering"
        );
        let thanks_idea = GiveDraft {
            kind: GiveKind::Thanks,
            state: GiveState::Idea,
            ..draft.clone()
        };
        assert!(matches!(
            validate(&thanks_idea, today),
            Err(Error::Invalid { field: "state", .. })
        ));
        let done_tomorrow = GiveDraft {
            on: day(2026, 11, 23),
            ..draft.clone()
        };
        assert!(matches!(
            validate(&done_tomorrow, today),
            Err(Error::Invalid { field: "on", .. })
        ));
        let idea_tomorrow = GiveDraft {
            state: GiveState::Idea,
            ..done_tomorrow
        };
        assert!(validate(&idea_tomorrow, today).is_ok());
        let vague = GiveDraft {
            kind: GiveKind::Other,
            note: " ".into(),
            ..draft
        };
        assert!(matches!(
            validate(&vague, today),
            Err(Error::Invalid { field: "note", .. })
        ));
    }

    #[test]
    fn kinds_and_states_round_trip() {
        for kind in [
            GiveKind::Thanks,
            GiveKind::Introduction,
            GiveKind::Article,
            GiveKind::Technology,
            GiveKind::Candidate,
            GiveKind::Other,
        ] {
            assert_eq!(GiveKind::from_key(kind.key()), Some(kind));
        }
        for state in [GiveState::Idea, GiveState::Offered, GiveState::Done] {
            assert_eq!(GiveState::from_key(state.key()), Some(state));
        }
    }
}
