//! Helpers shared by the core's integration tests: days and instants written as text, a
//! new encrypted store, and the reliability tests' snapshots and sample circle. Each test
//! binary uses some of them, so the rest would be dead code in it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mentor_core::key::MemorySecretStore;
use mentor_core::{DbKey, Store, Vault};

/// A day written `YYYY-MM-DD`.
pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are valid")
}

/// An instant written `YYYY-MM-DD HH:MM`, in UTC.
pub fn at(text: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(
        &chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("valid time"),
    )
}

/// A new encrypted store in a temporary folder (kept alive by the returned guard).
pub fn open_new() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let key = DbKey::from_bytes(&[7; 32]).expect("32 bytes");
    let store = Store::open(&dir.path().join("circle.db"), &key).expect("new store opens");
    (dir, store)
}

/// A raw SQLCipher connection under `key`, as the store keys one.
pub fn raw_connection(path: &Path, key: &DbKey) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).expect("raw open");
    let hex: String = key
        .as_bytes()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";"))
        .expect("key");
    conn
}

/// Every file under `dir` with a hash of its bytes, to show that a refusal wrote nothing.
/// The folder lock is left out: it is held, not written.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, u64> {
    let mut all = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|name| name != "circle.lock") {
                let mut hasher = std::hash::DefaultHasher::new();
                std::hash::Hash::hash(&std::fs::read(&path).expect("file"), &mut hasher);
                all.insert(path, std::hash::Hasher::finish(&hasher));
            }
        }
    }
    all
}

/// A keyring circle in `dir/data` with the sample mentors and one daily backup made on
/// `today`. The store is still open: the caller reads what it needs, then drops it.
pub fn sample_circle(dir: &Path, today: NaiveDate) -> (Vault, MemorySecretStore, Store) {
    let vault = Vault::new(dir.join("data"));
    let secrets = MemorySecretStore::default();
    let mut store = vault.open(&secrets).expect("created");
    mentor_core::sample::add_sample_circle(&mut store, today).expect("sample");
    store
        .back_up_daily(&vault.backup_dir(), today)
        .expect("backup");
    (vault, secrets, store)
}
