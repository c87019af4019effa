//! The encrypted store as the shell uses it: opening, migrating, refusing, and the
//! circle's reads and writes with their validation.

use chrono::NaiveDate;
use mentor_core::model::{CatchUpDraft, DueStatus, MentorDraft, Mode, Role};
use mentor_core::store::SCHEMA_VERSION;
use mentor_core::{DbKey, Error, LockReason, Store};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are valid")
}

fn key(byte: u8) -> DbKey {
    DbKey::from_bytes(&[byte; 32]).expect("32 bytes")
}

fn ana() -> MentorDraft {
    MentorDraft {
        name: "Ana".into(),
        organisation: "Northwind".into(),
        roles: vec![Role::Adviser],
        cadence_days: 28,
        preferred_mode: Mode::Video,
    }
}

fn open_new() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("circle.db"), &key(1)).expect("new store opens");
    (dir, store)
}

fn invalid_field(result: Result<impl std::fmt::Debug, Error>) -> &'static str {
    match result {
        Err(Error::Invalid { field, .. }) => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn a_new_store_is_migrated_to_the_current_version_and_encrypted() {
    let (dir, store) = open_new();
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    drop(store);
    let bytes = std::fs::read(dir.path().join("circle.db")).expect("db file");
    assert!(
        !bytes.starts_with(b"SQLite format 3"),
        "the file must not be plain SQLite"
    );
}

#[test]
fn data_survives_closing_and_reopening_with_the_same_key() {
    let (dir, mut store) = open_new();
    let mentor = store.add_mentor(&ana(), day("2026-11-01")).expect("added");
    drop(store);
    let store = Store::open(&dir.path().join("circle.db"), &key(1)).expect("reopens");
    assert_eq!(store.mentor(mentor.id).expect("still there").name, "Ana");
}

#[test]
fn a_wrong_key_is_refused_and_the_file_is_left_untouched() {
    let (dir, mut store) = open_new();
    store.add_mentor(&ana(), day("2026-11-01")).expect("added");
    drop(store); // closing checkpoints the WAL into the main file
    let path = dir.path().join("circle.db");
    let before = std::fs::read(&path).expect("db bytes");
    match Store::open(&path, &key(2)) {
        Err(Error::Locked(LockReason::WrongKey)) => {}
        other => panic!("a wrong key must lock, got {:?}", other.map(|_| ())),
    }
    assert_eq!(
        std::fs::read(&path).expect("db bytes"),
        before,
        "a wrong key must not change the file"
    );
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_left_untouched() {
    let (dir, store) = open_new();
    drop(store);
    let path = dir.path().join("circle.db");
    {
        // Simulate a newer app: same key, a schema version this build does not know.
        let conn = rusqlite_for_test(&path);
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("bump version");
    }
    let before = std::fs::read(&path).expect("db bytes");
    match Store::open(&path, &key(1)) {
        Err(Error::Locked(LockReason::NewerVersion)) => {}
        other => panic!(
            "a newer schema must be refused, got {:?}",
            other.map(|_| ())
        ),
    }
    assert_eq!(
        std::fs::read(&path).expect("db bytes"),
        before,
        "a newer database must not be touched"
    );
}

/// A raw connection with the test key, as a newer app version would have.
fn rusqlite_for_test(path: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).expect("open raw");
    conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", "01".repeat(32)))
        .expect("key");
    conn.execute_batch("PRAGMA journal_mode = DELETE;")
        .expect("leave WAL so the bump lands in the file");
    conn
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("circle.db");
    std::fs::write(
        &path,
        b"this is not an encrypted database, just some bytes ".repeat(100),
    )
    .expect("write");
    let before = std::fs::read(&path).expect("bytes");
    assert!(
        matches!(Store::open(&path, &key(1)), Err(Error::Locked(_))),
        "garbage must lock"
    );
    assert_eq!(std::fs::read(&path).expect("bytes"), before);
}

#[test]
fn adding_editing_and_archiving_a_mentor() {
    let (_dir, mut store) = open_new();
    let mut draft = ana();
    draft.name = "  Ana  ".into();
    draft.roles = vec![Role::Adviser, Role::Peer, Role::Adviser];
    let added = store.add_mentor(&draft, day("2026-11-01")).expect("added");
    assert_eq!(added.name, "Ana", "names are trimmed");
    assert_eq!(
        added.roles,
        vec![Role::Adviser, Role::Peer],
        "roles keep their order, without repeats"
    );
    assert_eq!(added.added_on, day("2026-11-01"));

    draft.name = "Ana Sousa".into();
    draft.cadence_days = 21;
    let edited = store.update_mentor(added.id, &draft).expect("edited");
    assert_eq!(
        (edited.name.as_str(), edited.cadence_days),
        ("Ana Sousa", 21)
    );

    let archived = store.set_archived(added.id, true).expect("archived");
    assert!(archived.archived);
    assert!(
        store.circle(day("2026-11-02")).expect("circle").is_empty(),
        "archived mentors leave the circle"
    );
    assert_eq!(store.archived_mentors().expect("archived list").len(), 1);
    let restored = store.set_archived(added.id, false).expect("restored");
    assert!(!restored.archived);
    assert_eq!(store.circle(day("2026-11-02")).expect("circle").len(), 1);
}

#[test]
fn invalid_mentors_are_refused_with_the_field_at_fault_and_nothing_is_written() {
    let (_dir, mut store) = open_new();
    let today = day("2026-11-01");
    type Spoil = fn(&mut MentorDraft);
    let cases: [(Spoil, &str); 6] = [
        (|d| d.name = "   ".into(), "name"),
        (|d| d.name = "x".repeat(121), "name"),
        (|d| d.organisation = "x".repeat(121), "organisation"),
        (|d| d.roles.clear(), "roles"),
        (|d| d.cadence_days = 0, "cadenceDays"),
        (|d| d.cadence_days = 10_000, "cadenceDays"),
    ];
    for (spoil, field) in cases {
        let mut draft = ana();
        spoil(&mut draft);
        assert_eq!(invalid_field(store.add_mentor(&draft, today)), field);
    }
    assert!(
        store.circle(today).expect("circle").is_empty(),
        "no invalid mentor may be stored"
    );
    let kept = store.add_mentor(&ana(), today).expect("valid mentor");
    let mut draft = ana();
    draft.name = String::new();
    assert_eq!(invalid_field(store.update_mentor(kept.id, &draft)), "name");
    assert_eq!(
        store.mentor(kept.id).expect("mentor").name,
        "Ana",
        "a refused edit changes nothing"
    );
    assert!(matches!(
        store.update_mentor(9999, &ana()),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn logging_a_catch_up_resets_the_cadence_at_once() {
    let (_dir, mut store) = open_new();
    let mentor = store.add_mentor(&ana(), day("2026-10-01")).expect("added");
    let today = day("2026-11-05");
    let before = &store.circle(today).expect("circle")[0];
    assert_eq!(
        before.cadence.status,
        DueStatus::Overdue,
        "28 days from 1 Oct is 29 Oct"
    );
    assert_eq!(before.last_catch_up, None);

    let draft = CatchUpDraft {
        mentor_id: mentor.id,
        date: today,
        mode: Mode::Coffee,
        note: " Good talk. ".into(),
    };
    let logged = store.log_catch_up(&draft, today).expect("logged");
    assert_eq!(logged.note, "Good talk.");
    let after = &store.circle(today).expect("circle")[0];
    assert_eq!(after.cadence.status, DueStatus::Ok);
    assert_eq!(after.cadence.due_on, day("2026-12-03"));
    assert_eq!(after.last_catch_up, Some(today));
}

#[test]
fn catch_ups_can_be_edited_and_deleted() {
    let (_dir, mut store) = open_new();
    let mentor = store.add_mentor(&ana(), day("2026-10-01")).expect("added");
    let today = day("2026-11-05");
    let mut draft = CatchUpDraft {
        mentor_id: mentor.id,
        date: day("2026-11-01"),
        mode: Mode::Call,
        note: "a".into(),
    };
    let first = store.log_catch_up(&draft, today).expect("logged");
    draft.date = day("2026-11-03");
    let second = store.log_catch_up(&draft, today).expect("logged");
    let dates: Vec<_> = store
        .catch_ups(mentor.id)
        .expect("list")
        .iter()
        .map(|c| c.date)
        .collect();
    assert_eq!(
        dates,
        vec![day("2026-11-03"), day("2026-11-01")],
        "newest first"
    );

    draft.note = "edited".into();
    draft.date = day("2026-11-04");
    assert_eq!(
        store
            .update_catch_up(first.id, &draft, today)
            .expect("edited")
            .note,
        "edited"
    );
    let page = store.mentor_page(mentor.id, today).expect("page");
    assert_eq!(page.last_catch_up, Some(day("2026-11-04")));

    let deleted = store.delete_catch_up(second.id).expect("deleted");
    assert_eq!(deleted.id, second.id);
    assert_eq!(store.catch_ups(mentor.id).expect("list").len(), 1);
    assert!(matches!(
        store.delete_catch_up(second.id),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn invalid_catch_ups_are_refused_and_nothing_is_written() {
    let (_dir, mut store) = open_new();
    let mentor = store.add_mentor(&ana(), day("2026-10-01")).expect("added");
    let today = day("2026-11-05");
    let future = CatchUpDraft {
        mentor_id: mentor.id,
        date: day("2026-11-06"),
        mode: Mode::Call,
        note: String::new(),
    };
    assert_eq!(invalid_field(store.log_catch_up(&future, today)), "date");
    let long = CatchUpDraft {
        date: today,
        note: "x".repeat(4001),
        ..future.clone()
    };
    assert_eq!(invalid_field(store.log_catch_up(&long, today)), "note");
    let nobody = CatchUpDraft {
        mentor_id: 4242,
        date: today,
        ..future
    };
    assert!(matches!(
        store.log_catch_up(&nobody, today),
        Err(Error::NotFound(_))
    ));
    assert!(store.catch_ups(mentor.id).expect("list").is_empty());
}

#[test]
fn the_circle_is_sorted_most_urgent_first() {
    let (_dir, mut store) = open_new();
    let today = day("2026-11-05");
    for (name, cadence, added) in [
        ("Cleo", 90, "2026-11-01"),
        ("Ben", 7, "2026-10-01"),
        ("Ana", 28, "2026-10-09"),
    ] {
        let draft = MentorDraft {
            name: name.into(),
            cadence_days: cadence,
            ..ana()
        };
        store.add_mentor(&draft, day(added)).expect("added");
    }
    let names: Vec<_> = store
        .circle(today)
        .expect("circle")
        .into_iter()
        .map(|m| m.mentor.name)
        .collect();
    assert_eq!(
        names,
        vec!["Ben", "Ana", "Cleo"],
        "overdue, then due today, then later"
    );
}

#[test]
fn the_sample_circle_is_marked_and_dated_before_today() {
    let (_dir, mut store) = open_new();
    let today = day("2026-11-05");
    mentor_core::sample::add_sample_circle(&mut store, today).expect("samples");
    let circle = store.circle(today).expect("circle");
    assert_eq!(circle.len(), 3);
    assert!(circle.iter().all(|m| m.mentor.name.ends_with("(sample)")));
    assert!(
        circle
            .iter()
            .all(|m| m.last_catch_up.is_some_and(|d| d <= today))
    );
}

#[test]
fn a_wrong_key_after_a_crash_leaves_the_database_and_its_journal_untouched() {
    let (dir, mut store) = open_new();
    store.add_mentor(&ana(), day("2026-11-01")).expect("added");
    // Copy the files while the store is open, as a crash would leave them: the latest
    // writes are still only in the -wal journal.
    let crashed = tempfile::tempdir().expect("temp dir");
    for name in ["circle.db", "circle.db-wal", "circle.db-shm"] {
        std::fs::copy(dir.path().join(name), crashed.path().join(name)).expect("copy");
    }
    drop(store);
    let read_all = || {
        ["circle.db", "circle.db-wal"]
            .map(|name| std::fs::read(crashed.path().join(name)).expect("bytes"))
    };
    let before = read_all();
    let path = crashed.path().join("circle.db");
    assert!(matches!(
        Store::open(&path, &key(2)),
        Err(Error::Locked(LockReason::WrongKey))
    ));
    assert!(
        before == read_all(),
        "a wrong key must not checkpoint or rewrite anything"
    );
}
