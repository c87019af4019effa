//! The nudge planner: given the circle, the user's nudge settings, what was already sent
//! and the time, it decides which notification (if any) to send now and when anything
//! could next change. The loop ([`crate::nudge_loop`]) asks, records and sends; the
//! shell only sleeps between its passes.
//!
//! Pure on purpose: a planner that reads the clock or the database itself cannot be
//! tested through a DST night, a week-long sleep or a failed delivery, and those are
//! exactly where reminder apps either fall silent or nag.

use std::collections::HashSet;

use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Timelike,
    Utc, Weekday,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cadence;
use crate::error::{Error, Result};
use crate::model::{CircleMember, DueStatus, MentorId};

/// The loop never sleeps longer than this, so a suspended laptop, a late start or a
/// clock jump is noticed within a minute of the machine running again.
pub const LONGEST_SLEEP: TimeDelta = TimeDelta::seconds(60);

/// After a delivery fails, wait this long before trying again.
pub const RETRY_AFTER: TimeDelta = TimeDelta::minutes(5);

/// The longest inactivity the app may wait before locking itself: four hours.
pub const MAX_IDLE_MINUTES: u16 = 240;

/// The most notifications a day the user may allow.
pub const MAX_DAILY_CAP: u8 = 20;

/// Hours without notifications, in local wall-clock time; may cross midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct QuietHours {
    /// Minutes after midnight when the quiet starts (21:00 is 1260).
    pub from_minute: u16,
    /// Minutes after midnight when it ends.
    pub until_minute: u16,
}

/// How the user wants to be nudged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NudgeSettings {
    /// No nudges before this day (holidays, a crunch at work).
    pub paused_until: Option<NaiveDate>,
    /// `None`: nudges may arrive at any hour.
    pub quiet_hours: Option<QuietHours>,
    /// The most notifications in one day.
    pub daily_cap: u8,
    /// Names in notifications; when off, only counts.
    pub show_names: bool,
}

impl Default for NudgeSettings {
    fn default() -> Self {
        NudgeSettings {
            paused_until: None,
            quiet_hours: Some(QuietHours {
                from_minute: 21 * 60,
                until_minute: 8 * 60,
            }),
            daily_cap: 3,
            show_names: true,
        }
    }
}

/// Checks settings from the UI; the error names the field at fault.
pub fn validate_settings(settings: &NudgeSettings, today: NaiveDate) -> Result<NudgeSettings> {
    if let Some(quiet) = settings.quiet_hours {
        if quiet.from_minute >= 24 * 60 || quiet.until_minute >= 24 * 60 {
            return Err(Error::invalid("quietHours", "Choose times within the day."));
        }
        if quiet.from_minute == quiet.until_minute {
            return Err(Error::invalid(
                "quietHours",
                "Quiet hours need different start and end times, or turn them off.",
            ));
        }
    }
    if settings.daily_cap == 0 || settings.daily_cap > MAX_DAILY_CAP {
        return Err(Error::invalid(
            "dailyCap",
            format!("Allow between 1 and {MAX_DAILY_CAP} notifications a day."),
        ));
    }
    if let Some(until) = settings.paused_until {
        if until <= today {
            return Err(Error::invalid(
                "pausedUntil",
                "Choose a day after today to resume nudges.",
            ));
        }
        if until > today + Days::new(366) {
            return Err(Error::invalid(
                "pausedUntil",
                "Nudges can be paused for up to a year.",
            ));
        }
    }
    Ok(*settings)
}

/// How long to snooze one mentor's nudges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind", content = "until")]
#[ts(export)]
pub enum Snooze {
    Tomorrow,
    /// Until the coming Saturday.
    ThisWeekend,
    /// Until the coming Monday.
    NextWeek,
    Until(NaiveDate),
}

/// The first day nudges resume after `snooze`, chosen on `today`.
pub fn snoozed_until(snooze: Snooze, today: NaiveDate) -> Result<NaiveDate> {
    let next = |weekday: Weekday| {
        let ahead =
            (7 + weekday.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
        today + Days::new(u64::from(if ahead == 0 { 7 } else { ahead }))
    };
    match snooze {
        Snooze::Tomorrow => Ok(today + Days::new(1)),
        Snooze::ThisWeekend => Ok(next(Weekday::Sat)),
        Snooze::NextWeek => Ok(next(Weekday::Mon)),
        Snooze::Until(day) if day <= today => Err(Error::invalid(
            "snoozeUntil",
            "Choose a day after today to snooze until.",
        )),
        Snooze::Until(day) if day > today + Days::new(366) => Err(Error::invalid(
            "snoozeUntil",
            "A snooze can last up to a year.",
        )),
        Snooze::Until(day) => Ok(day),
    }
}

/// A mentor the circle says is due or overdue for a catch-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub mentor_id: MentorId,
    pub name: String,
    pub status: DueStatus,
    /// The last catch-up, or the day they joined if there was none.
    pub since: NaiveDate,
    pub caught_up_before: bool,
    pub snoozed_until: Option<NaiveDate>,
}

