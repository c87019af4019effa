//! Where the circle lives on disk, and the one rule about its key: a database that exists
//! is never deleted, recreated or overwritten because its key is missing or wrong.
//!
//! A data folder holds the encrypted database (`circle.db` and SQLite's `-wal`/`-shm`)
//! and a small non-secret header (`vault.json`) naming the database, so the key can be
//! found in a secret store. The header is where a passphrase's salt and KDF parameters
//! will live too, so the same folder can later be opened by keyring, passphrase or
//! recovery key.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, LockReason, Result};
use crate::key::{DbKey, SecretStore, SecretStoreError};
use crate::store::Store;

/// The database file inside the data folder.
pub const DATABASE_FILE: &str = "circle.db";
/// The non-secret header inside the data folder.
pub const HEADER_FILE: &str = "vault.json";

/// How the key of a data folder is obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum KeySource {
    /// A random key kept in the OS keyring.
    Keyring,
}

/// The non-secret facts about a data folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Header {
    /// Format of this header file.
    pub format: u32,
    /// Names this database in the secret store; random, carries no personal data.
    pub vault_id: String,
    pub key_source: KeySource,
}

/// The paths of a data folder.
#[derive(Debug, Clone)]
pub struct Vault {
    dir: PathBuf,
}

impl Vault {
    /// The data folder at `dir` (created on first open).
    pub fn new(dir: impl Into<PathBuf>) -> Vault {
        Vault { dir: dir.into() }
    }

    /// The encrypted database's path.
    pub fn database_path(&self) -> PathBuf {
        self.dir.join(DATABASE_FILE)
    }

    /// The header's path.
    pub fn header_path(&self) -> PathBuf {
        self.dir.join(HEADER_FILE)
    }

    /// The header, if the folder has one.
    pub fn header(&self) -> Result<Option<Header>> {
        match fs::read(self.header_path()) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|_| Error::Locked(LockReason::Unreadable)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(_) => Err(Error::Locked(LockReason::Unreadable)),
        }
    }

    /// Opens the circle, creating it (and its key) only if no database exists yet.
    pub fn open(&self, secrets: &dyn SecretStore) -> Result<Store> {
        let database = self.database_path();
        let header = self.header()?;
        if database.exists() {
            let header = header.ok_or(Error::Locked(LockReason::KeyMissing))?;
            let key = secrets.load(&header.vault_id).map_err(locked_by)?;
            let key = key.ok_or(Error::Locked(LockReason::KeyMissing))?;
            return Store::open(&database, &key);
        }
        create_private_dir(&self.dir)?;
        let header = match header {
            Some(header) => header,
            None => {
                let header = Header {
                    format: 1,
                    vault_id: new_vault_id()?,
                    key_source: KeySource::Keyring,
                };
                write_atomically(
                    &self.header_path(),
                    &serde_json::to_vec_pretty(&header).map_err(internal)?,
                )?;
                header
            }
        };
        let key = match secrets.load(&header.vault_id).map_err(locked_by)? {
            Some(key) => key,
            None => keep_new_key(secrets, &header.vault_id)?,
        };
        Store::open(&database, &key)
    }
}

/// Creates a key and proves the store kept it before any data depends on it.
fn keep_new_key(secrets: &dyn SecretStore, vault_id: &str) -> Result<DbKey> {
    let key = DbKey::generate()?;
    secrets.save(vault_id, &key).map_err(locked_by)?;
    match secrets.load(vault_id).map_err(locked_by)? {
        Some(kept) if kept == key => Ok(key),
        _ => Err(Error::Locked(LockReason::KeyringUnavailable)),
    }
}

fn locked_by(error: SecretStoreError) -> Error {
    match error {
        SecretStoreError::Unavailable(_) => Error::Locked(LockReason::KeyringUnavailable),
        SecretStoreError::Malformed => Error::Locked(LockReason::WrongKey),
    }
}

fn new_vault_id() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| Error::Internal("no random source".into()))?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}

