//! The encrypted database: opening it safely, migrating it, and reading and writing the
//! circle.
//!
//! Opening order matters: the key comes first (SQLCipher encrypts every page, including
//! the header that holds `user_version`), then the key is proven by reading that header,
//! then a database from a newer app is refused *before* anything could write to it, and
//! only then are WAL, foreign keys and migrations applied.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags, Row};

use crate::error::{Error, LockReason, Result};
use crate::key::DbKey;

mod advice;
mod agenda;
mod backups;
mod brief;
mod catch_ups;
mod columns;
mod contacts;
mod gives;
mod goals;
mod journal;
mod mentor_page;
mod mentors;
mod nudges;
mod prospects;
mod schema;
mod settings;
mod today;
mod transfer;

pub(crate) use backups::{BackupCopy, preview as preview_backup, remove_if_there};
pub(crate) use schema::count_items;
pub use schema::{MIGRATIONS, SCHEMA_VERSION};

/// Opens a connection once SQLCipher is wholly set up.
///
/// SQLite marks itself initialised *before* it runs SQLCipher's extra set-up, which
/// registers `sqlcipher_export` for every later connection. A second thread opening a
/// connection in that moment got one without it, and its backups failed with "no such
/// function: sqlcipher_export" (seen about once in five parallel test runs). The first
/// open here waits, while every other thread waits on it, until a new connection has
/// the function (another thread may be the one finishing the set-up).
pub(crate) fn open_connection(path: &Path, flags: OpenFlags) -> Result<Connection> {
    static SET_UP: std::sync::Once = std::sync::Once::new();
    SET_UP.call_once(|| {
        for _ in 0..1000 {
            let ready = Connection::open_in_memory()
                .and_then(|conn| conn.prepare("SELECT sqlcipher_export('main')").map(|_| ()));
            if ready.is_ok() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    });
    Connection::open_with_flags(path, flags).map_err(|_| Error::Locked(LockReason::Unreadable))
}

/// Whether SQLite failed because the folder takes no writes (read-only, full, failing):
/// opening needs to write the journal files beside the database.
fn folder_not_writable(code: Option<ErrorCode>) -> bool {
    matches!(
        code,
        Some(
            ErrorCode::ReadOnly
                | ErrorCode::CannotOpen
                | ErrorCode::DiskFull
                | ErrorCode::SystemIoFailure
        )
    )
}

/// What "Check the circle" found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CircleCheck {
    /// Every page passed both checks.
    pub ok: bool,
    /// How many problems the checks reported.
    pub problems: u32,
    /// Pages read.
    #[ts(type = "number")]
    pub pages: u64,
}

/// An open, unlocked circle.
pub struct Store {
    conn: Connection,
    /// Kept for backups (written under the same key) and the recovery key; wiped on drop.
    key: DbKey,
    /// Opened without encryption, only by benchmarks (`bench-data` feature), to measure
    /// what encryption costs. Its backups are unencrypted too.
    plain: bool,
}

impl Store {
    /// Opens (or creates) the encrypted database at `path` with `key`, and brings its
    /// schema up to date. A wrong key, a damaged file or a newer schema is refused with
    /// [`Error::Locked`] and the file is left byte for byte as it was.
    pub fn open(path: &Path, key: &DbKey) -> Result<Store> {
        Store::open_backing_up(path, key, None)
    }