/// The mentors in `circle` who want a catch-up: due or overdue, not paused, not waiting
/// for an agreement review (the home screen asks for that instead).
pub fn candidates(circle: &[CircleMember]) -> Vec<Candidate> {
    circle
        .iter()
        .filter(|member| cadence::wants_catch_up(member.cadence.as_ref(), member.review_due))
        .filter_map(|member| {
            Some(Candidate {
                mentor_id: member.mentor.id,
                name: member.mentor.name.clone(),
                status: member.cadence?.status,
                since: member.last_catch_up.unwrap_or(member.mentor.added_on),
                caught_up_before: member.last_catch_up.is_some(),
                snoozed_until: member.snoozed_until,
            })
        })
        .collect()
}

/// What the nudge loop keeps while the app is locked and the database is closed: no
/// names, no notes — only numbered mentors and the days their status changes, the
/// settings, and what was sent. Nudges sent while locked say counts only, and are written
/// to the record when the user unlocks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LockedSchedule {
    pub settings: NudgeSettings,
    pub mentors: Vec<Scheduled>,
    /// Sent before locking (the current local day at least), then while locked.
    pub sent: Vec<Sent>,
    /// Sent while locked, not yet in the database.
    pub unrecorded: Vec<Sent>,
}

/// One mentor's timetable in a [`LockedSchedule`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scheduled {
    pub mentor_id: MentorId,
    pub due_on: NaiveDate,
    pub overdue_from: NaiveDate,
    pub snoozed_until: Option<NaiveDate>,
    /// From this day the agreement asks for a review instead of a catch-up.
    pub review_from: Option<NaiveDate>,
}

impl LockedSchedule {
    /// The timetable of `circle` (paused mentors never come due), with `sent`.
    pub fn of(circle: &[CircleMember], settings: NudgeSettings, sent: Vec<Sent>) -> Self {
        let mentors = circle
            .iter()
            .filter_map(|member| {
                let cadence = member.cadence?;
                Some(Scheduled {
                    mentor_id: member.mentor.id,
                    due_on: cadence.due_on,
                    overdue_from: cadence.overdue_from,
                    snoozed_until: member.snoozed_until,
                    review_from: if member.review_due {
                        Some(NaiveDate::MIN)
                    } else {
                        member.mentor.review_on
                    },
                })
            })
            .collect();
        LockedSchedule {
            settings: NudgeSettings {
                show_names: false,
                ..settings
            },
            mentors,
            sent,
            unrecorded: Vec::new(),
        }
    }

    /// The nameless candidates on `today`.
    pub fn candidates(&self, today: NaiveDate) -> Vec<Candidate> {
        self.mentors
            .iter()
            .filter(|m| m.due_on <= today && m.review_from.is_none_or(|from| from > today))
            .map(|m| Candidate {
                mentor_id: m.mentor_id,
                name: String::new(),
                status: if today >= m.overdue_from {
                    DueStatus::Overdue
                } else {
                    DueStatus::Due
                },
                since: m.due_on,
                caught_up_before: true,
                snoozed_until: m.snoozed_until,
            })
            .collect()
    }

    /// Plans at `now` like [`plan`], by counts only.
    pub fn plan<Tz: TimeZone>(&self, now: &DateTime<Tz>, retry_at: Option<DateTime<Utc>>) -> Plan {
        plan(
            now,
            &self.settings,
            &self.candidates(now.date_naive()),
            &self.sent,
            retry_at,
        )
    }

    /// Notes that `nudge` was shown at `at`.
    pub fn sent(&mut self, nudge: &Nudge, at: DateTime<Utc>) {
        let sent = Sent {
            at,
            mentor_ids: nudge.mentor_ids.clone(),
        };
        self.sent.push(sent.clone());
        self.unrecorded.push(sent);
    }
}

/// A notification already handed to the OS (or being handed: a crash mid-send counts as
/// sent, so a restart never doubles it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub at: DateTime<Utc>,
    pub mentor_ids: Vec<MentorId>,
}

/// One notification to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nudge {
    /// One mentor, or several for a digest.
    pub mentor_ids: Vec<MentorId>,
    pub title: String,
    pub body: String,
}

impl Nudge {
    /// A digest opens the home screen; a single nudge opens that mentor.
    pub fn is_digest(&self) -> bool {
        self.mentor_ids.len() > 1
    }
}

/// A recorded nudge's id.
pub type NudgeId = i64;

/// What the user did with a nudge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum NudgeOutcome {
    /// Clicked it and opened the app.
    Opened,
    /// Chose "Log catch-up".
    LoggedCatchUp,
    /// Chose "Snooze a day".
    Snoozed,
}

