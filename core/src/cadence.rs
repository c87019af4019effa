//! When a mentor is due for a catch-up.
//!
//! Pure calendar arithmetic on the user's local days: "every 28 days" means 28 calendar
//! days on the wall calendar, whatever daylight saving does to the length of those days.
//! Callers turn instants into local days at the edge (see [`local_day`]) and never add
//! hours to instants.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};

use crate::model::{CadenceStatus, DueStatus, Gap, GapKind, Mentor, MentorStatus, MentorSummary};

/// An alumni mentor's slow cadence: a yearly update...
pub const ALUMNI_CADENCE_DAYS: u32 = 365;
/// ...and the longest gap before that update is overdue: fifteen months.
pub const ALUMNI_MAX_GAP_DAYS: u32 = 456;

/// How many days before the due day a mentor shows as "due soon": a quarter of the
/// cadence, at most a week, so a weekly cadence is not "due soon" half the time and a
/// yearly one is not flagged months ahead.
pub fn due_soon_window(cadence_days: u32) -> u32 {
    (cadence_days / 4).min(7)
}

/// Where a mentor stands on `today`, given the day the cadence counts from (the last
/// catch-up, or the day the mentor was added), the ideal cadence and the longest agreed
/// gap, in days. Ok → due soon → due (ideal cadence reached) → overdue (longest gap
/// passed). A `max_gap_days` below the cadence is treated as equal to it.
pub fn status(
    counts_from: NaiveDate,
    cadence_days: u32,
    max_gap_days: u32,
    today: NaiveDate,
) -> CadenceStatus {
    let due_on = add_days(counts_from, cadence_days);
    let overdue_from = add_days(
        counts_from,
        max_gap_days.max(cadence_days).saturating_add(1),
    );
    let days_until_due = (due_on - today).num_days();
    let soon = i64::from(due_soon_window(cadence_days));
    let (status, changes_on) = if today >= overdue_from {
        (DueStatus::Overdue, None)
    } else if days_until_due <= 0 {
        (DueStatus::Due, Some(overdue_from))
    } else if days_until_due <= soon {
        (DueStatus::DueSoon, Some(due_on))
    } else {
        let soon_from = due_on
            .checked_sub_days(Days::new(soon.unsigned_abs()))
            .unwrap_or(due_on);
        (DueStatus::Ok, Some(soon_from))
    };
    CadenceStatus {
        status,
        due_on,
        overdue_from,
        days_until_due,
        changes_on,
    }
}

/// The cadence a mentor is held to: the agreed one, the slow alumni one, or none while
/// paused.
pub fn effective_cadence(mentor: impl Into<Terms>) -> Option<(u32, u32)> {
    let terms = mentor.into();
    match terms.status {
        MentorStatus::Active => Some((terms.cadence_days, terms.max_gap_days)),
        MentorStatus::Paused => None,
        MentorStatus::Alumni => Some((ALUMNI_CADENCE_DAYS, ALUMNI_MAX_GAP_DAYS)),
    }
}

/// A mentor's cadence status on `today` (`None` while paused), and whether their
/// agreement is up for review. Only an active mentor's agreement asks for review: a
/// paused or alumni mentorship is not running on it.
pub fn standing(
    mentor: impl Into<Terms>,
    last_catch_up: Option<NaiveDate>,
    today: NaiveDate,
) -> (Option<CadenceStatus>, bool) {
    let terms = mentor.into();
    let counts_from = last_catch_up.unwrap_or(terms.added_on);
    let cadence = effective_cadence(terms)
        .map(|(cadence, max_gap)| status(counts_from, cadence, max_gap, today));
    let review_due = terms.status == MentorStatus::Active
        && terms.review_on.is_some_and(|review_on| review_on <= today);
    (cadence, review_due)
}

/// What the cadence rule needs to know of a mentor, from a whole [`Mentor`] or the
/// [`MentorSummary`] the lists read.
#[derive(Debug, Clone, Copy)]
pub struct Terms {
    pub status: MentorStatus,
    pub cadence_days: u32,
    pub max_gap_days: u32,
    pub review_on: Option<NaiveDate>,
    pub added_on: NaiveDate,
}

impl From<&Mentor> for Terms {
    fn from(mentor: &Mentor) -> Terms {
        let agreement = &mentor.details.agreement;
        Terms {
            status: mentor.details.status,
            cadence_days: agreement.cadence_days,
            max_gap_days: agreement.max_gap_days,
            review_on: agreement.review_on,
            added_on: mentor.added_on,
        }
    }
}

