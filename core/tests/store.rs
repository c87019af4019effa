//! The encrypted store as the shell uses it: opening, migrating, refusing, and the
//! circle's reads and writes with their validation.

use chrono::NaiveDate;
use mentor_core::model::{
    Agreement, CatchUpDraft, DueStatus, GapKind, MentorDraft, MentorStatus, Mode, Purpose, Role,
    Term,
};
use mentor_core::store::SCHEMA_VERSION;
use mentor_core::{DbKey, Error, LockReason, Store};

mod common;
use common::day;

fn key(byte: u8) -> DbKey {
    DbKey::from_bytes(&[byte; 32]).expect("32 bytes")
}

/// Ana: every 4 weeks, never more than 6, by video, ongoing.
fn ana() -> MentorDraft {
    let mut agreement = Agreement::ongoing(28, 42, Mode::Video, day("2026-01-01"));
    agreement.purposes = vec![Purpose::SkillsFeedback];
    let mut draft = MentorDraft::new("Ana", vec![Role::Adviser], agreement);
    draft.organisation = "Northwind".into();
    draft
}

fn named(name: &str, cadence_days: u32, max_gap_days: u32) -> MentorDraft {
    let mut draft = ana();
    draft.name = name.into();
    draft.agreement.cadence_days = cadence_days;
    draft.agreement.max_gap_days = max_gap_days;
    draft
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
    assert_eq!(
        store.mentor(mentor.id).expect("still there").details.name,
        "Ana"
    );
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
fn adding_editing_and_changing_the_status_of_a_mentor() {
    let (_dir, mut store) = open_new();
    let mut draft = ana();
    draft.name = "  Ana  ".into();
    draft.roles = vec![Role::Adviser, Role::Peer, Role::Adviser];
    draft.agreement.modes = vec![Mode::Video, Mode::InPerson, Mode::Video];
    draft.contact.linkedin = " https://www.linkedin.com/in/ana-sousa ".into();
    draft.checks.time.met = true;
    draft.checks.time.note = "Has an hour a month".into();
    let added = store.add_mentor(&draft, day("2026-11-01")).expect("added");
    let details = &added.details;
    assert_eq!(details.name, "Ana", "names are trimmed");
    assert_eq!(
        details.roles,
        vec![Role::Adviser, Role::Peer],
        "roles keep their order, without repeats"
    );
    assert_eq!(details.agreement.modes, vec![Mode::Video, Mode::InPerson]);
    assert_eq!(
        details.contact.linkedin,
        "https://www.linkedin.com/in/ana-sousa"
    );
    assert!(details.checks.time.met && details.checks.time.note == "Has an hour a month");
    assert_eq!(added.added_on, day("2026-11-01"));
    assert!(!added.sample);

    draft.name = "Ana Sousa".into();
    draft.agreement.cadence_days = 21;
    draft.agreement.term = Term::FixedPeriod;
    draft.agreement.review_on = Some(day("2027-01-01"));
    draft.same_company = true;
    let edited = store.update_mentor(added.id, &draft).expect("edited");
    let mut want = draft.clone();
    want.name = "Ana Sousa".into();
    want.roles = vec![Role::Adviser, Role::Peer];
    want.agreement.modes = vec![Mode::Video, Mode::InPerson];
    want.contact.linkedin = "https://www.linkedin.com/in/ana-sousa".into();
    assert_eq!(edited.details, want, "every field round-trips");

    let today = day("2026-11-02");
    let paused = store
        .set_status(added.id, MentorStatus::Paused)
        .expect("paused");
    assert_eq!(paused.details.status, MentorStatus::Paused);
    assert_eq!(
        store.circle(today).expect("circle")[0].cadence,
        None,
        "paused: never due"
    );
    store
        .set_status(added.id, MentorStatus::Alumni)
        .expect("alumni");
    let alumni = &store.circle(today).expect("circle")[0];
    assert_eq!(
        alumni.cadence.map(|c| c.due_on),
        Some(day("2027-11-01")),
        "alumni: a yearly update"
    );
    assert!(matches!(
        store.set_status(404, MentorStatus::Active),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn an_agreement_past_its_review_date_is_listed_for_review_and_can_be_renewed() {
    let (_dir, mut store) = open_new();
    let mut draft = ana();
    draft.agreement.term = Term::FixedPeriod;
    draft.agreement.starts_on = day("2026-01-01");
    draft.agreement.review_on = Some(day("2026-04-01"));
    let mentor = store.add_mentor(&draft, day("2026-01-01")).expect("added");
    let before = &store.circle(day("2026-03-31")).expect("circle")[0];
    assert!(!before.review_due);
    let due = &store.circle(day("2026-04-01")).expect("circle")[0];
    assert!(due.review_due, "the review date has come");

    let renewed = store
        .renew_agreement(mentor.id, day("2026-04-03"))
        .expect("renewed");
    let agreement = &renewed.details.agreement;
    assert_eq!(agreement.starts_on, day("2026-04-03"));
    assert_eq!(
        agreement.review_on,
        Some(day("2026-07-02")),
        "the same 90 days again"
    );
    assert!(!store.circle(day("2026-04-03")).expect("circle")[0].review_due);

    let ongoing = store
        .add_mentor(&named("Ben", 7, 7), day("2026-01-01"))
        .expect("added");
    assert!(matches!(
        store.renew_agreement(ongoing.id, day("2026-04-03")),
        Err(Error::Conflict(_))
    ));
}

#[test]
fn invalid_mentors_are_refused_with_the_field_at_fault_and_nothing_is_written() {
    let (_dir, mut store) = open_new();
    let today = day("2026-11-01");
    type Spoil = fn(&mut MentorDraft);
    let cases: [(Spoil, &str); 19] = [
        (|d| d.name = "   ".into(), "name"),
        (|d| d.name = "x".repeat(121), "name"),
        (|d| d.organisation = "x".repeat(121), "organisation"),
        (|d| d.roles.clear(), "roles"),
        (|d| d.agreement.cadence_days = 0, "cadenceDays"),
        (|d| d.agreement.cadence_days = 10_000, "cadenceDays"),
        (|d| d.agreement.max_gap_days = 27, "maxGapDays"),
        (|d| d.agreement.max_gap_days = 5000, "maxGapDays"),
        (|d| d.agreement.modes.clear(), "modes"),
        (
            |d| d.agreement.review_on = Some(day("2025-12-31")),
            "reviewOn",
        ),
        (|d| d.agreement.term = Term::FixedPeriod, "reviewOn"),
        (|d| d.agreement.term = Term::OneOff, "situation"),
        (|d| d.agreement.starts_on = day("1850-01-01"), "startsOn"),
        (
            |d| d.contact.linkedin = "linkedin.com/in/ana".into(),
            "linkedin",
        ),
        (
            |d| d.contact.linkedin = "https://exa mple.com".into(),
            "linkedin",
        ),
        (
            |d| d.contact.linkedin = "javascript:alert(1)".into(),
            "linkedin",
        ),
        (|d| d.contact.email = "ana.example.com".into(), "email"),
        (|d| d.contact.phone = "call me maybe".into(), "phone"),
        (|d| d.checks.values.note = "x".repeat(1001), "checkValues"),
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
    draft.name = "Ana Sousa".into();
    draft.agreement.max_gap_days = 7;
    assert_eq!(
        invalid_field(store.update_mentor(kept.id, &draft)),
        "maxGapDays"
    );
    assert_eq!(
        store.mentor(kept.id).expect("mentor"),
        kept,
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
        before.cadence.map(|c| c.status),
        Some(DueStatus::Due),
        "due since 29 Oct (4 weeks), overdue from 13 Nov (6 weeks)"
    );
    assert_eq!(before.last_catch_up, None);

    let draft = CatchUpDraft {
        mentor_id: mentor.id,
        date: today,
        mode: Mode::InPerson,
        note: " Good talk. ".into(),
        discussed: Vec::new(),
        reported_back: Vec::new(),
    };
    let logged = store.log_catch_up(&draft, today).expect("logged");
    assert_eq!(logged.note, "Good talk.");
    let after = store.circle(today).expect("circle")[0].clone();
    let cadence = after.cadence.expect("active mentors have a cadence");
    assert_eq!(cadence.status, DueStatus::Ok);
    assert_eq!(cadence.due_on, day("2026-12-03"));
    assert_eq!(after.last_catch_up, Some(today));

    // Deleting the latest catch-up brings back exactly the state before it.
    store.remove_catch_up(logged.id).expect("deleted");
    assert_eq!(&store.circle(today).expect("circle")[0], before);
}

#[test]
fn deleting_the_latest_of_several_catch_ups_restores_the_previous_one() {
    let (_dir, mut store) = open_new();
    let mentor = store
        .add_mentor(&named("Ana", 14, 28), day("2026-09-01"))
        .expect("added");
    let today = day("2026-11-05");
    let log = |store: &mut Store, date: &str| {
        let draft = CatchUpDraft {
            mentor_id: mentor.id,
            date: day(date),
            mode: Mode::Video,
            note: String::new(),
            discussed: Vec::new(),
            reported_back: Vec::new(),
        };
        store.log_catch_up(&draft, today).expect("logged")
    };
    log(&mut store, "2026-10-01");
    let before = store.mentor_page(mentor.id, today).expect("page");
    assert_eq!(before.cadence.map(|c| c.status), Some(DueStatus::Overdue));
    let latest = log(&mut store, "2026-11-01");
    assert_eq!(
        store
            .mentor_page(mentor.id, today)
            .expect("page")
            .cadence
            .map(|c| c.status),
        Some(DueStatus::Ok)
    );
    store.remove_catch_up(latest.id).expect("deleted");
    assert_eq!(store.mentor_page(mentor.id, today).expect("page"), before);
}

#[test]
fn catch_ups_can_be_edited_and_deleted() {
    let (_dir, mut store) = open_new();
    let mentor = store.add_mentor(&ana(), day("2026-10-01")).expect("added");
    let today = day("2026-11-05");
    let mut draft = CatchUpDraft {
        mentor_id: mentor.id,
        date: day("2026-11-01"),
        mode: Mode::Phone,
        note: "a".into(),
        discussed: Vec::new(),
        reported_back: Vec::new(),
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

    let deleted = store.remove_catch_up(second.id).expect("deleted");
    assert_eq!(deleted.id, second.id);
    assert_eq!(store.catch_ups(mentor.id).expect("list").len(), 1);
    assert!(matches!(
        store.remove_catch_up(second.id),
        Err(Error::NotFound(_))
    ));
}

/// The home screen reads each mentor's last catch-up from their row (schema 8); it must
/// follow every log, correction, move to another mentor and deletion.
#[test]
fn the_last_catch_up_the_circle_shows_follows_every_change() {
    let (_dir, mut store) = open_new();
    let ana = store
        .add_mentor(&named("Ana", 14, 28), day("2026-09-01"))
        .expect("added");
    let ben = store
        .add_mentor(&named("Ben", 14, 28), day("2026-09-01"))
        .expect("added");
    let today = day("2026-11-05");
    let last = |store: &Store| -> Vec<(String, Option<NaiveDate>)> {
        let mut circle: Vec<_> = store
            .circle(today)
            .expect("circle")
            .into_iter()
            .map(|member| (member.mentor.name, member.last_catch_up))
            .collect();
        circle.sort();
        circle
    };
    let mut draft = CatchUpDraft {
        mentor_id: ana.id,
        date: day("2026-10-01"),
        mode: Mode::Video,
        note: String::new(),
        discussed: Vec::new(),
        reported_back: Vec::new(),
    };
    store.log_catch_up(&draft, today).expect("logged");
    draft.date = day("2026-11-01");
    let latest = store.log_catch_up(&draft, today).expect("logged");
    let named = |ana: Option<&str>, ben: Option<&str>| {
        vec![
            ("Ana".to_string(), ana.map(day)),
            ("Ben".to_string(), ben.map(day)),
        ]
    };
    assert_eq!(last(&store), named(Some("2026-11-01"), None));

    // Moved to Ben: Ana falls back to her earlier one.
    draft.mentor_id = ben.id;
    store
        .update_catch_up(latest.id, &draft, today)
        .expect("moved");
    assert_eq!(last(&store), named(Some("2026-10-01"), Some("2026-11-01")));

    // Redated, then deleted.
    draft.date = day("2026-10-15");
    store
        .update_catch_up(latest.id, &draft, today)
        .expect("redated");
    assert_eq!(last(&store), named(Some("2026-10-01"), Some("2026-10-15")));
    store.remove_catch_up(latest.id).expect("deleted");
    assert_eq!(last(&store), named(Some("2026-10-01"), None));
}

#[test]
fn invalid_catch_ups_are_refused_and_nothing_is_written() {
    let (_dir, mut store) = open_new();
    let mentor = store.add_mentor(&ana(), day("2026-10-01")).expect("added");
    let today = day("2026-11-05");
    let future = CatchUpDraft {
        mentor_id: mentor.id,
        date: day("2026-11-06"),
        mode: Mode::Phone,
        note: String::new(),
        discussed: Vec::new(),
        reported_back: Vec::new(),
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
        store
            .add_mentor(&named(name, cadence, cadence), day(added))
            .expect("added");
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
fn the_sample_circle_is_marked_and_removed_in_one_action_leaving_the_users_own() {
    let (_dir, mut store) = open_new();
    let today = day("2026-11-05");
    let own = store.add_mentor(&ana(), today).expect("own mentor");
    mentor_core::sample::add_sample_circle(&mut store, today).expect("samples");
    assert!(store.has_sample().expect("has sample"));
    let circle = store.circle(today).expect("circle");
    let samples: Vec<_> = circle.iter().filter(|m| m.mentor.sample).collect();
    assert_eq!(samples.len(), 6);
    assert!(
        samples
            .iter()
            .all(|m| m.last_catch_up.is_some_and(|d| d <= today))
    );
    let statuses: Vec<_> = samples
        .iter()
        .map(|m| (m.review_due, m.cadence.map(|c| c.status)))
        .collect();
    for wanted in [
        (false, Some(DueStatus::Overdue)),
        (false, Some(DueStatus::Due)),
        (false, Some(DueStatus::DueSoon)),
        (true, Some(DueStatus::Ok)),
        (false, None),
    ] {
        assert!(
            statuses.contains(&wanted),
            "the sample shows {wanted:?}: {statuses:?}"
        );
    }
    assert!(
        matches!(
            mentor_core::sample::add_sample_circle(&mut store, today),
            Err(Error::Conflict(_))
        ),
        "loading twice is refused"
    );

    assert_eq!(store.remove_sample_circle().expect("removed"), 6);
    let left = store.circle(today).expect("circle");
    assert_eq!(left.len(), 1);
    assert_eq!(store.mentor(left[0].mentor.id).expect("mentor"), own);
    assert!(!store.has_sample().expect("has sample"));
}

#[test]
fn circle_health_counts_active_mentors_roles_and_same_company() {
    let (_dir, mut store) = open_new();
    let today = day("2026-11-05");
    let health = store.circle_health().expect("health");
    assert_eq!(
        (
            health.active,
            health.recommended_active,
            health.missing.len()
        ),
        (0, 3, 7)
    );

    let mut insider = named("Ben", 30, 60);
    insider.roles = vec![Role::Insider, Role::Peer];
    insider.same_company = true;
    store.add_mentor(&insider, today).expect("added");
    store.add_mentor(&ana(), today).expect("added");
    let mut paused = named("Cleo", 30, 60);
    paused.roles = vec![Role::IdeaPerson];
    paused.status = MentorStatus::Paused;
    store.add_mentor(&paused, today).expect("added");

    let health = store.circle_health().expect("health");
    assert_eq!(
        (
            health.active,
            health.paused,
            health.alumni,
            health.same_company
        ),
        (2, 1, 0, 1)
    );
    assert_eq!(
        health.missing,
        vec![
            Role::NetworkConnector,
            Role::IdeaPerson,
            Role::EmotionalConnector,
            Role::SuccessPartner
        ],
        "a paused mentor's role is not covered"
    );
    let peers = health
        .coverage
        .iter()
        .find(|c| c.role == Role::Peer)
        .expect("peer row");
    assert_eq!(peers.mentors, 1);
}

#[test]
fn a_mentor_page_has_a_timeline_of_gaps_against_the_agreement() {
    let (_dir, mut store) = open_new();
    let mentor = store
        .add_mentor(&named("Ana", 14, 28), day("2026-09-01"))
        .expect("added");
    let today = day("2026-11-05");
    for date in ["2026-09-10", "2026-10-20"] {
        let draft = CatchUpDraft {
            mentor_id: mentor.id,
            date: day(date),
            mode: Mode::Video,
            note: String::new(),
            discussed: Vec::new(),
            reported_back: Vec::new(),
        };
        store.log_catch_up(&draft, today).expect("logged");
    }
    let page = store.mentor_page(mentor.id, today).expect("page");
    let kinds: Vec<_> = page
        .timeline
        .iter()
        .map(|g| (g.days, g.kind, g.open))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (9, GapKind::WithinCadence, false),
            (40, GapKind::PastMaxGap, false),
            (16, GapKind::PastCadence, true)
        ]
    );
}

/// A circle saved by the first release (schema 1) opens in this one with nothing lost:
/// modes take their new names, archived mentors become alumni, samples are recognised.
#[test]
fn a_schema_1_circle_is_migrated_without_losing_anything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("circle.db");
    {
        let conn = rusqlite::Connection::open(&path).expect("open raw");
        conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", "01".repeat(32)))
            .expect("key");
        conn.execute_batch(mentor_core::store::MIGRATIONS[0])
            .expect("schema 1");
        conn.execute_batch(
            "INSERT INTO mentor (id, name, organisation, cadence_days, preferred_mode, added_on, archived_at)
                VALUES (1, 'Ana', 'Northwind', 28, 'coffee', '2026-01-05', NULL),
                       (2, 'Ben (sample)', '', 14, 'call', '2026-02-01', '2026-03-01T10:00:00Z');
             INSERT INTO mentor_role VALUES (1, 'adviser', 0), (2, 'peer', 0), (2, 'insider', 1);
             INSERT INTO catch_up (mentor_id, happened_on, mode, note) VALUES (1, '2026-02-01', 'call', 'kept');
             PRAGMA user_version = 1;",
        ).expect("schema 1 data");
    }
    let store = Store::open(&path, &key(1)).expect("opens and migrates");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    let ana = store.mentor(1).expect("Ana");
    assert_eq!(ana.details.agreement.modes, vec![Mode::InPerson]);
    assert_eq!(
        (
            ana.details.agreement.cadence_days,
            ana.details.agreement.max_gap_days
        ),
        (28, 28)
    );
    assert_eq!(
        (ana.details.status, ana.details.agreement.starts_on),
        (MentorStatus::Active, day("2026-01-05"))
    );
    let ben = store.mentor(2).expect("Ben");
    assert_eq!(
        (ben.details.status, ben.sample),
        (MentorStatus::Alumni, true)
    );
    assert_eq!(ben.details.roles, vec![Role::Peer, Role::Insider]);
    let catch_ups = store.catch_ups(1).expect("catch-ups");
    assert_eq!(
        (catch_ups[0].mode, catch_ups[0].note.as_str()),
        (Mode::Phone, "kept")
    );
    // Notes and profiles written before the journal existed are in its search index.
    let found = |text: &str| {
        store
            .search(&mentor_core::journal::SearchQuery {
                text: text.into(),
                ..Default::default()
            })
            .expect("search")
            .len()
    };
    assert_eq!(found("kept"), 1, "an old catch-up note is searchable");
    assert_eq!(found("northwind"), 1, "an old profile is searchable");
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
