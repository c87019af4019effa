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
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, Row, params};

use crate::cadence;
use crate::error::{Error, LockReason, Result};
use crate::key::DbKey;
use crate::model::{
    CatchUp, CatchUpDraft, CatchUpId, CircleMember, Mentor, MentorDraft, MentorId, MentorPage,
    Mode, Role,
};
use crate::validate;

/// Append-only: each entry moves the schema from version `index` to `index + 1`.
/// Never edit a released entry; add a new one.
const MIGRATIONS: &[&str] = &[
    // 1: mentors, their roles, and catch-ups.
    "CREATE TABLE mentor (
        id             INTEGER PRIMARY KEY,
        name           TEXT    NOT NULL,
        organisation   TEXT    NOT NULL DEFAULT '',
        cadence_days   INTEGER NOT NULL CHECK (cadence_days BETWEEN 1 AND 730),
        preferred_mode TEXT    NOT NULL,
        added_on       TEXT    NOT NULL,
        archived_at    TEXT,
        created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;
    CREATE TABLE mentor_role (
        mentor_id INTEGER NOT NULL REFERENCES mentor(id) ON DELETE CASCADE,
        role      TEXT    NOT NULL,
        position  INTEGER NOT NULL,
        PRIMARY KEY (mentor_id, role)
    ) STRICT;
    CREATE TABLE catch_up (
        id          INTEGER PRIMARY KEY,
        mentor_id   INTEGER NOT NULL REFERENCES mentor(id) ON DELETE CASCADE,
        happened_on TEXT    NOT NULL,
        mode        TEXT    NOT NULL,
        note        TEXT    NOT NULL DEFAULT '',
        created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT;
    CREATE INDEX catch_up_by_mentor_and_day ON catch_up (mentor_id, happened_on DESC);",
];

/// The schema version this build of the app writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// An open, unlocked circle.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (or creates) the encrypted database at `path` with `key`, and brings its
    /// schema up to date. A wrong key, a damaged file or a newer schema is refused with
    /// [`Error::Locked`] and the file is left byte for byte as it was.
    pub fn open(path: &Path, key: &DbKey) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|_| Error::Locked(LockReason::Unreadable))?;
        Store::unlock(conn, key)
    }

    fn unlock(conn: Connection, key: &DbKey) -> Result<Store> {
        // Until the key is proven, closing must not checkpoint: SQLite would copy the
        // -wal journal (left by a crash) into the database without needing the key,
        // rewriting a file we promised to leave untouched.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        conn.execute_batch(&key.pragma())?;
        // Temp tables and sort spills stay in memory: on disk they would be plaintext.
        conn.execute_batch("PRAGMA temp_store = MEMORY;")?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(|error| match error.sqlite_error_code() {
                // SQLCipher cannot tell a wrong key from a damaged file: both fail the
                // page HMAC and report "not a database".
                Some(ErrorCode::NotADatabase) => Error::Locked(LockReason::WrongKey),
                _ => Error::Locked(LockReason::Unreadable),
            })?;
        if version > SCHEMA_VERSION {
            return Err(Error::Locked(LockReason::NewerVersion));
        }
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = 5000;",
        )?;
        let mut store = Store { conn };
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

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }

    // --- mentors -------------------------------------------------------------------

    /// Adds a mentor to the circle; `today` becomes the day their cadence counts from.
    pub fn add_mentor(&mut self, draft: &MentorDraft, today: NaiveDate) -> Result<Mentor> {
        let draft = validate::mentor(draft)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO mentor (name, organisation, cadence_days, preferred_mode, added_on)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                draft.name,
                draft.organisation,
                draft.cadence_days,
                draft.preferred_mode.key(),
                today
            ],
        )?;
        let id = tx.last_insert_rowid();
        write_roles(&tx, id, &draft.roles)?;
        tx.commit()?;
        self.mentor(id)
    }

    /// Changes a mentor's details; their history is untouched.
    pub fn update_mentor(&mut self, id: MentorId, draft: &MentorDraft) -> Result<Mentor> {
        let draft = validate::mentor(draft)?;
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE mentor SET name = ?2, organisation = ?3, cadence_days = ?4, preferred_mode = ?5
             WHERE id = ?1",
            params![
                id,
                draft.name,
                draft.organisation,
                draft.cadence_days,
                draft.preferred_mode.key()
            ],
        )?;
        if changed == 0 {
            return Err(mentor_not_found());
        }
        tx.execute("DELETE FROM mentor_role WHERE mentor_id = ?1", [id])?;
        write_roles(&tx, id, &draft.roles)?;
        tx.commit()?;
        self.mentor(id)
    }

    /// Moves a mentor out of the active circle (or back with `archived = false`),
    /// keeping every catch-up.
    pub fn set_archived(&mut self, id: MentorId, archived: bool) -> Result<Mentor> {
        let sql = if archived {
            "UPDATE mentor SET archived_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE id = ?1 AND archived_at IS NULL"
        } else {
            "UPDATE mentor SET archived_at = NULL WHERE id = ?1"
        };
        let tx = self.conn.transaction()?;
        tx.execute(sql, [id])?;
        tx.commit()?;
        self.mentor(id)
    }

    /// One mentor, archived or not.
    pub fn mentor(&self, id: MentorId) -> Result<Mentor> {
        self.conn
            .query_row(
                &format!("{MENTOR_SELECT} WHERE m.id = ?1"),
                [id],
                mentor_from_row,
            )
            .optional()?
            .ok_or_else(mentor_not_found)?
    }

    /// Every archived mentor, by name.
    pub fn archived_mentors(&self) -> Result<Vec<Mentor>> {
        let sql = format!(
            "{MENTOR_SELECT} WHERE m.archived_at IS NOT NULL ORDER BY m.name COLLATE NOCASE"
        );
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([], mentor_from_row)?;
        rows.map(|row| row?).collect()
    }

    /// The active circle on `today`, most urgent first: overdue, then due, then by how
    /// soon each is due, then by name.
    pub fn circle(&self, today: NaiveDate) -> Result<Vec<CircleMember>> {
        let sql = format!("{MENTOR_SELECT} WHERE m.archived_at IS NULL");
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([], |row| {
            let last: Option<NaiveDate> = row.get(8)?;
            Ok((mentor_from_row(row)?, last))
        })?;
        let mut members = Vec::new();
        for row in rows {
            let (mentor, last_catch_up) = row?;
            let mentor = mentor?;
            let counts_from = last_catch_up.unwrap_or(mentor.added_on);
            let cadence = cadence::status(counts_from, mentor.cadence_days, today);
            members.push(CircleMember {
                mentor,
                last_catch_up,
                cadence,
            });
        }
        members.sort_by(|a, b| {
            (a.cadence.days_until_due, a.mentor.name.to_lowercase())
                .cmp(&(b.cadence.days_until_due, b.mentor.name.to_lowercase()))
        });
        Ok(members)
    }

    // --- catch-ups -----------------------------------------------------------------

    /// Records a catch-up; it resets the mentor's cadence at once.
    pub fn log_catch_up(&mut self, draft: &CatchUpDraft, today: NaiveDate) -> Result<CatchUp> {
        let draft = validate::catch_up(draft, today)?;
        let tx = self.conn.transaction()?;
        ensure_mentor_exists(&tx, draft.mentor_id)?;
        tx.execute(
            "INSERT INTO catch_up (mentor_id, happened_on, mode, note) VALUES (?1, ?2, ?3, ?4)",
            params![draft.mentor_id, draft.date, draft.mode.key(), draft.note],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.catch_up(id)
    }

    /// Corrects a logged catch-up (its date, mode, note, or even which mentor).
    pub fn update_catch_up(
        &mut self,
        id: CatchUpId,
        draft: &CatchUpDraft,
        today: NaiveDate,
    ) -> Result<CatchUp> {
        let draft = validate::catch_up(draft, today)?;
        let tx = self.conn.transaction()?;
        ensure_mentor_exists(&tx, draft.mentor_id)?;
        let changed = tx.execute(
            "UPDATE catch_up SET mentor_id = ?2, happened_on = ?3, mode = ?4, note = ?5 WHERE id = ?1",
            params![id, draft.mentor_id, draft.date, draft.mode.key(), draft.note],
        )?;
        if changed == 0 {
            return Err(catch_up_not_found());
        }
        tx.commit()?;
        self.catch_up(id)
    }

    /// Deletes a catch-up and returns it, so the UI can offer to put it back.
    pub fn delete_catch_up(&mut self, id: CatchUpId) -> Result<CatchUp> {
        let deleted = self.catch_up(id)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM catch_up WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(deleted)
    }

    /// One catch-up.
    pub fn catch_up(&self, id: CatchUpId) -> Result<CatchUp> {
        self.conn
            .query_row(
                &format!("{CATCH_UP_SELECT} WHERE id = ?1"),
                [id],
                catch_up_from_row,
            )
            .optional()?
            .ok_or_else(catch_up_not_found)?
    }

    /// A mentor's catch-ups, newest first.
    pub fn catch_ups(&self, mentor_id: MentorId) -> Result<Vec<CatchUp>> {
        self.mentor(mentor_id)?;
        let sql =
            format!("{CATCH_UP_SELECT} WHERE mentor_id = ?1 ORDER BY happened_on DESC, id DESC");
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([mentor_id], catch_up_from_row)?;
        rows.map(|row| row?).collect()
    }
}

