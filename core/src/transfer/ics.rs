//! The next catch-up with each active mentor as an iCalendar file (RFC 5545), so the
//! user can see the circle in the calendar they already live in.
//!
//! The file is a snapshot: each mentor's event sits on the day the app would call them
//! due, worked out by the same cadence rule as the home screen. Its UID is stable per
//! mentor, so importing a newer export moves the event instead of adding a second one.
//! The description carries the cadence and the mentor's agenda, the user's own
//! questions, chosen for this export; nothing from the journal is ever written here.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};

use super::content_line::{escape_text, push_line};
use super::{CircleExport, MentorExport, words};
use crate::cadence;
use crate::model::MentorStatus;

/// Names the program that wrote the file, as RFC 5545 asks.
pub const PRODID: &str = "-//Mentor Circle//Next catch-ups//EN";

/// One calendar with an all-day event per active mentor on the day their next catch-up
/// is due (today if that day has passed), as of the user's local day `today`. `now`
/// stamps the events (DTSTAMP). Paused and alumni mentors get no event: the first is
/// never due and the second is only asked for a yearly update, which is not a meeting
/// to plan.
pub fn next_catch_ups(export: &CircleExport, today: NaiveDate, now: DateTime<Utc>) -> String {
    let mut events: Vec<(NaiveDate, &MentorExport, Vec<String>)> = export
        .mentors
        .iter()
        .filter(|exported| exported.mentor.details.status == MentorStatus::Active)
        .filter_map(|exported| {
            let (day, description) = next_catch_up(exported, today)?;
            Some((day, exported, description))
        })
        .collect();
    events.sort_by_key(|(day, exported, _)| (*day, exported.mentor.id));

    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Mentor Circle",
    ] {
        push_line(&mut out, line);
    }
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for (day, exported, description) in events {
        let mentor = &exported.mentor;
        // An all-day event ends (exclusively) on the next day.
        let Some(end) = day.checked_add_days(Days::new(1)) else {
            continue;
        };
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(
            &mut out,
            &format!("UID:mentor-{}@mentor-circle.local", mentor.id),
        );
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", ical_date(day)));
        push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", ical_date(end)));
        push_line(
            &mut out,
            &format!(
                "SUMMARY:{}",
                escape_text(&format!("Catch up with {}", mentor.details.name.trim()))
            ),
        );
        push_line(
            &mut out,
            &format!("DESCRIPTION:{}", escape_text(&description.join("\n"))),
        );
        // A reminder to get in touch, not a meeting: it should not mark the day busy.
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// The day of a mentor's next catch-up and the lines that describe it, or `None` when
/// they have no cadence or the day cannot be written as an iCalendar date.
fn next_catch_up(exported: &MentorExport, today: NaiveDate) -> Option<(NaiveDate, Vec<String>)> {
    let mentor = &exported.mentor;
    // The newest catch-up by date, as the store's `max(happened_on)` finds it, whatever
    // order the list came in.
    let last = exported
        .catch_ups
        .iter()
        .map(|catch_up| catch_up.date)
        .max();
    let (standing, review_due) = cadence::standing(mentor, last, today);
    let standing = standing?;
    let day = standing.due_on.max(today);
    if day.year() > 9999 {
        return None;
    }

    let agreement = &mentor.details.agreement;
    let mut lines = vec![format!("{}.", words::cadence(agreement))];
    let ways = words::modes(&agreement.modes);
    if !ways.is_empty() {
        lines.push(format!("Prefers {ways}."));
    }
    match last {
        Some(last) => lines.push(format!("Last catch-up: {last}.")),
        None => lines.push("No catch-up logged yet.".into()),
    }
    if standing.due_on < today {
        lines.push(format!("Due since {}.", standing.due_on));
    }
    if review_due {
        lines.push("The agreement is up for review: renew or close it.".into());
    }
    let agenda: Vec<&str> = exported
        .agenda
        .iter()
        .map(|item| item.text.trim())
        .filter(|text| !text.is_empty())
        .collect();
    if !agenda.is_empty() {
        lines.push(String::new());
        lines.push("For your next catch-up:".into());
        lines.extend(agenda.into_iter().map(|text| format!("- {text}")));
    }
    Some((day, lines))
}

/// A DATE value: `20260301`.
fn ical_date(day: NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}
