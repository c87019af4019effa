//! The crash loop: a child process does the app's real writes on a real encrypted data
//! folder (catch-ups, mentor edits, journal drafts and entries, daily backups, key
//! changes between the keyring and a passphrase, and on its first cycle the upgrade of
//! the first release's circle) and appends each write it saw acknowledged to a ledger
//! outside the folder; the parent kills it with SIGKILL at a random moment, reopens the
//! folder, and checks that every acknowledged write is there and that both
//! `integrity_check` and `cipher_integrity_check` pass.
//!
//! Usage: crash_loop [--cycles N] [--seed S]   (prints `cycles, lost, integrity failures`)

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::{NaiveDate, Utc};
use mentor_core::journal::{DraftOf, EntryContent};
use mentor_core::model::{CatchUpDraft, Mode};
use mentor_core::vault::NewKey;
use mentor_core::{DbKey, SecretStore, SecretStoreError, Store, Vault};

const PASSPHRASE: &str = "crash loop passphrase, long enough";

/// Keys as files beside the data folder, shared by the child and the parent.
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
        let path = self.0.join(vault_id);
        std::fs::create_dir_all(&self.0)
            .and_then(|()| {
                let mut file = std::fs::File::create(&path)?;
                file.write_all(key.as_bytes())?;
                file.sync_all()
            })
            .map_err(|error| SecretStoreError::Unavailable(error.to_string()))
    }
    fn forget(&self, vault_id: &str) -> Result<(), SecretStoreError> {
        let _ = std::fs::remove_file(self.0.join(vault_id));
        Ok(())
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).expect("date")
}

/// Opens the folder with whichever secret it is under now.
fn open(vault: &Vault, keys: &FolderKeyring) -> Result<Store, String> {
    vault
        .open(keys)
        .or_else(|_| vault.open_with_passphrase(PASSPHRASE, keys))
        .map_err(|error| format!("{error:?}"))
}

/// A small xorshift generator: seeded, so a run can be repeated.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn child(root: &Path, seed: u64) {
    let (vault, keys) = (
        Vault::new(root.join("data")),
        FolderKeyring(root.join("keyring")),
    );
    let mut ledger = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(root.join("ledger"))
        .expect("ledger");
    let mut acknowledge = |line: String| {
        ledger
            .write_all(format!("{line}\n").as_bytes())
            .expect("ledger");
        ledger.sync_data().expect("ledger");
    };
    let mut store = Some(open(&vault, &keys).expect("the child opens the circle"));
    let mut random = Random(seed | 1);
    let mentors = store.as_ref().map(|s| s.circle(today())).expect("open");
    let mentor_ids: Vec<i64> = mentors
        .expect("mentors")
        .iter()
        .map(|m| m.mentor.id)
        .collect();
    let mut step = 0u64;
    loop {
        step += 1;
        let mentor_id =
            mentor_ids[usize::try_from(random.below(mentor_ids.len() as u64)).unwrap_or(0)];
        let live = store.as_mut().expect("open");
        match random.below(100) {
            30..=39 => {
                // An edit stamped with the time, so a later edit reads as newer.
                let stamp = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|since| since.as_nanos())
                    .unwrap_or_default();
                let mut details = live.mentor(mentor_id).expect("mentor").details;
                details.expertise = format!("edit {stamp}");
                live.update_mentor(mentor_id, &details).expect("edit");
                acknowledge(format!("mentor {mentor_id} {stamp}"));
            }
            0..=29 => {
                let draft = CatchUpDraft {
                    mentor_id,
                    date: today(),
                    mode: Mode::Video,
                    note: format!("crash loop {seed} step {step}"),
                    discussed: Vec::new(),
                    reported_back: Vec::new(),
                };
                let saved = live.log_catch_up(&draft, today()).expect("catch-up");
                acknowledge(format!("catch-up {}", saved.id));
            }
            40..=59 => {
                let content = EntryContent {
                    body: format!("draft {seed} {step}"),
                    mood: None,
                    energy: None,
                    tags: Vec::new(),
                    mentor_ids: Vec::new(),
                };
                live.save_draft(DraftOf::NewEntry, &content, Utc::now())
                    .expect("draft");
                acknowledge(format!("draft {}", content.body));
            }
            60..=79 => {
                let content = EntryContent {
                    body: format!("entry {seed} {step}"),
                    mood: Some(3),
                    energy: None,
                    tags: vec!["loop".into()],
                    mentor_ids: vec![mentor_id],
                };
                let entry = live
                    .add_entry(&content, Utc::now(), today())
                    .expect("entry");
                acknowledge(format!("entry {}", entry.id));
            }
            80..=93 => {
                let day = today() + chrono::Days::new(random.below(60));
                live.back_up_daily(&vault.backup_dir(), day)
                    .expect("backup");
            }
            _ => {
                let header = vault.header().expect("header").expect("header");
                let to = match header.key_source {
                    mentor_core::key::KeySource::Keyring => NewKey::Passphrase(PASSPHRASE),
                    mentor_core::key::KeySource::Passphrase => NewKey::Keyring(&keys),
                };
                vault
                    .change_key(&mut store, to, &keys, &mut |_| {})
                    .expect("key change");
            }
        }
    }
}

/// What the ledger says was acknowledged.
struct Ledger {
    catch_ups: Vec<i64>,
    entries: Vec<i64>,
    last_draft: Option<String>,
    /// Each edited mentor's last acknowledged edit stamp.
    edits: std::collections::BTreeMap<i64, u128>,
    /// How many mentor edits were acknowledged in all.
    edit_count: usize,
}

