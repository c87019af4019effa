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
use mentor_core::transfer::ExportOptions;
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

/// The child for the file-operation crash tests: runs one phase with a hook that fails
/// operation `FAIL_AT` (standing for a full disk or a refused rename) and aborts the
/// process at operation `CRASH_AT` (counting from 0 over everything the phase does).
#[test]
fn child_runs_a_phase_and_dies_at_an_operation() {
    let (Ok(dir), Ok(phase)) = (std::env::var("OPS_DIR"), std::env::var("OPS_PHASE")) else {
        return;
    };
    let number = |name: &str| {
        std::env::var(name)
            .ok()
            .and_then(|value| value.parse::<usize>().ok())
    };
    let (fail_at, crash_at) = (number("OPS_FAIL_AT"), number("OPS_CRASH_AT"));
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = count.clone();
    let hook: mentor_core::vault::FileHook = std::sync::Arc::new(move |_| {
        let index = counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if Some(index) == crash_at {
            std::process::abort();
        }
        if Some(index) == fail_at {
            return Err(std::io::Error::other("injected failure"));
        }
        Ok(())
    });
    let dir = PathBuf::from(dir);
    let keys = keyring(&dir);
    let vault = data(&dir).with_file_hook(hook);
    match phase.as_str() {
        "change" => {
            let mut slot = Some(vault.open_with_passphrase(OLD, &keys).expect("opens"));
            let _ = vault.change_key(&mut slot, NewKey::Keyring(&keys), &keys, &mut |_| {});
        }
        _ => {
            let _ = vault.finish_interrupted_change(&keys);
        }
    }
    // Tell the parent how many operations the phase had, when it got to the end.
    println!("OPS {}", count.load(std::sync::atomic::Ordering::SeqCst));
}

fn run_phase(
    dir: &Path,
    phase: &str,
    fail_at: Option<usize>,
    crash_at: Option<usize>,
) -> Option<usize> {
    let mut command = Command::new(std::env::current_exe().expect("test binary"));
    command
        .args([
            "--exact",
            "child_runs_a_phase_and_dies_at_an_operation",
            "--nocapture",
        ])
        .env("OPS_DIR", dir)
        .env("OPS_PHASE", phase);
    if let Some(fail_at) = fail_at {
        command.env("OPS_FAIL_AT", fail_at.to_string());
    }
    if let Some(crash_at) = crash_at {
        command.env("OPS_CRASH_AT", crash_at.to_string());
    }
    let output = command.output().expect("child runs");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("OPS ")?.trim().parse().ok())
}

/// After whatever happened, the folder opens with the old passphrase or the new keyring
/// key, holds the same circle, and has no leftovers of the change.
fn assert_whole(dir: &Path, before: &str, what: &str) {
    let (vault, keys) = (data(dir), keyring(dir));
    let old = vault
        .open_with_passphrase(OLD, &keys)
        .ok()
        .map(|store| contents(&store));
    let new = vault.open(&keys).ok().map(|store| contents(&store));
    assert!(
        old.is_some() != new.is_some(),
        "{what}: opens with exactly one of the old and new secrets (old {}, new {})",
        old.is_some(),
        new.is_some()
    );
    assert_eq!(
        old.or(new).as_deref(),
        Some(before),
        "{what}: the same circle"
    );
    for leftover in ["circle.db.next", "vault.json.next"] {
        assert!(
            !dir.join("data").join(leftover).exists(),
            "{what}: {leftover} left"
        );
    }
}

#[test]
fn a_key_change_its_failure_path_and_its_undo_survive_a_crash_between_any_two_operations() {
    let fresh = || {
        let dir = tempfile::tempdir().expect("temp dir");
        let before = set_up(dir.path(), Change::PassphraseToKeyring);
        // A backup in the folder, so its re-encryption is among the operations.
        let (vault, keys) = (data(dir.path()), keyring(dir.path()));
        let store = vault.open_with_passphrase(OLD, &keys).expect("opens");
        store
            .back_up_daily(&vault.backup_dir(), today())
            .expect("backup");
        drop(store);
        (dir, before)
    };
    let (dir, _) = fresh();
    let total = run_phase(dir.path(), "change", None, None).expect("a whole change");
    assert!(total >= 6, "the change has its steps ({total})");
    let mut cases = 0;
    for fail_at in [None].into_iter().chain((0..total).map(Some)) {
        let (dir, before) = fresh();
        // How many operations this run has, with the failure injected.
        let ops = run_phase(dir.path(), "change", fail_at, None).expect("runs to the end");
        assert_whole(dir.path(), &before, &format!("failing op {fail_at:?}"));
        for crash_at in fail_at.map_or(0, |fail| fail + 1)..ops {
            let (dir, before) = fresh();
            run_phase(dir.path(), "change", fail_at, Some(crash_at));
            // The next start finishes or undoes, and may itself be cut short anywhere.
            let recovery_ops = run_phase(dir.path(), "reopen", None, None).unwrap_or(0);
            let what = format!("failing op {fail_at:?}, crash at op {crash_at}");
            assert_whole(dir.path(), &before, &what);
            cases += 1;
            for undo_crash in 0..recovery_ops {
                let (dir, before) = fresh();
                run_phase(dir.path(), "change", fail_at, Some(crash_at));
                run_phase(dir.path(), "reopen", None, Some(undo_crash));
                assert_whole(
                    dir.path(),
                    &before,
                    &format!("{what}, then the next start cut at op {undo_crash}"),
                );
                cases += 1;
            }
        }
    }
    println!("{cases} crash points, every one opens with one secret and holds the same circle");
}