/// Columns 0–7 are the mentor; column 8 is the day of their last catch-up.
const MENTOR_SELECT: &str = "SELECT m.id, m.name, m.organisation, m.cadence_days, m.preferred_mode,
        m.added_on, m.archived_at IS NOT NULL,
        (SELECT group_concat(role, ',') FROM
            (SELECT role FROM mentor_role r WHERE r.mentor_id = m.id ORDER BY position)) AS roles,
        (SELECT max(happened_on) FROM catch_up c WHERE c.mentor_id = m.id) AS last_catch_up
     FROM mentor m";

const CATCH_UP_SELECT: &str = "SELECT id, mentor_id, happened_on, mode, note FROM catch_up";

/// Reads a mentor row. The outer `Result` is SQLite's; the inner one reports a row whose
/// stored keys this build does not know (a damaged or tampered database).
fn mentor_from_row(row: &Row<'_>) -> rusqlite::Result<Result<Mentor>> {
    let roles: Option<String> = row.get(7)?;
    let mode: String = row.get(4)?;
    let roles: Option<Vec<Role>> = roles
        .unwrap_or_default()
        .split(',')
        .filter(|key| !key.is_empty())
        .map(Role::from_key)
        .collect();
    let (Some(roles), Some(preferred_mode)) = (roles, Mode::from_key(&mode)) else {
        return Ok(Err(Error::Internal(
            "unknown role or mode in a mentor row".into(),
        )));
    };
    Ok(Ok(Mentor {
        id: row.get(0)?,
        name: row.get(1)?,
        organisation: row.get(2)?,
        cadence_days: row.get(3)?,
        preferred_mode,
        added_on: row.get(5)?,
        archived: row.get(6)?,
        roles,
    }))
}

