//! A key change cut short at any moment leaves a data folder that opens with the old
//! secret or the new one, never neither, and holds the same circle.
//!
//! Each case runs the change in a child process (this test binary again) that aborts
//! (no unwinding, no destructors: as close to a kill as a test can get) at one step.
//! The keyring is a folder of key files shared by parent and child, since the point
//! here is the database's file protocol; the real keyring has its own test in the shell.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{NaiveDate, TimeZone, Utc};
use mentor_core::export::ExportOptions;
use mentor_core::vault::{ChangeStep, NewKey};
use mentor_core::{DbKey, Error, SecretStore, SecretStoreError, Store, Vault};

const OLD: &str = "old passphrase for the test";
const NEW: &str = "new passphrase for the test";
const STEPS: [ChangeStep; 7] = [
    ChangeStep::CopyWritten,
    ChangeStep::NextHeaderWritten,
    ChangeStep::NewKeyKept,
    ChangeStep::OldClosed,
    ChangeStep::DatabaseSwapped,
    ChangeStep::HeaderSwapped,
    ChangeStep::OldKeyForgotten,
];

/// Keys as files in a folder, so a child process and its parent share them.
struct FolderKeyring(PathBuf);

impl SecretStore for FolderKeyring {
    fn load(&self, vault_id: &str) -> Result<Option<DbKey>, SecretStoreError> {
        match std::fs::read(self.0.join(vault_id)) {
            Ok(bytes) => DbKey::from_bytes(&bytes)
                .map(Some)
                .ok_or(SecretStoreError::Malformed),
            Err(_) => Ok(None),
        }
    }
    fn save(&self, vault_id: &str, key: &DbKey) -> Result<(), SecretStoreError> {
        std::fs::create_dir_all(&self.0)
            .and_then(|()| std::fs::write(self.0.join(vault_id), key.as_bytes()))
            .map_err(|error| SecretStoreError::Unavailable(error.to_string()))
    }
    fn forget(&self, vault_id: &str) -> Result<(), SecretStoreError> {
        let _ = std::fs::remove_file(self.0.join(vault_id));
        Ok(())
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
}

fn contents(store: &Store) -> String {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
        .single()
        .expect("time");
    store
        .export(
            ExportOptions {
                include_journal: true,
            },
            now,
        )
        .expect("export")
        .to_json()
        .expect("json")
}

#[derive(Clone, Copy, Debug)]
enum Change {
    PassphraseToPassphrase,
    KeyringToPassphrase,
    PassphraseToKeyring,
}

fn keyring(dir: &Path) -> FolderKeyring {
    FolderKeyring(dir.join("keyring"))
}

fn data(dir: &Path) -> Vault {
    Vault::new(dir.join("data"))
}

/// The child: runs the change and aborts at step `crash_at`.
#[test]
fn child_changes_the_key_and_dies() {
    let (Ok(dir), Ok(change), Ok(crash_at)) = (
        std::env::var("CHANGE_KEY_DIR"),
        std::env::var("CHANGE_KEY_KIND"),
        std::env::var("CHANGE_KEY_CRASH_AT"),
    ) else {
        return; // Only meaningful when started by the parent below.
    };
    let dir = PathBuf::from(dir);
    let crash_at: usize = crash_at.parse().expect("step index");
    let (vault, keys) = (data(&dir), keyring(&dir));
    let store = if change.starts_with("Passphrase") {
        vault.open_with_passphrase(OLD, &keys).expect("child opens")
    } else {
        vault.open(&keys).expect("child opens")
    };
    let mut slot = Some(store);
    let to = if change.ends_with("ToKeyring") {
        NewKey::Keyring(&keys)
    } else {
        NewKey::Passphrase(NEW)
    };
    let mut abort_at = |step: ChangeStep| {
        if step == STEPS[crash_at] {
            std::process::abort();
        }
    };
    vault
        .change_key(&mut slot, to, &keys, &mut abort_at)
        .expect("change");
}

fn opens_with_old_or_new(dir: &Path, change: Change) -> (bool, bool, Option<String>) {
    let (vault, keys) = (data(dir), keyring(dir));
    let attempt = |store: Result<Store, Error>| store.ok().map(|store| contents(&store));
    let old = match change {
        Change::KeyringToPassphrase => attempt(vault.open(&keys)),
        _ => attempt(vault.open_with_passphrase(OLD, &keys)),
    };
    let new = match change {
        Change::PassphraseToKeyring => attempt(vault.open(&keys)),
        _ => attempt(vault.open_with_passphrase(NEW, &keys)),
    };
    (old.is_some(), new.is_some(), old.or(new))
}

fn set_up(dir: &Path, change: Change) -> String {
    let (vault, keys) = (data(dir), keyring(dir));
    let mut store = match change {
        Change::KeyringToPassphrase => vault.open(&keys).expect("created"),
        _ => vault.create_with_passphrase(OLD).expect("created"),
    };
    mentor_core::sample::add_sample_circle(&mut store, today()).expect("sample");
    contents(&store)
}

fn crash_at_every_step(change: Change) {
    for (index, step) in STEPS.iter().enumerate() {
        if *step == ChangeStep::NewKeyKept && !matches!(change, Change::PassphraseToKeyring) {
            continue;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let before = set_up(dir.path(), change);
        let status = Command::new(std::env::current_exe().expect("test binary"))
            .args(["--exact", "child_changes_the_key_and_dies", "--nocapture"])
            .env("CHANGE_KEY_DIR", dir.path())
            .env("CHANGE_KEY_KIND", format!("{change:?}"))
            .env("CHANGE_KEY_CRASH_AT", index.to_string())
            .output()
            .expect("child runs");
        assert!(
            !status.status.success(),
            "{change:?}: the child must have died at {step:?}"
        );
        let (old, new, held) = opens_with_old_or_new(dir.path(), change);
        assert!(
            old || new,
            "{change:?} cut at {step:?}: opens with neither the old nor the new secret"
        );
        assert_eq!(
            held.as_deref(),
            Some(before.as_str()),
            "{change:?} at {step:?}: same circle"
        );
        let expect_new = index >= 4; // from DatabaseSwapped on, the change has happened
        assert_eq!(
            (old, new),
            (!expect_new, expect_new),
            "{change:?} cut at {step:?}; the child said: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    }
}

#[test]
fn a_new_passphrase_cut_short_at_any_step_opens_with_the_old_or_the_new_one() {
    crash_at_every_step(Change::PassphraseToPassphrase);
}

#[test]
fn moving_from_the_keyring_to_a_passphrase_cut_short_opens_with_one_of_them() {
    crash_at_every_step(Change::KeyringToPassphrase);
}

#[test]
fn moving_from_a_passphrase_to_the_keyring_cut_short_opens_with_one_of_them() {
    crash_at_every_step(Change::PassphraseToKeyring);
}

#[test]
fn a_half_written_copy_from_a_crash_mid_copy_is_dropped_and_the_old_secret_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let before = set_up(dir.path(), Change::PassphraseToPassphrase);
    std::fs::write(dir.path().join("data/circle.db.next"), b"half a database").expect("stray");
    let (old, new, held) = opens_with_old_or_new(dir.path(), Change::PassphraseToPassphrase);
    assert!(old && !new);
    assert_eq!(held.as_deref(), Some(before.as_str()));
    assert!(
        !dir.path().join("data/circle.db.next").exists(),
        "the stray copy is gone"
    );
}