fn read_ledger(path: &Path) -> Ledger {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut ledger = Ledger {
        catch_ups: Vec::new(),
        entries: Vec::new(),
        last_draft: None,
        edits: std::collections::BTreeMap::new(),
        edit_count: 0,
    };
    // A line cut short by the kill was never acknowledged: only whole lines count.
    for line in text.lines() {
        if let Some(id) = line.strip_prefix("catch-up ") {
            ledger.catch_ups.extend(id.parse::<i64>().ok());
        } else if let Some(id) = line.strip_prefix("entry ") {
            ledger.entries.extend(id.parse::<i64>().ok());
            // Saving a new entry publishes the draft of a new entry: it is gone by design.
            ledger.last_draft = None;
        } else if let Some(edit) = line.strip_prefix("mentor ") {
            if let Some((id, stamp)) = edit.split_once(' ')
                && let (Ok(id), Ok(stamp)) = (id.parse::<i64>(), stamp.parse::<u128>())
            {
                ledger.edits.insert(id, stamp);
                ledger.edit_count += 1;
            }
        } else if let Some(body) = line.strip_prefix("draft ") {
            ledger.last_draft = Some(body.to_string());
        }
    }
    ledger
}

/// Reopens after a kill: (writes lost, integrity failed).
fn check(root: &Path) -> (usize, bool) {
    let (vault, keys) = (
        Vault::new(root.join("data")),
        FolderKeyring(root.join("keyring")),
    );
    let store = match open(&vault, &keys) {
        Ok(store) => store,
        Err(error) => {
            eprintln!("the circle does not open after a kill: {error}");
            return (usize::MAX, true);
        }
    };
    let ledger = read_ledger(&root.join("ledger"));
    let missing_catch_ups = ledger
        .catch_ups
        .iter()
        .filter(|id| store.catch_up(**id).is_err())
        .count();
    let missing_entries = ledger
        .entries
        .iter()
        .filter(|id| store.entry(**id).is_err())
        .count();
    // An edit is kept if the mentor holds it or a later one.
    let missing_edits = ledger
        .edits
        .iter()
        .filter(|(id, stamp)| {
            store.mentor(**id).ok().and_then(|mentor| {
                mentor
                    .details
                    .expertise
                    .strip_prefix("edit ")
                    .and_then(|kept| kept.parse::<u128>().ok())
            }) < Some(**stamp)
        })
        .count();
    if missing_catch_ups + missing_entries + missing_edits > 0 {
        eprintln!(
            "missing: {missing_catch_ups} catch-ups, {missing_entries} entries, {missing_edits} mentor edits"
        );
    }
    let mut lost = missing_catch_ups + missing_entries + missing_edits;
    if let Some(body) = &ledger.last_draft {
        let kept = store.draft(DraftOf::NewEntry).ok().flatten();
        // A later, unacknowledged draft may have replaced it; never an older one.
        let seen = kept.is_some_and(|draft| {
            let step = |text: &str| text.rsplit(' ').next().and_then(|n| n.parse::<u64>().ok());
            draft.content.body == *body
                || draft.content.body.starts_with("draft ")
                    && step(&draft.content.body) >= step(body)
        });
        // Or an entry was saved after it (which publishes the draft) and the kill came
        // before the ledger heard of it.
        let newest = ledger.entries.iter().copied().max().unwrap_or(0);
        let published = (newest + 1..newest + 4).any(|id| store.entry(id).is_ok());
        if !seen && !published {
            eprintln!("the last acknowledged draft is gone");
            lost += 1;
        }
    }
    let whole = store
        .check_integrity()
        .map(|check| check.ok)
        .unwrap_or(false);
    (lost, !whole)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|arg| arg == name)
            .and_then(|at| args.get(at + 1))
            .and_then(|text| text.parse::<u64>().ok())
    };
    if args.get(1).map(String::as_str) == Some("--child") {
        let root = PathBuf::from(&args[2]);
        child(&root, value("--seed").unwrap_or(1));
        return;
    }
    let cycles = value("--cycles").unwrap_or(100);
    let seed = value("--seed").unwrap_or(20261207);
    let root = tempfile::tempdir().expect("temp dir");
    // The first release's circle, upgraded by the first child's open (and perhaps
    // killed mid-upgrade).
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/first-release");
    let data = root.path().join("data");
    std::fs::create_dir_all(&data).expect("data");
    for name in ["circle.db", "vault.json"] {
        std::fs::copy(fixture.join(name), data.join(name)).expect("fixture");
    }
    let header = Vault::new(&data).header().expect("header").expect("header");
    let key = DbKey::from_bytes(&std::fs::read(fixture.join("keyring-secret.bin")).expect("key"))
        .expect("32 bytes");
    FolderKeyring(root.path().join("keyring"))
        .save(&header.vault_id, &key)
        .expect("key kept");

    let mut random = Random(seed | 1);
    let (mut lost, mut failures) = (0usize, 0usize);
    for cycle in 0..cycles {
        let mut child = Command::new(std::env::current_exe().expect("self"))
            .args(["--child", &root.path().display().to_string()])
            .args(["--seed", &(seed ^ cycle).to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("child");
        std::thread::sleep(Duration::from_millis(20 + random.below(400)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let (lost_now, damaged) = check(root.path());
        if lost_now > 0 || damaged {
            eprintln!("cycle {cycle}: lost {lost_now}, integrity failed: {damaged}");
        }
        lost = lost.saturating_add(lost_now);
        failures += usize::from(damaged);
    }
    let ledger = read_ledger(&root.path().join("ledger"));
    println!(
        "acknowledged writes: {} catch-ups, {} entries, {} mentor edits",
        ledger.catch_ups.len(),
        ledger.entries.len(),
        ledger.edit_count
    );
    println!("cycles, lost, integrity failures");
    println!("{cycles}, {lost}, {failures}");
    if lost > 0 || failures > 0 {
        std::process::exit(1);
    }
}
