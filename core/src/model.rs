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

/// A give's id.
pub type GiveId = i64;

/// A goal's id.
pub type GoalId = i64;

/// An agenda item's id.
pub type AgendaItemId = i64;

/// A piece of advice's id.
pub type AdviceId = i64;

/// A prospect's id.
pub type ProspectId = i64;

/// A journal entry's id.
pub type EntryId = i64;

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
    InPerson,
    Video,
    Phone,
    Email,
    Message,
}

impl Mode {
    /// Every mode, in the order the UI offers them.
    pub const ALL: [Mode; 5] = [
        Mode::InPerson,
        Mode::Video,
        Mode::Phone,
        Mode::Email,
        Mode::Message,
    ];

    /// The stable key stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            Mode::InPerson => "in_person",
            Mode::Video => "video",
            Mode::Phone => "phone",
            Mode::Email => "email",
            Mode::Message => "message",
        }
    }

    /// The mode for a stored key, if the key is known.
    pub fn from_key(key: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| mode.key() == key)
    }
}

/// Where a mentor stands in the user's life. Nobody is deleted for drifting apart: a
/// finished mentorship becomes alumni and keeps its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MentorStatus {
    /// In the circle, on the agreed cadence.
    Active,
    /// On a break agreed by both: never due until made active again.
    Paused,
    /// A past mentor: on a slow cadence (a yearly update) instead of the agreed one.
    Alumni,
}

impl MentorStatus {
    /// Every status, in the order the UI offers them.
    pub const ALL: [MentorStatus; 3] = [
        MentorStatus::Active,
        MentorStatus::Paused,
        MentorStatus::Alumni,
    ];

    /// The stable key stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            MentorStatus::Active => "active",
            MentorStatus::Paused => "paused",
            MentorStatus::Alumni => "alumni",
        }
    }

    /// The status for a stored key, if the key is known.
    pub fn from_key(key: &str) -> Option<MentorStatus> {
        MentorStatus::ALL
            .into_iter()
            .find(|status| status.key() == key)
    }
}

/// How long an agreement runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Term {
    /// No end in sight; a review date is optional.
    Ongoing,
    /// Runs until an end or review date, when the user renews or closes it.
    FixedPeriod,
    /// For one specific situation (a job move, a promotion case).
    OneOff,
}

impl Term {
    /// Every term, in the order the UI offers them.
    pub const ALL: [Term; 3] = [Term::Ongoing, Term::FixedPeriod, Term::OneOff];

    /// The stable key stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            Term::Ongoing => "ongoing",
            Term::FixedPeriod => "fixed_period",
            Term::OneOff => "one_off",
        }
    }

    /// The term for a stored key, if the key is known.
    pub fn from_key(key: &str) -> Option<Term> {
        Term::ALL.into_iter().find(|term| term.key() == key)
    }
}

/// What a mentorship is for. The user may also write their own (see
/// [`Agreement::own_purpose`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Purpose {
    ExpandNetwork,
    DevelopmentFocus,
    LearnFunctionOrIndustry,
    OrganisationalPolitics,
    SkillsFeedback,
    TestIdeas,
    JobSearch,
}

impl Purpose {
    /// Every purpose, in the order the UI offers them.
    pub const ALL: [Purpose; 7] = [
        Purpose::ExpandNetwork,
        Purpose::DevelopmentFocus,
        Purpose::LearnFunctionOrIndustry,
        Purpose::OrganisationalPolitics,
        Purpose::SkillsFeedback,
        Purpose::TestIdeas,
        Purpose::JobSearch,
    ];

    /// The stable key stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            Purpose::ExpandNetwork => "expand_network",
            Purpose::DevelopmentFocus => "development_focus",
            Purpose::LearnFunctionOrIndustry => "learn_function_or_industry",
            Purpose::OrganisationalPolitics => "organisational_politics",
            Purpose::SkillsFeedback => "skills_feedback",
            Purpose::TestIdeas => "test_ideas",
            Purpose::JobSearch => "job_search",
        }
    }

    /// The purpose for a stored key, if the key is known.
    pub fn from_key(key: &str) -> Option<Purpose> {
        Purpose::ALL
            .into_iter()
            .find(|purpose| purpose.key() == key)
    }
}

