//! The paths that could lose a circle or lock its owner out, each closed and shown
//! closed on the real encrypted store: damaged, empty and missing files, a damaged
//! header, the folder lock, restoring from the lock screen, backups after a key change,
//! the rotation, and what a crash leaves half-written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use mentor_core::backups::{self, BackupKind};
use mentor_core::key::MemorySecretStore;
use mentor_core::transfer::ExportOptions;
use mentor_core::vault::{BackupUnlock, NewKey};
use mentor_core::{DbKey, Error, LockReason, SecretStore, Store, Vault};

mod common;

const PASSPHRASE: &str = "tangerine harbour quietly";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
}

fn contents(store: &Store) -> String {
    let now: DateTime<Utc> = Utc
        .with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
        .single()
        .expect("time");
    let options = ExportOptions {
        include_journal: true,
    };
    store
        .export(options, now)
        .expect("export")
        .to_json()
        .expect("json")
}

/// A keyring circle with the sample mentors and one daily backup; the store is closed.
fn circle(dir: &Path) -> (Vault, MemorySecretStore, String) {
    let (vault, secrets, store) = common::sample_circle(dir, today());
    let held = contents(&store);
    drop(store);
    (vault, secrets, held)
}

fn locked(result: Result<Store, Error>) -> LockReason {
    match result {
        Err(Error::Locked(reason)) => reason,
        Err(other) => panic!("expected a lock, got {other:?}"),
        Ok(_) => panic!("expected a lock, but the circle opened"),
    }
}

fn flip_byte(path: &Path, at: u64) {
    let mut bytes = std::fs::read(path).expect("db");
    let index = usize::try_from(at).expect("index");
    bytes[index] ^= 0x5a;
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn an_empty_database_beside_its_header_is_damaged_not_a_new_circle() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    std::fs::write(vault.database_path(), b"").expect("emptied");
    let before = common::snapshot(vault.dir());
    assert_eq!(locked(vault.open(&secrets)), LockReason::Damaged);
    assert_eq!(
        common::snapshot(vault.dir()),
        before,
        "nothing written, nothing deleted"
    );
}

#[test]
fn a_missing_database_beside_a_passphrase_header_locks_and_keeps_the_salt() {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(dir.path().join("data"));
    let secrets = MemorySecretStore::default();
    drop(vault.create_with_passphrase(PASSPHRASE).expect("created"));
    std::fs::remove_file(vault.database_path()).expect("lost");
    let before = common::snapshot(vault.dir());
    assert_eq!(locked(vault.open(&secrets)), LockReason::CircleMissing);
    assert_eq!(
        locked(vault.open_with_passphrase(PASSPHRASE, &secrets)),
        LockReason::CircleMissing
    );
    assert_eq!(
        common::snapshot(vault.dir()),
        before,
        "the header and its salt stay"
    );
}

#[test]
fn a_database_cut_short_is_damaged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    let size = std::fs::metadata(vault.database_path()).expect("db").len();
    for cut in [size / 2 + 100, 4096 * (size / 4096 / 2)] {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(vault.database_path())
            .expect("db");
        file.set_len(cut).expect("cut");
        drop(file);
        let before = common::snapshot(vault.dir());
        assert_eq!(
            locked(vault.open(&secrets)),
            LockReason::Damaged,
            "cut at {cut}"
        );
        assert_eq!(common::snapshot(vault.dir()), before);
    }
}

#[test]
fn damage_on_the_first_page_is_told_apart_from_a_wrong_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    let good = std::fs::read(vault.database_path()).expect("db");
    flip_byte(&vault.database_path(), 200);
    assert_eq!(locked(vault.open(&secrets)), LockReason::Damaged);

    std::fs::write(vault.database_path(), &good).expect("mended");
    let header = vault.header().expect("header").expect("there");
    secrets
        .save(&header.vault_id, &DbKey::generate().expect("key"))
        .expect("replaced");
    assert_eq!(locked(vault.open(&secrets)), LockReason::WrongKey);
}