impl NudgeOutcome {
    pub fn key(self) -> &'static str {
        match self {
            NudgeOutcome::Opened => "opened",
            NudgeOutcome::LoggedCatchUp => "logged_catch_up",
            NudgeOutcome::Snoozed => "snoozed",
        }
    }

    pub fn from_key(key: &str) -> Option<NudgeOutcome> {
        [
            NudgeOutcome::Opened,
            NudgeOutcome::LoggedCatchUp,
            NudgeOutcome::Snoozed,
        ]
        .into_iter()
        .find(|outcome| outcome.key() == key)
    }
}

/// A mentor named in a past nudge, and whether a catch-up followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NudgedMentor {
    #[ts(type = "number")]
    pub id: MentorId,
    pub name: String,
    /// The first catch-up logged on or after the day of the nudge.
    pub caught_up_on: Option<NaiveDate>,
}

/// One line of the nudge history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NudgeRecord {
    #[ts(type = "number")]
    pub id: NudgeId,
    pub sent_at: DateTime<Utc>,
    /// The OS confirmed it took the notification; false only if the app stopped mid-send.
    pub delivered: bool,
    pub outcome: Option<NudgeOutcome>,
    pub mentors: Vec<NudgedMentor>,
}

/// Whether nudges are held at `now`: paused, or in quiet hours.
pub fn held<Tz: TimeZone>(now: &DateTime<Tz>, settings: &NudgeSettings) -> bool {
    settings
        .paused_until
        .is_some_and(|until| until > now.date_naive())
        || settings
            .quiet_hours
            .and_then(|quiet| quiet_ends(&now.timezone(), now, quiet))
            .is_some()
}

/// The least real time between two nudges about one mentor.
pub const ONCE_PER_MENTOR: TimeDelta = TimeDelta::hours(24);

/// The nudge to show again for a record a crash left undelivered (recorded, then the
/// app died before the desktop showed it): the same words for those of `mentor_ids`
/// still due, or `None` if none is (it is then forgotten, not shown).
pub fn resend(
    mentor_ids: &[MentorId],
    candidates: &[Candidate],
    show_names: bool,
    today: NaiveDate,
) -> Option<Nudge> {
    let mut due: Vec<&Candidate> = candidates
        .iter()
        .filter(|candidate| mentor_ids.contains(&candidate.mentor_id))
        .filter(|candidate| candidate.snoozed_until.is_none_or(|until| until <= today))
        .collect();
    due.sort_by_key(|candidate| (std::cmp::Reverse(candidate.status), candidate.since));
    nudge_for(&due, show_names, today)
}

/// What the loop should do now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub send: Option<Nudge>,
    /// When to ask again: the next instant anything could change, at most
    /// [`LONGEST_SLEEP`] away.
    pub wake_at: DateTime<Utc>,
}

/// Decides what to send at `now` (in the user's time zone).
///
/// `sent` needs to hold at least the notifications of the current local day;
/// `retry_at` is when a failed delivery may be tried again (a time more than
/// [`RETRY_AFTER`] ahead is not waited for: the clock was set back since).
///
/// A mentor is nudged at most once in 24 hours of real time and once per local day.
pub fn plan<Tz: TimeZone>(
    now: &DateTime<Tz>,
    settings: &NudgeSettings,
    candidates: &[Candidate],
    sent: &[Sent],
    retry_at: Option<DateTime<Utc>>,
) -> Plan {
    let zone = now.timezone();
    let now_utc = now.with_timezone(&Utc);
    let today = now.date_naive();
    let mut wake_at = [
        now_utc + LONGEST_SLEEP,
        // Statuses, snoozes, pauses and the one-a-day rule all turn over at midnight.
        local_instant(&zone, today + Days::new(1), NaiveTime::MIN),
    ]
    .into_iter()
    .min()
    .unwrap_or(now_utc + LONGEST_SLEEP);
    let mut wait_until = |instant: DateTime<Utc>| {
        if instant > now_utc {
            wake_at = wake_at.min(instant);
        }
    };

    let blocked = if settings.paused_until.is_some_and(|until| until > today) {
        true
    } else if let Some(end) = settings
        .quiet_hours
        .and_then(|quiet| quiet_ends(&zone, now, quiet))
    {
        wait_until(end);
        true
    } else if let Some(retry_at) = retry_at
        // A retry time further ahead than the retry wait was set before the clock went
        // back: waiting for it would hold every nudge for as long as the clock moved.
        .filter(|at| *at > now_utc && *at - now_utc <= RETRY_AFTER)
    {
        wait_until(retry_at);
        true
    } else {
        false
    };
    if blocked {
        return Plan {
            send: None,
            wake_at,
        };
    }

    // A nudge stamped after now was sent before the clock was set back: it still counts.
    let sent_today: Vec<&Sent> = sent
        .iter()
        .filter(|nudge| nudge.at > now_utc || cadence::local_day(nudge.at, &zone) == today)
        .collect();
    if sent_today.len() >= usize::from(settings.daily_cap) {
        return Plan {
            send: None,
            wake_at,
        };
    }
    // "Once a day" per mentor is counted in real elapsed time: a clock set back or a
    // flight into another time zone starts a new calendar day, not a new 24 hours. And
    // in the calendar too: the day the clocks go back lasts 25 hours.
    let nudged_today: HashSet<MentorId> = sent
        .iter()
        .filter(|nudge| {
            let within_a_day = nudge.at > now_utc - ONCE_PER_MENTOR;
            if within_a_day {
                wait_until(nudge.at + ONCE_PER_MENTOR);
            }
            within_a_day || cadence::local_day(nudge.at, &zone) == today
        })
        .flat_map(|nudge| nudge.mentor_ids.iter().copied())
        .collect();
    let mut due: Vec<&Candidate> = candidates
        .iter()
        .filter(|candidate| candidate.snoozed_until.is_none_or(|until| until <= today))
        .filter(|candidate| !nudged_today.contains(&candidate.mentor_id))
        .collect();
    // The most overdue first: they lead a digest's list of names.
    due.sort_by_key(|candidate| (std::cmp::Reverse(candidate.status), candidate.since));
    Plan {
        send: nudge_for(&due, settings.show_names, today),
        wake_at,
    }
}

