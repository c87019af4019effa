//! The user's words for the model's enums and for a cadence, for the plaintext exports.
//!
//! The UI has its own copy of these labels (ui/src/features/mentors/labels.ts,
//! ui/src/ui/status.ts); the exports say the same things in the same words so a Markdown
//! file or a calendar event reads like the app the user knows. The database keys never appear in an export.

use crate::advice::AdviceStatus;
use crate::gives::{GiveKind, GiveState};
use crate::goals::GoalStatus;
use crate::model::{Agreement, MentorStatus, Mode, Purpose, Role, Term};

/// A role as the mentor form names it.
pub(crate) fn role(role: Role) -> &'static str {
    match role {
        Role::NetworkConnector => "Network connector",
        Role::Adviser => "Adviser",
        Role::IdeaPerson => "Idea person",
        Role::EmotionalConnector => "Emotional connector",
        Role::SuccessPartner => "Success partner",
        Role::Insider => "Company or industry insider",
        Role::Peer => "Peer / co-mentor",
    }
}

/// "Network connector, Adviser": in the form's order, whatever order they were stored
/// in, as the UI lists them.
pub(crate) fn roles(roles: &[Role]) -> String {
    Role::ALL
        .into_iter()
        .filter(|candidate| roles.contains(candidate))
        .map(role)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A way of talking as the form names it.
pub(crate) fn mode(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "In person",
        Mode::Video => "Video",
        Mode::Phone => "Phone",
        Mode::Email => "Email",
        Mode::Message => "Message",
    }
}

/// "video or in person".
pub(crate) fn modes(modes: &[Mode]) -> String {
    let words: Vec<String> = modes.iter().map(|m| mode(*m).to_lowercase()).collect();
    or_list(&words)
}

pub(crate) fn purpose(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::ExpandNetwork => "Expand my network",
        Purpose::DevelopmentFocus => "Clarify my development focus",
        Purpose::LearnFunctionOrIndustry => "Learn about a function or industry",
        Purpose::OrganisationalPolitics => "Understand organisational politics",
        Purpose::SkillsFeedback => "Feedback on my skills",
        Purpose::TestIdeas => "Test ideas safely",
        Purpose::JobSearch => "Job-search support",
    }
}

pub(crate) fn term(term: Term) -> &'static str {
    match term {
        Term::Ongoing => "Ongoing",
        Term::FixedPeriod => "Fixed period",
        Term::OneOff => "One-off",
    }
}

pub(crate) fn status(status: MentorStatus) -> &'static str {
    match status {
        MentorStatus::Active => "Active",
        MentorStatus::Paused => "Paused",
        MentorStatus::Alumni => "Alumni",
    }
}

pub(crate) fn goal_status(status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::Active => "Active",
        GoalStatus::Achieved => "Achieved",
        GoalStatus::Dropped => "Dropped",
    }
}

pub(crate) fn advice_status(status: AdviceStatus) -> &'static str {
    match status {
        AdviceStatus::Considering => "Considering",
        AdviceStatus::Trying => "Trying it",
        AdviceStatus::Adopted => "Adopted",
        AdviceStatus::Declined => "Declined",
    }
}

pub(crate) fn give_kind(kind: GiveKind) -> &'static str {
    match kind {
        GiveKind::Thanks => "Thank-you",
        GiveKind::Introduction => "Introduction made",
        GiveKind::Article => "Article shared",
        GiveKind::Technology => "Help with a technology",
        GiveKind::Candidate => "Candidate referred",
        GiveKind::Other => "Other",
    }
}

pub(crate) fn give_state(state: GiveState) -> &'static str {
    match state {
        GiveState::Idea => "Just an idea",
        GiveState::Offered => "Offered",
        GiveState::Done => "Done",
    }
}

/// "Every 3 weeks, never more than 6 weeks", as the mentor page says it.
pub(crate) fn cadence(agreement: &Agreement) -> String {
    let longest = agreement.max_gap_days.max(agreement.cadence_days);
    let (count, unit) = period(agreement.cadence_days);
    let every = if count == 1 {
        format!("Every {unit}")
    } else {
        format!("Every {count} {unit}s")
    };
    format!("{every}, never more than {}", length(longest))
}

/// "6 weeks", "1 week", "3 months", "45 days".
fn length(days: u32) -> String {
    let (count, unit) = period(days);
    if count == 1 {
        format!("1 {unit}")
    } else {
        format!("{count} {unit}s")
    }
}

/// A number of days in the unit people would use: 21 → 3 weeks, 182 → 6 months. The
/// same steps as the UI's `period`, so the two never describe one agreement differently.
fn period(days: u32) -> (u32, &'static str) {
    match days {
        7 => (1, "week"),
        365 | 366 => (1, "year"),
        n if n % 7 == 0 && n > 0 && n < 91 => (n / 7, "week"),
        n if n % 91 == 0 && n > 0 => (n / 91 * 3, "month"),
        30 | 31 => (1, "month"),
        n => (n, "day"),
    }
}

/// "a", "a or b", "a, b or c".
fn or_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn cadences_read_as_the_mentor_page_says_them() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date");
        let said = |every: u32, longest: u32| {
            cadence(&Agreement::ongoing(every, longest, Mode::Video, start))
        };
        assert_eq!(said(21, 42), "Every 3 weeks, never more than 6 weeks");
        assert_eq!(said(7, 7), "Every week, never more than 1 week");
        assert_eq!(said(91, 182), "Every 3 months, never more than 6 months");
        assert_eq!(said(10, 5), "Every 10 days, never more than 10 days");
        assert_eq!(said(30, 365), "Every month, never more than 1 year");
    }

    #[test]
    fn roles_follow_the_forms_order_and_modes_join_with_or() {
        assert_eq!(
            roles(&[Role::Adviser, Role::NetworkConnector]),
            "Network connector, Adviser"
        );
        assert_eq!(
            modes(&[Mode::Video, Mode::InPerson, Mode::Phone]),
            "video, in person or phone"
        );
        assert_eq!(modes(&[]), "");
    }
}