#[test]
fn a_header_from_before_fingerprints_tells_damage_by_the_backups() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    let header_path = vault.header_path();
    let mut header: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&header_path).expect("header")).expect("json");
    header
        .as_object_mut()
        .expect("object")
        .remove("keyFingerprint");
    std::fs::write(&header_path, serde_json::to_vec(&header).expect("json")).expect("old header");
    flip_byte(&vault.database_path(), 200);
    assert_eq!(locked(vault.open(&secrets)), LockReason::Damaged);
}

#[test]
fn a_damaged_middle_page_fails_the_check_and_is_never_backed_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    let pages = std::fs::metadata(vault.database_path()).expect("db").len() / 4096;
    assert!(pages > 4, "enough pages to damage one in the middle");
    flip_byte(&vault.database_path(), (pages / 2) * 4096 + 300);
    let store = vault.open(&secrets).expect("page 1 is whole");
    assert!(
        !store.check_integrity().expect("checked").ok,
        "the check finds it"
    );
    let backups = common::snapshot(&vault.backup_dir());
    let tomorrow = today() + Days::new(1);
    assert!(matches!(
        store.back_up_daily(&vault.backup_dir(), tomorrow),
        Err(Error::Locked(LockReason::Damaged))
    ));
    assert_eq!(
        common::snapshot(&vault.backup_dir()),
        backups,
        "good copies untouched"
    );
}

#[test]
fn a_damaged_circle_is_restored_from_the_lock_screen_and_the_damaged_file_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, held) = circle(dir.path());
    std::fs::write(vault.database_path(), b"").expect("emptied");
    assert_eq!(locked(vault.open(&secrets)), LockReason::Damaged);
    let newest = vault.backups().expect("list")[0].path.clone();
    let preview = vault
        .preview_backup_locked(&newest, BackupUnlock::Keyring, &secrets)
        .expect("preview");
    assert!(!preview.mentors.is_empty());
    let store = vault
        .restore_locked(&newest, BackupUnlock::Keyring, &secrets)
        .expect("restored");
    assert_eq!(contents(&store), held, "the circle is back");
    drop(store);
    let kept = vault
        .backups()
        .expect("list")
        .into_iter()
        .filter(|file| file.kind == BackupKind::BeforeRestore)
        .count();
    assert_eq!(kept, 1, "the damaged file is kept as a before-restore copy");
    assert!(newest.exists(), "the restored backup stays");
    drop(
        vault
            .open(&secrets)
            .expect("opens next time with the keyring"),
    );
}

#[test]
fn a_missing_circle_is_restored_with_the_recovery_key_when_the_keyring_lost_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, held) = circle(dir.path());
    let recovery = {
        let header = vault.header().expect("header").expect("there");
        let key = secrets.load(&header.vault_id).expect("load").expect("key");
        secrets.forget(&header.vault_id).expect("forgotten");
        mentor_core::recovery::RecoveryKey::of(&key)
            .as_str()
            .to_string()
    };
    std::fs::remove_file(vault.database_path()).expect("lost");
    std::fs::remove_file(vault.header_path()).expect("lost too");
    let newest = vault.backups().expect("list")[0].path.clone();
    let store = vault
        .restore_locked(&newest, BackupUnlock::RecoveryKey(&recovery), &secrets)
        .expect("restored");
    assert_eq!(contents(&store), held);
    drop(store);
    drop(
        vault
            .open(&secrets)
            .expect("a fresh header, the key back in the keyring"),
    );
}

#[test]
fn after_a_key_change_the_new_recovery_key_opens_every_kept_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    let mut slot = Some(vault.open(&secrets).expect("open"));
    vault
        .change_key(
            &mut slot,
            NewKey::Passphrase(PASSPHRASE),
            &secrets,
            &mut |_| {},
        )
        .expect("changed");
    let store = slot.expect("open under the new key");
    let recovery = store.recovery_key().as_str().to_string();
    let backups = vault.backups().expect("list");
    assert!(!backups.is_empty());
    for file in backups {
        vault
            .preview_backup(&store, &file.path, Some(&recovery))
            .expect("the new recovery key opens it");
    }
}

