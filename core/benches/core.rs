//! How fast the things the user waits on are: opening the encrypted circle, reading the
//! home screen, logging a catch-up, the cadence rule itself, and a pass of the nudge loop.
//! Run with `cargo bench -p mentor-core`.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use chrono::{TimeDelta, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use mentor_core::journal::{DraftOf, EntryContent, SearchQuery};
use mentor_core::key::MemorySecretStore;
use mentor_core::model::{Agreement, CatchUpDraft, DueStatus, MentorDraft, Mode, Role};
use mentor_core::nudge::{self, Candidate, NudgeSettings};
use mentor_core::{DbKey, Store, Vault, cadence};

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
                discussed: Vec::new(),
                reported_back: Vec::new(),
            };
            store.log_catch_up(&draft, today()).expect("log");
        }
    }
    follow_through(&mut store, 1);
    store
}

/// Years of follow-through with one mentor: 200 pieces of advice (half adopted, with an
/// outcome), 100 gives, 50 open questions and 20 goals with 10 progress notes each.
fn follow_through(store: &mut Store, mentor_id: i64) {
    use mentor_core::advice::{AdviceDraft, AdviceProgress, AdviceStatus};
    use mentor_core::agenda::AgendaDraft;
    use mentor_core::goal::GoalDraft;
    use mentor_core::gratitude::{GiveDraft, GiveKind, GiveState};
    let now = Utc::now();
    for index in 0..200u64 {
        let given_on = today()
            .checked_sub_days(Days::new(index * 3))
            .expect("date");
        let draft = AdviceDraft {
            mentor_id,
            given_on,
            text: format!("Advice number {index}"),
        };
        let advice = store.add_advice(&draft, today()).expect("advice");
        if index % 2 == 0 {
            let progress = AdviceProgress {
                status: AdviceStatus::Adopted,
                reason: String::new(),
                outcome: "It worked.".into(),
            };
            store
                .update_advice(advice.id, &progress, today())
                .expect("adopted");
        }
    }
    for index in 0..100u64 {
        let on = today()
            .checked_sub_days(Days::new(index * 5))
            .expect("date");
        let draft = GiveDraft {
            mentor_id,
            kind: GiveKind::Article,
            state: GiveState::Done,
            note: format!("Article {index}"),
            on,
        };
        store.add_give(&draft, today()).expect("give");
    }
    for index in 0..50 {
        let draft = AgendaDraft {
            mentor_id,
            text: format!("Question {index}"),
            from_entry: None,
        };
        store.add_agenda_item(&draft, now).expect("agenda");
    }
    for index in 0..20 {
        let draft = GoalDraft {
            title: format!("Goal {index}"),
            why: String::new(),
            target_on: None,
            mentor_ids: vec![mentor_id],
            from_entry: None,
        };
        let goal = store.add_goal(&draft, now, today()).expect("goal");
        for note in 0..10 {
            store
                .add_goal_progress(goal.id, &format!("Step {note}"), today())
                .expect("progress");
        }
    }
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
    c.bench_function(
        "mentor page: 100 catch-ups, 200 advice, 100 gives, 20 goals",
        |b| b.iter(|| store.mentor_page(1, today()).expect("page")),
    );
    c.bench_function("pre-meeting brief of that mentor, with its text", |b| {
        b.iter(|| store.brief(1, today()).expect("brief"))
    });
    c.bench_function("log a catch-up (one transaction, WAL)", |b| {
        let draft = CatchUpDraft {
            mentor_id: 1,
            date: today(),
            mode: Mode::InPerson,
            note: "Quick one.".into(),
            discussed: Vec::new(),
            reported_back: Vec::new(),
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
    // Unlocking in passphrase mode: Argon2id (64 MiB, 3 passes), then the same open.
    let passphrase_dir = dir.path().join("passphrase");
    let vault = Vault::new(&passphrase_dir);
    drop(
        vault
            .create_with_passphrase("a bench passphrase")
            .expect("created"),
    );
    let keyring = MemorySecretStore::default();
    let mut group = c.benchmark_group("unlock");
    group.sample_size(10);
    group.bench_function(
        "unlock with a passphrase (Argon2id 64 MiB x3, then open)",
        |b| {
            b.iter(|| {
                vault
                    .open_with_passphrase("a bench passphrase", &keyring)
                    .expect("opens")
            })
        },
    );
    group.finish();
}

/// A journal of 10,000 entries of 60 words each, from a fixed vocabulary and a fixed
/// seed, so every run searches the same text.
fn big_journal(store: &mut Store) {
    const WORDS: [&str; 24] = [
        "boss",
        "meeting",
        "promotion",
        "frustrated",
        "project",
        "team",
        "feedback",
        "career",
        "monday",
        "salary",
        "mentor",
        "advice",
        "deadline",
        "tired",
        "proud",
        "learning",
        "manager",
        "review",
        "change",
        "role",
        "client",
        "idea",
        "afraid",
        "ask",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let start = Utc.from_utc_datetime(&today().and_hms_opt(8, 0, 0).expect("time"));
    for index in 0..10_000i64 {
        let body: Vec<&str> = (0..60)
            .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
            .collect();
        let content = EntryContent {
            body: body.join(" "),
            tags: vec![WORDS[(next() % 4) as usize].to_string()],
            ..EntryContent::default()
        };
        let at = start - TimeDelta::hours(index);
        store
            .add_entry(&content, at, at.date_naive())
            .expect("entry");
    }
}

fn journal_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.db");
    let key = DbKey::generate().expect("key");
    let mut store = Store::open(&path, &key).expect("open");
    big_journal(&mut store);
    c.bench_function("search a journal of 10,000 entries: one word", |b| {
        let query = SearchQuery {
            text: "promot".into(),
            ..SearchQuery::default()
        };
        b.iter(|| store.search(black_box(&query)).expect("search"))
    });
    c.bench_function(
        "search a journal of 10,000 entries: two words, a tag",
        |b| {
            let query = SearchQuery {
                text: "frustrated boss".into(),
                tag: Some("meeting".into()),
                ..SearchQuery::default()
            };
            b.iter(|| store.search(black_box(&query)).expect("search"))
        },
    );
    // A large circle: 60 mentors, 6,000 catch-ups and this 10,000-entry journal.
    let mut circle = big_circle(&dir.path().join("large.db"), &key);
    big_journal(&mut circle);
    let backup = dir.path().join("large.backup");
    c.bench_function(
        "back up a large circle (60 mentors, 6,000 catch-ups, 10,000 entries)",
        |b| {
            b.iter(|| {
                let _ = std::fs::remove_file(&backup);
                circle.back_up_to(&backup).expect("backup")
            })
        },
    );
    let bytes = std::fs::metadata(&backup)
        .map(|meta| meta.len())
        .unwrap_or(0);
    println!("large circle backup: {:.1} MiB", bytes as f64 / 1_048_576.0);
    drop(circle);
    c.bench_function("autosave a draft of 2,000 characters", |b| {
        let content = EntryContent {
            body: "word ".repeat(400),
            ..EntryContent::default()
        };
        let now = Utc.from_utc_datetime(&today().and_hms_opt(12, 0, 0).expect("noon"));
        b.iter(|| {
            store
                .save_draft(DraftOf::NewEntry, &content, now)
                .expect("draft")
        })
    });
}

criterion_group! {
    name = core;
    config = Criterion::default().sample_size(30);
    targets = benches, journal_benches
}
criterion_main!(core);
