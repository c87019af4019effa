//! When a mentor is due for a catch-up.
//!
//! Pure calendar arithmetic on the user's local days: "every 28 days" means 28 calendar
//! days on the wall calendar, whatever daylight saving does to the length of those days.
//! Callers turn instants into local days at the edge (see [`local_day`]) and never add
//! hours to instants.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};

use crate::model::{CadenceStatus, DueStatus};

/// How many days before the due day a mentor shows as "due soon": a quarter of the
/// cadence, at most a week, so a weekly cadence is not "due soon" half the time and a
/// yearly one is not flagged months ahead.
pub fn due_soon_window(cadence_days: u32) -> u32 {
    (cadence_days / 4).min(7)
}

/// Where a mentor stands on `today`, given the day the cadence counts from (the last
/// catch-up, or the day the mentor was added) and the cadence in days.
pub fn status(counts_from: NaiveDate, cadence_days: u32, today: NaiveDate) -> CadenceStatus {
    let due_on = add_days(counts_from, cadence_days);
    let days_until_due = (due_on - today).num_days();
    let soon = i64::from(due_soon_window(cadence_days));
    let (status, changes_on) = if days_until_due < 0 {
        (DueStatus::Overdue, None)
    } else if days_until_due == 0 {
        (DueStatus::Due, Some(add_days(today, 1)))
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
        days_until_due,
        changes_on,
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
            let got = super::status(day(from), cadence, day(today));
            let want = CadenceStatus {
                status,
                due_on: day(due_on),
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
            let got = super::status(day(from), cadence, day(from)).due_on;
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
            super::status(caught_up, 7, today).status,
            DueStatus::DueSoon
        );

        // 23:30 UTC on 29 March is already 30 March in London (BST, UTC+1): one day over,
        // although fewer than 8 × 24 hours have passed since midnight on the 22nd.
        let sunday_night = Utc.with_ymd_and_hms(2026, 3, 29, 23, 30, 0).single();
        let today = local_day(sunday_night.expect("valid instant"), &London);
        assert_eq!(today, day("2026-03-30"));
        let got = super::status(caught_up, 7, today);
        assert_eq!((got.status, got.days_until_due), (DueStatus::Overdue, -1));

        // In autumn the 25-hour day is still one calendar day.
        let caught_up = day("2026-10-18");
        let just_after_midnight = Utc.with_ymd_and_hms(2026, 10, 24, 23, 5, 0).single();
        let today = local_day(just_after_midnight.expect("valid instant"), &London);
        assert_eq!(today, day("2026-10-25"), "00:05 BST is already the 25th");
        let got = super::status(caught_up, 7, today);
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
}
