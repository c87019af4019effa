//! The key's real home: a round trip through the OS keyring (the Secret Service on Linux,
//! run headless by the test script; the Credential Manager on Windows, under Wine) that
//! survives the process that wrote it.
//!
//! The test writes a key, then runs *itself* again as a fresh process, which reads the key
//! back through the same code the app uses and compares it.

use std::process::Command;

use mentor_circle_lib::platform::keyring::{KeyringStore, SERVICE};
use mentor_core::{DbKey, SecretStore};

/// Set in the child process: the vault id to read, and the key it must find (hex).
const CHILD_VAULT: &str = "MENTOR_CIRCLE_TEST_CHILD_VAULT";
const CHILD_EXPECT: &str = "MENTOR_CIRCLE_TEST_CHILD_EXPECT";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[test]
fn a_key_kept_in_the_keyring_is_read_back_after_a_process_restart() {
    if let (Ok(vault_id), Ok(expected)) = (std::env::var(CHILD_VAULT), std::env::var(CHILD_EXPECT))
    {
        // The second process: nothing in memory, only what the keyring kept.
        let key = KeyringStore
            .load(&vault_id)
            .expect("the keyring answers in the new process");
        let key = key.expect("the key is still in the keyring after a restart");
        assert_eq!(
            hex(key.as_bytes()),
            expected,
            "the keyring must give back the same key"
        );
        return;
    }

    let vault_id = format!(
        "test-{}",
        hex(DbKey::generate().expect("random").as_bytes())
    );
    assert_eq!(
        KeyringStore
            .load(&vault_id)
            .expect("the OS keyring must answer (scripts/test.sh provides one)"),
        None,
        "a new vault id has no key yet"
    );
    let key = DbKey::generate().expect("random key");
    KeyringStore
        .save(&vault_id, &key)
        .expect("the keyring keeps the key");

    // The child's output is kept out of the run's own (it would count its test twice)
    // and shown only if it fails.
    let child = Command::new(std::env::current_exe().expect("own test binary"))
        .args([
            "a_key_kept_in_the_keyring_is_read_back_after_a_process_restart",
            "--exact",
        ])
        .env(CHILD_VAULT, &vault_id)
        .env(CHILD_EXPECT, hex(key.as_bytes()))
        .output()
        .expect("the child test process starts");
    let entry = keyring::Entry::new(SERVICE, &vault_id).expect("entry");
    let cleaned = entry.delete_credential();
    assert!(
        child.status.success(),
        "the restarted process must read the same key back:\n{}",
        String::from_utf8_lossy(&child.stdout)
    );
    assert!(cleaned.is_ok(), "the test key can be removed again");
}

#[test]
fn a_malformed_keyring_entry_is_reported_not_used() {
    let vault_id = format!(
        "test-{}",
        hex(DbKey::generate().expect("random").as_bytes())
    );
    let entry = keyring::Entry::new(SERVICE, &vault_id).expect("entry");
    entry
        .set_secret(b"not a key")
        .expect("the keyring stores anything");
    let loaded = KeyringStore.load(&vault_id);
    let _ = entry.delete_credential();
    assert_eq!(loaded, Err(mentor_core::SecretStoreError::Malformed));
}

/// Set in the child process of the next test: the folder where its session bus will be.
#[cfg(target_os = "linux")]
const CHILD_LATE_BUS: &str = "MENTOR_CIRCLE_TEST_LATE_BUS";

/// A session with no bus yet, as at a login where the app starts before the keyring: the
/// first ask fails, and once the bus and keyring are up, asking again in the same process
/// (the lock screen's "Try again") finds them. Nothing of the failure is kept. Linux only:
/// elsewhere the keyring is part of the OS, not a service that starts after the app.
#[cfg(target_os = "linux")]
#[test]
fn a_keyring_that_was_missing_is_found_when_asked_again() {
    if let Ok(folder) = std::env::var(CHILD_LATE_BUS) {
        let folder = std::path::PathBuf::from(folder);
        assert!(
            matches!(
                KeyringStore.load("late-keyring"),
                Err(mentor_core::SecretStoreError::Unavailable(_))
            ),
            "no bus yet: the keyring is unavailable"
        );
        let config =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/session-bus.conf");
        let bus = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .arg(format!(
                "--address=unix:path={}",
                folder.join("bus").display()
            ))
            .args(["--fork", "--print-pid"])
            .output()
            .expect("dbus-daemon starts");
        let bus_pid = String::from_utf8_lossy(&bus.stdout).trim().to_string();
        let mut keyring = Command::new("gnome-keyring-daemon")
            .args(["--unlock", "--components=secrets", "--foreground"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("gnome-keyring-daemon starts");
        if let Some(mut input) = keyring.stdin.take() {
            use std::io::Write;
            let _ = input.write_all(b"test");
        }
        let key = DbKey::generate().expect("random key");
        let mut kept = Err(mentor_core::SecretStoreError::Malformed);
        for _ in 0..100 {
            kept = KeyringStore.save("late-keyring", &key);
            if kept.is_ok() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let read = KeyringStore.load("late-keyring");
        let _ = keyring.kill();
        let _ = keyring.wait();
        let _ = Command::new("kill").arg(&bus_pid).status();
        assert_eq!(kept, Ok(()), "asked again, the keyring keeps the key");
        assert_eq!(read, Ok(Some(key)), "and gives it back");
        return;
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let home = folder.path().join("home");
    let runtime = folder.path().join("runtime");
    for dir in [&home, &runtime] {
        std::fs::create_dir_all(dir).expect("folder");
    }
    let child = Command::new(std::env::current_exe().expect("own test binary"))
        .args([
            "a_keyring_that_was_missing_is_found_when_asked_again",
            "--exact",
        ])
        .env(CHILD_LATE_BUS, folder.path())
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", folder.path().join("bus").display()),
        )
        .env("HOME", &home)
        .env("XDG_RUNTIME_DIR", &runtime)
        .output()
        .expect("the child test process starts");
    assert!(
        child.status.success(),
        "the keyring must be found on the second ask:\n{}{}",
        String::from_utf8_lossy(&child.stdout),
        String::from_utf8_lossy(&child.stderr)
    );
}
