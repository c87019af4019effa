//! A circle written by the first release (commit e5c99fd, schema version 1) opens in this
//! build with all its data, after a "before upgrade" backup; and a circle from a newer
//! app than this one is refused and left as it was.
//!
//! The fixture, `tests/fixtures/first-release/`, was written by that release's own code
//! (its README says how). It is copied into a temporary folder for every test and never
//! opened in place. The expected values below are what the fixture program wrote, with
//! the changes the migrations promise: "coffee" became in person and "call" phone
//! (schema 2), archived mentors became alumni, a mentor's agreement started the day they
//! were added and allows a gap as long as its cadence, and "(sample)" mentors are marked
//! as the sample circle.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use mentor_core::backups::BackupKind;
use mentor_core::journal::{HitKind, SearchQuery};
use mentor_core::key::KeySource;
use mentor_core::key::MemorySecretStore;
use mentor_core::model::{
    Agreement, CatchUp, CoMentoring, Contact, Mentor, MentorChecks, MentorDraft, MentorStatus,
    Mode, Role, Section, Term,
};
use mentor_core::store::SCHEMA_VERSION;
use mentor_core::{DbKey, Error, LockReason, SecretStore, Vault};

mod common;
use common::{day, raw_connection};

/// The fixture folder, in the workspace's `tests/fixtures`.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/first-release")
}

/// The day the tests look at the circle (after every day in the fixture).
fn today() -> NaiveDate {
    day("2026-11-22")
}

/// The key as the first release kept it in the OS keyring: the entry's secret is the
/// key's 32 raw bytes (what `KeyringStore::load` hands to `DbKey::from_bytes`).
fn fixture_key() -> DbKey {
    let secret = fs::read(fixture().join("keyring-secret.bin")).expect("the fixture's key");
    DbKey::from_bytes(&secret).expect("the keyring secret is 32 bytes")
}

/// A copy of the fixture's data folder (the database and its header, as the app keeps
/// them) in a temporary folder, and a keyring holding its key under the header's vault
/// id, as the app's keyring entry does.
fn copy_of_fixture() -> (tempfile::TempDir, Vault, MemorySecretStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    fs::create_dir(&data).expect("data folder");
    for name in ["circle.db", "vault.json"] {
        fs::copy(fixture().join(name), data.join(name)).expect("copy the fixture");
    }
    let vault = Vault::new(&data);
    let header = vault.header().expect("readable header").expect("a header");
    assert_eq!(header.format, 1);
    assert_eq!(header.key_source, KeySource::Keyring);
    assert_eq!(header.kdf, None);
    let keyring = MemorySecretStore::default();
    keyring
        .save(&header.vault_id, &fixture_key())
        .expect("keep the key");
    (dir, vault, keyring)
}

fn user_version(conn: &rusqlite::Connection) -> i64 {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
        .expect("user_version")
}

/// Checks that two snapshots from [`files`] are the same, naming what differs.
fn assert_same_files(after: &[(PathBuf, Vec<u8>)], before: &[(PathBuf, Vec<u8>)], what: &str) {
    let listing = |files: &[(PathBuf, Vec<u8>)]| -> Vec<(PathBuf, usize)> {
        files
            .iter()
            .map(|(path, bytes)| (path.clone(), bytes.len()))
            .collect()
    };
    assert_eq!(listing(after), listing(before), "{what}: files and sizes");
    for ((path, after), (_, before)) in after.iter().zip(before) {
        assert!(after == before, "{what}: {} changed", path.display());
    }
}

/// Every file under `dir` with its bytes, by path.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut all = Vec::new();
    for entry in fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            all.extend(files(&path));
        } else {
            let bytes = fs::read(&path).expect("file");
            all.push((path, bytes));
        }
    }
    all.sort();
    all
}

/// A mentor as the first release wrote them, upgraded: the old fields kept, the new
/// ones at the values the migrations give.
#[allow(clippy::too_many_arguments)]
fn upgraded(
    id: i64,
    name: &str,
    organisation: &str,
    roles: &[Role],
    cadence_days: u32,
    mode: Mode,
    added_on: &str,
    status: MentorStatus,
    sample: bool,
) -> Mentor {
    Mentor {
        id,
        added_on: day(added_on),
        sample,
        details: MentorDraft {
            name: name.into(),
            organisation: organisation.into(),
            roles: roles.to_vec(),
            same_company: false,
            expertise: String::new(),
            how_we_met: String::new(),
            contact: Contact::default(),
            status,
            checks: MentorChecks::default(),
            agreement: Agreement {
                cadence_days,
                max_gap_days: cadence_days,
                modes: vec![mode],
                term: Term::Ongoing,
                starts_on: day(added_on),
                review_on: None,
                situation: String::new(),
                purposes: Vec::new(),
                own_purpose: String::new(),
                confidentiality: String::new(),
            },
        },
        co_mentoring: CoMentoring::default(),
    }
}