fn catch_up_from_row(row: &Row<'_>) -> rusqlite::Result<Result<CatchUp>> {
    let mode: String = row.get(3)?;
    let Some(mode) = Mode::from_key(&mode) else {
        return Ok(Err(Error::Internal(
            "unknown mode in a catch-up row".into(),
        )));
    };
    Ok(Ok(CatchUp {
        id: row.get(0)?,
        mentor_id: row.get(1)?,
        date: row.get(2)?,
        mode,
        note: row.get(4)?,
    }))
}

fn write_roles(tx: &rusqlite::Transaction<'_>, mentor_id: MentorId, roles: &[Role]) -> Result<()> {
    let mut statement =
        tx.prepare("INSERT INTO mentor_role (mentor_id, role, position) VALUES (?1, ?2, ?3)")?;
    for (position, role) in roles.iter().enumerate() {
        statement.execute(params![mentor_id, role.key(), position as i64])?;
    }
    Ok(())
}

fn ensure_mentor_exists(tx: &rusqlite::Transaction<'_>, id: MentorId) -> Result<()> {
    let found: Option<i64> = tx
        .query_row("SELECT 1 FROM mentor WHERE id = ?1", [id], |row| row.get(0))
        .optional()?;
    found.map(|_| ()).ok_or_else(mentor_not_found)
}

fn mentor_not_found() -> Error {
    Error::NotFound("That mentor is no longer in your circle.".into())
}

fn catch_up_not_found() -> Error {
    Error::NotFound("That catch-up no longer exists.".into())
}

impl Store {
    /// A mentor's page on `today`.
    pub fn mentor_page(&self, id: MentorId, today: NaiveDate) -> Result<MentorPage> {
        let mentor = self.mentor(id)?;
        let catch_ups = self.catch_ups(id)?;
        let last_catch_up = catch_ups.first().map(|catch_up| catch_up.date);
        let cadence = (!mentor.archived).then(|| {
            cadence::status(
                last_catch_up.unwrap_or(mentor.added_on),
                mentor.cadence_days,
                today,
            )
        });
        Ok(MentorPage {
            mentor,
            cadence,
            last_catch_up,
            catch_ups,
        })
    }
}
