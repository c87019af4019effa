//! The plain types of a circle of mentors, shared with the UI through ts-rs.
//!
//! Field and variant names are the user's words; the UI's TypeScript types are generated
//! from these, so a rename here is a compile error there instead of a silent mismatch.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Row id of a mentor. Plain `number` in TypeScript: ids stay far below 2^53.
pub type MentorId = i64;
/// Row id of a catch-up.
pub type CatchUpId = i64;

/// The part a mentor plays in the user's circle. A mentor may play several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Role {
    /// Opens doors: introduces the user to people worth knowing.
    NetworkConnector,
    /// Gives counsel on decisions and direction.
    Adviser,
    /// Sparks and tests ideas.
    IdeaPerson,
    /// Someone to be candid with about how work feels.
    EmotionalConnector,
    /// Holds the user accountable to their goals.
    SuccessPartner,
    /// Knows a given company or industry from the inside.
    Insider,
    /// A peer the user mentors and is mentored by in turn.
    Peer,
}

impl Role {
    /// Every role, in the order the UI offers them.
    pub const ALL: [Role; 7] = [
        Role::NetworkConnector,
        Role::Adviser,
        Role::IdeaPerson,
        Role::EmotionalConnector,
        Role::SuccessPartner,
        Role::Insider,
        Role::Peer,
    ];

    /// The stable key stored in the database (never shown to the user).
    pub fn key(self) -> &'static str {
        match self {
            Role::NetworkConnector => "network_connector",
            Role::Adviser => "adviser",
            Role::IdeaPerson => "idea_person",
            Role::EmotionalConnector => "emotional_connector",
            Role::SuccessPartner => "success_partner",
            Role::Insider => "insider",
            Role::Peer => "peer",
        }
    }

    /// The role for a stored key, if the key is known.
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.key() == key)
    }
}

/// How a catch-up happens, or how the user prefers to talk with a mentor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Mode {
    Coffee,
    Call,
    Video,
    Email,
    Message,
}

impl Mode {
    /// Every mode, in the order the UI offers them.
    pub const ALL: [Mode; 5] = [
        Mode::Coffee,
        Mode::Call,
        Mode::Video,
        Mode::Email,
        Mode::Message,
    ];

    /// The stable key stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            Mode::Coffee => "coffee",
            Mode::Call => "call",
            Mode::Video => "video",
            Mode::Email => "email",
            Mode::Message => "message",
        }
    }

    /// The mode for a stored key, if the key is known.
    pub fn from_key(key: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| mode.key() == key)
    }
}

/// A person in the user's circle, with the cadence they agreed on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Mentor {
    #[ts(type = "number")]
    pub id: MentorId,
    pub name: String,
    pub organisation: String,
    pub roles: Vec<Role>,
    /// How often the user wants to talk, in calendar days.
    pub cadence_days: u32,
    pub preferred_mode: Mode,
    /// The local calendar day the mentor joined the circle; the cadence counts from here
    /// until the first catch-up is logged.
    pub added_on: NaiveDate,
    /// Archived mentors keep their history but leave the home screen.
    pub archived: bool,
}

/// What the user types to add or edit a mentor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorDraft {
    pub name: String,
    pub organisation: String,
    pub roles: Vec<Role>,
    pub cadence_days: u32,
    pub preferred_mode: Mode,
}

/// One conversation with a mentor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CatchUp {
    #[ts(type = "number")]
    pub id: CatchUpId,
    #[ts(type = "number")]
    pub mentor_id: MentorId,
    /// The local calendar day it happened.
    pub date: NaiveDate,
    pub mode: Mode,
    pub note: String,
}

/// What the user types to log or edit a catch-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CatchUpDraft {
    #[ts(type = "number")]
    pub mentor_id: MentorId,
    pub date: NaiveDate,
    pub mode: Mode,
    pub note: String,
}

/// How close a mentor is to needing a catch-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DueStatus {
    /// Nothing to do yet.
    Ok,
    /// The due day is close: a good time to suggest a date.
    DueSoon,
    /// Today is the agreed day.
    Due,
    /// The agreed day has passed.
    Overdue,
}

/// Where a mentor stands against their cadence on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CadenceStatus {
    pub status: DueStatus,
    /// The day the next catch-up is due.
    pub due_on: NaiveDate,
    /// Days from today to `due_on`: negative once overdue.
    #[ts(type = "number")]
    pub days_until_due: i64,
    /// The next day the status will change by itself; `None` when only a catch-up can
    /// change it (overdue).
    pub changes_on: Option<NaiveDate>,
}

/// A mentor as the home screen shows them: with their last catch-up and status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CircleMember {
    pub mentor: Mentor,
    pub last_catch_up: Option<NaiveDate>,
    pub cadence: CadenceStatus,
}

/// Everything a mentor's page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorPage {
    pub mentor: Mentor,
    /// `None` for an archived mentor: they are out of the cadence.
    pub cadence: Option<CadenceStatus>,
    pub last_catch_up: Option<NaiveDate>,
    /// Newest first.
    pub catch_ups: Vec<CatchUp>,
}

/// Whether the circle is open, and if not, why and what to do.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "state", rename_all = "camelCase")]
#[ts(export)]
pub enum AppStatus {
    /// The circle is open. `today` is the user's local day as the app computes it, so
    /// the UI's "today", "in 3 days" and default dates agree with the cadence rules.
    #[serde(rename_all = "camelCase")]
    Open { today: NaiveDate },
    /// The circle stays closed; `message` says what happened and what to do.
    #[serde(rename_all = "camelCase")]
    Locked {
        reason: crate::error::LockReason,
        message: String,
    },
}
