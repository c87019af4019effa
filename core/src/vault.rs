//! Where the circle lives on disk, and the one rule about its key: a database that exists
//! is never deleted, recreated or overwritten because its key is missing or wrong.
//!
//! A data folder holds the encrypted database (`circle.db` and SQLite's `-wal`/`-shm`),
//! a small non-secret header (`vault.json`) saying how the key is obtained (the OS
//! keyring, or a passphrase with its Argon2id salt and costs) and `backups/`.
//!
//! Changing how the key is kept (keyring ⇄ passphrase, a new passphrase) gives the
//! database a new key. That is done so an interruption at any moment leaves a folder
//! that opens with the old secret or the new one: the circle is copied under the new key
//! to `circle.db.next`, the new header is written as `vault.json.next`, and the copy's
//! rename over `circle.db` is the single moment the change takes effect. Whoever opens
//! the folder next finishes or undoes a change that was cut short (see
//! [`Vault::finish_interrupted_change`]). A restore uses the same two files.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::backup::{self, BackupKind, BackupPreview};
use crate::error::{Error, LockReason, Result};
use crate::key::{DbKey, KdfParams, SecretStore, SecretStoreError, check_new_passphrase};
use crate::recovery::RecoveryKey;
use crate::store::Store;

/// The database file inside the data folder.
pub const DATABASE_FILE: &str = "circle.db";
/// The non-secret header inside the data folder.
pub const HEADER_FILE: &str = "vault.json";
/// The circle under its new key, while a key change or a restore is under way.
pub const NEXT_DATABASE_FILE: &str = "circle.db.next";
/// The header for the new key, while a key change is under way.
pub const NEXT_HEADER_FILE: &str = "vault.json.next";

/// How the key of a data folder is obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum KeySource {
    /// A random key kept in the OS keyring.
    Keyring,
    /// A key derived from a passphrase the user types to unlock.
    Passphrase,
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
    /// For [`KeySource::Passphrase`]: the salt and costs that turn it into the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kdf: Option<KdfParams>,
}

/// How the circle is protected, for Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Security {
    pub key_source: KeySource,
    /// The user has saved this key's recovery key (and proved it by typing a group).
    pub recovery_key_saved: bool,
}

/// The recovery key, shown once, and which group the user is asked to type back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecoveryKeyView {
    pub key: String,
    /// 1-based.
    pub check_group: u8,
}

