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

use crate::backups::{self, BackupKind, BackupPreview};
use crate::error::{Error, LockReason, Result};
use crate::files::create_private_dir;
use crate::key::{
    DbKey, KdfParams, KeySource, SecretStore, SecretStoreError, check_new_passphrase,
};
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
    /// The key's [`DbKey::fingerprint`], so a key that fails to open the database can be
    /// told apart from a damaged database. Absent in headers from before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_fingerprint: Option<String>,
}

impl Header {
    /// A header for a new key kept in the keyring, under a new vault id.
    fn keyring(key: &DbKey) -> Result<Header> {
        Header::new(KeySource::Keyring, None, key)
    }

    /// A header for a key derived from a passphrase with `kdf`, under a new vault id.
    fn passphrase(kdf: KdfParams, key: &DbKey) -> Result<Header> {
        Header::new(KeySource::Passphrase, Some(kdf), key)
    }

    fn new(key_source: KeySource, kdf: Option<KdfParams>, key: &DbKey) -> Result<Header> {
        Ok(Header {
            format: 1,
            vault_id: new_vault_id()?,
            key_source,
            kdf,
            key_fingerprint: Some(key.fingerprint()),
        })
    }
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

/// One file operation of the data folder's protocols (a key change, its undo, a restore,
/// the first run), told to a [`FileHook`] just before it is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileOp {
    /// A new file is written (and synced) at this path.
    Write(PathBuf),
    /// A file is renamed over another.
    Rename(PathBuf, PathBuf),
    /// A file is removed.
    Remove(PathBuf),
    /// A second name is made for a file (a hard link, else a copy).
    Link(PathBuf, PathBuf),
    /// A key goes into the keyring.
    SaveKey,
    /// A key leaves the keyring.
    ForgetKey,
}

/// Called before every [`FileOp`]: an error stands for that operation failing. Tests use
/// it to fail or stop the process between any two operations; the app sets none.
pub type FileHook = std::sync::Arc<dyn Fn(&FileOp) -> std::io::Result<()> + Send + Sync>;

/// How to open a backup (and the circle it is restored into) while the circle is locked.
pub enum BackupUnlock<'a> {
    /// With the key the keyring keeps for this folder.
    Keyring,
    /// With the folder's passphrase.
    Passphrase(&'a str),
    /// With a recovery key: the backup's own, which also opens the restored circle.
    RecoveryKey(&'a str),
}

/// The paths of a data folder.
#[derive(Clone)]
pub struct Vault {
    dir: PathBuf,
    hook: Option<FileHook>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").field("dir", &self.dir).finish()
    }
}

/// The lock a running app holds on its data folder; released when dropped (or when the
/// process ends, however it ends).
#[derive(Debug)]
pub struct FolderLock {
    _file: fs::File,
}

/// Suffix of a backup re-encrypted under the new key while a key change is under way.
const NEXT_SUFFIX: &str = ".next";
/// Suffix of a file being written, before it is renamed into place.
const PARTIAL_SUFFIX: &str = ".partial";
/// The file a running app locks, so two apps never open one folder.
pub const LOCK_FILE: &str = "circle.lock";

impl Vault {
    /// The data folder at `dir` (created on first open).
    pub fn new(dir: impl Into<PathBuf>) -> Vault {
        Vault {
            dir: dir.into(),
            hook: None,
        }
    }

    /// The same folder, with `hook` told of every file operation (for crash tests).
    pub fn with_file_hook(mut self, hook: FileHook) -> Vault {
        self.hook = Some(hook);
        self
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
        self.dir.join(backups::BACKUP_DIR)
    }

    fn next_database_path(&self) -> PathBuf {
        self.dir.join(NEXT_DATABASE_FILE)
    }

    fn next_header_path(&self) -> PathBuf {
        self.dir.join(NEXT_HEADER_FILE)
    }