#[test]
fn the_recovery_key_opens_the_circle_whatever_became_of_its_header() {
    for damage in ["missing", "damaged"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let (vault, secrets, held) = circle(dir.path());
        let recovery = vault.open(&secrets).expect("open").recovery_key();
        match damage {
            "missing" => std::fs::remove_file(vault.header_path()).expect("gone"),
            _ => std::fs::write(vault.header_path(), b"{ not json").expect("damaged"),
        }
        let (store, kept) = vault
            .open_with_recovery_key(recovery.as_str(), &secrets)
            .unwrap_or_else(|error| panic!("{damage} header: {error:?}"));
        assert_eq!(contents(&store), held);
        assert!(kept, "{damage}: the key is back in the keyring");
        drop(store);
        drop(vault.open(&secrets).expect("a fresh header was written"));
    }
}

#[test]
fn a_second_app_on_the_same_folder_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(dir.path().join("data"));
    let first = vault.lock_folder().expect("first");
    assert!(matches!(
        Vault::new(dir.path().join("data")).lock_folder(),
        Err(Error::Locked(LockReason::OpenElsewhere))
    ));
    drop(first);
    vault
        .lock_folder()
        .expect("free again once the first app is gone");
}

#[test]
fn the_rotation_keeps_the_last_copy_that_holds_more_than_the_circle() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    let mut store = vault.open(&secrets).expect("open");
    let full = store.items().expect("items");
    for day in 1..5 {
        store
            .back_up_daily(&vault.backup_dir(), today() + Days::new(day))
            .expect("backup");
    }
    store.remove_sample_circle().expect("emptied by mistake");
    assert!(store.items().expect("items") < full);
    for day in 5..40 {
        store
            .back_up_daily(&vault.backup_dir(), today() + Days::new(day))
            .expect("backup");
    }
    let fuller = vault
        .backups()
        .expect("list")
        .iter()
        .filter(|file| {
            vault
                .preview_backup(&store, &file.path, None)
                .is_ok_and(|preview| !preview.mentors.is_empty())
        })
        .count();
    assert_eq!(fuller, 1, "one copy of the circle as it was is kept");
}

#[test]
fn restoring_never_deletes_the_backup_being_restored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    let mut slot = Some(vault.open(&secrets).expect("open"));
    let daily = vault.backups().expect("list")[0].path.clone();
    for _ in 0..backups::SAFETY_COPIES {
        vault.restore(&mut slot, &daily, None).expect("restore");
    }
    let oldest_safety = vault
        .backups()
        .expect("list")
        .into_iter()
        .rfind(|file| file.kind == BackupKind::BeforeRestore)
        .expect("safety copies")
        .path;
    vault
        .restore(&mut slot, &oldest_safety, None)
        .expect("restore the oldest safety copy");
    assert!(
        oldest_safety.exists(),
        "the backup just restored is still there"
    );
}

#[test]
fn a_newer_backup_is_refused_on_the_backup_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    let store = vault.open(&secrets).expect("open");
    let newest = vault.backups().expect("list")[0].path.clone();
    let key = secrets
        .load(&vault.header().expect("h").expect("h").vault_id)
        .expect("load")
        .expect("key");
    {
        let conn = rusqlite::Connection::open(&newest).expect("backup");
        conn.execute_batch(&format!(
            "PRAGMA key = \"x'{}'\"; PRAGMA user_version = 999;",
            key.as_bytes()
                .iter()
                .map(|byte| format!("{byte:02x}"))
                .collect::<String>()
        ))
        .expect("from the future");
    }
    assert!(matches!(
        vault.preview_backup(&store, &newest, None),
        Err(Error::Invalid {
            field: "backup",
            ..
        })
    ));
}

#[test]
fn half_written_files_from_a_crash_are_cleaned_up_on_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    let strays = [
        vault.dir().join("vault.json.partial"),
        vault.dir().join("vault.json.next.partial"),
        vault.backup_dir().join("daily-2026-11-30.backup.partial"),
        vault.backup_dir().join("daily-2026-11-22.backup.next"),
    ];
    for stray in &strays {
        std::fs::write(stray, b"half").expect("stray");
    }
    let keep = vault.dir().join("notes.partial");
    std::fs::write(&keep, b"not ours").expect("someone else's");
    drop(vault.open(&secrets).expect("open"));
    for stray in &strays {
        assert!(!stray.exists(), "{} removed", stray.display());
    }
    assert!(keep.exists(), "files that are not ours stay");
}

