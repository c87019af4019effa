//! The pre-meeting brief: everything worth having in mind before a catch-up, on one
//! screen and as plain text to paste into notes. Built from the mentor page, so it can
//! never disagree with it.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::advice::{Advice, AdviceStatus};
use crate::agenda::AgendaItem;
use crate::gives::{Balance, Give, GiveKind, GiveState};
use crate::goals::Goal;
use crate::model::{CatchUp, CoMentoring, MentorId, Mode, Role};
use crate::view::MentorPage;

/// Longest part of the last catch-up's note shown in the brief, in characters.
const SUMMARY_CHARS: usize = 280;

/// One mentor's brief.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Brief {
    #[ts(type = "number")]
    pub mentor_id: MentorId,
    pub name: String,
    pub last_catch_up: Option<CatchUp>,
    /// Questions and topics still open, oldest first.
    pub open_questions: Vec<AgendaItem>,
    /// Advice to report back on.
    pub close_the_loop: Vec<Advice>,
    /// Goals shared with them, with progress.
    pub goals: Vec<Goal>,
    /// Advice that worked and has not been thanked for since.
    pub to_thank: Vec<Advice>,
    /// What the user offered to do for them.
    pub offered: Vec<Give>,
    pub balance: Balance,
    /// Set for a peer: what each side is helping the other with.
    pub co_mentoring: Option<CoMentoring>,
    /// All of the above as plain text, for "Copy as text".
    pub text: String,
}

/// Advice that is working (trying or adopted, with an outcome) and that no thank-you
/// sent on or after its last change covers yet.
pub fn to_thank(advice: &[Advice], gives: &[Give]) -> Vec<Advice> {
    let last_thanks = gives
        .iter()
        .filter(|give| {
            give.details.kind == GiveKind::Thanks && give.details.state == GiveState::Done
        })
        .map(|give| give.details.on)
        .max();
    advice
        .iter()
        .filter(|advice| {
            matches!(
                advice.progress.status,
                AdviceStatus::Adopted | AdviceStatus::Trying
            ) && !advice.progress.outcome.is_empty()
                && last_thanks.is_none_or(|thanked| thanked < advice.changed_on)
        })
        .cloned()
        .collect()
}

/// The brief for the mentor on `page`.
pub fn of(page: &MentorPage) -> Brief {
    let mentor = &page.mentor;
    let mut open_questions = page.agenda.clone();
    open_questions.retain(|item| item.discussed_on.is_none());
    let offered: Vec<Give> = page
        .gives
        .iter()
        .filter(|give| give.details.state == GiveState::Offered)
        .cloned()
        .collect();
    let peer = mentor.details.roles.contains(&Role::Peer);
    let mut brief = Brief {
        mentor_id: mentor.id,
        name: mentor.details.name.clone(),
        last_catch_up: page.catch_ups.first().cloned(),
        open_questions,
        close_the_loop: page.close_the_loop.clone(),
        goals: page.goals.clone(),
        to_thank: to_thank(&page.advice, &page.gives),
        offered,
        balance: page.balance,
        co_mentoring: peer.then(|| mentor.co_mentoring.clone()),
        text: String::new(),
    };
    brief.text = text(&brief);
    brief
}

fn text(brief: &Brief) -> String {
    let mut out = format!("Before your catch-up with {}\n", brief.name);
    match &brief.last_catch_up {
        Some(last) => {
            out.push_str(&format!(
                "\nLast catch-up: {} ({})\n",
                long_date(last.date),
                mode_words(last.mode)
            ));
            let summary = summary(&last.note);
            if !summary.is_empty() {
                out.push_str(&format!("{summary}\n"));
            }
        }
        None => out.push_str("\nThis will be your first catch-up.\n"),
    }
    section(
        &mut out,
        "Questions to ask",
        brief.open_questions.iter().map(|item| item.text.clone()),
    );
    section(
        &mut out,
        "Close the loop: tell them what came of their advice",
        brief.close_the_loop.iter().map(|advice| {
            let mut line = format!(
                "{} ({}): {}",
                advice.text,
                long_date(advice.given_on),
                status_words(advice.progress.status)
            );
            if !advice.progress.reason.is_empty() {
                line.push_str(&format!(", because {}", advice.progress.reason));
            }
            if !advice.progress.outcome.is_empty() {
                line.push_str(&format!(". What came of it: {}", advice.progress.outcome));
            }
            line
        }),
    );
    section(
        &mut out,
        "Goals you're working on together",
        brief.goals.iter().map(|goal| {
            let mut line = goal.title.clone();
            if let Some(target) = goal.target_on {
                line.push_str(&format!(" (by {})", long_date(target)));
            }
            if let Some(latest) = goal.progress.first() {
                line.push_str(&format!(
                    ". Latest, {}: {}",
                    long_date(latest.written_on),
                    latest.note
                ));
            }
            line
        }),
    );
    section(
        &mut out,
        "Thank them for",
        brief
            .to_thank
            .iter()
            .map(|advice| format!("{}: {}", advice.text, advice.progress.outcome)),
    );
    section(
        &mut out,
        "You offered to",
        brief.offered.iter().map(|give| {
            let kind = kind_words(give.details.kind);
            if give.details.note.is_empty() {
                kind.to_string()
            } else {
                format!("{kind}: {}", give.details.note)
            }
        }),
    );
    if let Some(co) = &brief.co_mentoring {
        section(
            &mut out,
            "Helping each other",
            [
                (!co.they_help_with.is_empty())
                    .then(|| format!("They help you with: {}", co.they_help_with)),
                (!co.i_help_with.is_empty())
                    .then(|| format!("You help them with: {}", co.i_help_with)),
            ]
            .into_iter()
            .flatten(),
        );
    }
    out
}

