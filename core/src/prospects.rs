//! Prospective mentors: people the user might ask one day. They come from the user's own
//! hand or from an import (a professional network's connections export, vCards), and
//! stay apart from the circle until the user invites them in, so an import of hundreds
//! of connections never fills the circle or raises a single nudge.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{MentorId, ProspectId, Role};
use crate::validate;

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
    /// Where the user found them.
    #[serde(default)]
    pub source: Option<ProspectSource>,
    /// What the user would like from them: know it before asking.
    #[serde(default)]
    pub wants: String,
    /// How the conversations felt.
    #[serde(default)]
    pub chemistry: String,
    /// Roles in the circle they could fill.
    #[serde(default)]
    pub could_fill: Vec<Role>,
    /// The next small step, and when.
    #[serde(default)]
    pub next_step: String,
    #[serde(default)]
    pub next_step_on: Option<NaiveDate>,
}

/// Where a prospective mentor was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ProspectSource {
    Professor,
    FormerBoss,
    FormerColleague,
    ProfessionalAssociation,
    InformationalInterview,
    /// Someone who interviewed the user.
    Interviewer,
    Event,
    Other,
}

impl ProspectSource {
    pub const ALL: [ProspectSource; 8] = [
        ProspectSource::Professor,
        ProspectSource::FormerBoss,
        ProspectSource::FormerColleague,
        ProspectSource::ProfessionalAssociation,
        ProspectSource::InformationalInterview,
        ProspectSource::Interviewer,
        ProspectSource::Event,
        ProspectSource::Other,
    ];

    pub(crate) fn key(self) -> &'static str {
        match self {
            ProspectSource::Professor => "professor",
            ProspectSource::FormerBoss => "former_boss",
            ProspectSource::FormerColleague => "former_colleague",
            ProspectSource::ProfessionalAssociation => "professional_association",
            ProspectSource::InformationalInterview => "informational_interview",
            ProspectSource::Interviewer => "interviewer",
            ProspectSource::Event => "event",
            ProspectSource::Other => "other",
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<ProspectSource> {
        ProspectSource::ALL
            .into_iter()
            .find(|source| source.key() == key)
    }
}

/// The gentle pipeline from "might ask one day" to mentor. There is no need to make the
/// label official: "informal chat" and "gauging fit" are where most of it happens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Stage {
    #[default]
    Identified,
    ReachedOut,
    InformalChat,
    GaugingFit,
    /// Promoted into the circle; the prospect stays as their history.
    Mentor,
    /// Not now: kept, without pressure.
    NotNow,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Identified,
        Stage::ReachedOut,
        Stage::InformalChat,
        Stage::GaugingFit,
        Stage::Mentor,
        Stage::NotNow,
    ];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Stage::Identified => "identified",
            Stage::ReachedOut => "reached_out",
            Stage::InformalChat => "informal_chat",
            Stage::GaugingFit => "gauging_fit",
            Stage::Mentor => "mentor",
            Stage::NotNow => "not_now",
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.key() == key)
    }
}

/// One move along the pipeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StageStep {
    pub stage: Stage,
    pub on: NaiveDate,
}

/// Outreach this week against the user's own cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Outreach {
    /// Prospects moved to "reached out" since Monday.
    pub this_week: u32,
    /// At most this many a week; `None` for no cap.
    pub cap: Option<u32>,
}

/// Highest weekly outreach cap the user can set.
pub const MAX_OUTREACH_CAP: u32 = 50;

/// The Monday of the week holding `day`: outreach is counted per calendar week.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// Whether one more outreach fits under the cap.
pub fn check_outreach(outreach: Outreach) -> Result<()> {
    match outreach.cap {
        Some(cap) if outreach.this_week >= cap => Err(Error::Conflict(format!(
            "You've reached out to {} this week, the most you chose. Next week is soon \
             enough; or raise the weekly cap on the Prospects page.",
            if cap == 1 {
                "one person".to_string()
            } else {
                format!("{cap} people")
            }
        ))),
        _ => Ok(()),
    }
}