    /// Like [`Store::open`], and when the schema must be upgraded, an encrypted copy of
    /// the database as it was is written into `backups` first.
    pub fn open_backing_up(path: &Path, key: &DbKey, backups: Option<&Path>) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = open_connection(path, flags)?;
        Store::unlock(conn, Some(key), backups, false)
    }

    /// Opens a circle that must already exist: never creates the file, and a file that
    /// holds no circle (an empty schema) is [`LockReason::Damaged`], not a new circle.
    pub fn open_existing(path: &Path, key: &DbKey, backups: Option<&Path>) -> Result<Store> {
        if !path.is_file() {
            return Err(Error::Locked(LockReason::CircleMissing));
        }
        // With CREATE all the same: databases attached later (the copies a backup or a
        // key change writes) take the main database's flags.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = open_connection(path, flags)?;
        Store::unlock(conn, Some(key), backups, true)
    }

    /// Opens (or creates) an *unencrypted* database with the same schema and settings,
    /// for benchmarks that measure what encryption costs. Never in the app.
    #[cfg(feature = "bench-data")]
    pub fn open_unencrypted(path: &Path) -> Result<Store> {
        let conn = open_connection(path, OpenFlags::default())?;
        Store::unlock(conn, None, None, false)
    }

    fn unlock(
        conn: Connection,
        key: Option<&DbKey>,
        backups: Option<&Path>,
        existing: bool,
    ) -> Result<Store> {
        // Until the key is proven, closing must not checkpoint: SQLite would copy the
        // -wal journal (left by a crash) into the database without needing the key,
        // rewriting a file we promised to leave untouched.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        if let Some(key) = key {
            conn.execute_batch(&key.pragma())?;
        }
        // Temp tables and sort spills stay in memory: on disk they would be plaintext.
        conn.execute_batch("PRAGMA temp_store = MEMORY;")?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(|error| match error.sqlite_error_code() {
                // SQLCipher cannot tell a wrong key from a damaged first page: both fail
                // the page HMAC and report "not a database". The vault tells them apart
                // with the key's fingerprint.
                Some(ErrorCode::NotADatabase) => Error::Locked(LockReason::WrongKey),
                // Page 1 decrypted and passed its check, so the key is right; SQLite
                // found the file shorter than its header says (cut short) or worse.
                Some(ErrorCode::DatabaseCorrupt) => Error::Locked(LockReason::Damaged),
                code if folder_not_writable(code) => Error::Locked(LockReason::FolderNotWritable),
                _ => Error::Locked(LockReason::Unreadable),
            })?;
        if version > SCHEMA_VERSION {
            return Err(Error::Locked(LockReason::NewerVersion));
        }
        if existing && version == 0 {
            // An existing file with no schema is not a new circle: opening it as one
            // would let the daily backups push the good copies out.
            return Err(Error::Locked(LockReason::Damaged));
        }
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
        conn.execute_batch("PRAGMA journal_mode = WAL;")
            .map_err(|error| match error.sqlite_error_code() {
                // WAL needs its -wal and -shm files beside the database.
                code if folder_not_writable(code) => Error::Locked(LockReason::FolderNotWritable),
                _ => Error::from(error),
            })?;
        conn.execute_batch(
            // SQLCipher decrypts and checks every page it reads into its cache; the
            // default 2 MiB holds a fraction of a large circle's home screen, so every
            // read decrypted it all again. Up to 16 MiB, used only as pages are read.
            "PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;
             PRAGMA cache_size = -16384;",
        )?;
        let mut store = Store {
            conn,
            key: match key {
                Some(key) => key.clone(),
                // Never used to write anything: a plain store's copies are plain.
                None => DbKey::generate()?,
            },
            plain: key.is_none(),
        };
        if let Some(backups) = backups.filter(|_| version > 0 && version < SCHEMA_VERSION) {
            store.back_up_into(backups, crate::backups::BackupKind::BeforeUpgrade, None)?;
        }
        store.migrate(version)?;
        Ok(store)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        let from = usize::try_from(from).map_err(|_| Error::Locked(LockReason::Unreadable))?;
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(from) {
            // Each step and its version bump commit together, so an interrupted upgrade
            // resumes at the step that did not finish.
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", index as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The connection, for the benchmark dataset's bulk settings.
    #[cfg(feature = "bench-data")]
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Reads every page of the circle and checks it: SQLCipher's check of each page's
    /// authentication code (damage or tampering), then SQLite's check of the structure.
    /// Takes a moment on a large circle; run by the daily backup and "Check the circle".
    pub fn check_integrity(&self) -> Result<CircleCheck> {
        let collect = |sql: &str| -> Result<Vec<String>> {
            let mut statement = self.conn.prepare(sql)?;
            let rows = statement
                .query_map([], |row| row.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        };
        // Problems name pages and tables, never contents; only their count leaves here.
        // A check that stops at a page it cannot read has found a problem too.
        let problems = |found: Result<Vec<String>>| match found {
            Ok(lines) => Ok(lines.into_iter().filter(|line| line != "ok").count()),
            Err(Error::Locked(LockReason::Damaged)) => Ok(1),
            Err(other) => Err(other),
        };
        let cipher = problems(collect("PRAGMA cipher_integrity_check"))?;
        let structure = problems(collect("PRAGMA integrity_check"))?;
        let pages: i64 = self
            .conn
            .query_row("PRAGMA page_count", [], |row| row.get(0))?;
        Ok(CircleCheck {
            ok: cipher == 0 && structure == 0,
            problems: u32::try_from(cipher + structure).unwrap_or(u32::MAX),
            pages: u64::try_from(pages).unwrap_or(0),
        })
    }

    /// How much the circle holds, as one number: its rows of things the user wrote or
    /// logged. A backup holding more than this is one the rotation must not lose.
    pub fn items(&self) -> Result<u64> {
        count_items(&self.conn)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }
}

/// A stored day (`YYYY-MM-DD`) read without a format parser: the home screen reads four
/// per mentor, and the general parser was most of its time in a circle of thousands.
fn day_at(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text = match row.get_ref(index)? {
        rusqlite::types::ValueRef::Null => return Ok(None),
        value => value.as_str()?,
    };
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = text.get(range)?;
        digits
            .bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| digits.parse().ok())
            .flatten()
    };
    let bytes = text.as_bytes();
    let parsed = (bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-')
        .then(|| {
            let year = i32::try_from(number(0..4)?).ok()?;
            NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
        })
        .flatten();
    parsed.map(Some).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            "not a day".into(),
        )
    })
}
