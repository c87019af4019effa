//! What the screens show: the payloads the UI asks for, each built by the store from the
//! plain types ([`crate::model`]) and the features (advice, agenda, goals, gives,
//! prospects). The top of the module graph below the store: nothing in the core's
//! features depends on it, so a screen can gather from every feature without a cycle.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{CadenceStatus, CatchUp, CircleMember, Gap, Mentor, Role, Section};

/// One section of the home screen: how many it holds and the first of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HomeSection {
    pub key: Section,
    pub total: u32,
    /// The first page, in the order the user should act (see [`crate::store::Store::home`]).
    pub members: Vec<CircleMember>,
}

/// What the home screen shows: its non-empty sections, each a page at a time, and the
/// counts it speaks of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Home {
    pub sections: Vec<HomeSection>,
    /// Rows a long section shows at first and adds with each "Show more".
    pub page: u32,
    /// Everyone in the circle, paused or not.
    pub everyone: u32,
    pub paused: u32,
    pub samples: u32,
}

/// Everything a mentor's page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorPage {
    pub mentor: Mentor,
    /// `None` for a paused mentor: they are never due.
    pub cadence: Option<CadenceStatus>,
    pub review_due: bool,
    /// Nudges about this mentor resume on this day (only set while it is in the future).
    pub snoozed_until: Option<NaiveDate>,
    pub last_catch_up: Option<NaiveDate>,
    /// Newest first.
    pub catch_ups: Vec<CatchUp>,
    /// The gaps between catch-ups, oldest first, measured against the agreement.
    pub timeline: Vec<Gap>,
    /// Questions and topics for the next catch-up, in the order they were added.
    pub agenda: Vec<crate::agenda::AgendaItem>,
    /// Active goals this mentor is helping with, with their progress.
    pub goals: Vec<crate::goals::Goal>,
    /// Every piece of advice from them, newest first.
    pub advice: Vec<crate::advice::Advice>,
    /// Advice whose outcome they have not heard yet, oldest first: for the next catch-up.
    pub close_the_loop: Vec<crate::advice::Advice>,
    /// Thanks and gives, ideas and offers included, newest first.
    pub gives: Vec<crate::gives::Give>,
    pub balance: crate::gives::Balance,
    /// The prospect they were before joining the circle, with that history.
    pub prospect: Option<crate::prospects::Prospect>,
}

/// How many active mentors play a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RoleCoverage {
    pub role: Role,
    pub mentors: u32,
}

/// The circle's health at a glance: is it broad enough, and where does it lean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CircleHealth {
    pub active: u32,
    /// At least this many active mentors: no one person can guide every decision.
    pub recommended_active: u32,
    pub paused: u32,
    pub alumni: u32,
    /// Every role, in the UI's order, with how many active mentors play it.
    pub coverage: Vec<RoleCoverage>,
    /// Roles no active mentor plays.
    pub missing: Vec<Role>,
    /// Active mentors who work at the user's own company.
    pub same_company: u32,
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
        /// How the existing circle's key is kept; `None` before there is a circle.
        key_source: Option<crate::key::KeySource>,
    },
}

/// After unlocking with the recovery key.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecoveryUnlock {
    pub status: AppStatus,
    /// The key is back in the system keyring, so the next start needs nothing typed.
    pub key_back_in_keyring: bool,
}