/// The new way to keep the key, for [`Vault::change_key`].
pub enum NewKey<'a> {
    /// A new random key, kept in this keyring.
    Keyring(&'a dyn SecretStore),
    /// A key derived from this new passphrase.
    Passphrase(&'a str),
}

/// The moments of a key change, in order; a test can stop the process at any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeStep {
    /// `circle.db.next` holds the whole circle under the new key.
    CopyWritten,
    /// `vault.json.next` says how to get the new key.
    NextHeaderWritten,
    /// The new key is in the keyring (keyring only).
    NewKeyKept,
    /// The database is closed, its journal folded in.
    OldClosed,
    /// The copy took the database's place: the change has happened.
    DatabaseSwapped,
    /// The new header took the old one's place.
    HeaderSwapped,
    /// The old key left the keyring.
    OldKeyForgotten,
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

    /// The data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The encrypted database's path.
    pub fn database_path(&self) -> PathBuf {
        self.dir.join(DATABASE_FILE)
    }

    /// The header's path.
    pub fn header_path(&self) -> PathBuf {
        self.dir.join(HEADER_FILE)
    }

    /// The folder of automatic backups.
    pub fn backup_dir(&self) -> PathBuf {
        self.dir.join(backup::BACKUP_DIR)
    }

    fn next_database_path(&self) -> PathBuf {
        self.dir.join(NEXT_DATABASE_FILE)
    }

    fn next_header_path(&self) -> PathBuf {
        self.dir.join(NEXT_HEADER_FILE)
    }

    /// The header, if the folder has one.
    pub fn header(&self) -> Result<Option<Header>> {
        read_header(&self.header_path())
    }

    /// How the open circle is protected.
    pub fn security(&self, store: &Store) -> Result<Security> {
        let header = self
            .header()?
            .ok_or(Error::Locked(LockReason::KeyMissing))?;
        Ok(Security {
            key_source: header.key_source,
            recovery_key_saved: store.recovery_key_saved_for()?.as_deref()
                == Some(header.vault_id.as_str()),
        })
    }

    /// The recovery key to show, while it has not been saved; afterwards it is not shown
    /// again (a new one comes with "Make a new recovery key", which changes the key).
    pub fn recovery_key_to_save(&self, store: &Store) -> Result<RecoveryKeyView> {
        if self.security(store)?.recovery_key_saved {
            return Err(Error::Conflict(
                "You saved this recovery key already; it is shown only once. Make a new \
                 one in Settings if you lost it."
                    .into(),
            ));
        }
        let recovery = store.recovery_key();
        // The same group until it is confirmed, so reopening the window asks the same.
        let check_group = 1 + recovery
            .as_str()
            .bytes()
            .fold(0u8, |sum, byte| sum.wrapping_add(byte))
            % crate::recovery::GROUPS as u8;
        Ok(RecoveryKeyView {
            key: recovery.as_str().to_string(),
            check_group,
        })
    }

    /// Checks the group typed back and remembers that the recovery key was saved.
    pub fn confirm_recovery_key_saved(&self, store: &mut Store, typed: &str) -> Result<()> {
        let view = self.recovery_key_to_save(store)?;
        if !store
            .recovery_key()
            .group_matches(usize::from(view.check_group) - 1, typed)
        {
            return Err(Error::invalid(
                "recoveryCheck",
                format!(
                    "That isn't group {} of your recovery key. Check the copy you saved.",
                    view.check_group
                ),
            ));
        }
        let header = self
            .header()?
            .ok_or(Error::Locked(LockReason::KeyMissing))?;
        store.mark_recovery_key_saved(&header.vault_id)
    }

    /// How this folder's key is kept; `None` before the circle exists.
    pub fn key_source(&self) -> Result<Option<KeySource>> {
        if !self.database_path().exists() {
            return Ok(None);
        }
        Ok(self.header()?.map(|header| header.key_source))
    }

    /// Opens the circle with the keyring, creating it (and its key) only if no database
    /// exists yet. A circle protected by a passphrase stays locked with
    /// [`LockReason::PassphraseNeeded`].
    pub fn open(&self, secrets: &dyn SecretStore) -> Result<Store> {
        self.finish_interrupted_change(secrets)?;
        let database = self.database_path();
        let header = self.header()?;
        if database.exists() {
            let header = header.ok_or(Error::Locked(LockReason::KeyMissing))?;
            if header.key_source == KeySource::Passphrase {
                return Err(Error::Locked(LockReason::PassphraseNeeded));
            }
            let key = secrets.load(&header.vault_id).map_err(locked_by)?;
            let key = key.ok_or(Error::Locked(LockReason::KeyMissing))?;
            return self.open_store(&key);
        }
        create_private_dir(&self.dir)?;
        let header = match header {
            Some(header) if header.key_source == KeySource::Keyring => header,
            _ => {
                let header = Header {
                    format: 1,
                    vault_id: new_vault_id()?,
                    key_source: KeySource::Keyring,
                    kdf: None,
                };
                write_header(&self.header_path(), &header)?;
                header
            }
        };
        let key = match secrets
            .load(&header.vault_id)
            .map_err(|error| match error {
                // No keyring on the very first run: the user can choose a passphrase.
                SecretStoreError::Unavailable(_) => Error::Locked(LockReason::NoKeyringYet),
                other => locked_by(other),
            })? {
            Some(key) => key,
            None => keep_new_key(secrets, &header.vault_id)?,
        };
        self.open_store(&key)
    }

    /// Creates a new circle protected by a passphrase (first run). Refused if a circle
    /// exists already: changing an existing circle's key is [`Vault::change_key`].
    pub fn create_with_passphrase(&self, passphrase: &str) -> Result<Store> {
        check_new_passphrase(passphrase)?;
        if self.database_path().exists() {
            return Err(Error::Conflict(
                "A circle exists here already; change its passphrase in Settings.".into(),
            ));
        }
        create_private_dir(&self.dir)?;
        let kdf = KdfParams::new()?;
        let key = kdf.derive(passphrase)?;
        let header = Header {
            format: 1,
            vault_id: new_vault_id()?,
            key_source: KeySource::Passphrase,
            kdf: Some(kdf),
        };
        write_header(&self.header_path(), &header)?;
        self.open_store(&key)
    }

    /// Opens a circle protected by a passphrase. A wrong passphrase is refused on the
    /// `passphrase` field, and no file is touched.
    pub fn open_with_passphrase(
        &self,
        passphrase: &str,
        secrets: &dyn SecretStore,
    ) -> Result<Store> {
        self.finish_interrupted_change(secrets)?;
        let header = self
            .header()?
            .ok_or(Error::Locked(LockReason::KeyMissing))?;
        let kdf = match (header.key_source, header.kdf) {
            (KeySource::Passphrase, Some(kdf)) => kdf,
            _ => {
                return Err(Error::invalid(
                    "passphrase",
                    "Your circle's key is kept in the system keyring, not behind a passphrase.",
                ));
            }
        };
        let key = kdf.derive(passphrase)?;
        self.open_store(&key).map_err(|error| match error {
            Error::Locked(LockReason::WrongKey) => Error::invalid(
                "passphrase",
                "That passphrase doesn't open your circle. Nothing was changed; check \
                 Caps Lock and try again, or use your recovery key.",
            ),
            other => other,
        })
    }

    /// Opens the circle with its recovery key. In keyring mode the key goes back into
    /// the keyring; the answer says whether that worked (the circle opens either way).
    pub fn open_with_recovery_key(
        &self,
        typed: &str,
        secrets: &dyn SecretStore,
    ) -> Result<(Store, bool)> {
        self.finish_interrupted_change(secrets)?;
        let key = RecoveryKey::parse(typed)?;
        let header = self.header()?;
        let store = self.open_store(&key).map_err(|error| match error {
            Error::Locked(LockReason::WrongKey) => Error::invalid(
                "recoveryKey",
                "This recovery key is for another circle, or from before a key change. \
                 Nothing was changed.",
            ),
            other => other,
        })?;
        let kept = match header {
            Some(header) if header.key_source == KeySource::Keyring => {
                secrets.save(&header.vault_id, &key).is_ok()
                    && matches!(secrets.load(&header.vault_id), Ok(Some(kept)) if kept == key)
            }
            _ => false,
        };
        Ok((store, kept))
    }

    fn open_store(&self, key: &DbKey) -> Result<Store> {
        Store::open_backing_up(&self.database_path(), key, Some(&self.backup_dir()))
    }

    /// Gives the circle a new key kept the new way, re-encrypting the whole database.
    /// `slot` holds the open store; afterwards it holds the store under the new key, or
    /// on failure the store as it was. `step` is told each moment of the change.
    pub fn change_key(
        &self,
        slot: &mut Option<Store>,
        to: NewKey<'_>,
        secrets: &dyn SecretStore,
        step: &mut dyn FnMut(ChangeStep),
    ) -> Result<()> {
        let old_header = self
            .header()?
            .ok_or(Error::Locked(LockReason::KeyMissing))?;
        let (new_key, new_header) = match to {
            NewKey::Passphrase(passphrase) => {
                check_new_passphrase(passphrase)?;
                let kdf = KdfParams::new()?;
                let key = kdf.derive(passphrase)?;
                let header = Header {
                    format: 1,
                    vault_id: new_vault_id()?,
                    key_source: KeySource::Passphrase,
                    kdf: Some(kdf),
                };
                (key, header)
            }
            NewKey::Keyring(_) => {
                let header = Header {
                    format: 1,
                    vault_id: new_vault_id()?,
                    key_source: KeySource::Keyring,
                    kdf: None,
                };
                (DbKey::generate()?, header)
            }
        };
        let store = slot
            .as_ref()
            .ok_or(Error::Locked(LockReason::LockedByYou))?;
        let next_database = self.next_database_path();
        store.copy_to(&next_database, &new_key)?;
        step(ChangeStep::CopyWritten);
        if let Err(error) = write_header(&self.next_header_path(), &new_header) {
            let _ = fs::remove_file(&next_database);
            return Err(error);
        }
        step(ChangeStep::NextHeaderWritten);
        if let NewKey::Keyring(keyring) = to {
            if let Err(error) = keep_key(keyring, &new_header.vault_id, &new_key) {
                self.undo_change(secrets);
                return Err(error);
            }
            step(ChangeStep::NewKeyKept);
        }
        self.swap_in_next(slot, &new_key, step)?;
        if let Err(error) = fs::rename(self.next_header_path(), self.header_path()) {
            // The database is already under the new key; the next open finishes this.
            eprintln!("mentor-circle: header not swapped yet: {}", error.kind());
        }
        sync_dir(&self.dir);
        step(ChangeStep::HeaderSwapped);
        if old_header.key_source == KeySource::Keyring {
            let _ = secrets.forget(&old_header.vault_id);
        }
        step(ChangeStep::OldKeyForgotten);
        Ok(())
    }

    /// Closes the store, puts `circle.db.next` in the database's place, and opens it
    /// with `key`. If the swap fails, the old database is opened again.
    fn swap_in_next(
        &self,
        slot: &mut Option<Store>,
        key: &DbKey,
        step: &mut dyn FnMut(ChangeStep),
    ) -> Result<()> {
        let old_key = slot.as_ref().map(|store| store.key_clone());
        // Closing folds the -wal journal into the database and deletes it; a journal
        // left beside the new file would be replayed into it.
        slot.take();
        step(ChangeStep::OldClosed);
        let database = self.database_path();
        let wal = self.dir.join(format!("{DATABASE_FILE}-wal"));
        let swapped = if wal.exists() {
            Err(Error::Internal("the database journal is still open".into()))
        } else {
            fs::rename(self.next_database_path(), &database)
                .map_err(|error| Error::Internal(format!("swapping in the copy: {}", error.kind())))
        };
        if let Err(error) = swapped {
            let _ = fs::remove_file(self.next_database_path());
            let _ = fs::remove_file(self.next_header_path());
            if let Some(old_key) = old_key {
                *slot = Some(self.open_store(&old_key)?);
            }
            return Err(error);
        }
        sync_dir(&self.dir);
        step(ChangeStep::DatabaseSwapped);
        *slot = Some(self.open_store(key)?);
        Ok(())
    }

    /// Finishes or undoes a key change or restore that was cut short, so the folder
    /// opens with the old secret or the new one, never neither. Without
    /// `vault.json.next` nothing had happened yet (a stray `circle.db.next` is an
    /// unfinished copy); with it and its copy still there, the swap had not happened
    /// (undo); with it and no copy, the swap had happened (finish).
    pub fn finish_interrupted_change(&self, secrets: &dyn SecretStore) -> Result<()> {
        let next_header = self.next_header_path();
        let next_database = self.next_database_path();
        if !next_header.exists() {
            if next_database.exists() {
                crate::store::remove_if_there(&next_database)?;
            }
            return Ok(());
        }
        if next_database.exists() {
            self.undo_change(secrets);
            return Ok(());
        }
        let old = self.header().ok().flatten();
        fs::rename(&next_header, self.header_path())
            .map_err(|_| Error::Locked(LockReason::Unreadable))?;
        sync_dir(&self.dir);
        if let Some(old) = old.filter(|old| old.key_source == KeySource::Keyring) {
            let _ = secrets.forget(&old.vault_id);
        }
        Ok(())
    }

    fn undo_change(&self, secrets: &dyn SecretStore) {
        if let Ok(Some(next)) = read_header(&self.next_header_path()) {
            let current = self.header().ok().flatten().map(|header| header.vault_id);
            if next.key_source == KeySource::Keyring && current.as_ref() != Some(&next.vault_id) {
                let _ = secrets.forget(&next.vault_id);
            }
        }
        let _ = fs::remove_file(self.next_database_path());
        let _ = fs::remove_file(self.next_header_path());
    }

    // --- backups ---------------------------------------------------------------------

    /// The automatic and safety backups in the data folder, newest first.
    pub fn backups(&self) -> Result<Vec<backup::BackupFile>> {
        backup::list(&self.backup_dir())
    }

    /// What the backup at `path` holds. `recovery_key` is for a backup made under
    /// another key (another machine, or before a key change); `None` tries the open
    /// circle's own key.
    pub fn preview_backup(
        &self,
        store: &Store,
        path: &Path,
        recovery_key: Option<&str>,
    ) -> Result<BackupPreview> {
        let key = backup_key(store, recovery_key)?;
        crate::store::preview_backup(path, &key)
    }

    /// Replaces the circle with the backup at `path`. A safety copy of the circle as it
    /// is goes into `backups/` first; the backup is copied under the circle's current
    /// key, so the same keyring entry, passphrase and recovery key keep working.
    pub fn restore(
        &self,
        slot: &mut Option<Store>,
        path: &Path,
        recovery_key: Option<&str>,
    ) -> Result<PathBuf> {
        let store = slot
            .as_ref()
            .ok_or(Error::Locked(LockReason::LockedByYou))?;
        let key = backup_key(store, recovery_key)?;
        let current_key = store.key_clone();
        let backup = crate::store::BackupCopy::open(path, &key)?;
        let safety = store.back_up_into(&self.backup_dir(), BackupKind::BeforeRestore)?;
        backup.copy_to(&self.next_database_path(), &current_key)?;
        // Without a `vault.json.next`, an interruption before the swap simply drops the
        // copy; the swap is the moment the restore happens.
        self.swap_in_next(slot, &current_key, &mut |_| {})?;
        Ok(safety)
    }
}

