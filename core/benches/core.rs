//! How fast the things the user waits on are: opening the encrypted circle, reading the
//! home screen, logging a catch-up, the cadence rule itself, and a pass of the nudge loop.
//! Run with `cargo bench -p mentor-core`.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use chrono::{TimeDelta, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use mentor_core::model::{Agreement, CatchUpDraft, DueStatus, MentorDraft, Mode, Role};
use mentor_core::nudge::{self, Candidate, NudgeSettings};
use mentor_core::{DbKey, Store, cadence};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date")
}

/// A circle bigger than anyone's: 60 mentors with 100 catch-ups each.
fn big_circle(path: &std::path::Path, key: &DbKey) -> Store {
    let mut store = Store::open(path, key).expect("open");
    for index in 0..60 {
        let cadence = 14 + index % 60;
        let agreement = Agreement::ongoing(cadence, cadence * 2, Mode::Video, today());
        let draft = MentorDraft::new(
            format!("Mentor {index}"),
            vec![Role::Adviser, Role::Peer],
            agreement,
        );
        let mentor = store.add_mentor(&draft, today()).expect("add");
        for days_ago in 0..100u64 {
            let date = today()
                .checked_sub_days(Days::new(days_ago * 3))
                .expect("date");
            let draft = CatchUpDraft {
                mentor_id: mentor.id,
                date,
                mode: Mode::Phone,
                note: "A short note.".into(),
            };
            store.log_catch_up(&draft, today()).expect("log");
        }
    }
    store
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("circle.db");
    let key = DbKey::generate().expect("key");
    let mut store = big_circle(&path, &key);

    c.bench_function("cadence status", |b| {
        b.iter(|| {
            cadence::status(
                black_box(today()),
                black_box(21),
                black_box(42),
                black_box(today()),
            )
        })
    });
    c.bench_function("home screen: circle of 60 mentors, 6000 catch-ups", |b| {
        b.iter(|| store.circle(today()).expect("circle"))
    });
    c.bench_function("circle health of 60 mentors", |b| {
        b.iter(|| store.circle_health().expect("health"))
    });
    c.bench_function("mentor page with 100 catch-ups", |b| {
        b.iter(|| store.mentor_page(1, today()).expect("page"))
    });
    c.bench_function("log a catch-up (one transaction, WAL)", |b| {
        let draft = CatchUpDraft {
            mentor_id: 1,
            date: today(),
            mode: Mode::InPerson,
            note: "Quick one.".into(),
        };
        b.iter(|| store.log_catch_up(&draft, today()).expect("log"))
    });
    c.bench_function("nudge planner: 60 mentors due at once (pure)", |b| {
        let candidates: Vec<Candidate> = (0..60)
            .map(|index| Candidate {
                mentor_id: index,
                name: format!("Mentor {index}"),
                status: DueStatus::Overdue,
                since: today() - Days::new(40 + index as u64),
                caught_up_before: true,
                snoozed_until: None,
            })
            .collect();
        let now = Utc.from_utc_datetime(&today().and_hms_opt(12, 0, 0).expect("noon"));
        let settings = NudgeSettings::default();
        b.iter(|| nudge::plan(black_box(&now), &settings, &candidates, &[], None))
    });
    c.bench_function(
        "nudge loop pass: settings, 60 mentors' standing, record, plan",
        |b| {
            let now = Utc.from_utc_datetime(&today().and_hms_opt(12, 0, 0).expect("noon"));
            b.iter(|| {
                let settings = store.nudge_settings().expect("settings");
                let candidates = store.nudge_candidates(today()).expect("candidates");
                let sent = store
                    .nudges_since(now - TimeDelta::days(2))
                    .expect("record");
                nudge::plan(&now, &settings, &candidates, &sent, None)
            })
        },
    );
    drop(store);
    c.bench_function("open the encrypted circle (raw key, schema check)", |b| {
        b.iter(|| Store::open(&path, &key).expect("open"))
    });
}

criterion_group! {
    name = core;
    config = Criterion::default().sample_size(30);
    targets = benches
}
criterion_main!(core);