fn section(out: &mut String, title: &str, lines: impl Iterator<Item = String>) {
    let lines: Vec<String> = lines.collect();
    if lines.is_empty() {
        return;
    }
    out.push_str(&format!("\n{title}:\n"));
    for line in lines {
        out.push_str(&format!("- {line}\n"));
    }
}

/// The start of a note, cut at a word and marked when cut.
fn summary(note: &str) -> String {
    let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
    if note.chars().count() <= SUMMARY_CHARS {
        return note;
    }
    let cut: String = note.chars().take(SUMMARY_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

fn long_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

fn mode_words(mode: Mode) -> &'static str {
    match mode {
        Mode::InPerson => "in person",
        Mode::Video => "video call",
        Mode::Phone => "phone",
        Mode::Email => "e-mail",
        Mode::Message => "messages",
    }
}

fn status_words(status: AdviceStatus) -> &'static str {
    match status {
        AdviceStatus::Considering => "still considering it",
        AdviceStatus::Trying => "trying it",
        AdviceStatus::Adopted => "adopted",
        AdviceStatus::Declined => "decided against it",
    }
}

fn kind_words(kind: GiveKind) -> &'static str {
    match kind {
        GiveKind::Thanks => "Say thank you",
        GiveKind::Introduction => "Make an introduction",
        GiveKind::Article => "Share an article",
        GiveKind::Technology => "Help with a technology",
        GiveKind::Candidate => "Refer a candidate",
        GiveKind::Other => "Something else",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::advice::AdviceProgress;
    use crate::gives::GiveDraft;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("valid date")
    }

    fn advice(id: i64, status: AdviceStatus, outcome: &str, changed: u32) -> Advice {
        Advice {
            id,
            mentor_id: 1,
            given_on: day(1),
            text: format!("advice {id}"),
            progress: AdviceProgress {
                status,
                reason: String::new(),
                outcome: outcome.into(),
            },
            changed_on: day(changed),
            to_report: true,
            reported_on: None,
        }
    }

    fn thanks(on: u32) -> Give {
        Give {
            id: 1,
            details: GiveDraft {
                mentor_id: 1,
                kind: GiveKind::Thanks,
                state: GiveState::Done,
                note: String::new(),
                on: day(on),
            },
        }
    }

    #[test]
    fn advice_that_worked_is_to_thank_for_until_a_thank_you_follows_it() {
        let all = [
            advice(1, AdviceStatus::Adopted, "Got the role", 10),
            advice(2, AdviceStatus::Adopted, "", 10),
            advice(3, AdviceStatus::Declined, "Nothing", 10),
            advice(4, AdviceStatus::Trying, "Early signs", 15),
        ];
        let ids = |list: Vec<Advice>| list.iter().map(|a| a.id).collect::<Vec<_>>();
        assert_eq!(ids(to_thank(&all, &[])), vec![1, 4]);
        assert_eq!(ids(to_thank(&all, &[thanks(12)])), vec![4]);
        assert_eq!(ids(to_thank(&all, &[thanks(15)])), Vec::<i64>::new());
    }

    #[test]
    fn a_long_note_is_cut_at_a_word() {
        let note = "word ".repeat(100);
        let cut = summary(&note);
        assert!(cut.ends_with("word…"));
        assert!(cut.chars().count() <= SUMMARY_CHARS + 1);
        assert_eq!(summary("  short\n note "), "short note");
    }
}
