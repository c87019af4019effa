//! A small sample circle, so a new user can explore the app before typing their own
//! mentors. Every sample is marked "(sample)" in its name and can be archived like any
//! other mentor.

use chrono::{Days, NaiveDate};

use crate::error::Result;
use crate::model::{CatchUpDraft, MentorDraft, Mode, Role};
use crate::store::Store;

struct Sample {
    name: &'static str,
    organisation: &'static str,
    roles: &'static [Role],
    cadence_days: u32,
    mode: Mode,
    /// Days before today of each catch-up.
    catch_ups: &'static [(u64, &'static str)],
}

const SAMPLES: &[Sample] = &[
    Sample {
        name: "Ana Sousa (sample)",
        organisation: "Northwind Labs",
        roles: &[Role::Adviser, Role::SuccessPartner],
        cadence_days: 28,
        mode: Mode::Video,
        catch_ups: &[
            (33, "Talked through the team-lead move."),
            (64, "Agreed to meet monthly."),
        ],
    },
    Sample {
        name: "Ben Okafor (sample)",
        organisation: "City Product Guild",
        roles: &[Role::NetworkConnector],
        cadence_days: 42,
        mode: Mode::Coffee,
        catch_ups: &[(37, "Offered two introductions.")],
    },
    Sample {
        name: "Chloé Martin (sample)",
        organisation: "",
        roles: &[Role::Peer, Role::EmotionalConnector],
        cadence_days: 14,
        mode: Mode::Call,
        catch_ups: &[(3, "Swapped notes on a hard week.")],
    },
];

/// Adds the sample circle, dated relative to `today`.
pub fn add_sample_circle(store: &mut Store, today: NaiveDate) -> Result<()> {
    for sample in SAMPLES {
        let draft = MentorDraft {
            name: sample.name.into(),
            organisation: sample.organisation.into(),
            roles: sample.roles.to_vec(),
            cadence_days: sample.cadence_days,
            preferred_mode: sample.mode,
        };
        let added_on = today.checked_sub_days(Days::new(90)).unwrap_or(today);
        let mentor = store.add_mentor(&draft, added_on)?;
        for (days_ago, note) in sample.catch_ups {
            let date = today
                .checked_sub_days(Days::new(*days_ago))
                .unwrap_or(today);
            let draft = CatchUpDraft {
                mentor_id: mentor.id,
                date,
                mode: sample.mode,
                note: (*note).into(),
            };
            store.log_catch_up(&draft, today)?;
        }
    }
    Ok(())
}
