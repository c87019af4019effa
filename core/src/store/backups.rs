//! Copies of the open database: backups, and the new file a key change or a restore
//! writes before it takes the place of the old one.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, params};

use super::{SCHEMA_VERSION, Store};
use crate::backups::{self, BackupKind, BackupPreview};
use crate::error::{Error, LockReason, Result};
use crate::key::DbKey;
use crate::recovery::RecoveryKey;

impl Store {
    /// The recovery key for this circle (see [`crate::recovery`]).
    pub fn recovery_key(&self) -> RecoveryKey {
        RecoveryKey::of(&self.key)
    }

    /// Writes a consistent copy of the whole circle to a new file at `path`, encrypted
    /// with `key`. SQLCipher's `sqlcipher_export` reads inside one transaction, so the
    /// copy is a snapshot even while the app keeps writing; it never passes through
    /// plaintext on disk. An existing file at `path` is replaced.
    pub(crate) fn copy_to(&self, path: &Path, key: &DbKey) -> Result<()> {
        export_to(&self.conn, path, Some(key))
    }

    /// The data folder whose recovery key the user has saved (typed a group back), so
    /// the key is shown once. Any key change gives the folder a new id, so a new key is
    /// shown again.
    pub fn recovery_key_saved_for(&self) -> Result<Option<String>> {
        self.setting("recovery_key_saved_for")
    }

    /// Records that the recovery key of the folder named `vault_id` was saved.
    pub fn mark_recovery_key_saved(&mut self, vault_id: &str) -> Result<()> {
        self.put_setting("recovery_key_saved_for", &vault_id)
    }

    /// A copy of this circle's key, for a copy written under it.
    pub(crate) fn key_clone(&self) -> DbKey {
        self.key.clone()
    }

    /// Writes a backup to `path` (the user's choice), under this circle's key. Written
    /// beside it first and renamed, so a failure never leaves half a backup at `path`.
    pub fn back_up_to(&self, path: &Path) -> Result<u64> {
        let mut partial = path.as_os_str().to_owned();
        partial.push(".partial");
        let partial = PathBuf::from(partial);
        if self.plain {
            export_to(&self.conn, &partial, None)?;
        } else {
            self.copy_to(&partial, &self.key)?;
        }
        // The copy read every page into the cache: let those decrypted pages go, or a
        // large circle's app grows by the cache's size after each daily backup.
        let _ = self.conn.execute_batch("PRAGMA shrink_memory;");
        fs::rename(&partial, path).map_err(|error| {
            let _ = fs::remove_file(&partial);
            Error::Internal(format!("placing a backup: {error}"))
        })?;
        Ok(fs::metadata(path).map(|meta| meta.len()).unwrap_or(0))
    }

    /// A backup of `kind` in the data folder's `dir`, then the rotation, which never
    /// deletes `except` (the backup being restored).
    pub(crate) fn back_up_into(
        &self,
        dir: &Path,
        kind: BackupKind,
        except: Option<&Path>,
    ) -> Result<PathBuf> {
        crate::files::create_private_dir(dir)?;
        let path = dir.join(backups::file_name(kind, chrono::Utc::now()));
        self.back_up_to(&path)?;
        self.rotate_backups(dir, except)?;
        Ok(path)
    }

    /// Today's daily copy in `dir`, unless there is one already; then the rotation. The
    /// circle is checked page by page first: a damaged circle is never copied over good
    /// backups ([`LockReason::Damaged`], and nothing is written or deleted).
    pub fn back_up_daily(&self, dir: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
        let made_today = backups::list(dir)?
            .into_iter()
            .any(|file| file.kind == BackupKind::Daily && file.made_at.date_naive() == today);
        if made_today {
            return Ok(None);
        }
        if !self.check_integrity()?.ok {
            return Err(Error::Locked(LockReason::Damaged));
        }
        crate::files::create_private_dir(dir)?;
        let stamp = today
            .and_hms_opt(12, 0, 0)
            .map(|noon| noon.and_utc())
            .unwrap_or_else(chrono::Utc::now);
        let path = dir.join(backups::file_name(BackupKind::Daily, stamp));
        self.back_up_to(&path)?;
        self.rotate_backups(dir, None)?;
        Ok(Some(path))
    }

