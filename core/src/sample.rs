//! A realistic sample circle, so a new user can explore the app before typing their own
//! mentors. Sample mentors are flagged in the database (the UI marks them "Sample") and
//! are removed together in one action, leaving the user's own mentors untouched.
//!
//! Dates are relative to the day the sample is loaded, so every state the app knows shows
//! up at once: overdue, due, due soon, in touch, an agreement to review, paused, alumni.

use chrono::{Days, NaiveDate};

use crate::error::{Error, Result};
use crate::model::{
    Agreement, CatchUpDraft, Check, Contact, MentorChecks, MentorDraft, MentorStatus, Mode,
    Purpose, Role, Term,
};
use crate::store::Store;

struct Sample {
    name: &'static str,
    organisation: &'static str,
    roles: &'static [Role],
    same_company: bool,
    expertise: &'static str,
    how_we_met: &'static str,
    status: MentorStatus,
    cadence_days: u32,
    max_gap_days: u32,
    modes: &'static [Mode],
    term: Term,
    /// Days from the start of the agreement to its end or review date.
    term_days: Option<u64>,
    situation: &'static str,
    purposes: &'static [Purpose],
    confidentiality: &'static str,
    /// Which of the four checks are met: experience, values, accountability, time.
    checks: [bool; 4],
    /// Days before today of each catch-up, with its note.
    catch_ups: &'static [(u64, &'static str)],
}

/// How long before today the sample mentors joined (and their agreements started).
const JOINED_DAYS_AGO: u64 = 120;

const SAMPLES: &[Sample] = &[
    Sample {
        name: "Ana Sousa",
        organisation: "Northwind Labs",
        roles: &[Role::Adviser, Role::SuccessPartner],
        same_company: false,
        expertise: "Engineering leadership, first-time managers",
        how_we_met: "She ran the leadership workshop at a conference.",
        status: MentorStatus::Active,
        cadence_days: 21,
        max_gap_days: 42,
        modes: &[Mode::Video, Mode::InPerson],
        term: Term::Ongoing,
        term_days: None,
        situation: "",
        purposes: &[Purpose::DevelopmentFocus, Purpose::SkillsFeedback],
        confidentiality: "Anything about my team stays between us.",
        checks: [true, true, true, false],
        catch_ups: &[
            (
                47,
                "Talked through the team-lead move; she suggested a 90-day plan.",
            ),
            (70, "Agreed to meet every three weeks, never more than six."),
            (100, "First conversation after the workshop."),
        ],
    },
    Sample {
        name: "Ben Okafor",
        organisation: "City Product Guild",
        roles: &[Role::NetworkConnector],
        same_company: false,
        expertise: "Product management, the local start-up scene",
        how_we_met: "Introduced by a former colleague.",
        status: MentorStatus::Active,
        cadence_days: 42,
        max_gap_days: 84,
        modes: &[Mode::InPerson],
        term: Term::Ongoing,
        term_days: None,
        situation: "",
        purposes: &[Purpose::ExpandNetwork, Purpose::LearnFunctionOrIndustry],
        confidentiality: "",
        checks: [true, true, false, true],
        catch_ups: &[(50, "Offered two introductions in product.")],
    },
    Sample {
        name: "Chloé Martin",
        organisation: "Our company",
        roles: &[Role::Peer, Role::EmotionalConnector],
        same_company: true,
        expertise: "Design, getting through reorganisations",
        how_we_met: "Sat next to each other in the induction week.",
        status: MentorStatus::Active,
        cadence_days: 14,
        max_gap_days: 28,
        modes: &[Mode::Phone, Mode::Message],
        term: Term::Ongoing,
        term_days: None,
        situation: "",
        purposes: &[Purpose::TestIdeas, Purpose::OrganisationalPolitics],
        confidentiality: "We don't repeat what the other says about colleagues.",
        checks: [false, true, true, true],
        catch_ups: &[(11, "Swapped notes on a hard week.")],
    },
    Sample {
        name: "Daniel Weiss",
        organisation: "Harbour Analytics",
        roles: &[Role::Insider],
        same_company: false,
        expertise: "The analytics industry, hiring",
        how_we_met: "Alumni network of my university.",
        status: MentorStatus::Active,
        cadence_days: 30,
        max_gap_days: 45,
        modes: &[Mode::Video],
        term: Term::FixedPeriod,
        term_days: Some(119),
        situation: "",
        purposes: &[Purpose::JobSearch, Purpose::LearnFunctionOrIndustry],
        confidentiality: "My job search stays confidential.",
        checks: [true, false, true, true],
        catch_ups: &[(20, "Walked through how analytics teams hire.")],
    },
    Sample {
        name: "Esther Nakamura",
        organisation: "Freelance",
        roles: &[Role::IdeaPerson],
        same_company: false,
        expertise: "Writing, side projects",
        how_we_met: "A meetup on writing for engineers.",
        status: MentorStatus::Paused,
        cadence_days: 60,
        max_gap_days: 90,
        modes: &[Mode::Email],
        term: Term::Ongoing,
        term_days: None,
        situation: "",
        purposes: &[Purpose::TestIdeas],
        confidentiality: "",
        checks: [true, true, false, false],
        catch_ups: &[(80, "She is travelling until spring; we paused.")],
    },
    Sample {
        name: "Farid Haddad",
        organisation: "Our company",
        roles: &[Role::Adviser],
        same_company: true,
        expertise: "Promotion cases, internal politics",
        how_we_met: "My manager's manager, before he retired.",
        status: MentorStatus::Alumni,
        cadence_days: 30,
        max_gap_days: 60,
        modes: &[Mode::InPerson],
        term: Term::OneOff,
        term_days: None,
        situation: "Preparing my promotion case.",
        purposes: &[Purpose::OrganisationalPolitics],
        confidentiality: "",
        checks: [true, true, true, true],
        catch_ups: &[(110, "Reviewed my promotion case; it went through.")],
    },
];