#[test]
fn restoring_reads_the_backup_without_writing_beside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    let outside = dir.path().join("elsewhere");
    std::fs::create_dir(&outside).expect("folder");
    let chosen = outside.join("chosen.backup");
    std::fs::copy(&vault.backups().expect("list")[0].path, &chosen).expect("copied");
    let before = common::snapshot(&outside);
    let mut slot = Some(vault.open(&secrets).expect("open"));
    vault.restore(&mut slot, &chosen, None).expect("restored");
    assert_eq!(
        common::snapshot(&outside),
        before,
        "no journal, no change beside it"
    );
}

#[test]
fn a_restored_file_that_does_not_open_puts_the_previous_state_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    std::fs::write(vault.database_path(), b"").expect("emptied");
    let newest = vault.backups().expect("list")[0].path.clone();
    let before = common::snapshot(vault.dir());
    // Damage the restored copy at the moment it takes the circle's place.
    let next = vault.dir().join("circle.db.next");
    let hook: mentor_core::vault::FileHook = std::sync::Arc::new(move |op| {
        if let mentor_core::vault::FileOp::Rename(from, _) = op
            && *from == next
        {
            std::fs::write(from, b"")?;
        }
        Ok(())
    });
    let hooked = Vault::new(vault.dir()).with_file_hook(hook);
    assert!(
        hooked
            .restore_locked(&newest, BackupUnlock::Keyring, &secrets)
            .is_err(),
        "the damaged copy does not open"
    );
    let after: BTreeMap<_, _> = common::snapshot(vault.dir())
        .into_iter()
        .filter(|(path, _)| !path.starts_with(vault.backup_dir()))
        .collect();
    let before: BTreeMap<_, _> = before
        .into_iter()
        .filter(|(path, _)| !path.starts_with(vault.backup_dir()))
        .collect();
    assert_eq!(after, before, "the folder is as it was before the restore");
    assert_eq!(locked(vault.open(&secrets)), LockReason::Damaged);
}

/// Mounts a small tmpfs (root only); `None` elsewhere, and the caller says so.
fn small_mount(size: &str) -> Option<(tempfile::TempDir, impl Drop)> {
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
        }
    }
    let point = tempfile::tempdir().expect("temp dir");
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(point.path())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !mounted {
        return None;
    }
    let guard = Unmount(point.path().to_path_buf());
    Some((point, guard))
}

#[test]
fn an_export_that_fills_the_disk_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (vault, secrets, _) = circle(dir.path());
    let mut store = vault.open(&secrets).expect("open");
    for n in 0..200 {
        let content = mentor_core::journal::EntryContent {
            body: format!("entry {n}: {}", "words of a long candid entry ".repeat(60)),
            mood: None,
            energy: None,
            tags: Vec::new(),
            mentor_ids: Vec::new(),
        };
        let now = Utc
            .with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
            .single()
            .expect("time");
        store.add_entry(&content, now, today()).expect("entry");
    }
    let Some((point, _unmount)) = small_mount("256k") else {
        println!("not run: mounting a small file system needs root");
        return;
    };
    let now = Utc
        .with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
        .single()
        .expect("time");
    let export = store
        .export(
            ExportOptions {
                include_journal: true,
            },
            now,
        )
        .expect("export");
    for (format, name) in [
        (mentor_core::transfer::ExportFormat::Json, "circle.json"),
        (
            mentor_core::transfer::ExportFormat::Markdown,
            "circle-notes",
        ),
    ] {
        let path = point.path().join(name);
        let written = mentor_core::transfer::write(&export, format, &path, today(), now);
        assert!(written.is_err(), "{name}: 256 KiB cannot hold it");
        assert!(!path.exists(), "{name}: no partial plaintext left");
    }
}