/// What the mentor and the user agreed: how often, how, for how long and what for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Agreement {
    /// How often to talk, ideally, in calendar days: after this the mentor is due.
    pub cadence_days: u32,
    /// The longest gap either side is happy with: after this the mentor is overdue.
    pub max_gap_days: u32,
    /// Preferred ways to talk, most preferred first; the first is the quick log's default.
    pub modes: Vec<Mode>,
    pub term: Term,
    /// The day the agreement started (or was last renewed).
    pub starts_on: NaiveDate,
    /// End or review date: once it arrives the agreement asks to be renewed or closed.
    pub review_on: Option<NaiveDate>,
    /// For a one-off agreement: the situation it is for.
    pub situation: String,
    pub purposes: Vec<Purpose>,
    /// A purpose in the user's own words, besides (or instead of) the listed ones.
    pub own_purpose: String,
    /// What stays between the two of them.
    pub confidentiality: String,
}

impl Agreement {
    /// An ongoing agreement with no review date, no stated purpose and no confidentiality
    /// note: what a new mentor starts with before the user says more.
    pub fn ongoing(cadence_days: u32, max_gap_days: u32, mode: Mode, starts_on: NaiveDate) -> Self {
        Agreement {
            cadence_days,
            max_gap_days,
            modes: vec![mode],
            term: Term::Ongoing,
            starts_on,
            review_on: None,
            situation: String::new(),
            purposes: Vec::new(),
            own_purpose: String::new(),
            confidentiality: String::new(),
        }
    }
}

/// One of the four things worth checking in a mentor, with the user's note on it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Check {
    pub met: bool,
    pub note: String,
}

/// The four things worth checking in a mentor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorChecks {
    /// More experience where the user wants to grow.
    pub experience: Check,
    /// Values the user respects.
    pub values: Check,
    /// Willing to help set goals and hold the user accountable.
    pub accountability: Check,
    /// Able to give the time.
    pub time: Check,
}

/// How to reach a mentor. Shown to the user, never dialled, mailed or opened by the app.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Contact {
    pub email: String,
    pub phone: String,
    /// A LinkedIn (or other profile) web address.
    pub linkedin: String,
}

/// Everything the user types about a mentor: their profile and the agreement. Used to
/// add and edit a mentor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorDraft {
    pub name: String,
    pub organisation: String,
    /// The parts they play in the circle; at least one.
    pub roles: Vec<Role>,
    /// Works at the user's own company: confidences may travel inside one company.
    pub same_company: bool,
    pub expertise: String,
    pub how_we_met: String,
    pub contact: Contact,
    pub status: MentorStatus,
    pub checks: MentorChecks,
    pub agreement: Agreement,
}

impl MentorDraft {
    /// An active mentor with a name, roles and an agreement, and an empty profile.
    pub fn new(name: impl Into<String>, roles: Vec<Role>, agreement: Agreement) -> Self {
        MentorDraft {
            name: name.into(),
            organisation: String::new(),
            roles,
            same_company: false,
            expertise: String::new(),
            how_we_met: String::new(),
            contact: Contact::default(),
            status: MentorStatus::Active,
            checks: MentorChecks::default(),
            agreement,
        }
    }
}

/// A person in the user's circle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Mentor {
    #[ts(type = "number")]
    pub id: MentorId,
    /// The local calendar day the mentor joined the circle; the cadence counts from here
    /// until the first catch-up is logged.
    pub added_on: NaiveDate,
    /// Part of the sample circle: removed together in one action.
    pub sample: bool,
    #[serde(flatten)]
    #[ts(flatten)]
    pub details: MentorDraft,
    /// With a peer, what each side is helping the other with.
    #[serde(default)]
    pub co_mentoring: CoMentoring,
}

