//! The data folder's ways in and out, on the real encrypted store: passphrase mode, the
//! recovery key, key changes, backups with their rotation, and restores.

use std::path::Path;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mentor_core::backups::{self, BackupKind};
use mentor_core::journal::EntryContent;
use mentor_core::key::KeySource;
use mentor_core::key::MemorySecretStore;
use mentor_core::transfer::ExportOptions;
use mentor_core::vault::NewKey;
use mentor_core::{Error, LockReason, SecretStore, Store, Vault};

mod common;

const PASSPHRASE: &str = "tangerine harbour quietly";
const CANARY: &str = "canary-7f3e9b1d-backup";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
        .single()
        .expect("time")
}

/// A circle with the sample mentors, their catch-ups and a journal entry with a canary.
fn fill(store: &mut Store) {
    mentor_core::sample::add_sample_circle(store, today()).expect("sample circle");
    let entry = EntryContent {
        body: format!("The candid part: {CANARY}"),
        mood: Some(2),
        energy: None,
        tags: vec!["frustration".into()],
        mentor_ids: Vec::new(),
    };
    store.add_entry(&entry, now(), today()).expect("entry");
}

/// Everything in the circle, journal included, as JSON (the export time is fixed).
fn contents(store: &Store) -> String {
    store
        .export(
            ExportOptions {
                include_journal: true,
            },
            now(),
        )
        .expect("export")
        .to_json()
        .expect("json")
}

fn bytes_of_every_file(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    for entry in walk(dir) {
        let bytes = std::fs::read(&entry).expect("readable");
        all.push((entry.display().to_string(), bytes));
    }
    all.sort();
    all
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn a_passphrase_circle_reopens_with_it_and_a_wrong_one_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(dir.path());
    let no_keyring = MemorySecretStore::default();
    no_keyring
        .unavailable
        .store(true, std::sync::atomic::Ordering::SeqCst);
    assert!(
        matches!(
            vault.open(&no_keyring),
            Err(Error::Locked(LockReason::NoKeyringYet))
        ),
        "first run without a keyring asks for a passphrase"
    );
    let mut store = vault.create_with_passphrase(PASSPHRASE).expect("created");
    fill(&mut store);
    let before = contents(&store);
    drop(store);
    assert_eq!(
        vault.key_source().expect("header"),
        Some(KeySource::Passphrase)
    );
    let header = std::fs::read_to_string(vault.header_path()).expect("header");
    assert!(header.contains("argon2id") && !header.contains(PASSPHRASE));

    let files = bytes_of_every_file(dir.path());
    match vault.open_with_passphrase("tangerine harbour quietlY", &no_keyring) {
        Err(Error::Invalid { field, message }) => {
            assert_eq!(field, "passphrase");
            assert!(message.contains("doesn't open"), "{message}");
        }
        other => panic!(
            "a wrong passphrase must be refused, got {:?}",
            other.map(|_| ())
        ),
    }
    assert_eq!(bytes_of_every_file(dir.path()), files, "no file may change");
    assert!(
        matches!(
            vault.open(&no_keyring),
            Err(Error::Locked(LockReason::PassphraseNeeded))
        ),
        "the keyring is not asked for a passphrase circle"
    );
    let store = vault
        .open_with_passphrase(PASSPHRASE, &no_keyring)
        .expect("the right passphrase opens");
    assert_eq!(contents(&store), before);
}

#[test]
fn with_the_keyring_entry_gone_the_recovery_key_opens_and_puts_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(dir.path());
    let keyring = MemorySecretStore::default();
    let mut store = vault.open(&keyring).expect("created");
    fill(&mut store);
    let before = contents(&store);
    let recovery = store.recovery_key();
    drop(store);

    let header = vault.header().expect("header").expect("exists");
    keyring.forget(&header.vault_id).expect("entry deleted");
    assert!(matches!(
        vault.open(&keyring),
        Err(Error::Locked(LockReason::KeyMissing))
    ));

    let (store, kept) = vault
        .open_with_recovery_key(&recovery.as_str().to_lowercase(), &keyring)
        .expect("the recovery key opens");
    assert!(kept, "the key is back in the keyring");
    assert_eq!(contents(&store), before);
    drop(store);
    drop(vault.open(&keyring).expect("the keyring opens it again"));
}