/// Every mentor the fixture program wrote, by id.
fn expected_mentors() -> Vec<Mentor> {
    use MentorStatus::{Active, Alumni};
    use Role::*;
    vec![
        // The first release's sample circle, loaded on 2026-01-05.
        upgraded(
            1,
            "Ana Sousa (sample)",
            "Northwind Labs",
            &[Adviser, SuccessPartner],
            28,
            Mode::Video,
            "2025-10-07",
            Active,
            true,
        ),
        // Was "coffee"; archived on 2026-02-01.
        upgraded(
            2,
            "Ben Okafor (sample)",
            "City Product Guild",
            &[NetworkConnector],
            42,
            Mode::InPerson,
            "2025-10-07",
            Alumni,
            true,
        ),
        // Was "call".
        upgraded(
            3,
            "Chloé Martin (sample)",
            "",
            &[Peer, EmotionalConnector],
            14,
            Mode::Phone,
            "2025-10-07",
            Active,
            true,
        ),
        // Added with a 21-day cadence, changed to 30 days on 2026-03-01.
        upgraded(
            4,
            "Zoë Ångström",
            "Nordljus AB",
            &[Adviser, Insider],
            30,
            Mode::Video,
            "2026-01-12",
            Active,
            false,
        ),
        // Archived on 2026-07-01.
        upgraded(
            5,
            "Dana O'Neill",
            "Old Firm & Co.",
            &[Insider],
            90,
            Mode::Email,
            "2026-01-20",
            Alumni,
            false,
        ),
        upgraded(
            6,
            "Ana Sousa",
            "Sousa & Filhos, Lda.",
            &[SuccessPartner, Adviser],
            28,
            Mode::InPerson,
            "2026-02-02",
            Active,
            false,
        ),
        upgraded(
            7,
            "José Müller-Şahin",
            "Café Zürich GmbH",
            &[Peer, EmotionalConnector, IdeaPerson],
            14,
            Mode::Message,
            "2026-04-01",
            Active,
            false,
        ),
        // No catch-up (one logged by mistake was deleted).
        upgraded(
            8,
            "Ben Adeyemi",
            "",
            &[NetworkConnector],
            42,
            Mode::Phone,
            "2026-06-15",
            Active,
            false,
        ),
    ]
}

/// Every catch-up the fixture program wrote, by id. Catch-up 10 took the id of the
/// deleted mistake, as SQLite reuses the highest rowid.
fn expected_catch_ups() -> Vec<CatchUp> {
    let catch_up = |id, mentor_id, date: &str, mode, note: &str| CatchUp {
        id,
        mentor_id,
        date: day(date),
        mode,
        note: note.into(),
    };
    vec![
        catch_up(
            1,
            1,
            "2025-12-03",
            Mode::Video,
            "Talked through the team-lead move.",
        ),
        catch_up(2, 1, "2025-11-02", Mode::Video, "Agreed to meet monthly."),
        catch_up(
            3,
            2,
            "2025-11-29",
            Mode::InPerson,
            "Offered two introductions.",
        ),
        catch_up(
            4,
            3,
            "2026-01-02",
            Mode::Phone,
            "Swapped notes on a hard week.",
        ),
        catch_up(
            5,
            4,
            "2026-02-10",
            Mode::Video,
            "Första samtalet: talked through the move to Stockholm.",
        ),
        // Logged as 2026-03-02 and corrected.
        catch_up(
            6,
            6,
            "2026-03-03",
            Mode::InPerson,
            "Agreed to meet monthly; saudade de Lisboa 🇵🇹",
        ),
        catch_up(
            7,
            5,
            "2026-03-10",
            Mode::Phone,
            "Dana's last project: O'Reilly book club 📚",
        ),
        catch_up(
            8,
            7,
            "2026-04-15",
            Mode::Message,
            "Quick check-in — “smart quotes”, ‘apostrophes’ & <angle brackets>",
        ),
        catch_up(
            9,
            4,
            "2026-05-19",
            Mode::Video,
            "Årsplan reviewed — she said «less, but better».",
        ),
        catch_up(
            10,
            6,
            "2026-08-25",
            Mode::Phone,
            "Talked through the team-lead move.\nNext: draft the 30-60-90 plan.",
        ),
        catch_up(
            11,
            4,
            "2026-09-08",
            Mode::InPerson,
            "Fika at Södermalm ☕🎉 the promotion case is in!",
        ),
        catch_up(12, 7, "2026-09-29", Mode::Email, ""),
    ]
}