/// The notification for `due` (most pressing first), in the app's words. Built only from
/// names and dates: notes and journal text never reach a notification.
fn nudge_for(due: &[&Candidate], show_names: bool, today: NaiveDate) -> Option<Nudge> {
    let first = due.first()?;
    let mentor_ids = due.iter().map(|candidate| candidate.mentor_id).collect();
    let (title, body) = match (due.len(), show_names) {
        (1, true) => (
            format!("Time to catch up with {}", first.name),
            if first.caught_up_before {
                format!(
                    "It's been {} since your last catch-up.",
                    how_long(first.since, today)
                )
            } else {
                format!(
                    "No catch-up logged since they joined your circle {} ago.",
                    how_long(first.since, today)
                )
            },
        ),
        (1, false) => (
            "Time to catch up with a mentor".to_string(),
            "One of your mentors is due for a catch-up.".to_string(),
        ),
        (count, true) => (
            format!("{count} mentors are due for a catch-up"),
            list_names(due),
        ),
        (count, false) => (
            format!("{count} mentors are due for a catch-up"),
            "Open Mentor Circle to see who.".to_string(),
        ),
    };
    Some(Nudge {
        mentor_ids,
        title,
        body,
    })
}

/// "Ana, Ben and Chloé"; past four names, "… and 3 more".
fn list_names(due: &[&Candidate]) -> String {
    const SHOWN: usize = 4;
    let names: Vec<&str> = due
        .iter()
        .map(|candidate| candidate.name.as_str())
        .collect();
    if names.len() > SHOWN {
        return format!(
            "{} and {} more",
            names[..SHOWN - 1].join(", "),
            names.len() - (SHOWN - 1)
        );
    }
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// "3 days", "5 weeks", "4 months", "2 years": how a person says a gap.
pub fn how_long(since: NaiveDate, today: NaiveDate) -> String {
    let days = (today - since).num_days().max(0);
    let (count, unit) = match days {
        0..=13 => (days, "day"),
        14..=59 => (days / 7, "week"),
        60..=729 => (days / 30, "month"),
        _ => (days / 365, "year"),
    };
    if count == 1 {
        format!("1 {unit}")
    } else {
        format!("{count} {unit}s")
    }
}

/// When the quiet hours around `now` end, or `None` if `now` is not in them.
fn quiet_ends<Tz: TimeZone>(
    zone: &Tz,
    now: &DateTime<Tz>,
    quiet: QuietHours,
) -> Option<DateTime<Utc>> {
    let minute = u16::try_from(now.hour() * 60 + now.minute()).unwrap_or(0);
    let (from, until) = (quiet.from_minute, quiet.until_minute);
    let quiet_now = if from < until {
        minute >= from && minute < until
    } else {
        minute >= from || minute < until
    };
    if !quiet_now {
        return None;
    }
    let today = now.date_naive();
    let end_day = if minute < until {
        today
    } else {
        today + Days::new(1)
    };
    let end_time = NaiveTime::from_hms_opt(u32::from(until / 60), u32::from(until % 60), 0)
        .unwrap_or(NaiveTime::MIN);
    Some(local_instant(zone, end_day, end_time))
}

/// The first instant at or after the local wall-clock `time` on `day`. On a night when the
/// clocks go forward that time may not exist: then it is the first minute that does.
fn local_instant<Tz: TimeZone>(zone: &Tz, day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let mut wall = NaiveDateTime::new(day, time);
    // Clocks never jump more than a few hours; step until the wall time exists.
    for _ in 0..(24 * 4) {
        if let Some(instant) = zone.from_local_datetime(&wall).earliest() {
            return instant.with_timezone(&Utc);
        }
        wall += TimeDelta::minutes(15);
    }
    wall.and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::London;
    use chrono_tz::Tz;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are valid")
    }

    /// A London wall-clock time; for an ambiguous one (clocks going back), the first.
    fn at(text: &str) -> DateTime<Tz> {
        let wall = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("valid time");
        London
            .from_local_datetime(&wall)
            .earliest()
            .expect("the time exists in London")
    }

    fn candidate(id: MentorId, name: &str, status: DueStatus, since: &str) -> Candidate {
        Candidate {
            mentor_id: id,
            name: name.to_string(),
            status,
            since: day(since),
            caught_up_before: true,
            snoozed_until: None,
        }
    }

    fn ana() -> Candidate {
        candidate(1, "Ana", DueStatus::Overdue, "2026-10-01")
    }

    fn sent(at: DateTime<Tz>, ids: &[MentorId]) -> Sent {
        Sent {
            at: at.with_timezone(&Utc),
            mentor_ids: ids.to_vec(),
        }
    }

    fn settings() -> NudgeSettings {
        NudgeSettings::default()
    }

    #[test]
    fn one_overdue_mentor_gets_a_named_nudge_that_says_how_long_it_has_been() {
        let plan = plan(&at("2026-11-05 09:00"), &settings(), &[ana()], &[], None);
        let nudge = plan.send.expect("Ana is overdue and it is not quiet hours");
        assert_eq!(nudge.mentor_ids, vec![1]);
        assert_eq!(nudge.title, "Time to catch up with Ana");
        assert_eq!(nudge.body, "It's been 5 weeks since your last catch-up.");
        assert!(!nudge.is_digest());
    }

    #[test]
    fn several_due_at_once_become_one_digest_most_overdue_first() {
        let due = [
            candidate(2, "Ben", DueStatus::Due, "2026-10-10"),
            ana(),
            candidate(3, "Chloé", DueStatus::Due, "2026-10-05"),
        ];
        let nudge = plan(&at("2026-11-05 09:00"), &settings(), &due, &[], None)
            .send
            .expect("three are due");
        assert_eq!(nudge.title, "3 mentors are due for a catch-up");
        assert_eq!(nudge.body, "Ana, Chloé and Ben");
        assert_eq!(nudge.mentor_ids, vec![1, 3, 2]);
        assert!(nudge.is_digest());
    }

    #[test]
    fn a_long_digest_names_three_and_counts_the_rest() {
        let due: Vec<Candidate> = (1..=6)
            .map(|id| candidate(id, &format!("M{id}"), DueStatus::Due, "2026-10-01"))
            .collect();
        let nudge = plan(&at("2026-11-05 09:00"), &settings(), &due, &[], None)
            .send
            .expect("six are due");
        assert_eq!(nudge.body, "M1, M2, M3 and 3 more");
    }

    #[test]
    fn with_names_off_a_nudge_only_counts() {
        let hidden = NudgeSettings {
            show_names: false,
            ..settings()
        };
        let one = plan(&at("2026-11-05 09:00"), &hidden, &[ana()], &[], None)
            .send
            .expect("due");
        assert!(!one.title.contains("Ana") && !one.body.contains("Ana"));
        assert_eq!(one.body, "One of your mentors is due for a catch-up.");
        let two = [ana(), candidate(2, "Ben", DueStatus::Due, "2026-10-10")];
        let digest = plan(&at("2026-11-05 09:00"), &hidden, &two, &[], None)
            .send
            .expect("due");
        assert_eq!(digest.title, "2 mentors are due for a catch-up");
        assert!(!digest.body.contains("Ana") && !digest.body.contains("Ben"));
    }

    #[test]
    fn a_mentor_never_caught_up_with_is_counted_from_the_day_they_joined() {
        let new = Candidate {
            caught_up_before: false,
            ..candidate(4, "Daniel", DueStatus::Due, "2026-10-22")
        };
        let nudge = plan(&at("2026-11-05 09:00"), &settings(), &[new], &[], None)
            .send
            .expect("due");
        assert_eq!(
            nudge.body,
            "No catch-up logged since they joined your circle 2 weeks ago."
        );
    }

    #[test]
    fn overdue_mentor_is_nudged_once_per_day() {
        let morning = at("2026-11-05 09:00");
        let already = [sent(morning, &[1])];
        let evening = plan(
            &at("2026-11-05 18:00"),
            &settings(),
            &[ana()],
            &already,
            None,
        );
        assert_eq!(evening.send, None, "already nudged today");
        let tomorrow = plan(
            &at("2026-11-06 09:00"),
            &settings(),
            &[ana()],
            &already,
            None,
        );
        assert!(tomorrow.send.is_some(), "a new day, a new nudge");
    }

    #[test]
    fn a_mentor_who_becomes_due_later_in_the_day_is_nudged_alone() {
        let already = [sent(at("2026-11-05 09:00"), &[1])];
        let due = [ana(), candidate(2, "Ben", DueStatus::Due, "2026-10-08")];
        let nudge = plan(&at("2026-11-05 14:00"), &settings(), &due, &already, None)
            .send
            .expect("Ben has not been nudged today");
        assert_eq!(nudge.mentor_ids, vec![2]);
        assert_eq!(nudge.title, "Time to catch up with Ben");
    }

    #[test]
    fn the_daily_cap_stops_further_nudges_until_tomorrow() {
        let capped = NudgeSettings {
            daily_cap: 2,
            ..settings()
        };
        let already = [
            sent(at("2026-11-05 09:00"), &[1]),
            sent(at("2026-11-05 12:00"), &[2]),
        ];
        let due = [candidate(3, "Chloé", DueStatus::Due, "2026-10-08")];
        let plan_now = plan(&at("2026-11-05 15:00"), &capped, &due, &already, None);
        assert_eq!(plan_now.send, None, "two nudges today is the cap");
        assert!(
            plan(&at("2026-11-06 08:00"), &capped, &due, &already, None)
                .send
                .is_some(),
            "the cap resets the next day"
        );
    }

    #[test]
    fn quiet_hours_across_midnight_hold_nudges_until_they_end() {
        let late = plan(&at("2026-11-05 22:30"), &settings(), &[ana()], &[], None);
        assert_eq!(late.send, None, "22:30 is in 21:00–08:00");
        let early = plan(&at("2026-11-06 07:59"), &settings(), &[ana()], &[], None);
        assert_eq!(early.send, None, "07:59 is still quiet");
        assert_eq!(
            early.wake_at,
            at("2026-11-06 08:00").with_timezone(&Utc),
            "wakes exactly when the quiet ends"
        );
        let morning = plan(&at("2026-11-06 08:00"), &settings(), &[ana()], &[], None);
        assert!(morning.send.is_some(), "08:00 is no longer quiet");
    }

    #[test]
    fn quiet_hours_within_one_day_and_none_at_all() {
        let lunch = NudgeSettings {
            quiet_hours: Some(QuietHours {
                from_minute: 12 * 60,
                until_minute: 14 * 60,
            }),
            ..settings()
        };
        assert_eq!(
            plan(&at("2026-11-05 13:00"), &lunch, &[ana()], &[], None).send,
            None
        );
        assert!(
            plan(&at("2026-11-05 23:00"), &lunch, &[ana()], &[], None)
                .send
                .is_some()
        );
        let never_quiet = NudgeSettings {
            quiet_hours: None,
            ..settings()
        };
        assert!(
            plan(&at("2026-11-05 03:00"), &never_quiet, &[ana()], &[], None)
                .send
                .is_some()
        );
    }

    #[test]
    fn on_the_night_clocks_go_forward_a_quiet_end_that_does_not_exist_wakes_at_the_first_minute_that_does()
     {
        // London, 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:30 never happens.
        let quiet = NudgeSettings {
            quiet_hours: Some(QuietHours {
                from_minute: 21 * 60,
                until_minute: 90,
            }),
            ..settings()
        };
        let moment_before = at("2026-03-29 00:59") + TimeDelta::seconds(30);
        let before = plan(&moment_before, &quiet, &[ana()], &[], None);
        assert_eq!(before.send, None);
        let jump = at("2026-03-29 02:00");
        assert_eq!(before.wake_at, jump.with_timezone(&Utc));
        assert!(plan(&jump, &quiet, &[ana()], &[], None).send.is_some());
    }

    #[test]
    fn on_the_night_clocks_go_back_the_repeated_hour_sends_once() {
        // London, 25 October 2026: 02:00 BST becomes 01:00 GMT; 01:30 happens twice.
        let quiet = NudgeSettings {
            quiet_hours: Some(QuietHours {
                from_minute: 21 * 60,
                until_minute: 90,
            }),
            ..settings()
        };
        let first = at("2026-10-25 01:30");
        assert!(plan(&first, &quiet, &[ana()], &[], None).send.is_some());
        let second = first + TimeDelta::hours(1);
        assert_eq!(second.format("%H:%M").to_string(), "01:30");
        assert_eq!(
            plan(&second, &quiet, &[ana()], &[sent(first, &[1])], None).send,
            None,
            "the same local day: no second nudge"
        );
    }

    #[test]
    fn a_snoozed_mentor_is_left_alone_until_the_snooze_ends() {
        let snoozed = Candidate {
            snoozed_until: Some(day("2026-11-07")),
            ..ana()
        };
        let during = plan(
            &at("2026-11-06 10:00"),
            &settings(),
            std::slice::from_ref(&snoozed),
            &[],
            None,
        );
        assert_eq!(during.send, None);
        assert_eq!(
            during.wake_at,
            at("2026-11-06 10:01").with_timezone(&Utc),
            "still wakes within a minute"
        );
        assert!(
            plan(&at("2026-11-07 08:00"), &settings(), &[snoozed], &[], None)
                .send
                .is_some(),
            "the snooze ended at midnight; quiet hours at 08:00"
        );
    }

    #[test]
    fn pausing_all_nudges_holds_everything_until_the_day_they_resume() {
        let paused = NudgeSettings {
            paused_until: Some(day("2026-11-20")),
            ..settings()
        };
        assert_eq!(
            plan(&at("2026-11-19 12:00"), &paused, &[ana()], &[], None).send,
            None
        );
        assert!(
            plan(&at("2026-11-20 08:00"), &paused, &[ana()], &[], None)
                .send
                .is_some()
        );
    }

    #[test]
    fn after_a_long_sleep_the_due_nudge_is_sent_once_not_once_per_missed_day() {
        // Last nudge a week ago; the laptop slept since. On wake, one nudge…
        let week_ago = [sent(at("2026-10-29 09:00"), &[1])];
        let wake = at("2026-11-05 10:17");
        let first = plan(&wake, &settings(), &[ana()], &week_ago, None)
            .send
            .expect("the nudge is not lost");
        // …and once it is recorded, nothing more that day.
        let recorded = [week_ago[0].clone(), sent(wake, &first.mentor_ids)];
        let again = plan(
            &(wake + TimeDelta::seconds(1)),
            &settings(),
            &[ana()],
            &recorded,
            None,
        );
        assert_eq!(again.send, None, "never doubled");
    }

    #[test]
    fn a_clock_set_back_a_day_does_not_nudge_the_same_mentor_again() {
        let already = [sent(at("2026-11-05 10:00"), &[1])];
        let set_back = plan(
            &at("2026-11-04 12:00"),
            &settings(),
            &[ana()],
            &already,
            None,
        );
        assert_eq!(
            set_back.send, None,
            "sent 'tomorrow' by the clock: still sent"
        );
    }

    #[test]
    fn flying_east_overnight_does_not_start_a_new_day_of_nudges() {
        // Nudged at 09:00 in London, then a night flight to Tokyo (UTC+9): fifteen hours
        // later the clock reads 09:00 the next day there.
        let already = [sent(at("2026-11-05 09:00"), &[1])];
        let tokyo = chrono::FixedOffset::east_opt(9 * 3600).expect("offset");
        let landed = (at("2026-11-05 09:00") + TimeDelta::hours(15)).with_timezone(&tokyo);
        assert_eq!(
            landed.date_naive(),
            day("2026-11-06"),
            "a new calendar day there"
        );
        let plan_now = plan(&landed, &settings(), &[ana()], &already, None);
        assert_eq!(plan_now.send, None, "but not a new 24 hours");
        let day_later = at("2026-11-06 09:00").with_timezone(&tokyo);
        assert!(
            plan(&day_later, &settings(), &[ana()], &already, None)
                .send
                .is_some(),
            "a day later in real time, nudged again"
        );
    }

    #[test]
    fn an_undelivered_nudge_is_shown_again_for_the_mentors_still_due() {
        let due = [ana(), candidate(2, "Ben", DueStatus::Due, "2026-10-08")];
        let again = resend(&[1], &due, true, day("2026-11-05")).expect("Ana is still due");
        assert_eq!(again.mentor_ids, vec![1]);
        assert_eq!(again.title, "Time to catch up with Ana");
        assert_eq!(
            resend(&[3], &due, true, day("2026-11-05")),
            None,
            "no longer due"
        );
    }

    #[test]
    fn a_failed_delivery_is_retried_after_the_wait_and_not_before() {
        let failed_at = at("2026-11-05 09:00");
        let retry_at = failed_at.with_timezone(&Utc) + RETRY_AFTER;
        let waiting = plan(
            &(failed_at + TimeDelta::seconds(30)),
            &settings(),
            &[ana()],
            &[],
            Some(retry_at),
        );
        assert_eq!(waiting.send, None, "not before the retry time");
        assert!(waiting.wake_at <= retry_at);
        let retried = plan(
            &(failed_at + RETRY_AFTER),
            &settings(),
            &[ana()],
            &[],
            Some(retry_at),
        );
        assert!(retried.send.is_some(), "the nudge was not marked sent");
    }

    #[test]
    fn a_retry_time_left_ahead_by_a_clock_set_back_does_not_hold_nudges_for_hours() {
        // A send fails at 14:00, so the retry is due at 14:05 by the clock; half a minute
        // later the clock is set back three hours. Waiting for "14:05" would hold every
        // nudge for three hours more than the retry wait.
        let failed_at = at("2026-06-10 14:00");
        let retry_at = failed_at.with_timezone(&Utc) + RETRY_AFTER;
        let set_back = failed_at + TimeDelta::seconds(30) - TimeDelta::hours(3);
        let plan_now = plan(&set_back, &settings(), &[ana()], &[], Some(retry_at));
        assert!(
            plan_now.send.is_some(),
            "a retry time further ahead than the retry wait is not waited for"
        );
    }

    #[test]
    fn on_the_day_clocks_go_back_a_mentor_is_nudged_once_in_its_twenty_five_hours() {
        // London, 25 October 2026 lasts 25 hours: a nudge just after midnight and 23:00
        // that evening are 24 hours apart, on the same local day.
        let never_quiet = NudgeSettings {
            quiet_hours: None,
            ..settings()
        };
        let midnight = at("2026-10-25 00:00");
        let evening = at("2026-10-25 23:00");
        assert_eq!(evening - midnight, TimeDelta::hours(24));
        let plan_now = plan(
            &evening,
            &never_quiet,
            &[ana()],
            &[sent(midnight, &[1])],
            None,
        );
        assert_eq!(plan_now.send, None, "already nudged today");
        assert!(
            plan(
                &at("2026-10-26 00:00"),
                &never_quiet,
                &[ana()],
                &[sent(midnight, &[1])],
                None
            )
            .send
            .is_some(),
            "the next day, nudged again"
        );
    }

    #[test]
    fn the_loop_always_wakes_within_a_minute_and_exactly_at_midnight() {
        let now = at("2026-11-05 23:59");
        let plan_now = plan(&now, &settings(), &[], &[], None);
        assert_eq!(plan_now.send, None);
        assert_eq!(plan_now.wake_at, at("2026-11-06 00:00").with_timezone(&Utc));
        let noon = at("2026-11-05 12:00");
        assert_eq!(
            plan(&noon, &settings(), &[], &[], None).wake_at,
            noon.with_timezone(&Utc) + LONGEST_SLEEP
        );
    }

    #[test]
    fn while_locked_nudges_still_come_on_time_by_count_only_and_never_double() {
        let mut schedule = LockedSchedule {
            settings: NudgeSettings::default(),
            mentors: vec![
                Scheduled {
                    mentor_id: 1,
                    due_on: day("2026-11-06"),
                    overdue_from: day("2026-11-20"),
                    snoozed_until: None,
                    review_from: None,
                },
                Scheduled {
                    mentor_id: 2,
                    due_on: day("2026-11-06"),
                    overdue_from: day("2026-11-20"),
                    snoozed_until: None,
                    review_from: Some(day("2026-11-01")),
                },
            ],
            sent: vec![sent(at("2026-11-05 09:00"), &[1])],
            unrecorded: Vec::new(),
        };
        schedule.settings.show_names = false;
        assert_eq!(
            schedule.plan(&at("2026-11-05 12:00"), None).send,
            None,
            "not due yet, and already nudged today"
        );
        let nudge = schedule
            .plan(&at("2026-11-06 09:00"), None)
            .send
            .expect("Ana comes due while the app is locked");
        assert_eq!(
            nudge.mentor_ids,
            vec![1],
            "the one under review is left out"
        );
        assert_eq!(nudge.title, "Time to catch up with a mentor");
        schedule.sent(&nudge, at("2026-11-06 09:00").with_timezone(&Utc));
        assert_eq!(schedule.unrecorded.len(), 1, "to write on unlock");
        assert_eq!(schedule.plan(&at("2026-11-06 15:00"), None).send, None);
    }

    #[test]
    fn snooze_choices_land_on_the_expected_days() {
        let thursday = day("2026-11-05");
        assert_eq!(
            snoozed_until(Snooze::Tomorrow, thursday).ok(),
            Some(day("2026-11-06"))
        );
        assert_eq!(
            snoozed_until(Snooze::ThisWeekend, thursday).ok(),
            Some(day("2026-11-07"))
        );
        assert_eq!(
            snoozed_until(Snooze::NextWeek, thursday).ok(),
            Some(day("2026-11-09"))
        );
        let saturday = day("2026-11-07");
        assert_eq!(
            snoozed_until(Snooze::ThisWeekend, saturday).ok(),
            Some(day("2026-11-14")),
            "on a Saturday, the weekend after"
        );
        assert!(snoozed_until(Snooze::Until(thursday), thursday).is_err());
        assert!(snoozed_until(Snooze::Until(day("2028-01-01")), thursday).is_err());
    }

    #[test]
    fn settings_are_checked_field_by_field() {
        let today = day("2026-11-05");
        let field = |settings: NudgeSettings| match validate_settings(&settings, today) {
            Err(Error::Invalid { field, .. }) => Some(field),
            _ => None,
        };
        assert_eq!(field(settings()), None, "the defaults are valid");
        let same = Some(QuietHours {
            from_minute: 600,
            until_minute: 600,
        });
        assert_eq!(
            field(NudgeSettings {
                quiet_hours: same,
                ..settings()
            }),
            Some("quietHours")
        );
        assert_eq!(
            field(NudgeSettings {
                daily_cap: 0,
                ..settings()
            }),
            Some("dailyCap")
        );
        assert_eq!(
            field(NudgeSettings {
                paused_until: Some(today),
                ..settings()
            }),
            Some("pausedUntil")
        );
    }

    #[test]
    fn how_long_reads_like_a_person_speaks() {
        let today = day("2026-11-05");
        let since = |days: u64| today - Days::new(days);
        assert_eq!(how_long(since(1), today), "1 day");
        assert_eq!(how_long(since(10), today), "10 days");
        assert_eq!(how_long(since(35), today), "5 weeks");
        assert_eq!(how_long(since(95), today), "3 months");
        assert_eq!(how_long(since(800), today), "2 years");
    }
}
