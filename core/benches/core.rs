//! How fast the things the user waits on are: opening the encrypted circle, reading the
//! home screen, logging a catch-up, and the cadence rule itself.
//! Run with `cargo bench -p mentor-core`.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use mentor_core::model::{Agreement, CatchUpDraft, MentorDraft, Mode, Role};
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