/// The day of each mentor's last catch-up, by mentor id.
fn expected_last_catch_ups() -> Vec<(i64, Option<NaiveDate>)> {
    vec![
        (1, Some(day("2025-12-03"))),
        (2, Some(day("2025-11-29"))),
        (3, Some(day("2026-01-02"))),
        (4, Some(day("2026-09-08"))),
        (5, Some(day("2026-03-10"))),
        (6, Some(day("2026-08-25"))),
        (7, Some(day("2026-09-29"))),
        (8, None),
    ]
}

fn search(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        tag: None,
        mentor_id: None,
        from: None,
        to: None,
    }
}

#[test]
fn the_fixture_folder_holds_only_the_files_needed() {
    let mut names: Vec<String> = fs::read_dir(fixture())
        .expect("fixture folder")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["README.md", "circle.db", "keyring-secret.bin", "vault.json"],
        "no -wal or -shm beside the database: it was closed and checkpointed"
    );
    let database = fs::read(fixture().join("circle.db")).expect("database");
    assert!(
        !database.starts_with(b"SQLite format 3"),
        "the first release's database is encrypted"
    );
    let (_dir, vault, _keyring) = copy_of_fixture();
    let conn = raw_connection(&vault.database_path(), &fixture_key());
    assert_eq!(user_version(&conn), 1, "written at schema version 1");
}

#[test]
fn a_circle_from_the_first_release_opens_upgraded_with_all_its_data() {
    let fixture_before = files(&fixture());
    let (_dir, vault, keyring) = copy_of_fixture();
    assert!(vault.backups().expect("no backups yet").is_empty());

    // As the app opens it: the vault, with the key from the keyring.
    let store = vault
        .open(&keyring)
        .expect("the first release's circle opens");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);

    assert_eq!(store.mentors().expect("mentors"), expected_mentors());
    let mut catch_ups: Vec<CatchUp> = expected_mentors()
        .iter()
        .flat_map(|mentor| store.catch_ups(mentor.id).expect("catch-ups"))
        .collect();
    catch_ups.sort_by_key(|catch_up| catch_up.id);
    assert_eq!(catch_ups, expected_catch_ups());
    // Newest first on a mentor's page, which also reads everything added since.
    let zoe = store.mentor_page(4, today()).expect("Zoë's page");
    assert_eq!(
        zoe.catch_ups.iter().map(|c| c.id).collect::<Vec<_>>(),
        [11, 9, 5]
    );
    assert_eq!(zoe.last_catch_up, Some(day("2026-09-08")));

    // The circle and the home screen read the upgraded rows.
    let mut circle = store.circle(today()).expect("circle");
    assert_eq!(circle.len(), 8, "everyone, alumni included");
    circle.sort_by_key(|member| member.mentor.id);
    assert_eq!(
        circle
            .iter()
            .map(|member| (member.mentor.id, member.last_catch_up))
            .collect::<Vec<_>>(),
        expected_last_catch_ups()
    );
    assert!(circle.iter().all(|member| !member.review_due));
    let home = store.home(today()).expect("home");
    assert_eq!((home.everyone, home.paused, home.samples), (8, 0, 3));
    let sections: Vec<(Section, u32, Vec<i64>)> = home
        .sections
        .iter()
        .map(|section| {
            let mut ids: Vec<i64> = section.members.iter().map(|m| m.mentor.id).collect();
            ids.sort_unstable();
            (section.key, section.total, ids)
        })
        .collect();
    assert_eq!(
        sections,
        [
            (Section::Overdue, 6, vec![1, 3, 4, 6, 7, 8]),
            // Alumni are on a yearly cadence from their last catch-up.
            (Section::Week, 1, vec![2]),
            (Section::Later, 1, vec![5]),
        ]
    );
    assert!(store.has_sample().expect("sample flag"));

    // Old notes and names are in the search index the upgrade built.
    let hits = store.search(&search("sodermalm")).expect("search");
    assert_eq!(
        hits.iter()
            .map(|hit| (hit.kind, hit.id, hit.mentor_id))
            .collect::<Vec<_>>(),
        [(HitKind::CatchUp, 11, Some(4))]
    );
    let hits = store.search(&search("Ångström")).expect("search");
    assert_eq!(
        hits.iter()
            .map(|hit| (hit.kind, hit.id))
            .collect::<Vec<_>>(),
        [(HitKind::Mentor, 4)]
    );

    // The database as it was went into the backups first, and opens.
    let copies = vault.backups().expect("backups");
    assert_eq!(copies.len(), 1, "one copy before the upgrade");
    assert_eq!(copies[0].kind, BackupKind::BeforeUpgrade);
    let preview = vault
        .preview_backup(&store, &copies[0].path, None)
        .expect("the copy opens with the circle's key");
    assert_eq!(
        preview.mentors,
        [
            "Ana Sousa",
            "Ana Sousa (sample)",
            "Ben Adeyemi",
            "Ben Okafor (sample)",
            "Chloé Martin (sample)",
            "Dana O'Neill",
            "José Müller-Şahin",
            "Zoë Ångström",
        ]
    );
    assert_eq!(preview.catch_ups, 12);
    assert_eq!(
        (preview.journal_entries, preview.goals, preview.prospects),
        (0, 0, 0)
    );
    assert_eq!(preview.latest_day, Some(day("2026-09-29")));
    let copy = raw_connection(&copies[0].path, &fixture_key());
    assert_eq!(
        user_version(&copy),
        1,
        "the copy is the circle before the upgrade"
    );
    drop(copy);
    drop(store);

    // A second open finds nothing to upgrade and makes no second copy.
    let store = vault.open(&keyring).expect("opens again");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    assert_eq!(vault.backups().expect("backups"), copies);
    assert_eq!(store.mentors().expect("mentors"), expected_mentors());
    drop(store);

    assert_same_files(
        &files(&fixture()),
        &fixture_before,
        "the fixture is never touched",
    );
}