    /// Takes the OS's lock on the data folder (creating the folder if needed), so a
    /// second app on the same folder, with or without a session bus to find the first,
    /// opens nothing. [`LockReason::OpenElsewhere`] if another process holds it.
    pub fn lock_folder(&self) -> Result<FolderLock> {
        create_private_dir(&self.dir)?;
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK_FILE))
            .map_err(|_| Error::Locked(LockReason::FolderNotWritable))?;
        match file.try_lock() {
            Ok(()) => Ok(FolderLock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(Error::Locked(LockReason::OpenElsewhere)),
            Err(fs::TryLockError::Error(error)) => Err(Error::Internal(format!(
                "locking the folder: {}",
                error.kind()
            ))),
        }
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

    /// Checks the secret a key change must be confirmed with. Behind a passphrase, that is
    /// the current passphrase: a change of key or passphrase is never made on the say-so of
    /// whoever can reach the open window. In keyring mode there is no secret to ask for.
    pub fn check_current_secret(&self, current: Option<&str>) -> Result<()> {
        let header = self
            .header()?
            .ok_or(Error::Locked(LockReason::KeyMissing))?;
        if header.key_source != KeySource::Passphrase {
            return Ok(());
        }
        let Some(current) = current.filter(|typed| !typed.is_empty()) else {
            return Err(Error::invalid(
                "current",
                "Type your current passphrase to change how your circle is protected.",
            ));
        };
        let key = passphrase_key(&header, current)?;
        match &header.key_fingerprint {
            Some(kept) if *kept == key.fingerprint() => Ok(()),
            Some(_) => Err(Error::invalid(
                "current",
                "That isn't your current passphrase. Nothing was changed; check Caps Lock \
                 and try again.",
            )),
            // Opening the circle gives an older header its fingerprint, so this is a
            // header changed behind the app's back.
            None => Err(Error::Conflict(
                "Your circle's key file changed while it was open. Lock your circle, open \
                 it again, then try again."
                    .into(),
            )),
        }
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

    /// How this folder's key is kept; `None` before the circle exists (or when the header
    /// cannot be read). A header whose database is missing still says it, so the lock
    /// screen asks for the passphrase that opens its backups.
    pub fn key_source(&self) -> Result<Option<KeySource>> {
        Ok(self.header()?.map(|header| header.key_source))
    }

    /// What can be told about the database file without its key: nothing there yet, or
    /// a file whose size no SQLite database has (empty, or cut short mid-page).
    fn database_file(&self) -> Result<bool> {
        match fs::metadata(self.database_path()) {
            Ok(meta) if meta.len() == 0 || !meta.len().is_multiple_of(PAGE_SIZE) => {
                Err(Error::Locked(LockReason::Damaged))
            }
            Ok(_) => Ok(true),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(_) => Err(Error::Locked(LockReason::Unreadable)),
        }
    }

    /// Opens the circle with the keyring, creating it (and its key) only on a first run:
    /// no database and no header. A header without its database, or a database that is
    /// empty or damaged, is an existing circle: it stays locked and nothing is written.
    /// A circle protected by a passphrase stays locked with
    /// [`LockReason::PassphraseNeeded`].
    pub fn open(&self, secrets: &dyn SecretStore) -> Result<Store> {
        self.finish_interrupted_change(secrets)?;
        let header = self.header();
        if !self.database_file()? {
            return match header {
                Ok(None) => self.create(secrets),
                Ok(Some(_)) | Err(_) => Err(Error::Locked(LockReason::CircleMissing)),
            };
        }
        let header = header
            .map_err(|_| Error::Locked(LockReason::HeaderDamaged))?
            .ok_or(Error::Locked(LockReason::KeyMissing))?;
        if header.key_source == KeySource::Passphrase {
            return Err(Error::Locked(LockReason::PassphraseNeeded));
        }
        let key = secrets.load(&header.vault_id).map_err(locked_by)?;
        let key = key.ok_or(Error::Locked(LockReason::KeyMissing))?;
        self.open_existing(&key, Some(&header))
    }

    /// A first run in keyring mode: a new key, kept before any data depends on it.
    fn create(&self, secrets: &dyn SecretStore) -> Result<Store> {
        create_private_dir(&self.dir)?;
        let key = DbKey::generate()?;
        let header = Header::keyring(&key)?;
        self.before(FileOp::SaveKey)?;
        keep_key(secrets, &header.vault_id, &key).map_err(|error| match error {
            // No keyring on the very first run: the user can choose a passphrase.
            Error::Locked(LockReason::KeyringUnavailable) => {
                Error::Locked(LockReason::NoKeyringYet)
            }
            other => other,
        })?;
        self.create_with(&key, &header)
    }

    /// Writes a new, empty circle and its header by the key change's protocol, so a
    /// first run cut short leaves either nothing or a whole circle: never a header
    /// without its database (which would lock the user out of a circle never made).
    fn create_with(&self, key: &DbKey, header: &Header) -> Result<Store> {
        let next = self.next_database_path();
        self.before(FileOp::Write(next.clone()))?;
        drop(Store::open(&next, key)?);
        self.write_header_at(&self.next_header_path(), header)?;
        self.rename(&next, &self.database_path())?;
        self.rename(&self.next_header_path(), &self.header_path())?;
        self.open_existing(key, Some(header))
    }

    /// Creates a new circle protected by a passphrase (first run). Refused if a circle
    /// exists already: changing an existing circle's key is [`Vault::change_key`].
    pub fn create_with_passphrase(&self, passphrase: &str) -> Result<Store> {
        check_new_passphrase(passphrase)?;
        if self.database_path().exists() || self.header_path().exists() {
            return Err(Error::Conflict(
                "A circle exists here already; change its passphrase in Settings.".into(),
            ));
        }
        create_private_dir(&self.dir)?;
        let kdf = KdfParams::new()?;
        let key = kdf.derive(passphrase)?;
        let header = Header::passphrase(kdf, &key)?;
        self.create_with(&key, &header)
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
            .header()
            .map_err(|_| Error::Locked(LockReason::HeaderDamaged))?
            .ok_or(Error::Locked(LockReason::KeyMissing))?;
        let key = passphrase_key(&header, passphrase)?;
        if !self.database_file()? {
            return Err(Error::Locked(LockReason::CircleMissing));
        }
        self.open_existing(&key, Some(&header))
            .map_err(|error| match error {
                Error::Locked(LockReason::WrongKey) => wrong_passphrase(),
                other => other,
            })
    }

    /// Opens the circle with its recovery key, whatever became of `vault.json` (damaged
    /// or missing: a fresh keyring header is written). In keyring mode the key goes back
    /// into the keyring; the answer says whether that worked (the circle opens either way).
    pub fn open_with_recovery_key(
        &self,
        typed: &str,
        secrets: &dyn SecretStore,
    ) -> Result<(Store, bool)> {
        self.finish_interrupted_change(secrets)?;
        let key = RecoveryKey::parse(typed)?;
        if !self.database_file()? {
            return Err(Error::Locked(LockReason::CircleMissing));
        }
        let header = self.header().ok().flatten();
        let store = self
            .open_existing(&key, header.as_ref())
            .map_err(|error| match error {
                Error::Locked(LockReason::WrongKey) => wrong_recovery_key(),
                other => other,
            })?;
        let kept = self.header_for(&key, header, secrets)?;
        Ok((store, kept))
    }

    /// Makes sure the header describes `key` after the recovery key opened the circle:
    /// a readable header for this key stays (keyring mode gets the key back); otherwise
    /// a fresh keyring header is written. Answers whether the keyring now holds the key.
    fn header_for(
        &self,
        key: &DbKey,
        header: Option<Header>,
        secrets: &dyn SecretStore,
    ) -> Result<bool> {
        let fingerprint = key.fingerprint();
        // A header for another key (its fingerprint differs) no longer describes the
        // circle; one without a fingerprint got this key's when the circle opened.
        match header.filter(|header| {
            header
                .key_fingerprint
                .as_deref()
                .is_none_or(|kept| kept == fingerprint)
        }) {
            Some(header) if header.key_source == KeySource::Keyring => {
                self.before(FileOp::SaveKey)?;
                return Ok(keep_key(secrets, &header.vault_id, key).is_ok());
            }
            Some(_) => return Ok(false),
            None => {}
        }
        let header = Header::keyring(key)?;
        self.before(FileOp::SaveKey)?;
        let kept = keep_key(secrets, &header.vault_id, key).is_ok();
        self.write_header_at(&self.header_path(), &header)?;
        Ok(kept)
    }

    /// Opens the existing database with `key`, telling a wrong key from a damaged file:
    /// the key is right if it matches the header's fingerprint, or (for a header from
    /// before fingerprints) if it opens the newest backup. A header without a
    /// fingerprint gets one once the key is proven.
    fn open_existing(&self, key: &DbKey, header: Option<&Header>) -> Result<Store> {
        let side_files =
            ["-wal", "-shm"].map(|suffix| self.dir.join(format!("{DATABASE_FILE}{suffix}")));
        let were_there = side_files.clone().map(|path| path.exists());
        let opened = Store::open_existing(&self.database_path(), key, Some(&self.backup_dir()));
        if let Err(Error::Locked(_)) = &opened {
            // A file that fails after SQLite made its journal (one cut short at a page
            // boundary reads as whole until then) is left as it was found.
            for (path, was_there) in side_files.iter().zip(were_there) {
                if !was_there {
                    let _ = fs::remove_file(path);
                }
            }
        }
        match opened {
            Err(Error::Locked(LockReason::WrongKey)) => {
                let right_key = match header.and_then(|header| header.key_fingerprint.as_deref()) {
                    Some(fingerprint) => fingerprint == key.fingerprint(),
                    None => self.opens_a_backup(key),
                };
                Err(Error::Locked(if right_key {
                    LockReason::Damaged
                } else {
                    LockReason::WrongKey
                }))
            }
            Ok(store) => {
                if let Some(header) = header.filter(|header| header.key_fingerprint.is_none()) {
                    let mut with_fingerprint = header.clone();
                    with_fingerprint.key_fingerprint = Some(key.fingerprint());
                    // Only a help for telling damage from a wrong key later: a folder
                    // that cannot take it yet still opens.
                    if let Err(error) = self.write_header_at(&self.header_path(), &with_fingerprint)
                    {
                        eprintln!("mentor-circle: header kept without a fingerprint: {error}");
                    }
                }
                Ok(store)
            }
            other => other,
        }
    }

    fn opens_a_backup(&self, key: &DbKey) -> bool {
        self.backups()
            .unwrap_or_default()
            .iter()
            .take(3)
            .any(|file| crate::store::preview_backup(&file.path, key).is_ok())
    }

    // --- file operations, each told to the hook first ---------------------------------

    fn before(&self, op: FileOp) -> Result<()> {
        match &self.hook {
            Some(hook) => hook(&op)
                .map_err(|error| Error::Internal(format!("{}: {}", op_name(&op), error.kind()))),
            None => Ok(()),
        }
    }

    fn rename(&self, from: &Path, to: &Path) -> Result<()> {
        self.before(FileOp::Rename(from.to_path_buf(), to.to_path_buf()))?;
        fs::rename(from, to).map_err(|error| Error::Internal(format!("renaming: {}", error.kind())))
    }

    fn remove(&self, path: &Path) -> Result<()> {
        if !path.exists() {
            return Ok(());
        }
        self.before(FileOp::Remove(path.to_path_buf()))?;
        crate::store::remove_if_there(path)
    }

    fn write_header_at(&self, path: &Path, header: &Header) -> Result<()> {
        self.before(FileOp::Write(path.to_path_buf()))?;
        write_header(path, header)
    }

    fn forget(&self, secrets: &dyn SecretStore, vault_id: &str) {
        if self.before(FileOp::ForgetKey).is_ok() {
            // A key left behind in the keyring opens nothing that still exists.
            let _ = secrets.forget(vault_id);
        }
    }

    /// The backups re-encrypted for a key change under way: (copy, backup it replaces).
    fn next_backups(&self) -> Vec<(PathBuf, PathBuf)> {
        let Ok(entries) = fs::read_dir(self.backup_dir()) else {
            return Vec::new();
        };
        let mut found: Vec<(PathBuf, PathBuf)> = entries
            .filter_map(|entry| entry.ok())
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let original = name.strip_suffix(NEXT_SUFFIX)?;
                backups::parse_name(original)?;
                Some((entry.path(), self.backup_dir().join(original)))
            })
            .collect();
        found.sort();
        found
    }

    /// Removes what a crash left half-written: `*.partial` files of the header and of
    /// backups. Each is a copy of something whose original is still in place.
    fn clean_partial_files(&self) -> Result<()> {
        for dir in [self.dir.clone(), self.backup_dir()] {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.filter_map(|entry| entry.ok()) {
                let name = entry.file_name();
                let Some(name) = name.to_str() else { continue };
                let ours = name.strip_suffix(PARTIAL_SUFFIX).is_some_and(|stem| {
                    stem == HEADER_FILE
                        || stem == NEXT_HEADER_FILE
                        || backups::parse_name(stem).is_some()
                });
                if ours {
                    self.remove(&entry.path())?;
                }
            }
        }
        Ok(())
    }

    /// Gives the circle a new key kept the new way, re-encrypting the whole database and
    /// the backups kept in the data folder (so the new recovery key opens them all).
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
                let header = Header::passphrase(kdf, &key)?;
                (key, header)
            }
            NewKey::Keyring(_) => {
                let key = DbKey::generate()?;
                let header = Header::keyring(&key)?;
                (key, header)
            }
        };
        let store = slot
            .as_ref()
            .ok_or(Error::Locked(LockReason::LockedByYou))?;
        // Until `vault.json.next` exists, every file written here is a stray copy that
        // the next open removes: a failure only has to clean up what it can.
        let copied = self.write_next_copies(store, &new_key);
        if let Err(error) = copied {
            self.remove_strays()?;
            return Err(error);
        }
        step(ChangeStep::CopyWritten);
        if let Err(error) = self.write_header_at(&self.next_header_path(), &new_header) {
            self.remove_strays()?;
            return Err(error);
        }
        step(ChangeStep::NextHeaderWritten);
        if let NewKey::Keyring(keyring) = to {
            let kept = self
                .before(FileOp::SaveKey)
                .and_then(|()| keep_key(keyring, &new_header.vault_id, &new_key));
            if let Err(error) = kept {
                self.undo_change(secrets)?;
                return Err(error);
            }
            step(ChangeStep::NewKeyKept);
        }
        self.swap_in_next(slot, &new_key, step)?;
        self.finish_change(Some(&old_header), secrets, step);
        Ok(())
    }

    /// The circle under `key` as `circle.db.next`, and each backup the circle's own key
    /// opens as `<backup>.next` beside it.
    fn write_next_copies(&self, store: &Store, key: &DbKey) -> Result<()> {
        let next = self.next_database_path();
        self.before(FileOp::Write(next.clone()))?;
        store.copy_to(&next, key)?;
        let current = store.key_clone();
        for file in self.backups()? {
            let Ok(copy) = crate::store::BackupCopy::open(&file.path, &current) else {
                // Made under another key (another machine, an earlier change): it keeps
                // that key, and the backup list says so when it is chosen.
                continue;
            };
            let mut target = file.path.clone().into_os_string();
            target.push(NEXT_SUFFIX);
            let target = PathBuf::from(target);
            self.before(FileOp::Write(target.clone()))?;
            copy.copy_to(&target, key)?;
        }
        Ok(())
    }

    /// After the swap: the re-encrypted backups and the new header take their places,
    /// then the old key leaves the keyring. Each step is redone by the next open if it
    /// is cut short, so a failure here is logged, not returned: the change has happened.
    fn finish_change(
        &self,
        old_header: Option<&Header>,
        secrets: &dyn SecretStore,
        step: &mut dyn FnMut(ChangeStep),
    ) {
        for (copy, original) in self.next_backups() {
            if let Err(error) = self.rename(&copy, &original) {
                eprintln!("mentor-circle: a backup keeps its old key for now: {error}");
            }
        }
        if let Err(error) = self.rename(&self.next_header_path(), &self.header_path()) {
            // The database is already under the new key; the next open finishes this.
            eprintln!("mentor-circle: header not swapped yet: {error}");
            return;
        }
        sync_dir(&self.dir);
        step(ChangeStep::HeaderSwapped);
        if let Some(old) = old_header.filter(|old| old.key_source == KeySource::Keyring) {
            self.forget(secrets, &old.vault_id);
        }
        step(ChangeStep::OldKeyForgotten);
    }

    /// Closes the store, puts `circle.db.next` in the database's place, and opens it
    /// with `key`. If the swap fails, the change is undone and the old database opened
    /// again.
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
            self.rename(&self.next_database_path(), &database)
        };
        if let Err(error) = swapped {
            // The undo never leaves `vault.json.next` without its copy: that state means
            // "the swap happened" to the next open.
            let undone = self.undo_change_with(None);
            if let Some(old_key) = old_key {
                *slot = Some(self.open_existing(&old_key, None)?);
            }
            undone?;
            return Err(error);
        }
        sync_dir(&self.dir);
        step(ChangeStep::DatabaseSwapped);
        *slot = Some(Store::open_existing(
            &database,
            key,
            Some(&self.backup_dir()),
        )?);
        Ok(())
    }

    /// Finishes or undoes a key change or restore that was cut short, so the folder
    /// opens with the old secret or the new one, never neither. Without
    /// `vault.json.next` nothing had happened yet (a stray `circle.db.next` or backup
    /// copy is unfinished work); with it and its copy still there, the swap had not
    /// happened (undo); with it and no copy, the swap had happened (finish). Every
    /// clean-up keeps that reading true: `vault.json.next` goes before its copy.
    pub fn finish_interrupted_change(&self, secrets: &dyn SecretStore) -> Result<()> {
        self.clean_partial_files()?;
        if !self.next_header_path().exists() {
            return self.remove_strays();
        }
        if self.next_database_path().exists() {
            return self.undo_change(secrets);
        }
        let old = self.header().ok().flatten();
        self.finish_change(old.as_ref(), secrets, &mut |_| {});
        if self.next_header_path().exists() {
            return Err(Error::Locked(LockReason::FolderNotWritable));
        }
        Ok(())
    }

    /// Without `vault.json.next`: the copies of a change that never happened.
    fn remove_strays(&self) -> Result<()> {
        self.remove(&self.next_database_path())?;
        for (copy, _) in self.next_backups() {
            self.remove(&copy)?;
        }
        Ok(())
    }

    fn undo_change(&self, secrets: &dyn SecretStore) -> Result<()> {
        self.undo_change_with(Some(secrets))
    }

    /// Undoes a change whose swap has not happened: the new key leaves the keyring, then
    /// `vault.json.next`, then the copies. Stops at the first failure, leaving a state
    /// the next open undoes again.
    fn undo_change_with(&self, secrets: Option<&dyn SecretStore>) -> Result<()> {
        if let (Some(secrets), Ok(Some(next))) = (secrets, read_header(&self.next_header_path())) {
            let current = self.header().ok().flatten().map(|header| header.vault_id);
            if next.key_source == KeySource::Keyring && current.as_ref() != Some(&next.vault_id) {
                self.forget(secrets, &next.vault_id);
            }
        }
        self.remove(&self.next_header_path())?;
        self.remove_strays()
    }

    // --- backups ---------------------------------------------------------------------

    /// The automatic and safety backups in the data folder, newest first.
    pub fn backups(&self) -> Result<Vec<backups::BackupFile>> {
        backups::list(&self.backup_dir())
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
        let safety =
            store.back_up_into(&self.backup_dir(), BackupKind::BeforeRestore, Some(path))?;
        let next = self.next_database_path();
        self.before(FileOp::Write(next.clone()))?;
        backup.copy_to(&next, &current_key)?;
        // Without a `vault.json.next`, an interruption before the swap simply drops the
        // copy; the swap is the moment the restore happens.
        self.swap_in_next(slot, &current_key, &mut |_| {})?;
        Ok(safety)
    }

    /// The key a locked folder's backup opens with, and the header the restored circle
    /// needs if the current one does not describe that key.
    fn locked_key(
        &self,
        with: &BackupUnlock<'_>,
        secrets: &dyn SecretStore,
    ) -> Result<(DbKey, Option<Header>)> {
        let header = self.header();
        match with {
            BackupUnlock::Keyring => {
                let header = header?.ok_or(Error::Locked(LockReason::KeyMissing))?;
                let key = secrets.load(&header.vault_id).map_err(locked_by)?;
                Ok((key.ok_or(Error::Locked(LockReason::KeyMissing))?, None))
            }
            BackupUnlock::Passphrase(passphrase) => {
                let header = header?.ok_or(Error::Locked(LockReason::KeyMissing))?;
                Ok((passphrase_key(&header, passphrase)?, None))
            }
            BackupUnlock::RecoveryKey(typed) => {
                let key = RecoveryKey::parse(typed)?;
                let fingerprint = key.fingerprint();
                let fits = matches!(&header, Ok(Some(header))
                    if header.key_fingerprint.as_deref() == Some(fingerprint.as_str()));
                let new_header = (!fits).then(|| Header::keyring(&key)).transpose()?;
                Ok((key, new_header))
            }
        }
    }

    /// What a backup holds, while the circle is locked (damaged, missing, or its key
    /// lost): opened with the keyring's key, the passphrase or a recovery key.
    pub fn preview_backup_locked(
        &self,
        path: &Path,
        with: BackupUnlock<'_>,
        secrets: &dyn SecretStore,
    ) -> Result<BackupPreview> {
        let (key, _) = self.locked_key(&with, secrets)?;
        crate::store::preview_backup(path, &key).map_err(|error| key_error(error, &with))
    }

    /// Restores the backup at `path` while the circle is locked, and opens it. The file
    /// it replaces (damaged, perhaps) is kept in `backups/` as a before-restore copy; if
    /// the restored circle does not open, that file comes back and nothing is lost.
    /// With a recovery key that the header does not describe, a fresh keyring header is
    /// written for it (and the key put in the keyring, if there is one).
    pub fn restore_locked(
        &self,
        path: &Path,
        with: BackupUnlock<'_>,
        secrets: &dyn SecretStore,
    ) -> Result<Store> {
        self.finish_interrupted_change(secrets)?;
        let (key, new_header) = self.locked_key(&with, secrets)?;
        let backup =
            crate::store::BackupCopy::open(path, &key).map_err(|error| key_error(error, &with))?;
        let old_header = fs::read(self.header_path()).ok();
        create_private_dir(&self.backup_dir())?;
        let next = self.next_database_path();
        self.before(FileOp::Write(next.clone()))?;
        if let Err(error) = backup.copy_to(&next, &key) {
            self.remove_strays()?;
            return Err(error);
        }
        drop(backup);
        if let Some(header) = &new_header {
            if self.before(FileOp::SaveKey).is_ok()
                && let Err(error) = keep_key(secrets, &header.vault_id, &key)
            {
                eprintln!(
                    "mentor-circle: the restored circle's key is not in the keyring: {error}"
                );
            }
            if let Err(error) = self.write_header_at(&self.next_header_path(), header) {
                self.remove_strays()?;
                return Err(error);
            }
        }
        // The file being replaced is kept, with its journal, under a before-restore name.
        let database = self.database_path();
        let safety = self.backup_dir().join(backups::file_name(
            BackupKind::BeforeRestore,
            chrono::Utc::now(),
        ));
        let safety_wal = PathBuf::from(format!("{}-wal", safety.display()));
        let wal = self.dir.join(format!("{DATABASE_FILE}-wal"));
        let kept = (|| -> Result<()> {
            if database.exists() {
                self.before(FileOp::Link(database.clone(), safety.clone()))?;
                link_or_copy(&database, &safety)?;
            }
            if wal.exists() {
                self.rename(&wal, &safety_wal)?;
            }
            self.remove(&self.dir.join(format!("{DATABASE_FILE}-shm")))
        })();
        if let Err(error) = kept {
            self.undo_change_with(Some(secrets))?;
            return Err(error);
        }
        self.rename(&next, &database)?;
        sync_dir(&self.dir);
        if new_header.is_some() {
            self.finish_change(None, secrets, &mut |_| {});
        }
        match Store::open_existing(&database, &key, None) {
            Ok(store) => {
                store.rotate_backups(&self.backup_dir(), Some(path))?;
                Ok(store)
            }
            Err(error) => {
                // The previous state comes back: the old file (and journal) and header.
                if safety.exists() {
                    self.rename(&safety, &database)?;
                }
                if safety_wal.exists() {
                    self.rename(&safety_wal, &wal)?;
                }
                if new_header.is_some() {
                    match &old_header {
                        Some(bytes) => write_atomically(&self.header_path(), bytes)?,
                        None => self.remove(&self.header_path())?,
                    }
                }
                Err(error)
            }
        }
    }
}