#[test]
fn changing_the_key_keeps_everything_and_retires_the_old_secret() {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(dir.path());
    let keyring = MemorySecretStore::default();
    let mut store = vault.open(&keyring).expect("created");
    fill(&mut store);
    let before = contents(&store);
    let old_recovery = store.recovery_key();
    let old_id = vault.header().expect("h").expect("h").vault_id;
    let mut slot = Some(store);
    let mut steps = Vec::new();

    vault
        .change_key(
            &mut slot,
            NewKey::Passphrase(PASSPHRASE),
            &keyring,
            &mut |step| steps.push(step),
        )
        .expect("keyring to passphrase");
    assert_eq!(
        steps.len(),
        6,
        "every moment but keeping a keyring key: {steps:?}"
    );
    let store = slot.as_ref().expect("open under the new key");
    assert_eq!(contents(store), before);
    assert!(
        store.recovery_key() != old_recovery,
        "a new key, a new recovery key"
    );
    assert!(
        keyring.load(&old_id).expect("load").is_none(),
        "old key forgotten"
    );
    assert_eq!(vault.key_source().expect("h"), Some(KeySource::Passphrase));

    vault
        .change_key(
            &mut slot,
            NewKey::Passphrase("another long passphrase"),
            &keyring,
            &mut |_| {},
        )
        .expect("a new passphrase");
    slot.take();
    assert!(
        vault.open_with_passphrase(PASSPHRASE, &keyring).is_err(),
        "old one retired"
    );
    let store = vault
        .open_with_passphrase("another long passphrase", &keyring)
        .expect("new one opens");
    let mut slot = Some(store);
    vault
        .change_key(&mut slot, NewKey::Keyring(&keyring), &keyring, &mut |_| {})
        .expect("back to the keyring");
    slot.take();
    let store = vault.open(&keyring).expect("keyring opens");
    assert_eq!(contents(&store), before);
    assert!(
        !dir.path().join("circle.db.next").exists() && !dir.path().join("vault.json.next").exists()
    );
}

#[test]
fn a_backup_restores_on_a_fresh_data_folder_with_the_recovery_key() {
    let home = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(home.path().join("laptop"));
    let keyring = MemorySecretStore::default();
    let mut store = vault.open(&keyring).expect("created");
    fill(&mut store);
    let before = contents(&store);
    let recovery = store.recovery_key();
    let file = home.path().join("mentor-circle.backup");
    let started = std::time::Instant::now();
    let bytes = store.back_up_to(&file).expect("backup written");
    eprintln!(
        "backup of the sample circle: {bytes} bytes in {:?}",
        started.elapsed()
    );
    assert!(bytes > 0);
    let raw = std::fs::read(&file).expect("backup readable");
    assert!(
        !raw.windows(CANARY.len())
            .any(|window| window == CANARY.as_bytes()),
        "the backup is encrypted"
    );
    drop(store);

    // Another machine: a new circle with its own keyring and key.
    let other = Vault::new(home.path().join("new-laptop"));
    let other_keyring = MemorySecretStore::default();
    let mut slot = Some(other.open(&other_keyring).expect("new circle"));
    let own_key = slot.as_ref().expect("open").recovery_key();
    let preview = other
        .preview_backup(slot.as_ref().expect("open"), &file, Some(recovery.as_str()))
        .expect("preview with the recovery key");
    assert_eq!(preview.journal_entries, 1);
    assert!(!preview.mentors.is_empty());
    assert!(preview.catch_ups > 0);
    assert!(
        matches!(
            other.preview_backup(slot.as_ref().expect("open"), &file, None),
            Err(Error::Invalid {
                field: "backup",
                ..
            })
        ),
        "this circle's own key does not open another's backup"
    );

    let safety = other
        .restore(&mut slot, &file, Some(recovery.as_str()))
        .expect("restored");
    assert!(safety.exists(), "a safety copy of the circle as it was");
    let store = slot.as_ref().expect("open after restore");
    assert_eq!(contents(store), before, "identical data");
    assert!(
        store.recovery_key() == own_key,
        "the restored circle keeps this machine's key"
    );
    slot.take();
    drop(
        other
            .open(&other_keyring)
            .expect("reopens with this keyring"),
    );
}