/// Adds the sample circle, dated relative to `today`. Refused if it is already loaded, so
/// a double click cannot make two of everyone.
pub fn add_sample_circle(store: &mut Store, today: NaiveDate) -> Result<()> {
    if store.has_sample()? {
        return Err(Error::Conflict(
            "The sample circle is already loaded.".into(),
        ));
    }
    let days_ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);
    let joined = days_ago(JOINED_DAYS_AGO);
    for sample in SAMPLES {
        let [experience, values, accountability, time] = sample.checks.map(|met| Check {
            met,
            note: String::new(),
        });
        let draft = MentorDraft {
            name: sample.name.into(),
            organisation: sample.organisation.into(),
            roles: sample.roles.to_vec(),
            same_company: sample.same_company,
            expertise: sample.expertise.into(),
            how_we_met: sample.how_we_met.into(),
            contact: Contact::default(),
            status: sample.status,
            checks: MentorChecks {
                experience,
                values,
                accountability,
                time,
            },
            agreement: Agreement {
                cadence_days: sample.cadence_days,
                max_gap_days: sample.max_gap_days,
                modes: sample.modes.to_vec(),
                term: sample.term,
                starts_on: joined,
                review_on: sample
                    .term_days
                    .and_then(|days| joined.checked_add_days(Days::new(days))),
                situation: sample.situation.into(),
                purposes: sample.purposes.to_vec(),
                own_purpose: String::new(),
                confidentiality: sample.confidentiality.into(),
            },
        };
        let mentor = store.insert_mentor(&draft, joined, true)?;
        for (ago, note) in sample.catch_ups {
            let draft = CatchUpDraft {
                mentor_id: mentor.id,
                date: days_ago(*ago),
                mode: sample.modes[0],
                note: (*note).into(),
                discussed: Vec::new(),
                reported_back: Vec::new(),
            };
            store.log_catch_up(&draft, today)?;
        }
    }
    Ok(())
}
