//! Property tests of the cadence rules against a deliberately simple reference: count the
//! calendar days one by one and apply the thresholds. Random dates span month ends, leap
//! years and daylight-saving changes; random instants are turned into local days in real
//! time zones, so a cadence that crosses a DST change is checked to land on the same day
//! as the wall calendar says.

use chrono::{Days, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use mentor_core::cadence::{self, due_soon_window};
use mentor_core::model::DueStatus;
use proptest::prelude::*;

/// Days from `from` to `to`, counted one calendar day at a time.
fn days_by_counting(from: NaiveDate, to: NaiveDate) -> i64 {
    let (mut day, end, sign) = if from <= to {
        (from, to, 1)
    } else {
        (to, from, -1)
    };
    let mut count = 0;
    while day < end {
        day = day.succ_opt().expect("within chrono's range");
        count += 1;
    }
    sign * count
}

/// The rule as a person would state it, given the days since the last contact.
fn reference(elapsed: i64, cadence_days: u32, max_gap_days: u32) -> (DueStatus, i64) {
    let cadence = i64::from(cadence_days);
    let until_due = cadence - elapsed;
    let status = if elapsed > i64::from(max_gap_days) {
        DueStatus::Overdue
    } else if elapsed >= cadence {
        DueStatus::Due
    } else if until_due <= i64::from((cadence_days / 4).min(7)) {
        DueStatus::DueSoon
    } else {
        DueStatus::Ok
    };
    (status, until_due)
}

fn any_day() -> impl Strategy<Value = NaiveDate> {
    // 1990-01-01 .. 2100-12-31, as days from the common era.
    (726_468i32..767_009).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).expect("in range"))
}

/// An ideal cadence and a longest gap at least as long.
fn any_agreement() -> impl Strategy<Value = (u32, u32)> {
    (1u32..=730).prop_flat_map(|cadence| (Just(cadence), cadence..=cadence * 3))
}

/// Zones with daylight saving, whose clocks never skip midnight.
const ZONES: [Tz; 4] = [
    chrono_tz::Europe::London,
    chrono_tz::Europe::Berlin,
    chrono_tz::America::New_York,
    chrono_tz::Australia::Sydney,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn status_matches_counting_calendar_days(
        from in any_day(),
        (cadence, max_gap) in any_agreement(),
        offset in -30i64..2500,
    ) {
        let today = if offset >= 0 {
            from.checked_add_days(Days::new(offset as u64))
        } else {
            from.checked_sub_days(Days::new(offset.unsigned_abs()))
        }.expect("in range");
        let got = cadence::status(from, cadence, max_gap, today);
        let (status, until_due) = reference(days_by_counting(from, today), cadence, max_gap);
        prop_assert_eq!((got.status, got.days_until_due), (status, until_due),
            "from {} every {} never more than {}, on {}", from, cadence, max_gap, today);
        prop_assert_eq!(days_by_counting(from, got.due_on), i64::from(cadence));
        prop_assert_eq!(days_by_counting(from, got.overdue_from), i64::from(max_gap) + 1);
    }

    #[test]
    fn the_status_changes_exactly_on_the_day_it_says(
        from in any_day(),
        (cadence, max_gap) in any_agreement(),
        offset in 0u64..2000,
    ) {
        let today = from.checked_add_days(Days::new(offset)).expect("in range");
        let now = cadence::status(from, cadence, max_gap, today);
        match now.changes_on {
            None => prop_assert_eq!(now.status, DueStatus::Overdue),
            Some(change) => {
                prop_assert!(change > today);
                let before = change.pred_opt().expect("in range");
                prop_assert_eq!(cadence::status(from, cadence, max_gap, before).status, now.status);
                let after = cadence::status(from, cadence, max_gap, change).status;
                prop_assert!(after > now.status, "statuses only move forward: {:?} then {:?}", now.status, after);
            }
        }
    }

    #[test]
    fn logging_a_catch_up_resets_the_clock_to_that_day(
        day in any_day(),
        (cadence, max_gap) in any_agreement(),
    ) {
        let fresh = cadence::status(day, cadence, max_gap, day);
        prop_assert_eq!(fresh.status, DueStatus::Ok);
        prop_assert_eq!(fresh.days_until_due, i64::from(cadence));
        prop_assert!(due_soon_window(cadence) < cadence);
    }

    #[test]
    fn a_cadence_across_a_dst_change_lands_on_the_wall_calendar_day(
        zone in 0usize..ZONES.len(),
        from in any_day(),
        (cadence, max_gap) in any_agreement(),
        seconds_later in 0i64..(800 * 86_400),
    ) {
        let zone = ZONES[zone];
        // The instant the catch-up day began in that zone, and an instant some time later.
        let midnight = |day: NaiveDate| zone
            .from_local_datetime(&day.and_time(NaiveTime::MIN))
            .earliest()
            .expect("these zones never skip midnight")
            .with_timezone(&Utc);
        let start = midnight(from);
        let now = start + chrono::Duration::seconds(seconds_later);
        // Reference: how many local midnights have passed since the catch-up day began,
        // found by asking the zone for each midnight (no date subtraction involved).
        let mut elapsed = 0i64;
        let mut next = from.succ_opt().expect("in range");
        while midnight(next) <= now {
            elapsed += 1;
            next = next.succ_opt().expect("in range");
        }
        let today = cadence::local_day(now, &zone);
        let got = cadence::status(from, cadence, max_gap, today);
        prop_assert_eq!((got.status, got.days_until_due), reference(elapsed, cadence, max_gap),
            "{} in {}: from {} every {} (max {})", now, zone, from, cadence, max_gap);
    }
}
