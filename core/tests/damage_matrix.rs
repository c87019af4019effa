//! The damage matrix: a circle's folder damaged in each way a disk, a crash, a copy or
//! a user can damage it, opened through the real `Vault`. Each row asserts the state the
//! app shows, and that every file in the folder is byte for byte as it was; the table is
//! printed (`cargo test -p mentor-core --test damage_matrix -- --nocapture`) and kept in
//! docs/reliability.md. The full-disk and read-only rows mount a small tmpfs, so they
//! need root; elsewhere they say so instead of passing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use mentor_core::key::MemorySecretStore;
use mentor_core::{Error, LockReason, SecretStore, Vault};

mod common;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).expect("date")
}

/// A keyring circle in `dir/data` with the sample mentors and a daily backup.
fn circle(dir: &Path) -> (Vault, MemorySecretStore) {
    let (vault, secrets, store) = common::sample_circle(dir, today());
    drop(store);
    (vault, secrets)
}

fn flip(path: &Path, at: u64) {
    let mut bytes = std::fs::read(path).expect("file");
    let index = usize::try_from(at).expect("index");
    bytes[index] ^= 0x5a;
    std::fs::write(path, bytes).expect("write");
}

/// What the app shows for a folder, and the ways back it offers.
fn state(vault: &Vault, secrets: &MemorySecretStore) -> (String, &'static str) {
    match vault.open(secrets) {
        Ok(store) => match store.check_integrity() {
            Ok(check) if check.ok => ("opens, whole".into(), "-"),
            Ok(check) => (
                format!(
                    "opens; Check the circle finds {} problem(s), no backup is made",
                    check.problems
                ),
                "restore a backup (Settings or lock screen)",
            ),
            Err(error) => (format!("opens; check fails: {error:?}"), "restore a backup"),
        },
        Err(Error::Locked(reason)) => {
            let ways = match reason {
                LockReason::Damaged | LockReason::CircleMissing => {
                    "restore a backup from the lock screen"
                }
                LockReason::HeaderDamaged | LockReason::KeyMissing => {
                    "recovery key (or restore a backup)"
                }
                LockReason::WrongKey => "recovery key, or restore a backup",
                LockReason::NewerVersion => "update the app",
                LockReason::KeyringUnavailable => "unlock the keyring, Try again",
                LockReason::FolderNotWritable => "free space / make writable, Try again",
                _ => "Try again",
            };
            (format!("locked: {reason:?}"), ways)
        }
        Err(other) => (format!("error: {other}"), "?"),
    }
}

type Damage = fn(&Vault, &MemorySecretStore);

fn rows() -> Vec<(&'static str, Damage, &'static str)> {
    let rows: Vec<(&'static str, Damage, &'static str)> = vec![
        (
            "circle.db emptied (0 bytes)",
            |v, _| std::fs::write(v.database_path(), b"").expect("w"),
            "locked: Damaged",
        ),
        (
            "circle.db cut short mid-file",
            |v, _| {
                let size = std::fs::metadata(v.database_path()).expect("m").len();
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(v.database_path())
                    .expect("o");
                file.set_len(size / 2 + 100).expect("cut");
            },
            "locked: Damaged",
        ),
        (
            "one byte flipped on the first page",
            |v, _| flip(&v.database_path(), 300),
            "locked: Damaged",
        ),
        (
            "one byte flipped on a middle page",
            |v, _| {
                let pages = std::fs::metadata(v.database_path()).expect("m").len() / 4096;
                flip(&v.database_path(), pages / 2 * 4096 + 300);
            },
            "opens; Check the circle finds",
        ),
        (
            "one byte flipped on the last page",
            |v, _| {
                let size = std::fs::metadata(v.database_path()).expect("m").len();
                flip(&v.database_path(), size - 4096 + 300);
            },
            "opens; Check the circle finds",
        ),
        (
            "vault.json damaged",
            |v, _| std::fs::write(v.header_path(), b"{ half a header").expect("w"),
            "locked: HeaderDamaged",
        ),
        (
            "vault.json missing",
            |v, _| std::fs::remove_file(v.header_path()).expect("rm"),
            "locked: KeyMissing",
        ),
        (
            "circle.db missing",
            |v, _| std::fs::remove_file(v.database_path()).expect("rm"),
            "locked: CircleMissing",
        ),
        (
            "written by a newer version",
            |v, s| {
                let header = v.header().expect("h").expect("h");
                let key = s.load(&header.vault_id).expect("l").expect("k");
                let hex: String = key.as_bytes().iter().map(|b| format!("{b:02x}")).collect();
                let conn = rusqlite::Connection::open(v.database_path()).expect("open");
                conn.execute_batch(&format!(
                    "PRAGMA key = \"x'{hex}'\"; PRAGMA user_version = 999;"
                ))
                .expect("newer");
            },
            "locked: NewerVersion",
        ),
        (
            "keyring entry gone",
            |v, s| {
                let header = v.header().expect("h").expect("h");
                s.forget(&header.vault_id).expect("forget");
            },
            "locked: KeyMissing",
        ),
        (
            "keyring unreachable (no service, no session bus)",
            |_, s| {
                s.unavailable
                    .store(true, std::sync::atomic::Ordering::SeqCst);
            },
            "locked: KeyringUnavailable",
        ),
        (
            "circle.db-wal damaged after a crash",
            |v, s| {
                let wal = PathBuf::from(format!("{}-wal", v.database_path().display()));
                let mut store = v.open(s).expect("open");
                let draft = mentor_core::model::MentorDraft::new(
                    "Written just before the crash",
                    vec![mentor_core::model::Role::Adviser],
                    mentor_core::model::Agreement::ongoing(
                        28,
                        42,
                        mentor_core::model::Mode::Video,
                        today(),
                    ),
                );
                store
                    .add_mentor(&draft, today())
                    .expect("a write in the journal");
                // The folder as a crash leaves it: the database and its journal.
                let db_copy = std::fs::read(v.database_path()).expect("db");
                let wal_copy = std::fs::read(&wal).expect("wal");
                drop(store);
                std::fs::write(v.database_path(), db_copy).expect("db back");
                std::fs::write(&wal, wal_copy).expect("wal back");
                // The first frame's page, after the 32-byte header and the 24-byte frame header.
                flip(&wal, 32 + 24 + 500);
            },
            "opens, whole",
        ),
    ];
    rows
}