    /// Deletes the backups the rotation lets go, except `except` and the newest copy
    /// holding more than the circle does now when no kept copy does: a circle emptied
    /// by mistake (or by damage) must not push out the last copies of what it held.
    pub(crate) fn rotate_backups(&self, dir: &Path, except: Option<&Path>) -> Result<()> {
        let files = backups::list(dir)?;
        let mut delete = backups::to_delete(&files);
        if let Some(except) = except {
            delete.retain(|path| !same_file(path, except));
        }
        if delete.is_empty() {
            return Ok(());
        }
        let now = self.items()?;
        // Copies this circle's key cannot open count as holding nothing more.
        let holds_more = |path: &Path| {
            BackupCopy::open(path, &self.key)
                .and_then(|copy| crate::store::count_items(&copy.conn))
                .is_ok_and(|items| items > now)
        };
        let kept_holds_more = files
            .iter()
            .filter(|file| !delete.contains(&file.path))
            .any(|file| holds_more(&file.path));
        if !kept_holds_more {
            // `list` is newest first, so this finds the newest such copy.
            if let Some(spare) = files
                .iter()
                .find(|file| delete.contains(&file.path) && holds_more(&file.path))
            {
                delete.retain(|path| path != &spare.path);
            }
        }
        for old in delete {
            let _ = fs::remove_file(old);
        }
        Ok(())
    }
}

/// Whether two paths name the same file (as the user typed one, the list the other).
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The page cache (in KiB, as SQLite's negative `cache_size`) on each side of a copy.
const COPY_CACHE: i64 = -1024;

/// Copies everything `conn` holds into a new file at `path` under `key`, with the
/// same schema version; the file is synced before this returns. With no key the copy
/// is plain: only a benchmark's unencrypted store asks for that.
fn export_to(conn: &Connection, path: &Path, key: Option<&DbKey>) -> Result<()> {
    let written = export_unsynced(conn, path, key).and_then(|()| {
        // Synced through a handle opened for writing: Windows' FlushFileBuffers refuses
        // a read-only one.
        fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|file| file.sync_all())
            .map_err(|error| Error::Internal(format!("syncing a copy: {}", error.kind())))
    });
    if written.is_err() {
        // No half-written copy stays behind (a full disk, a failed sync).
        let _ = fs::remove_file(path);
    }
    written
}

fn export_unsynced(conn: &Connection, path: &Path, key: Option<&DbKey>) -> Result<()> {
    remove_if_there(path)?;
    let target = path
        .to_str()
        .ok_or_else(|| Error::Internal("backup path is not UTF-8".into()))?;
    // The copy reads every page once, in order: a small cache on both sides does it as
    // fast, and keeps a large circle's daily backup from filling the main cache's 16 MiB
    // (heap the app kept for the rest of its life: +1.4 MiB over ten idle minutes).
    let main_cache: i64 = conn.query_row("PRAGMA main.cache_size", [], |row| row.get(0))?;
    let mut key_text = zeroize::Zeroizing::new(String::with_capacity(68));
    if let Some(key) = key {
        key_text.push_str("x'");
        key_text.push_str(&key.hex());
        key_text.push('\'');
    }
    conn.execute(
        "ATTACH DATABASE ?1 AS copy KEY ?2",
        params![target, key_text.as_str()],
    )
    .map_err(|error| Error::Internal(format!("attaching a copy: {error}")))?;
    let copied = conn
        .execute_batch(&format!(
            "PRAGMA main.cache_size = {COPY_CACHE}; PRAGMA copy.cache_size = {COPY_CACHE};"
        ))
        .and_then(|()| conn.query_row("SELECT sqlcipher_export('copy')", [], |_| Ok(())))
        .and_then(|()| conn.query_row("PRAGMA main.user_version", [], |row| row.get::<_, i64>(0)))
        .and_then(|version| {
            // sqlcipher_export copies tables, not the header's user_version.
            conn.execute_batch(&format!("PRAGMA copy.user_version = {version};"))
        });
    let detached = conn.execute_batch("DETACH DATABASE copy");
    let _ = conn.execute_batch(&format!("PRAGMA main.cache_size = {main_cache};"));
    copied
        .and(detached)
        .map_err(|error| match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => Error::from(error),
            _ => Error::Internal(format!("copying the circle: {error}")),
        })
}

/// A backup file opened read-only with its key, to be copied over the circle by a
/// restore or re-encrypted by a key change. Nothing is ever written to it.
pub(crate) struct BackupCopy {
    conn: Connection,
    path: PathBuf,
    key: DbKey,
}