/// The page size of every circle (SQLCipher 4's default): a database file is a whole
/// number of pages.
const PAGE_SIZE: u64 = 4096;

fn op_name(op: &FileOp) -> &'static str {
    match op {
        FileOp::Write(_) => "writing a file",
        FileOp::Rename(..) => "renaming a file",
        FileOp::Remove(_) => "removing a file",
        FileOp::Link(..) => "keeping a copy",
        FileOp::SaveKey => "keeping a key",
        FileOp::ForgetKey => "forgetting a key",
    }
}

/// A second name for `from` at `to` (a hard link: no bytes copied), else a copy.
fn link_or_copy(from: &Path, to: &Path) -> Result<()> {
    if fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    fs::copy(from, to)
        .and_then(|_| fs::File::options().write(true).open(to)?.sync_all())
        .map_err(|error| Error::Internal(format!("keeping the old circle: {}", error.kind())))
}

fn passphrase_key(header: &Header, passphrase: &str) -> Result<DbKey> {
    match (header.key_source, &header.kdf) {
        (KeySource::Passphrase, Some(kdf)) => kdf.derive(passphrase),
        _ => Err(Error::invalid(
            "passphrase",
            "Your circle's key is kept in the system keyring, not behind a passphrase.",
        )),
    }
}

fn wrong_passphrase() -> Error {
    Error::invalid(
        "passphrase",
        "That passphrase doesn't open your circle. Nothing was changed; check Caps Lock \
         and try again, or use your recovery key.",
    )
}

