//! Nudge state in the real encrypted store: settings, snoozes, the record of what was
//! sent (which keeps the planner from doubling a nudge) and the history the user reads.

use chrono::{DateTime, TimeZone, Utc};
use mentor_core::model::{Agreement, CatchUpDraft, MentorDraft, Mode, Role};
use mentor_core::nudges::{self, NudgeOutcome, NudgeSettings, QuietHours, Snooze};
use mentor_core::{Error, Store};

mod common;
use common::{day, open_new};

fn utc(text: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(
        &chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("valid time"),
    )
}

/// A mentor who joined on `joined` with a 28-day cadence and a 42-day longest gap.
fn add(store: &mut Store, name: &str, joined: &str) -> i64 {
    let agreement = Agreement::ongoing(28, 42, Mode::Video, day(joined));
    let draft = MentorDraft::new(name, vec![Role::Adviser], agreement);
    store
        .add_mentor(&draft, day(joined))
        .expect("mentor added")
        .id
}

#[test]
fn settings_default_until_saved_and_are_validated_before_saving() {
    let (_dir, mut store) = open_new();
    assert_eq!(
        store.nudge_settings().expect("read"),
        NudgeSettings::default()
    );
    let mine = NudgeSettings {
        quiet_hours: Some(QuietHours {
            from_minute: 22 * 60,
            until_minute: 7 * 60,
        }),
        daily_cap: 1,
        show_names: false,
        paused_until: Some(day("2026-12-01")),
    };
    store
        .set_nudge_settings(&mine, day("2026-11-22"))
        .expect("valid settings save");
    assert_eq!(store.nudge_settings().expect("read"), mine);
    let bad = NudgeSettings {
        daily_cap: 0,
        ..mine
    };
    assert!(matches!(
        store.set_nudge_settings(&bad, day("2026-11-22")),
        Err(Error::Invalid {
            field: "dailyCap",
            ..
        })
    ));
    assert_eq!(
        store.nudge_settings().expect("read"),
        mine,
        "a refused save changes nothing"
    );
    assert!(!store.start_at_login_asked().expect("read"));
    store.set_start_at_login_asked().expect("saved");
    assert!(store.start_at_login_asked().expect("read"));
}