#[test]
fn a_circle_from_a_newer_app_is_refused_and_left_byte_for_byte() {
    let (dir, vault, keyring) = copy_of_fixture();
    let data = dir.path().join("data");
    drop(vault.open(&keyring).expect("upgraded by this build"));
    {
        // A newer app's circle: this one's, with a schema version this build does not
        // know, under the same key. Closing the last connection folds the journal in.
        let conn = raw_connection(&vault.database_path(), &fixture_key());
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .expect("bump the version");
    }
    let before = files(&data);
    let names = |files: &[(PathBuf, Vec<u8>)]| -> Vec<String> {
        files
            .iter()
            .map(|(path, _)| {
                path.strip_prefix(&data)
                    .expect("inside")
                    .display()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(
        names(&before).len(),
        3,
        "the database (version bumped in the file itself, no -wal), the header and one \
         backup: {:?}",
        names(&before)
    );

    match vault.open(&keyring) {
        Err(Error::Locked(LockReason::NewerVersion)) => {}
        other => panic!(
            "a newer circle must be refused as newer, got {:?}",
            other.map(|_| ())
        ),
    }
    // Every file that was there is byte for byte as it was. The refused open does leave
    // SQLite's `circle.db-wal` (empty) and `circle.db-shm` behind: the database is in WAL
    // mode, and a connection closed with SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE (set until the
    // version is accepted) skips the checkpoint that would delete them. Nothing is written
    // to them; they are allowed here, and only they.
    let after: Vec<(PathBuf, Vec<u8>)> = files(&data)
        .into_iter()
        .filter(|(path, bytes)| {
            let name = path.file_name().expect("name").to_string_lossy();
            let journal = name == "circle.db-shm" || name == "circle.db-wal";
            if name == "circle.db-wal" {
                assert!(bytes.is_empty(), "nothing written to the journal");
            }
            !journal
        })
        .collect();
    assert_same_files(
        &after,
        &before,
        "the database, its header and its backups are left as they were",
    );
    assert_eq!(vault.backups().expect("backups").len(), 1, "no new backup");
    let conn = raw_connection(&vault.database_path(), &fixture_key());
    assert_eq!(user_version(&conn), SCHEMA_VERSION + 1);
}