fn wrong_recovery_key() -> Error {
    Error::invalid(
        "recoveryKey",
        "This recovery key is for another circle, or from before a key change. Nothing \
         was changed.",
    )
}

/// A backup that the chosen key does not open, said on the field that holds the key.
fn key_error(error: Error, with: &BackupUnlock<'_>) -> Error {
    match (error, with) {
        (
            Error::Invalid {
                field: "backup", ..
            },
            BackupUnlock::Passphrase(_),
        ) => Error::invalid(
            "passphrase",
            "That passphrase doesn't open this backup. It may be from before a key change: \
             try its recovery key.",
        ),
        (
            Error::Invalid {
                field: "backup", ..
            },
            BackupUnlock::RecoveryKey(_),
        ) => Error::invalid(
            "recoveryKey",
            "This recovery key doesn't open that backup. Nothing was changed.",
        ),
        (other, _) => other,
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

/// Makes renames inside `dir` durable (where the OS allows opening a folder).
fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// Writes `bytes` to `path` so that a crash leaves either the old file or the new one
/// (and perhaps a `.partial`, which the next open removes).
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(PARTIAL_SUFFIX);
    let partial = PathBuf::from(partial);
    let written = (|| -> std::io::Result<()> {
        let mut file = fs::File::create(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&partial, path)
    })();
    if let Err(error) = written {
        let _ = fs::remove_file(&partial);
        return Err(Error::Internal(format!(
            "writing a header: {}",
            error.kind()
        )));
    }
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