impl From<&MentorSummary> for Terms {
    fn from(mentor: &MentorSummary) -> Terms {
        Terms {
            status: mentor.status,
            cadence_days: mentor.cadence_days,
            max_gap_days: mentor.max_gap_days,
            review_on: mentor.review_on,
            added_on: mentor.added_on,
        }
    }
}

/// Whether a mentor should be reminded to the user as "time to catch up": due or
/// overdue, and not waiting for their agreement to be renewed or closed.
pub fn wants_catch_up(cadence: Option<&CadenceStatus>, review_due: bool) -> bool {
    !review_due && cadence.is_some_and(|c| matches!(c.status, DueStatus::Due | DueStatus::Overdue))
}

/// The gaps between contacts, oldest first: from `start` (the day the mentor joined) to
/// the first catch-up, between catch-ups, and from the last one to `today` (marked
/// open). Catch-up days may come in any order and may repeat; days before `start` move
/// the start back.
pub fn timeline(
    start: NaiveDate,
    catch_up_days: &[NaiveDate],
    cadence_days: u32,
    max_gap_days: u32,
    today: NaiveDate,
) -> Vec<Gap> {
    let mut days: Vec<NaiveDate> = catch_up_days.to_vec();
    days.sort_unstable();
    days.dedup();
    let first = days.first().map_or(start, |&first| first.min(start));
    let mut points = Vec::with_capacity(days.len() + 2);
    points.push(first);
    points.extend(days.into_iter().filter(|&day| day > first));
    let mut gaps: Vec<Gap> = points
        .windows(2)
        .map(|pair| gap(pair[0], pair[1], cadence_days, max_gap_days, false))
        .collect();
    if let Some(&last) = points.last()
        && today > last
    {
        gaps.push(gap(last, today, cadence_days, max_gap_days, true));
    }
    gaps
}

fn gap(from: NaiveDate, to: NaiveDate, cadence_days: u32, max_gap_days: u32, open: bool) -> Gap {
    let days = (to - from).num_days();
    let kind = if days > i64::from(max_gap_days.max(cadence_days)) {
        GapKind::PastMaxGap
    } else if days > i64::from(cadence_days) {
        GapKind::PastCadence
    } else {
        GapKind::WithinCadence
    };
    Gap {
        from,
        to,
        days,
        kind,
        open,
    }
}

/// The user's calendar day at `instant` in time zone `zone`.
pub fn local_day<Tz: TimeZone>(instant: DateTime<Utc>, zone: &Tz) -> NaiveDate {
    instant.with_timezone(zone).date_naive()
}