fn internal(error: impl std::fmt::Display) -> Error {
    Error::Internal(error.to_string())
}

/// The data folder is readable by its owner only: the database is encrypted, but its
/// size and timestamps are nobody else's business either.
fn create_private_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).map_err(internal)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(internal)?;
    }
    Ok(())
}

/// Writes `bytes` to `path` so that a crash leaves either the old file or the new one.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let partial = path.with_extension("json.partial");
    let mut file = fs::File::create(&partial).map_err(internal)?;
    file.write_all(bytes).map_err(internal)?;
    file.sync_all().map_err(internal)?;
    fs::rename(&partial, path).map_err(internal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::MemorySecretStore;
    use std::sync::atomic::Ordering;

    fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut all: Vec<_> = fs::read_dir(dir)
            .expect("data dir")
            .map(|entry| {
                let path = entry.expect("entry").path();
                let bytes = fs::read(&path).expect("file");
                (path, bytes)
            })
            .collect();
        all.sort();
        all
    }

    #[test]
    fn first_open_creates_the_key_then_the_database_and_reopens_with_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let vault = Vault::new(dir.path().join("data"));
        let secrets = MemorySecretStore::default();
        drop(vault.open(&secrets).expect("first open creates"));
        let header = vault.header().expect("header").expect("written");
        assert!(
            secrets.load(&header.vault_id).expect("load").is_some(),
            "key kept in the store"
        );
        drop(vault.open(&secrets).expect("second open reuses the key"));
    }

    #[test]
    fn a_missing_key_locks_and_leaves_every_file_as_it_was() {
        let dir = tempfile::tempdir().expect("temp dir");
        let vault = Vault::new(dir.path());
        drop(vault.open(&MemorySecretStore::default()).expect("created"));
        let before = files(dir.path());
        let empty_keyring = MemorySecretStore::default();
        match vault.open(&empty_keyring) {
            Err(Error::Locked(LockReason::KeyMissing)) => {}
            other => panic!("expected KeyMissing, got {:?}", other.map(|_| ())),
        }
        assert_eq!(
            files(dir.path()),
            before,
            "nothing may be created, deleted or rewritten"
        );
        assert!(
            empty_keyring.load("anything").expect("load").is_none(),
            "no new key may be made"
        );
    }

    #[test]
    fn an_unreachable_keyring_locks_and_leaves_every_file_as_it_was() {
        let dir = tempfile::tempdir().expect("temp dir");
        let vault = Vault::new(dir.path());
        let secrets = MemorySecretStore::default();
        drop(vault.open(&secrets).expect("created"));
        let before = files(dir.path());
        secrets.unavailable.store(true, Ordering::SeqCst);
        assert!(matches!(
            vault.open(&secrets),
            Err(Error::Locked(LockReason::KeyringUnavailable))
        ));
        assert_eq!(files(dir.path()), before);
    }

    #[test]
    fn a_wrong_key_locks_and_leaves_every_file_as_it_was() {
        let dir = tempfile::tempdir().expect("temp dir");
        let vault = Vault::new(dir.path());
        let secrets = MemorySecretStore::default();
        drop(vault.open(&secrets).expect("created"));
        let before = files(dir.path());
        let header = vault.header().expect("header").expect("written");
        secrets
            .save(&header.vault_id, &DbKey::generate().expect("key"))
            .expect("replace key");
        assert!(matches!(
            vault.open(&secrets),
            Err(Error::Locked(LockReason::WrongKey))
        ));
        assert_eq!(files(dir.path()), before);
    }

    #[test]
    fn without_a_keyring_on_first_run_no_database_is_created() {
        let dir = tempfile::tempdir().expect("temp dir");
        let vault = Vault::new(dir.path());
        let secrets = MemorySecretStore::default();
        secrets.unavailable.store(true, Ordering::SeqCst);
        assert!(matches!(
            vault.open(&secrets),
            Err(Error::Locked(LockReason::KeyringUnavailable))
        ));
        assert!(
            !vault.database_path().exists(),
            "no database without a kept key"
        );
    }
}