/// Checks a weekly cap.
pub fn validate_cap(cap: Option<u32>) -> Result<Option<u32>> {
    match cap {
        Some(cap) if cap == 0 || cap > MAX_OUTREACH_CAP => Err(Error::invalid(
            "cap",
            format!("Choose between 1 and {MAX_OUTREACH_CAP} a week, or no cap."),
        )),
        _ => Ok(cap),
    }
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
    #[serde(default)]
    pub stage: Stage,
    /// Every move along the pipeline, oldest first.
    #[serde(default)]
    pub steps: Vec<StageStep>,
    /// The mentor they became, once promoted.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub mentor_id: Option<MentorId>,
}

/// `value` on one line: without control characters, and each run of spaces one space.
fn one_line(value: &str) -> String {
    let kept: String = value.chars().filter(|c| !c.is_control()).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `value` trimmed, without control characters other than line breaks and tabs.
fn text(value: &str) -> String {
    let kept: String = value
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    kept.trim().to_string()
}

impl ProspectDraft {
    /// Trims every field, drops control characters (which a contact file can carry, and no
    /// one can type or see), and checks the rules; the error names the field.
    pub fn validated(&self) -> Result<ProspectDraft> {
        let name = one_line(&self.name);
        if name.is_empty() {
            return Err(Error::invalid("name", "Give the prospect a name."));
        }
        let draft = ProspectDraft {
            name,
            organisation: one_line(&self.organisation),
            position: one_line(&self.position),
            email: one_line(&self.email),
            // A web address has no spaces, control characters or backslashes (RFC 3986),
            // and an address card could not carry them back; one pasted with a stray one
            // still works.
            profile_url: self
                .profile_url
                .chars()
                .filter(|&c| !c.is_whitespace() && !c.is_control() && c != '\\')
                .collect(),
            connected_on: self.connected_on,
            note: text(&self.note),
            source: self.source,
            wants: text(&self.wants),
            chemistry: text(&self.chemistry),
            could_fill: dedup(&self.could_fill),
            next_step: one_line(&self.next_step),
            next_step_on: self.next_step_on,
        };
        for (field, value, max) in [
            ("name", &draft.name, MAX_FIELD_CHARS),
            ("organisation", &draft.organisation, MAX_FIELD_CHARS),
            ("position", &draft.position, MAX_FIELD_CHARS),
            ("email", &draft.email, MAX_ADDRESS_CHARS),
            ("profileUrl", &draft.profile_url, MAX_ADDRESS_CHARS),
            ("note", &draft.note, MAX_NOTE_CHARS),
            ("wants", &draft.wants, MAX_NOTE_CHARS),
            ("chemistry", &draft.chemistry, MAX_NOTE_CHARS),
            ("nextStep", &draft.next_step, MAX_FIELD_CHARS),
        ] {
            validate::at_most(field, value, max)?;
        }
        validate::email_address(&draft.email)?;
        Ok(draft)
    }
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

fn dedup(roles: &[Role]) -> Vec<Role> {
    let mut unique = Vec::new();
    for role in roles {
        if !unique.contains(role) {
            unique.push(*role);
        }
    }
    unique
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
    fn outreach_is_counted_from_monday_and_capped_only_when_asked() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("valid date");
        // 22 November 2026 is a Sunday; 16 November the Monday before it.
        assert_eq!(week_start(day(22)), day(16));
        assert_eq!(week_start(day(23)), day(23));
        let outreach = |this_week, cap| Outreach { this_week, cap };
        assert!(check_outreach(outreach(10, None)).is_ok());
        assert!(check_outreach(outreach(1, Some(2))).is_ok());
        assert!(matches!(
            check_outreach(outreach(2, Some(2))),
            Err(Error::Conflict(_))
        ));
        assert!(validate_cap(Some(0)).is_err());
        assert!(validate_cap(Some(51)).is_err());
        assert_eq!(validate_cap(Some(3)).expect("valid"), Some(3));
    }

    #[test]
    fn stages_and_sources_round_trip() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_key(stage.key()), Some(stage));
        }
        for source in ProspectSource::ALL {
            assert_eq!(ProspectSource::from_key(source.key()), Some(source));
        }
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