#[test]
fn only_due_mentors_are_candidates_and_a_snooze_travels_with_them() {
    let (_dir, mut store) = open_new();
    let ana = add(&mut store, "Ana", "2026-09-01");
    add(&mut store, "Ben", "2026-11-20");
    let today = day("2026-11-22");
    let candidates = store.nudge_candidates(today).expect("candidates");
    assert_eq!(
        candidates
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["Ana"],
        "Ben joined two days ago and is not due"
    );
    assert_eq!(candidates[0].snoozed_until, None);

    assert_eq!(
        store
            .snooze(ana, Some(Snooze::Until(day("2026-11-24"))), today)
            .expect("snoozed"),
        Some(day("2026-11-24"))
    );
    assert!(matches!(
        store.snooze(ana, Some(Snooze::Until(today)), today),
        Err(Error::Invalid {
            field: "snoozeUntil",
            ..
        })
    ));
    let candidates = store.nudge_candidates(today).expect("candidates");
    assert_eq!(candidates[0].snoozed_until, Some(day("2026-11-24")));
    let page = store.mentor_page(ana, today).expect("page");
    assert_eq!(page.snoozed_until, Some(day("2026-11-24")));
    let later = store.mentor_page(ana, day("2026-11-25")).expect("page");
    assert_eq!(later.snoozed_until, None, "an ended snooze is not shown");

    store.snooze(ana, None, today).expect("unsnoozed");
    assert_eq!(
        store.mentor_page(ana, today).expect("page").snoozed_until,
        None
    );
    assert!(matches!(
        store.snooze(999, None, today),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn a_recorded_nudge_is_counted_as_sent_and_a_failed_one_is_forgotten() {
    let (_dir, mut store) = open_new();
    let ana = add(&mut store, "Ana", "2026-09-01");
    let today = day("2026-11-22");
    let candidates = store.nudge_candidates(today).expect("candidates");
    let now = Utc.from_utc_datetime(&today.and_hms_opt(9, 0, 0).expect("time"));
    let plan = nudges::plan(&now, &NudgeSettings::default(), &candidates, &[], None);
    let first = plan.send.expect("Ana is overdue");

    // Delivery failed: forgotten, so the planner still wants to send it.
    let failed = store.record_nudge(&first, now, today).expect("recorded");
    store.forget_nudge(failed).expect("forgotten");
    let sent = store
        .nudges_since(now - chrono::TimeDelta::days(2))
        .expect("sent");
    assert!(sent.is_empty());

    // Delivered: recorded once, and the planner does not send it again today.
    let id = store.record_nudge(&first, now, today).expect("recorded");
    store.nudge_delivered(id).expect("delivered");
    let sent = store
        .nudges_since(now - chrono::TimeDelta::days(2))
        .expect("sent");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].mentor_ids, vec![ana]);
    assert_eq!(sent[0].at, now);
    let later = now + chrono::TimeDelta::hours(3);
    let again = nudges::plan(&later, &NudgeSettings::default(), &candidates, &sent, None);
    assert_eq!(again.send, None, "never doubled");
}

#[test]
fn the_history_says_when_for_whom_and_what_came_of_it() {
    let (_dir, mut store) = open_new();
    let ana = add(&mut store, "Ana", "2026-09-01");
    let ben = add(&mut store, "Ben", "2026-09-01");
    let digest = nudges::Nudge {
        mentor_ids: vec![ben, ana],
        title: "2 mentors are due for a catch-up".into(),
        body: "Ben and Ana".into(),
    };
    let first = store
        .record_nudge(&digest, utc("2026-11-20 08:00"), day("2026-11-20"))
        .expect("recorded");
    store.nudge_delivered(first).expect("delivered");
    let single = nudges::Nudge {
        mentor_ids: vec![ana],
        title: "Time to catch up with Ana".into(),
        body: String::new(),
    };
    let second = store
        .record_nudge(&single, utc("2026-11-21 08:00"), day("2026-11-21"))
        .expect("recorded");
    store.nudge_delivered(second).expect("delivered");
    store
        .set_nudge_outcome(second, NudgeOutcome::LoggedCatchUp)
        .expect("outcome");
    store
        .log_catch_up(
            &CatchUpDraft {
                mentor_id: ana,
                date: day("2026-11-21"),
                mode: Mode::Video,
                note: String::new(),
                discussed: Vec::new(),
                reported_back: Vec::new(),
            },
            day("2026-11-21"),
        )
        .expect("logged");

    let history = store.nudge_history(50).expect("history");
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].id, second, "newest first");
    assert_eq!(history[0].outcome, Some(NudgeOutcome::LoggedCatchUp));
    assert_eq!(history[0].mentors[0].caught_up_on, Some(day("2026-11-21")));
    assert_eq!(history[1].outcome, None);
    let names: Vec<&str> = history[1].mentors.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Ben", "Ana"], "in the digest's order");
    assert_eq!(history[1].mentors[0].caught_up_on, None, "Ben: nothing yet");
    assert_eq!(history[1].mentors[1].caught_up_on, Some(day("2026-11-21")));
    assert!(history.iter().all(|record| record.delivered));
    assert_eq!(store.nudge_history(1).expect("history").len(), 1);
    assert!(matches!(
        store.set_nudge_outcome(999, NudgeOutcome::Opened),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn removing_the_sample_circle_takes_its_nudges_with_it() {
    let (_dir, mut store) = open_new();
    mentor_core::sample::add_sample_circle(&mut store, day("2026-11-22")).expect("sample loads");
    let today = day("2026-11-22");
    let candidates = store.nudge_candidates(today).expect("candidates");
    assert!(!candidates.is_empty(), "the sample circle has due mentors");
    let nudge = nudges::Nudge {
        mentor_ids: candidates.iter().map(|c| c.mentor_id).collect(),
        title: String::new(),
        body: String::new(),
    };
    store
        .record_nudge(&nudge, utc("2026-11-22 09:00"), today)
        .expect("recorded");
    store.remove_sample_circle().expect("removed");
    assert!(store.nudge_history(50).expect("history").is_empty());
}

#[test]
fn snooze_a_day_on_a_digest_snoozes_everyone_in_it_until_tomorrow() {
    let (_dir, mut store) = open_new();
    let ana = add(&mut store, "Ana", "2026-09-01");
    let ben = add(&mut store, "Ben", "2026-09-01");
    let today = day("2026-11-22");
    let digest = nudges::Nudge {
        mentor_ids: vec![ana, ben],
        title: String::new(),
        body: String::new(),
    };
    let id = store
        .record_nudge(&digest, utc("2026-11-22 09:00"), today)
        .expect("recorded");
    store.snooze_nudge(id, today).expect("snoozed");
    let candidates = store.nudge_candidates(today).expect("candidates");
    assert!(
        candidates
            .iter()
            .all(|c| c.snoozed_until == Some(day("2026-11-23"))),
        "both snoozed until tomorrow: {candidates:?}"
    );
    let history = store.nudge_history(10).expect("history");
    assert_eq!(history[0].outcome, Some(NudgeOutcome::Snoozed));
    assert!(matches!(
        store.snooze_nudge(999, today),
        Err(Error::NotFound(_))
    ));
}