#[test]
fn daily_backups_rotate_to_seven_days_and_four_weeks_and_hold_no_plaintext() {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(dir.path());
    let keyring = MemorySecretStore::default();
    let mut store = vault.open(&keyring).expect("created");
    fill(&mut store);
    let start = today() - chrono::Duration::days(59);
    for offset in 0..60 {
        let day = start + chrono::Duration::days(offset);
        assert!(
            store
                .back_up_daily(&vault.backup_dir(), day)
                .expect("daily")
                .is_some()
        );
    }
    assert!(
        store
            .back_up_daily(&vault.backup_dir(), today())
            .expect("again")
            .is_none(),
        "one a day"
    );
    let kept = vault.backups().expect("list");
    assert_eq!(
        kept.len(),
        backups::DAILY + backups::WEEKLY,
        "rotation keeps 11"
    );
    assert!(kept.iter().all(|file| file.kind == BackupKind::Daily));
    assert_eq!(kept[0].made_at.date_naive(), today(), "newest first");
    for file in walk(dir.path()) {
        let raw = std::fs::read(&file).expect("readable");
        assert!(
            !raw.windows(CANARY.len())
                .any(|window| window == CANARY.as_bytes()),
            "no plaintext in {}",
            file.display()
        );
    }
}

#[test]
fn a_backup_cannot_be_restored_with_a_wrong_recovery_key_and_nothing_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(dir.path().join("data"));
    let keyring = MemorySecretStore::default();
    let mut store = vault.open(&keyring).expect("created");
    fill(&mut store);
    let file = dir.path().join("copy.backup");
    store.back_up_to(&file).expect("backup");
    let before = contents(&store);
    let stranger =
        mentor_core::recovery::RecoveryKey::of(&mentor_core::DbKey::generate().expect("key"));
    let mut slot = Some(store);
    assert!(
        vault
            .restore(&mut slot, &file, Some(stranger.as_str()))
            .is_err()
    );
    assert_eq!(contents(slot.as_ref().expect("still open")), before);
    assert!(
        vault
            .restore(&mut slot, &dir.path().join("missing.backup"), None)
            .is_err()
    );
    assert_eq!(contents(slot.as_ref().expect("still open")), before);
}

#[test]
fn an_upgrade_of_the_schema_is_preceded_by_a_backup_that_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(dir.path());
    let keyring = MemorySecretStore::default();
    drop(vault.open(&keyring).expect("created"));
    let header = vault.header().expect("header").expect("written");
    let key = keyring.load(&header.vault_id).expect("load").expect("kept");
    // Make the database as the previous release left it: one schema step behind, built
    // by that release's migrations under the same key.
    for suffix in ["", "-wal", "-shm"] {
        let mut path = vault.database_path().into_os_string();
        path.push(suffix);
        let _ = std::fs::remove_file(path);
    }
    {
        let conn = common::raw_connection(&vault.database_path(), &key);
        let previous = mentor_core::store::SCHEMA_VERSION - 1;
        for step in &mentor_core::store::MIGRATIONS[..previous as usize] {
            conn.execute_batch(step).expect("an earlier step");
        }
        conn.execute_batch(&format!("PRAGMA user_version = {previous};"))
            .expect("one step back");
    }
    assert!(vault.backups().expect("list").is_empty());
    let store = vault.open(&keyring).expect("opens and upgrades");
    assert_eq!(
        store.schema_version().expect("version"),
        mentor_core::store::SCHEMA_VERSION
    );
    let copies = vault.backups().expect("list");
    assert_eq!(copies.len(), 1, "one copy before the upgrade");
    assert_eq!(copies[0].kind, BackupKind::BeforeUpgrade);
    let preview = vault
        .preview_backup(&store, &copies[0].path, None)
        .expect("the copy opens");
    assert_eq!(preview.prospects, 0);
}

#[test]
fn behind_a_passphrase_a_key_change_needs_the_current_one() {
    let dir = tempfile::tempdir().expect("dir");
    let vault = Vault::new(dir.path().join("data"));
    let store = vault.create_with_passphrase(PASSPHRASE).expect("created");
    for (current, field) in [
        (None, "current"),
        (Some(""), "current"),
        (Some("not it at all"), "current"),
    ] {
        assert!(
            matches!(vault.check_current_secret(current), Err(Error::Invalid { field: f, .. }) if f == field),
            "{current:?} was accepted as the current passphrase"
        );
    }
    vault
        .check_current_secret(Some(PASSPHRASE))
        .expect("the current passphrase");
    drop(store);

    // In keyring mode there is no secret to ask for.
    let keyring_dir = tempfile::tempdir().expect("dir");
    let keyring_vault = Vault::new(keyring_dir.path().join("data"));
    let secrets = MemorySecretStore::default();
    let _store = keyring_vault.open(&secrets).expect("created");
    keyring_vault
        .check_current_secret(None)
        .expect("nothing to ask for");
}