/// A mentor as the lists show them (home, mentors, the circle picture, pickers): who
/// they are and what their cadence needs, not their profile. The home screen reads this
/// for everyone, so it stays small: full profiles of ten thousand mentors took most of
/// its time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MentorSummary {
    #[ts(type = "number")]
    pub id: MentorId,
    pub added_on: NaiveDate,
    pub sample: bool,
    pub name: String,
    pub organisation: String,
    pub expertise: String,
    pub roles: Vec<Role>,
    pub status: MentorStatus,
    pub cadence_days: u32,
    pub max_gap_days: u32,
    /// Preferred ways to talk, most preferred first; the first is the quick log's default.
    pub modes: Vec<Mode>,
    /// The agreement's end or review date.
    pub review_on: Option<NaiveDate>,
}

/// Co-mentoring: with a peer, the help goes both ways.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CoMentoring {
    /// What they are helping the user with.
    pub they_help_with: String,
    /// What the user is helping them with.
    pub i_help_with: String,
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
    /// Agenda items talked about; the rest carry over to the next catch-up. Read only
    /// when a catch-up is logged.
    #[serde(default)]
    #[ts(type = "number[]")]
    pub discussed: Vec<crate::model::AgendaItemId>,
    /// Advice the user told the mentor about: it leaves the "close the loop" list.
    #[serde(default)]
    #[ts(type = "number[]")]
    pub reported_back: Vec<crate::model::AdviceId>,
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
    /// The ideal cadence has passed, but not the longest agreed gap.
    Due,
    /// The longest agreed gap has passed.
    Overdue,
}

/// Where a mentor stands against their cadence on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CadenceStatus {
    pub status: DueStatus,
    /// The day the next catch-up is due (the ideal cadence).
    pub due_on: NaiveDate,
    /// The first day past the longest agreed gap.
    pub overdue_from: NaiveDate,
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
    pub mentor: MentorSummary,
    pub last_catch_up: Option<NaiveDate>,
    /// `None` for a paused mentor: they are never due.
    pub cadence: Option<CadenceStatus>,
    /// The agreement's end or review date has come: renew or close it. Such a mentor is
    /// listed for review instead of being nudged to catch up.
    pub review_due: bool,
    /// Nudges about this mentor resume on this day (only set while it is in the future).
    pub snoozed_until: Option<NaiveDate>,
}

impl CircleMember {
    /// The home screen's section for this member; `None` while paused (never due).
    pub fn section(&self) -> Option<Section> {
        let cadence = self.cadence.as_ref()?;
        if self.mentor.status == MentorStatus::Paused {
            return None;
        }
        Some(if self.review_due {
            Section::Review
        } else {
            match cadence.status {
                DueStatus::Overdue => Section::Overdue,
                DueStatus::Due => Section::Due,
                DueStatus::DueSoon => Section::Week,
                DueStatus::Ok if cadence.days_until_due <= 7 => Section::Week,
                DueStatus::Ok => Section::Later,
            }
        })
    }
}

/// The sections of the home screen, in the order it shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Section {
    /// Agreements whose review day has come (whatever their cadence says).
    Review,
    Overdue,
    Due,
    /// Due soon, or due within seven days.
    Week,
    Later,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Review,
        Section::Overdue,
        Section::Due,
        Section::Week,
        Section::Later,
    ];
}

/// How a gap between two catch-ups compares with the agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum GapKind {
    /// No longer than the ideal cadence.
    WithinCadence,
    /// Longer than the ideal cadence, within the longest agreed gap.
    PastCadence,
    /// Longer than the longest agreed gap.
    PastMaxGap,
}

/// The time between two contacts (or from joining the circle to the first one, or from
/// the last one to today).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Gap {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[ts(type = "number")]
    pub days: i64,
    pub kind: GapKind,
    /// The gap still running: from the last contact to today.
    pub open: bool,
}
