//! Helpers shared by the reliability tests (`reliability.rs`, `damage_matrix.rs`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use mentor_core::key::MemorySecretStore;
use mentor_core::{Store, Vault};

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