fn backup_key(store: &Store, recovery_key: Option<&str>) -> Result<DbKey> {
    match recovery_key
        .map(str::trim)
        .filter(|typed| !typed.is_empty())
    {
        Some(typed) => RecoveryKey::parse(typed),
        None => Ok(store.key_clone()),
    }
}

/// Creates a key and proves the store kept it before any data depends on it.
fn keep_new_key(secrets: &dyn SecretStore, vault_id: &str) -> Result<DbKey> {
    let key = DbKey::generate()?;
    keep_key(secrets, vault_id, &key)?;
    Ok(key)
}

fn keep_key(secrets: &dyn SecretStore, vault_id: &str, key: &DbKey) -> Result<()> {
    secrets.save(vault_id, key).map_err(locked_by)?;
    match secrets.load(vault_id).map_err(locked_by)? {
        Some(kept) if &kept == key => Ok(()),
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

fn read_header(path: &Path) -> Result<Option<Header>> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|_| Error::Locked(LockReason::Unreadable)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(_) => Err(Error::Locked(LockReason::Unreadable)),
    }
}

fn write_header(path: &Path, header: &Header) -> Result<()> {
    write_atomically(path, &serde_json::to_vec_pretty(header).map_err(internal)?)
}

/// The data folder is readable by its owner only: the database is encrypted, but its
/// size and timestamps are nobody else's business either.
pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).map_err(internal)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(internal)?;
    }
    Ok(())
}

/// Makes renames inside `dir` durable (where the OS allows opening a folder).
fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// Writes `bytes` to `path` so that a crash leaves either the old file or the new one.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let mut file = fs::File::create(&partial).map_err(internal)?;
    file.write_all(bytes).map_err(internal)?;
    file.sync_all().map_err(internal)?;
    fs::rename(&partial, path).map_err(internal)?;
    if let Some(dir) = path.parent() {
        sync_dir(dir);
    }
    Ok(())
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
            Err(Error::Locked(LockReason::NoKeyringYet))
        ));
        assert!(
            !vault.database_path().exists(),
            "no database without a kept key"
        );
    }
}