impl BackupCopy {
    /// Opens the backup at `path` with `key`, read-only, and checks it is a circle this
    /// app can read.
    pub(crate) fn open(path: &Path, key: &DbKey) -> Result<BackupCopy> {
        let conn = open_backup(path, key, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        Ok(BackupCopy {
            conn,
            path: path.to_path_buf(),
            key: key.clone(),
        })
    }

    /// Writes the backup's circle to a new file at `path` under `key`. The new file is
    /// the connection's main database and the backup is attached read-only (SQLite
    /// attaches with the main database's flags, so the other way round would open the
    /// backup for writing).
    pub(crate) fn copy_to(&self, path: &Path, key: &DbKey) -> Result<()> {
        remove_if_there(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let copied = (|| -> Result<()> {
            let target = super::open_connection(path, flags)?;
            target.execute_batch(&key.pragma())?;
            target.execute_batch("PRAGMA temp_store = MEMORY;")?;
            let source = source_uri(&self.path)?;
            let mut source_key = zeroize::Zeroizing::new(String::with_capacity(68));
            source_key.push_str("x'");
            source_key.push_str(&self.key.hex());
            source_key.push('\'');
            target.execute(
                "ATTACH DATABASE ?1 AS source KEY ?2",
                params![source, source_key.as_str()],
            )?;
            target.query_row("SELECT sqlcipher_export('main', 'source')", [], |_| Ok(()))?;
            let version: i64 =
                target.query_row("PRAGMA source.user_version", [], |row| row.get(0))?;
            target.execute_batch(&format!("PRAGMA main.user_version = {version};"))?;
            target.execute_batch("DETACH DATABASE source")?;
            target.close().map_err(|(_, error)| Error::from(error))?;
            fs::OpenOptions::new()
                .write(true)
                .open(path)
                .and_then(|file| file.sync_all())
                .map_err(|error| Error::Internal(format!("syncing a copy: {}", error.kind())))
        })();
        if copied.is_err() {
            let _ = fs::remove_file(path);
        }
        copied
    }
}

/// A `file:` URI that opens `path` read-only, for ATTACH.
fn source_uri(path: &Path) -> Result<String> {
    let text = path
        .to_str()
        .ok_or_else(|| Error::Internal("backup path is not UTF-8".into()))?;
    let mut uri = String::from("file:");
    for byte in text.bytes() {
        match byte {
            b'?' | b'#' | b'%' => uri.push_str(&format!("%{byte:02X}")),
            // Windows paths: SQLite wants forward slashes in a URI.
            b'\\' => uri.push('/'),
            _ => uri.push(char::from(byte)),
        }
    }
    uri.push_str("?mode=ro");
    Ok(uri)
}

/// Opens a backup file with `key` and checks it is a circle this app can read. Nothing
/// is written to it: no migrations, no journal.
fn open_backup(path: &Path, key: &DbKey, flags: OpenFlags) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::NotFound(
            "That backup file can't be found. Check where it was saved.".into(),
        ));
    }
    let conn = super::open_connection(path, flags).map_err(|_| {
        Error::NotFound("That backup file can't be opened. Check that it still exists.".into())
    })?;
    conn.execute_batch(&key.pragma())?;
    conn.execute_batch("PRAGMA temp_store = MEMORY;")?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|_| {
            Error::invalid(
                "backup",
                "This key doesn't open that file: it is another circle's backup, made \
                 before a key change, or not a backup. Try its recovery key.",
            )
        })?;
    if version > SCHEMA_VERSION {
        return Err(Error::invalid(
            "backup",
            "That backup was made by a newer version of Mentor Circle. Update the app to \
             restore it; it has been left as it is.",
        ));
    }
    if version == 0 {
        return Err(Error::invalid("backup", "That file holds no circle."));
    }
    Ok(conn)
}

/// What the backup at `path` holds.
pub(crate) fn preview(path: &Path, key: &DbKey) -> Result<BackupPreview> {
    let conn = open_backup(path, key, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let has = |table: &str| -> bool {
        conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [table],
            |row| row.get::<_, i64>(0),
        )
        .map(|found| found > 0)
        .unwrap_or(false)
    };
    let count = |table: &str| -> Result<u64> {
        if !has(table) {
            return Ok(0);
        }
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })?;
        Ok(u64::try_from(n).unwrap_or(0))
    };
    let mut names = conn.prepare("SELECT name FROM mentor ORDER BY name COLLATE NOCASE")?;
    let mentors = names
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(names);
    let latest_catch_up: Option<String> =
        conn.query_row("SELECT max(happened_on) FROM catch_up", [], |row| {
            row.get(0)
        })?;
    let latest_entry: Option<String> = if has("journal_entry") {
        conn.query_row("SELECT max(written_on) FROM journal_entry", [], |row| {
            row.get(0)
        })?
    } else {
        None
    };
    let latest_day = [latest_catch_up, latest_entry]
        .into_iter()
        .flatten()
        .filter_map(|day| day.parse::<NaiveDate>().ok())
        .max();
    Ok(BackupPreview {
        mentors,
        catch_ups: count("catch_up")?,
        journal_entries: count("journal_entry")?,
        goals: count("goal")?,
        prospects: count("prospect")?,
        latest_day,
        bytes: fs::metadata(path).map(|meta| meta.len()).unwrap_or(0),
    })
}

pub(crate) fn remove_if_there(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(Error::Internal(format!("removing an old copy: {error}"))),
    }
}