#[test]
fn every_kind_of_damage_locks_or_opens_as_stated_and_changes_no_file() {
    let mut table = vec![(
        "damage".to_string(),
        "state".to_string(),
        "ways back".to_string(),
        "files unchanged".to_string(),
    )];
    for (name, damage, expected) in rows() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (vault, secrets) = circle(dir.path());
        damage(&vault, &secrets);
        let before = common::snapshot(vault.dir());
        let (state, ways) = state(&vault, &secrets);
        let after = common::snapshot(vault.dir());
        assert!(
            state.starts_with(expected),
            "{name}: expected {expected}, got {state}"
        );
        if name.contains("-wal") {
            // SQLite replays a journal up to its first damaged frame and folds it in, as
            // on any open after a crash: the writes from that frame on are not there.
            let kept = vault
                .open(&secrets)
                .and_then(|store| store.circle(today()))
                .expect("open")
                .iter()
                .any(|member| member.mentor.name == "Written just before the crash");
            let fate = if kept { "kept" } else { "lost" };
            table.push((
                name.into(),
                format!("{state}; the write in the damaged frame is {fate}"),
                "-".into(),
                "no: the journal is folded in, as after any crash".into(),
            ));
            continue;
        }
        assert_eq!(after, before, "{name}: a file changed");
        table.push((name.into(), state, ways.into(), "yes".into()));
    }
    for (name, expected) in [
        (
            "disk full (a full 2 MiB tmpfs)",
            "locked: FolderNotWritable",
        ),
        (
            "read-only folder (tmpfs remounted ro)",
            "locked: FolderNotWritable",
        ),
    ] {
        match on_small_mount(name.starts_with("disk full")) {
            Some((state, unchanged)) => {
                assert!(
                    state.starts_with(expected) || state == "opens, whole",
                    "{name}: {state}"
                );
                assert!(unchanged, "{name}: a file changed");
                table.push((
                    name.into(),
                    state,
                    "free space / make writable, Try again".into(),
                    "yes".into(),
                ));
            }
            None => table.push((
                name.into(),
                "not run: mounting needs root".into(),
                "-".into(),
                "-".into(),
            )),
        }
    }
    println!();
    for (damage, state, ways, unchanged) in &table {
        println!("| {damage} | {state} | {ways} | {unchanged} |");
    }
}

/// Builds a circle on a small tmpfs, then fills it up (`full`) or remounts it read-only,
/// and opens it: the state, and whether the circle's files kept their bytes. `None`
/// when this process may not mount.
fn on_small_mount(full: bool) -> Option<(String, bool)> {
    let mount_point = tempfile::tempdir().expect("temp dir");
    let point = mount_point.path();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(point)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !mounted {
        return None;
    }
    let (vault, secrets) = {
        let vault = Vault::new(point.join("data"));
        let secrets = MemorySecretStore::default();
        let mut store = vault.open(&secrets).expect("created on tmpfs");
        mentor_core::sample::add_sample_circle(&mut store, today()).expect("sample");
        drop(store);
        (vault, secrets)
    };
    if full {
        let _ = std::fs::write(point.join("filler"), vec![0u8; 4 * 1024 * 1024]);
    } else {
        let _ = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(point)
            .status();
    }
    let before: BTreeMap<_, _> = common::snapshot(vault.dir()).into_iter().collect();
    let (state, _) = state(&vault, &secrets);
    let after = common::snapshot(vault.dir());
    let _ = Command::new("umount").arg(point).status();
    Some((state, before == after))
}