fn add_days(day: NaiveDate, days: u32) -> NaiveDate {
    // Only reachable near year 262143; saturating keeps the function total.
    day.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::London;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are valid")
    }

    #[test]
    fn status_table_covers_every_state_and_the_day_it_changes() {
        // (counts from, cadence, today, status, due on, days until due, changes on)
        let table = [
            (
                "2026-03-01",
                28,
                "2026-03-02",
                DueStatus::Ok,
                "2026-03-29",
                27,
                Some("2026-03-22"),
            ),
            (
                "2026-03-01",
                28,
                "2026-03-22",
                DueStatus::DueSoon,
                "2026-03-29",
                7,
                Some("2026-03-29"),
            ),
            (
                "2026-03-01",
                28,
                "2026-03-28",
                DueStatus::DueSoon,
                "2026-03-29",
                1,
                Some("2026-03-29"),
            ),
            (
                "2026-03-01",
                28,
                "2026-03-29",
                DueStatus::Due,
                "2026-03-29",
                0,
                Some("2026-03-30"),
            ),
            (
                "2026-03-01",
                28,
                "2026-03-30",
                DueStatus::Overdue,
                "2026-03-29",
                -1,
                None,
            ),
            (
                "2026-03-01",
                28,
                "2026-04-10",
                DueStatus::Overdue,
                "2026-03-29",
                -12,
                None,
            ),
            // A daily cadence has no "due soon": it is due the next day.
            (
                "2026-05-04",
                1,
                "2026-05-04",
                DueStatus::Ok,
                "2026-05-05",
                1,
                Some("2026-05-05"),
            ),
            (
                "2026-05-04",
                1,
                "2026-05-05",
                DueStatus::Due,
                "2026-05-05",
                0,
                Some("2026-05-06"),
            ),
        ];
        for (from, cadence, today, status, due_on, days, changes_on) in table {
            let got = super::status(day(from), cadence, cadence, day(today));
            let want = CadenceStatus {
                status,
                due_on: day(due_on),
                overdue_from: add_days(day(due_on), 1),
                days_until_due: days,
                changes_on: changes_on.map(day),
            };
            assert_eq!(got, want, "from {from}, every {cadence} days, on {today}");
        }
    }

    #[test]
    fn month_ends_and_leap_days_count_calendar_days() {
        let cases = [
            ("2026-01-31", 30, "2026-03-02"), // through a 28-day February
            ("2028-01-31", 30, "2028-03-01"), // through a leap-year February
            ("2028-02-29", 365, "2029-02-28"),
            ("2026-12-15", 28, "2027-01-12"), // across the year end
            ("2026-04-30", 1, "2026-05-01"),
        ];
        for (from, cadence, due_on) in cases {
            let got = super::status(day(from), cadence, cadence, day(from)).due_on;
            assert_eq!(got, day(due_on), "from {from}, every {cadence} days");
        }
    }

    #[test]
    fn a_dst_change_neither_shortens_nor_lengthens_the_cadence() {
        // Clocks in London go forward at 01:00 UTC on Sunday 29 March 2026, and back at
        // 01:00 UTC on Sunday 25 October 2026. A catch-up on 22 March with a weekly
        // cadence is due on 29 March, on the wall calendar.
        let caught_up = day("2026-03-22");
        // 23:30 UTC on 28 March is still 28 March in London (GMT).
        let late_saturday = Utc.with_ymd_and_hms(2026, 3, 28, 23, 30, 0).single();
        let late_saturday = late_saturday.expect("valid instant");
        let today = local_day(late_saturday, &London);
        assert_eq!(today, day("2026-03-28"));
        assert_eq!(
            super::status(caught_up, 7, 7, today).status,
            DueStatus::DueSoon
        );

        // 23:30 UTC on 29 March is already 30 March in London (BST, UTC+1): one day over,
        // although fewer than 8 × 24 hours have passed since midnight on the 22nd.
        let sunday_night = Utc.with_ymd_and_hms(2026, 3, 29, 23, 30, 0).single();
        let today = local_day(sunday_night.expect("valid instant"), &London);
        assert_eq!(today, day("2026-03-30"));
        let got = super::status(caught_up, 7, 7, today);
        assert_eq!((got.status, got.days_until_due), (DueStatus::Overdue, -1));

        // In autumn the 25-hour day is still one calendar day.
        let caught_up = day("2026-10-18");
        let just_after_midnight = Utc.with_ymd_and_hms(2026, 10, 24, 23, 5, 0).single();
        let today = local_day(just_after_midnight.expect("valid instant"), &London);
        assert_eq!(today, day("2026-10-25"), "00:05 BST is already the 25th");
        let got = super::status(caught_up, 7, 7, today);
        assert_eq!(
            (got.status, got.due_on),
            (DueStatus::Due, day("2026-10-25"))
        );
    }

    #[test]
    fn due_soon_window_is_a_quarter_of_the_cadence_capped_at_a_week() {
        assert_eq!(due_soon_window(1), 0);
        assert_eq!(due_soon_window(7), 1);
        assert_eq!(due_soon_window(14), 3);
        assert_eq!(due_soon_window(28), 7);
        assert_eq!(due_soon_window(365), 7);
    }
    #[test]
    fn two_thresholds_go_ok_then_due_soon_then_due_then_overdue() {
        // "Every 3 weeks, never more than 6", from 1 March.
        let from = day("2026-03-01");
        let on = |today: &str| super::status(from, 21, 42, day(today));
        assert_eq!(on("2026-03-10").status, DueStatus::Ok);
        assert_eq!(on("2026-03-17").status, DueStatus::DueSoon, "5 days ahead");
        let due = on("2026-03-22");
        assert_eq!(
            (due.status, due.days_until_due, due.changes_on),
            (DueStatus::Due, 0, Some(day("2026-04-13"))),
            "due on the ideal day, until the longest gap has passed"
        );
        let still_due = on("2026-04-12");
        assert_eq!(
            (still_due.status, still_due.days_until_due),
            (DueStatus::Due, -21),
            "42 days after is the last day within the agreement"
        );
        let over = on("2026-04-13");
        assert_eq!(
            (over.status, over.overdue_from, over.changes_on),
            (DueStatus::Overdue, day("2026-04-13"), None)
        );
    }

    fn mentor(status: MentorStatus, review_on: Option<&str>) -> Mentor {
        use crate::model::{Agreement, MentorDraft, Mode, Role, Term};
        let mut agreement = Agreement::ongoing(14, 28, Mode::Video, day("2026-01-01"));
        agreement.term = Term::FixedPeriod;
        agreement.review_on = review_on.map(day);
        let mut details = MentorDraft::new("Ana", vec![Role::Adviser], agreement);
        details.status = status;
        Mentor {
            id: 1,
            added_on: day("2026-01-01"),
            sample: false,
            details,
            co_mentoring: Default::default(),
        }
    }

    #[test]
    fn a_paused_mentor_is_never_due() {
        let paused = mentor(MentorStatus::Paused, Some("2026-02-01"));
        for today in ["2026-01-02", "2026-06-01", "2030-01-01"] {
            let (cadence, review_due) = standing(&paused, None, day(today));
            assert_eq!(cadence, None, "paused mentors have no cadence on {today}");
            assert!(!review_due, "a paused agreement does not ask for review");
            assert!(!wants_catch_up(cadence.as_ref(), review_due));
        }
    }

    #[test]
    fn an_alumni_mentor_follows_the_slow_yearly_cadence() {
        let alumni = mentor(MentorStatus::Alumni, Some("2026-02-01"));
        let last = Some(day("2026-03-01"));
        // Far past the agreed 4 weeks, well within a year.
        let (cadence, review_due) = standing(&alumni, last, day("2026-09-01"));
        assert_eq!(cadence.map(|c| c.status), Some(DueStatus::Ok));
        assert!(!review_due, "alumni agreements are closed, not reviewed");
        let (cadence, _) = standing(&alumni, last, day("2027-03-01"));
        assert_eq!(cadence.map(|c| c.status), Some(DueStatus::Due), "a year on");
        let (cadence, _) = standing(&alumni, last, day("2027-06-01"));
        assert_eq!(cadence.map(|c| c.status), Some(DueStatus::Overdue));
    }

    #[test]
    fn an_agreement_past_its_review_date_is_flagged_for_review_not_nudged() {
        let active = mentor(MentorStatus::Active, Some("2026-03-01"));
        let last = Some(day("2026-01-20"));
        let (cadence, review_due) = standing(&active, last, day("2026-02-28"));
        assert!(!review_due, "the day before the review date");
        assert!(
            wants_catch_up(cadence.as_ref(), review_due),
            "overdue, no review yet"
        );
        let (cadence, review_due) = standing(&active, last, day("2026-03-01"));
        assert!(review_due, "on the review date");
        assert_eq!(cadence.map(|c| c.status), Some(DueStatus::Overdue));
        assert!(
            !wants_catch_up(cadence.as_ref(), review_due),
            "an agreement up for review is not nudged"
        );
    }

    #[test]
    fn the_timeline_marks_gaps_past_the_cadence_and_past_the_longest_gap() {
        let catch_ups = [day("2026-01-15"), day("2026-03-20"), day("2026-02-01")];
        let gaps = timeline(day("2026-01-01"), &catch_ups, 14, 28, day("2026-04-10"));
        let got: Vec<(i64, GapKind, bool)> =
            gaps.iter().map(|g| (g.days, g.kind, g.open)).collect();
        assert_eq!(
            got,
            vec![
                (14, GapKind::WithinCadence, false),
                (17, GapKind::PastCadence, false),
                (47, GapKind::PastMaxGap, false),
                (21, GapKind::PastCadence, true),
            ]
        );
        assert_eq!(gaps[0].from, day("2026-01-01"));
        assert_eq!(gaps[3].to, day("2026-04-10"));
    }

    #[test]
    fn the_timeline_starts_at_a_catch_up_logged_before_the_mentor_was_added() {
        let gaps = timeline(
            day("2026-05-01"),
            &[day("2026-04-01"), day("2026-04-01")],
            30,
            30,
            day("2026-06-01"),
        );
        assert_eq!(
            gaps.len(),
            1,
            "one open gap, from April 1st to today: {gaps:?}"
        );
        assert_eq!((gaps[0].from, gaps[0].days), (day("2026-04-01"), 61));
        assert!(timeline(day("2026-05-01"), &[], 30, 30, day("2026-05-01")).is_empty());
    }
}
