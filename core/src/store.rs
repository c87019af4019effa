//! The encrypted database: opening it safely, migrating it, and reading and writing the
//! circle.
//!
//! Opening order matters: the key comes first (SQLCipher encrypts every page, including
//! the header that holds `user_version`), then the key is proven by reading that header,
//! then a database from a newer app is refused *before* anything could write to it, and
//! only then are WAL, foreign keys and migrations applied.

use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use rusqlite::config::DbConfig;
use rusqlite::{
    Connection, ErrorCode, OpenFlags, OptionalExtension, Row, ToSql, Transaction, params,
};

use crate::cadence;
use crate::error::{Error, LockReason, Result};
use crate::health;
use crate::key::DbKey;
use crate::model::{
    Agreement, CatchUp, CatchUpDraft, CatchUpId, Check, CircleMember, CoMentoring, Contact, Mentor,
    MentorChecks, MentorDraft, MentorId, MentorStatus, MentorSummary, Mode, Purpose, Role, Term,
};
use crate::validate;
use crate::view::{CircleHealth, MentorPage};

mod advice;
mod agenda;
mod backup;
mod export;
mod home;

pub(crate) use backup::{BackupCopy, preview as preview_backup, remove_if_there};
mod journal;
mod nudges;
mod prospects;

/// Append-only: each entry moves the schema from version `index` to `index + 1`.
/// Never edit a released entry; add a new one.
pub const MIGRATIONS: &[&str] = &[
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
    // 2: the full agreement (two thresholds, several modes, term, purposes), the profile,
    // the four checks, a status instead of "archived", and the sample flag. Modes take
    // the user's words: coffee becomes in person, call becomes phone.
    "ALTER TABLE mentor RENAME COLUMN preferred_mode TO modes;
    UPDATE mentor SET modes = CASE modes WHEN 'coffee' THEN 'in_person'
                                         WHEN 'call' THEN 'phone' ELSE modes END;
    UPDATE catch_up SET mode = CASE mode WHEN 'coffee' THEN 'in_person'
                                         WHEN 'call' THEN 'phone' ELSE mode END;
    ALTER TABLE mentor ADD COLUMN max_gap_days INTEGER NOT NULL DEFAULT 0;
    UPDATE mentor SET max_gap_days = cadence_days;
    ALTER TABLE mentor ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
    UPDATE mentor SET status = 'alumni' WHERE archived_at IS NOT NULL;
    ALTER TABLE mentor DROP COLUMN archived_at;
    ALTER TABLE mentor ADD COLUMN term TEXT NOT NULL DEFAULT 'ongoing';
    ALTER TABLE mentor ADD COLUMN starts_on TEXT NOT NULL DEFAULT '';
    UPDATE mentor SET starts_on = added_on;
    ALTER TABLE mentor ADD COLUMN review_on TEXT;
    ALTER TABLE mentor ADD COLUMN situation TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN purposes TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN own_purpose TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN confidentiality TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN same_company INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE mentor ADD COLUMN expertise TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN how_we_met TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN email TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN phone TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN linkedin TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN check_experience INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE mentor ADD COLUMN check_experience_note TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN check_values INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE mentor ADD COLUMN check_values_note TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN check_accountability INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE mentor ADD COLUMN check_accountability_note TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN check_time INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE mentor ADD COLUMN check_time_note TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN sample INTEGER NOT NULL DEFAULT 0;
    UPDATE mentor SET sample = 1 WHERE name LIKE '% (sample)';",
    // 3: nudges. A per-mentor snooze, the user's settings (JSON by key), and a record of
    // every notification handed to the OS, for whom, and what the user did with it.
    "ALTER TABLE mentor ADD COLUMN snoozed_until TEXT;
    CREATE TABLE setting (
        key   TEXT NOT NULL PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    CREATE TABLE nudge (
        id        INTEGER PRIMARY KEY,
        sent_at   TEXT    NOT NULL,
        local_day TEXT    NOT NULL,
        delivered INTEGER NOT NULL DEFAULT 0,
        outcome   TEXT
    ) STRICT;
    CREATE INDEX nudge_by_time ON nudge (sent_at);
    CREATE TABLE nudge_mentor (
        nudge_id  INTEGER NOT NULL REFERENCES nudge(id) ON DELETE CASCADE,
        mentor_id INTEGER NOT NULL REFERENCES mentor(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        PRIMARY KEY (nudge_id, mentor_id)
    ) STRICT;
    CREATE INDEX nudge_mentor_by_mentor ON nudge_mentor (mentor_id);",
    // 4: the journal (entries, their tags and mentors, drafts being written) and one
    // full-text index over everything the user wrote: journal entries, catch-up notes and
    // mentor profiles. The index sits inside the encrypted database like everything else;
    // its rows are keyed `id * 4 + kind` (1 journal, 2 catch-up, 3 mentor) and kept in
    // step by triggers, so no write can forget it.
    "CREATE TABLE journal_entry (
        id         INTEGER PRIMARY KEY,
        written_at TEXT    NOT NULL,
        written_on TEXT    NOT NULL,
        updated_at TEXT    NOT NULL,
        body       TEXT    NOT NULL,
        mood       INTEGER CHECK (mood BETWEEN 1 AND 5),
        energy     INTEGER CHECK (energy BETWEEN 1 AND 5)
    ) STRICT;
    CREATE INDEX journal_by_day ON journal_entry (written_on DESC, id DESC);
    CREATE TABLE journal_tag (
        entry_id INTEGER NOT NULL REFERENCES journal_entry(id) ON DELETE CASCADE,
        tag      TEXT    NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (entry_id, tag)
    ) STRICT;
    CREATE INDEX journal_tag_by_tag ON journal_tag (tag);
    CREATE TABLE journal_mentor (
        entry_id  INTEGER NOT NULL REFERENCES journal_entry(id) ON DELETE CASCADE,
        mentor_id INTEGER NOT NULL REFERENCES mentor(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        PRIMARY KEY (entry_id, mentor_id)
    ) STRICT;
    CREATE INDEX journal_mentor_by_mentor ON journal_mentor (mentor_id);
    CREATE TABLE journal_draft (
        draft_of TEXT NOT NULL PRIMARY KEY,
        saved_at TEXT NOT NULL,
        content  TEXT NOT NULL
    ) STRICT;
    CREATE VIRTUAL TABLE search_text USING fts5 (
        text, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER journal_indexed AFTER INSERT ON journal_entry BEGIN
        INSERT INTO search_text (rowid, text) VALUES (new.id * 4 + 1, new.body);
    END;
    CREATE TRIGGER journal_reindexed AFTER UPDATE OF body ON journal_entry BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 1;
        INSERT INTO search_text (rowid, text) VALUES (new.id * 4 + 1, new.body);
    END;
    CREATE TRIGGER journal_unindexed AFTER DELETE ON journal_entry BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 1;
    END;
    CREATE TRIGGER catch_up_indexed AFTER INSERT ON catch_up BEGIN
        INSERT INTO search_text (rowid, text) VALUES (new.id * 4 + 2, new.note);
    END;
    CREATE TRIGGER catch_up_reindexed AFTER UPDATE OF note ON catch_up BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 2;
        INSERT INTO search_text (rowid, text) VALUES (new.id * 4 + 2, new.note);
    END;
    CREATE TRIGGER catch_up_unindexed AFTER DELETE ON catch_up BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 2;
    END;
    CREATE TRIGGER mentor_indexed AFTER INSERT ON mentor BEGIN
        INSERT INTO search_text (rowid, text) VALUES (new.id * 4 + 3, new.name || ' ' || new.organisation || ' ' || new.expertise || ' ' || new.how_we_met || ' ' || new.situation || ' ' || new.own_purpose || ' ' || new.confidentiality || ' ' || new.check_experience_note || ' ' || new.check_values_note || ' ' || new.check_accountability_note || ' ' || new.check_time_note);
    END;
    CREATE TRIGGER mentor_reindexed AFTER UPDATE ON mentor BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 3;
        INSERT INTO search_text (rowid, text) VALUES (new.id * 4 + 3, new.name || ' ' || new.organisation || ' ' || new.expertise || ' ' || new.how_we_met || ' ' || new.situation || ' ' || new.own_purpose || ' ' || new.confidentiality || ' ' || new.check_experience_note || ' ' || new.check_values_note || ' ' || new.check_accountability_note || ' ' || new.check_time_note);
    END;
    CREATE TRIGGER mentor_unindexed AFTER DELETE ON mentor BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 3;
    END;
    INSERT INTO search_text (rowid, text) SELECT id * 4 + 2, note FROM catch_up;
    INSERT INTO search_text (rowid, text) SELECT id * 4 + 3, name || ' ' || organisation || ' ' || expertise || ' ' || how_we_met || ' ' || situation || ' ' || own_purpose || ' ' || confidentiality || ' ' || check_experience_note || ' ' || check_values_note || ' ' || check_accountability_note || ' ' || check_time_note FROM mentor;",
    // 5: from frustration to action. A mentor's agenda (questions for the next catch-up)
    // and the user's goals; either can come from a journal passage and keep a link to its
    // entry, cleared (not cascaded) when the entry is deleted so the question survives.
    "CREATE TABLE agenda_item (
        id         INTEGER PRIMARY KEY,
        mentor_id  INTEGER NOT NULL REFERENCES mentor(id) ON DELETE CASCADE,
        text       TEXT    NOT NULL,
        added_at   TEXT    NOT NULL,
        from_entry INTEGER REFERENCES journal_entry(id) ON DELETE SET NULL
    ) STRICT;
    CREATE INDEX agenda_by_mentor ON agenda_item (mentor_id, id);
    CREATE INDEX agenda_by_entry ON agenda_item (from_entry);
    CREATE TABLE goal (
        id         INTEGER PRIMARY KEY,
        title      TEXT    NOT NULL,
        why        TEXT    NOT NULL,
        target_on  TEXT,
        status     TEXT    NOT NULL DEFAULT 'active'
                   CHECK (status IN ('active', 'achieved', 'dropped')),
        added_at   TEXT    NOT NULL,
        from_entry INTEGER REFERENCES journal_entry(id) ON DELETE SET NULL
    ) STRICT;
    CREATE INDEX goal_by_entry ON goal (from_entry);
    CREATE TABLE goal_mentor (
        goal_id   INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
        mentor_id INTEGER NOT NULL REFERENCES mentor(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        PRIMARY KEY (goal_id, mentor_id)
    ) STRICT;
    CREATE INDEX goal_mentor_by_mentor ON goal_mentor (mentor_id);",
    // 6: prospective mentors, kept apart from the circle (no cadence, no nudges).
    "CREATE TABLE prospect (
        id           INTEGER PRIMARY KEY,
        name         TEXT    NOT NULL,
        organisation TEXT    NOT NULL DEFAULT '',
        position     TEXT    NOT NULL DEFAULT '',
        email        TEXT    NOT NULL DEFAULT '',
        profile_url  TEXT    NOT NULL DEFAULT '',
        connected_on TEXT,
        note         TEXT    NOT NULL DEFAULT '',
        added_on     TEXT    NOT NULL
    ) STRICT;",
    // 7: mentorship that goes somewhere. Progress notes on goals; advice and what came
    // of it (`report_pending` until the mentor hears); agenda items ticked at a catch-up
    // (`discussed_on`), the rest carrying over; thanks and gives; co-mentoring with a
    // peer; and the prospect pipeline, whose steps stay as history after promotion.
    "CREATE TABLE goal_progress (
        id         INTEGER PRIMARY KEY,
        goal_id    INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
        written_on TEXT    NOT NULL,
        note       TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX goal_progress_by_goal ON goal_progress (goal_id, id);
    CREATE TABLE advice (
        id             INTEGER PRIMARY KEY,
        mentor_id      INTEGER NOT NULL REFERENCES mentor(id) ON DELETE CASCADE,
        given_on       TEXT    NOT NULL,
        text           TEXT    NOT NULL,
        status         TEXT    NOT NULL DEFAULT 'considering'
                       CHECK (status IN ('considering', 'trying', 'adopted', 'declined')),
        reason         TEXT    NOT NULL DEFAULT '',
        outcome        TEXT    NOT NULL DEFAULT '',
        changed_on     TEXT    NOT NULL,
        report_pending INTEGER NOT NULL DEFAULT 0,
        reported_on    TEXT
    ) STRICT;
    CREATE INDEX advice_by_mentor ON advice (mentor_id, given_on);
    CREATE TABLE give (
        id        INTEGER PRIMARY KEY,
        mentor_id INTEGER NOT NULL REFERENCES mentor(id) ON DELETE CASCADE,
        kind      TEXT    NOT NULL,
        state     TEXT    NOT NULL CHECK (state IN ('idea', 'offered', 'done')),
        note      TEXT    NOT NULL DEFAULT '',
        on_day    TEXT    NOT NULL
    ) STRICT;
    CREATE INDEX give_by_mentor ON give (mentor_id, on_day);
    ALTER TABLE agenda_item ADD COLUMN discussed_on TEXT;
    ALTER TABLE mentor ADD COLUMN they_help_with TEXT NOT NULL DEFAULT '';
    ALTER TABLE mentor ADD COLUMN i_help_with TEXT NOT NULL DEFAULT '';
    ALTER TABLE prospect ADD COLUMN source TEXT;
    ALTER TABLE prospect ADD COLUMN wants TEXT NOT NULL DEFAULT '';
    ALTER TABLE prospect ADD COLUMN chemistry TEXT NOT NULL DEFAULT '';
    ALTER TABLE prospect ADD COLUMN could_fill TEXT NOT NULL DEFAULT '';
    ALTER TABLE prospect ADD COLUMN next_step TEXT NOT NULL DEFAULT '';
    ALTER TABLE prospect ADD COLUMN next_step_on TEXT;
    ALTER TABLE prospect ADD COLUMN stage TEXT NOT NULL DEFAULT 'identified';
    ALTER TABLE prospect ADD COLUMN mentor_id INTEGER REFERENCES mentor(id) ON DELETE SET NULL;
    CREATE TABLE prospect_step (
        prospect_id INTEGER NOT NULL REFERENCES prospect(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        stage       TEXT    NOT NULL,
        on_day      TEXT    NOT NULL,
        PRIMARY KEY (prospect_id, position)
    ) STRICT;
    INSERT INTO prospect_step (prospect_id, position, stage, on_day)
        SELECT id, 0, 'identified', added_on FROM prospect;",
    // 8: what the home screen reads for everyone, kept on the mentor row. With ten
    // thousand mentors, a sorted roles subquery and a last-catch-up lookup per mentor
    // were most of its time. The roles move into the row (written with it, in order);
    // the last catch-up follows every change to the catch-ups through triggers, so no
    // writer can forget it.
    "ALTER TABLE mentor ADD COLUMN roles TEXT NOT NULL DEFAULT '';
    UPDATE mentor SET roles = coalesce(
        (SELECT group_concat(role, ',' ORDER BY position) FROM mentor_role r
         WHERE r.mentor_id = mentor.id), '');
    DROP TABLE mentor_role;
    ALTER TABLE mentor ADD COLUMN last_catch_up TEXT;
    UPDATE mentor SET last_catch_up =
        (SELECT max(happened_on) FROM catch_up c WHERE c.mentor_id = mentor.id);
    CREATE TRIGGER catch_up_added AFTER INSERT ON catch_up BEGIN
        UPDATE mentor SET last_catch_up =
            (SELECT max(happened_on) FROM catch_up WHERE mentor_id = new.mentor_id)
        WHERE id = new.mentor_id;
    END;
    CREATE TRIGGER catch_up_changed AFTER UPDATE OF mentor_id, happened_on ON catch_up BEGIN
        UPDATE mentor SET last_catch_up =
            (SELECT max(happened_on) FROM catch_up c WHERE c.mentor_id = mentor.id)
        WHERE id IN (old.mentor_id, new.mentor_id);
    END;
    CREATE TRIGGER catch_up_removed AFTER DELETE ON catch_up BEGIN
        UPDATE mentor SET last_catch_up =
            (SELECT max(happened_on) FROM catch_up WHERE mentor_id = old.mentor_id)
        WHERE id = old.mentor_id;
    END;",
    // 9: the days each mentor falls due and overdue, indexed, so the home screen reads a
    // page of each section and counts the rest instead of reading ten thousand mentors.
    // The days are Julian day numbers and follow `cadence::status` exactly: counted from
    // the last catch-up (else the day added), by the agreed cadence, or by the alumni
    // cadence (365 days, overdue after 456); none while paused. Virtual, so no writer
    // can leave them stale; the indexes hold them.
    "ALTER TABLE mentor ADD COLUMN due_day INTEGER AS (
        CAST(julianday(coalesce(last_catch_up, added_on)) AS INTEGER)
        + CASE status WHEN 'active' THEN cadence_days WHEN 'alumni' THEN 365 END) VIRTUAL;
    ALTER TABLE mentor ADD COLUMN overdue_day INTEGER AS (
        CAST(julianday(coalesce(last_catch_up, added_on)) AS INTEGER)
        + CASE status WHEN 'active' THEN max(max_gap_days, cadence_days) + 1
                      WHEN 'alumni' THEN 457 END) VIRTUAL;
    CREATE INDEX mentor_due ON mentor (due_day);
    CREATE INDEX mentor_overdue ON mentor (overdue_day);
    CREATE INDEX mentor_review ON mentor (review_on) WHERE status = 'active';
    CREATE INDEX mentor_sample ON mentor (sample) WHERE sample = 1;",
    // 10: everything the nudge planner reads about a due mentor, in one index in due-day
    // order, so a pass over thousands of due mentors never visits the table's rows
    // (a tenth of the time on the stress circle).
    "CREATE INDEX mentor_nudge ON mentor (due_day, overdue_day, status, review_on,
        last_catch_up, added_on, snoozed_until, name);",
    // 11: a mentor's search text is written again only when one of the columns it is
    // made of changes. Before, every update of the row did it: each catch-up (through
    // `last_catch_up`), snooze and status change deleted and re-added the mentor's
    // words in the full-text index, a third of the pages a quick-log wrote.
    "DROP TRIGGER mentor_reindexed;
    CREATE TRIGGER mentor_reindexed AFTER UPDATE OF name, organisation, expertise,
        how_we_met, situation, own_purpose, confidentiality, check_experience_note,
        check_values_note, check_accountability_note, check_time_note ON mentor BEGIN
        DELETE FROM search_text WHERE rowid = old.id * 4 + 3;
        INSERT INTO search_text (rowid, text) VALUES (new.id * 4 + 3, new.name || ' ' || new.organisation || ' ' || new.expertise || ' ' || new.how_we_met || ' ' || new.situation || ' ' || new.own_purpose || ' ' || new.confidentiality || ' ' || new.check_experience_note || ' ' || new.check_values_note || ' ' || new.check_accountability_note || ' ' || new.check_time_note);
    END;",
];

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

/// The tables whose rows are the user's own: a circle's size for the backup rotation.
const ITEM_TABLES: [&str; 9] = [
    "mentor",
    "catch_up",
    "journal_entry",
    "agenda_item",
    "goal",
    "goal_progress",
    "advice",
    "give",
    "prospect",
];

/// The rows of [`ITEM_TABLES`] in `conn` (tables an older schema lacks count as empty).
pub(crate) fn count_items(conn: &Connection) -> Result<u64> {
    let mut total = 0u64;
    for table in ITEM_TABLES {
        let exists: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [table],
            |row| row.get(0),
        )?;
        if exists > 0 {
            let rows: i64 =
                conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                    row.get(0)
                })?;
            total += u64::try_from(rows).unwrap_or(0);
        }
    }
    Ok(total)
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

/// The schema version this build of the app writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

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
            store.back_up_into(backups, crate::backup::BackupKind::BeforeUpgrade, None)?;
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

    // --- mentors -------------------------------------------------------------------

    /// Adds a mentor to the circle; `today` becomes the day their cadence counts from.
    pub fn add_mentor(&mut self, draft: &MentorDraft, today: NaiveDate) -> Result<Mentor> {
        self.insert_mentor(draft, today, false)
    }

    /// Adds a mentor, marked as part of the sample circle or not.
    pub(crate) fn insert_mentor(
        &mut self,
        draft: &MentorDraft,
        added_on: NaiveDate,
        sample: bool,
    ) -> Result<Mentor> {
        let draft = validate::mentor(draft)?;
        let tx = self.conn.transaction()?;
        write_mentor(
            &tx,
            &format!(
                "INSERT INTO mentor ({}, added_on, sample) VALUES ({}, :added_on, :sample)",
                DRAFT_COLUMNS.join(", "),
                DRAFT_COLUMNS.map(|column| format!(":{column}")).join(", ")
            ),
            &draft,
            &[(":added_on", &added_on), (":sample", &sample)],
        )?;
        let id = tx.last_insert_rowid();
        write_roles(&tx, id, &draft.roles)?;
        tx.commit()?;
        self.mentor(id)
    }

    /// Changes a mentor's profile and agreement; their history is untouched.
    pub fn update_mentor(&mut self, id: MentorId, draft: &MentorDraft) -> Result<Mentor> {
        let draft = validate::mentor(draft)?;
        let tx = self.conn.transaction()?;
        let changed = write_mentor(
            &tx,
            &format!(
                "UPDATE mentor SET {} WHERE id = :id",
                DRAFT_COLUMNS
                    .map(|column| format!("{column} = :{column}"))
                    .join(", ")
            ),
            &draft,
            &[(":id", &id)],
        )?;
        if changed == 0 {
            return Err(mentor_not_found());
        }
        write_roles(&tx, id, &draft.roles)?;
        tx.commit()?;
        self.mentor(id)
    }

    /// Makes a mentor active, paused or alumni, keeping every catch-up. Closing an
    /// agreement is making the mentor alumni.
    pub fn set_status(&mut self, id: MentorId, status: MentorStatus) -> Result<Mentor> {
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE mentor SET status = ?2 WHERE id = ?1",
            params![id, status.key()],
        )?;
        if changed == 0 {
            return Err(mentor_not_found());
        }
        tx.commit()?;
        self.mentor(id)
    }

    /// Renews an agreement from `today` for as long as it ran before (at least four
    /// weeks), so its review date moves on and the mentor leaves the review list.
    pub fn renew_agreement(&mut self, id: MentorId, today: NaiveDate) -> Result<Mentor> {
        let mentor = self.mentor(id)?;
        let agreement = &mentor.details.agreement;
        let Some(review_on) = agreement.review_on else {
            return Err(Error::Conflict(
                "This agreement has no end or review date to renew.".into(),
            ));
        };
        let length = (review_on - agreement.starts_on).num_days().max(28);
        let next_review = today
            .checked_add_days(chrono::Days::new(length.unsigned_abs()))
            .ok_or_else(|| Error::invalid("reviewOn", "That date is too far ahead."))?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE mentor SET starts_on = ?2, review_on = ?3 WHERE id = ?1",
            params![id, today, next_review],
        )?;
        tx.commit()?;
        self.mentor(id)
    }

    /// One mentor, whatever their status.
    pub fn mentor(&self, id: MentorId) -> Result<Mentor> {
        self.conn
            .query_row(
                &format!("{} WHERE m.id = ?1", *MENTOR_SELECT),
                [id],
                mentor_from_row,
            )
            .optional()?
            .ok_or_else(mentor_not_found)?
    }

    /// Everyone in the circle on `today`, whatever their status, in the order the user
    /// should act: agreements to review first, then overdue, due, due soon, the rest by
    /// how soon each is due, paused mentors last; ties by name.
    pub fn circle(&self, today: NaiveDate) -> Result<Vec<CircleMember>> {
        let mut statement = self.conn.prepare_cached(SUMMARY_SELECT)?;
        let rows = statement.query_map([], summary_from_row)?;
        let mut members = Vec::new();
        for row in rows {
            members.push(member_on(row??, today));
        }
        members.sort_by_cached_key(|member| {
            let status = member.cadence.map(|c| c.status);
            (
                !member.review_due,
                std::cmp::Reverse(status),
                member.cadence.map_or(i64::MAX, |c| c.days_until_due),
                member.mentor.name.to_lowercase(),
            )
        });
        Ok(members)
    }

    /// The circle's health: active mentors, roles covered and missing, same-company count.
    pub fn circle_health(&self) -> Result<CircleHealth> {
        Ok(health::of(&self.mentors()?))
    }

    /// Every mentor with their whole profile, by id (for exports and checks that need
    /// more than [`Store::circle`] reads).
    pub fn mentors(&self) -> Result<Vec<Mentor>> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("{} ORDER BY m.id", *MENTOR_SELECT))?;
        let rows = statement.query_map([], mentor_from_row)?;
        rows.map(|row| row?).collect()
    }

    /// Whether the sample circle is loaded.
    pub fn has_sample(&self) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM mentor WHERE sample = 1)",
            [],
            |row| row.get(0),
        )?)
    }

    /// Removes every sample mentor and their catch-ups in one transaction; the user's
    /// own mentors are untouched. Returns how many were removed.
    pub fn remove_sample_circle(&mut self) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let removed = tx.execute("DELETE FROM mentor WHERE sample = 1", [])?;
        // A nudge about sample mentors only means nothing once they are gone.
        tx.execute(
            "DELETE FROM nudge WHERE NOT EXISTS
                (SELECT 1 FROM nudge_mentor nm WHERE nm.nudge_id = nudge.id)",
            [],
        )?;
        tx.commit()?;
        Ok(removed)
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
        advice::tick_at_catch_up(&tx, &draft)?;
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

/// Every mentor column, the roles (comma-separated, in order) and the day of the last
/// catch-up, in the order of [`mentor_column`].
static MENTOR_SELECT: LazyLock<String> = LazyLock::new(|| {
    let columns: Vec<String> = ROW_COLUMNS
        .iter()
        .chain(DRAFT_COLUMNS.iter())
        .map(|column| format!("m.{column}"))
        .collect();
    format!(
        "SELECT {}, m.roles, m.last_catch_up, m.snoozed_until FROM mentor m",
        columns.join(", ")
    )
});

/// What lists need of everyone, for [`Store::circle`], in the order
/// [`summary_from_row`] reads.
const SUMMARY_SELECT: &str = "SELECT id, added_on, sample, name, organisation, expertise, roles,
    status, cadence_days, max_gap_days, modes, review_on, last_catch_up, snoozed_until
    FROM mentor";

/// Reads a [`SUMMARY_SELECT`] row: the summary, the last catch-up and the snooze. The
/// inner `Result` reports stored keys this build does not know.
#[allow(clippy::type_complexity)]
fn summary_from_row(
    row: &Row<'_>,
) -> rusqlite::Result<Result<(MentorSummary, Option<NaiveDate>, Option<NaiveDate>)>> {
    let roles = parse_keys(row.get_ref(6)?.as_str()?, Role::from_key);
    let status = MentorStatus::from_key(row.get_ref(7)?.as_str()?);
    let modes = parse_keys(row.get_ref(10)?.as_str()?, Mode::from_key);
    let (Some(roles), Some(status), Some(modes)) = (roles, status, modes) else {
        return Ok(Err(Error::Internal(
            "unknown role, status or mode in a mentor row".into(),
        )));
    };
    let Some(added_on) = day_at(row, 1)? else {
        return Err(rusqlite::Error::InvalidColumnType(
            1,
            "added_on".into(),
            rusqlite::types::Type::Null,
        ));
    };
    let summary = MentorSummary {
        id: row.get(0)?,
        added_on,
        sample: row.get(2)?,
        name: row.get(3)?,
        organisation: row.get(4)?,
        expertise: row.get(5)?,
        roles,
        status,
        cadence_days: row.get(8)?,
        max_gap_days: row.get(9)?,
        modes,
        review_on: day_at(row, 11)?,
    };
    Ok(Ok((summary, day_at(row, 12)?, day_at(row, 13)?)))
}

/// A [`summary_from_row`] as the lists show it on `today`.
fn member_on(
    (mentor, last_catch_up, snoozed_until): (MentorSummary, Option<NaiveDate>, Option<NaiveDate>),
    today: NaiveDate,
) -> CircleMember {
    let (cadence, review_due) = cadence::standing(&mentor, last_catch_up, today);
    CircleMember {
        mentor,
        last_catch_up,
        cadence,
        review_due,
        snoozed_until: snoozed_until.filter(|until| *until > today),
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

/// The mentor columns that are not part of a draft.
const ROW_COLUMNS: [&str; 5] = ["id", "added_on", "sample", "they_help_with", "i_help_with"];

/// The index of `name` in a [`MENTOR_SELECT`] row. Looked up here rather than by SQLite
/// column name, which costs a search through the statement's columns on every read and
/// doubled the time of the home screen query; and at compile time
/// (`const { mentor_column("name") }`), so an unknown name fails the build and a circle of
/// thousands pays nothing per read.
const fn mentor_column(name: &str) -> usize {
    const TAIL: [&str; 3] = ["roles", "last_catch_up", "snoozed_until"];
    let mut index = 0;
    while index < ROW_COLUMNS.len() {
        if same_text(ROW_COLUMNS[index], name) {
            return index;
        }
        index += 1;
    }
    let mut draft = 0;
    while draft < DRAFT_COLUMNS.len() {
        if same_text(DRAFT_COLUMNS[draft], name) {
            return ROW_COLUMNS.len() + draft;
        }
        draft += 1;
    }
    let mut tail = 0;
    while tail < TAIL.len() {
        if same_text(TAIL[tail], name) {
            return ROW_COLUMNS.len() + DRAFT_COLUMNS.len() + tail;
        }
        tail += 1;
    }
    panic!("no such mentor column")
}

const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// The columns a [`MentorDraft`] writes, each bound as `:column` by [`write_mentor`].
pub(super) const DRAFT_COLUMNS: [&str; 27] = [
    "name",
    "organisation",
    "same_company",
    "expertise",
    "how_we_met",
    "email",
    "phone",
    "linkedin",
    "status",
    "check_experience",
    "check_experience_note",
    "check_values",
    "check_values_note",
    "check_accountability",
    "check_accountability_note",
    "check_time",
    "check_time_note",
    "cadence_days",
    "max_gap_days",
    "modes",
    "term",
    "starts_on",
    "review_on",
    "situation",
    "purposes",
    "own_purpose",
    "confidentiality",
];

/// Runs `sql` (an INSERT or UPDATE naming every [`DRAFT_COLUMNS`] entry) with the draft's
/// values bound, plus `extra` parameters.
pub(super) fn write_mentor(
    tx: &Transaction<'_>,
    sql: &str,
    draft: &MentorDraft,
    extra: &[(&str, &dyn ToSql)],
) -> Result<usize> {
    let agreement = &draft.agreement;
    let checks = &draft.checks;
    let modes = keys(agreement.modes.iter().map(|mode| mode.key()));
    let purposes = keys(agreement.purposes.iter().map(|purpose| purpose.key()));
    let status = draft.status.key();
    let term = agreement.term.key();
    let mut values: Vec<(&str, &dyn ToSql)> = vec![
        (":name", &draft.name),
        (":organisation", &draft.organisation),
        (":same_company", &draft.same_company),
        (":expertise", &draft.expertise),
        (":how_we_met", &draft.how_we_met),
        (":email", &draft.contact.email),
        (":phone", &draft.contact.phone),
        (":linkedin", &draft.contact.linkedin),
        (":status", &status),
        (":check_experience", &checks.experience.met),
        (":check_experience_note", &checks.experience.note),
        (":check_values", &checks.values.met),
        (":check_values_note", &checks.values.note),
        (":check_accountability", &checks.accountability.met),
        (":check_accountability_note", &checks.accountability.note),
        (":check_time", &checks.time.met),
        (":check_time_note", &checks.time.note),
        (":cadence_days", &agreement.cadence_days),
        (":max_gap_days", &agreement.max_gap_days),
        (":modes", &modes),
        (":term", &term),
        (":starts_on", &agreement.starts_on),
        (":review_on", &agreement.review_on),
        (":situation", &agreement.situation),
        (":purposes", &purposes),
        (":own_purpose", &agreement.own_purpose),
        (":confidentiality", &agreement.confidentiality),
    ];
    values.extend_from_slice(extra);
    Ok(tx.execute(sql, values.as_slice())?)
}

fn keys<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    keys.collect::<Vec<_>>().join(",")
}

/// Parses a comma-separated list of stored keys; `None` if any key is unknown.
fn parse_keys<T>(text: &str, from_key: fn(&str) -> Option<T>) -> Option<Vec<T>> {
    text.split(',')
        .filter(|key| !key.is_empty())
        .map(from_key)
        .collect()
}

/// Reads a mentor row. The outer `Result` is SQLite's; the inner one reports a row whose
/// stored keys this build does not know (a damaged or tampered database).
fn mentor_from_row(row: &Row<'_>) -> rusqlite::Result<Result<Mentor>> {
    let roles: Option<String> = row.get(const { mentor_column("roles") })?;
    let roles = parse_keys(&roles.unwrap_or_default(), Role::from_key);
    let modes = parse_keys(
        &row.get::<_, String>(const { mentor_column("modes") })?,
        Mode::from_key,
    );
    let purposes = parse_keys(
        &row.get::<_, String>(const { mentor_column("purposes") })?,
        Purpose::from_key,
    );
    let status = MentorStatus::from_key(&row.get::<_, String>(const { mentor_column("status") })?);
    let term = Term::from_key(&row.get::<_, String>(const { mentor_column("term") })?);
    let (Some(roles), Some(modes), Some(purposes), Some(status), Some(term)) =
        (roles, modes, purposes, status, term)
    else {
        return Ok(Err(Error::Internal(
            "unknown role, mode, purpose, status or term in a mentor row".into(),
        )));
    };
    let check = |met: usize, note: usize| -> rusqlite::Result<Check> {
        Ok(Check {
            met: row.get(met)?,
            note: row.get(note)?,
        })
    };
    Ok(Ok(Mentor {
        id: row.get(const { mentor_column("id") })?,
        added_on: row.get(const { mentor_column("added_on") })?,
        sample: row.get(const { mentor_column("sample") })?,
        co_mentoring: CoMentoring {
            they_help_with: row.get(const { mentor_column("they_help_with") })?,
            i_help_with: row.get(const { mentor_column("i_help_with") })?,
        },
        details: MentorDraft {
            name: row.get(const { mentor_column("name") })?,
            organisation: row.get(const { mentor_column("organisation") })?,
            roles,
            same_company: row.get(const { mentor_column("same_company") })?,
            expertise: row.get(const { mentor_column("expertise") })?,
            how_we_met: row.get(const { mentor_column("how_we_met") })?,
            contact: Contact {
                email: row.get(const { mentor_column("email") })?,
                phone: row.get(const { mentor_column("phone") })?,
                linkedin: row.get(const { mentor_column("linkedin") })?,
            },
            status,
            checks: MentorChecks {
                experience: check(
                    const { mentor_column("check_experience") },
                    const { mentor_column("check_experience_note") },
                )?,
                values: check(
                    const { mentor_column("check_values") },
                    const { mentor_column("check_values_note") },
                )?,
                accountability: check(
                    const { mentor_column("check_accountability") },
                    const { mentor_column("check_accountability_note") },
                )?,
                time: check(
                    const { mentor_column("check_time") },
                    const { mentor_column("check_time_note") },
                )?,
            },
            agreement: Agreement {
                cadence_days: row.get(const { mentor_column("cadence_days") })?,
                max_gap_days: row.get(const { mentor_column("max_gap_days") })?,
                modes,
                term,
                starts_on: row.get(const { mentor_column("starts_on") })?,
                review_on: row.get(const { mentor_column("review_on") })?,
                situation: row.get(const { mentor_column("situation") })?,
                purposes,
                own_purpose: row.get(const { mentor_column("own_purpose") })?,
                confidentiality: row.get(const { mentor_column("confidentiality") })?,
            },
        },
    }))
}

const CATCH_UP_SELECT: &str = "SELECT id, mentor_id, happened_on, mode, note FROM catch_up";

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

/// Writes a mentor's roles, in the user's order, into their row.
pub(super) fn write_roles(tx: &Transaction<'_>, mentor_id: MentorId, roles: &[Role]) -> Result<()> {
    tx.execute(
        "UPDATE mentor SET roles = ?2 WHERE id = ?1",
        params![mentor_id, keys(roles.iter().map(|role| role.key()))],
    )?;
    Ok(())
}

pub(super) fn ensure_mentor_exists(tx: &Transaction<'_>, id: MentorId) -> Result<()> {
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
        let (cadence, review_due) = cadence::standing(&mentor, last_catch_up, today);
        let (cadence_days, max_gap_days) = cadence::effective_cadence(&mentor).unwrap_or((
            mentor.details.agreement.cadence_days,
            mentor.details.agreement.max_gap_days,
        ));
        let days: Vec<NaiveDate> = catch_ups.iter().map(|catch_up| catch_up.date).collect();
        let timeline = cadence::timeline(mentor.added_on, &days, cadence_days, max_gap_days, today);
        let snoozed_until: Option<NaiveDate> = self.conn.query_row(
            "SELECT snoozed_until FROM mentor WHERE id = ?1",
            [id],
            |row| row.get(0),
        )?;
        let advice = self.advice(id)?;
        Ok(MentorPage {
            mentor,
            cadence,
            review_due,
            snoozed_until: snoozed_until.filter(|until| *until > today),
            last_catch_up,
            catch_ups,
            timeline,
            agenda: self.agenda(id)?,
            goals: self.mentor_goals(id)?,
            close_the_loop: crate::advice::close_the_loop(&advice),
            advice,
            gives: self.gives(id)?,
            balance: self.balance(id, today)?,
            prospect: self.prospect_of_mentor(id)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentor's search text is rewritten when, and only when, a column it is made of
    /// changes: the trigger's `UPDATE OF` list names exactly the columns its text joins,
    /// so a column added to the text later cannot be left out of the list (stale search).
    #[test]
    fn the_mentors_search_text_is_rewritten_for_exactly_its_own_columns() {
        let conn = Connection::open_in_memory().expect("memory");
        for sql in MIGRATIONS {
            conn.execute_batch(sql).expect("migration");
        }
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE name = 'mentor_reindexed'",
                [],
                |row| row.get(0),
            )
            .expect("trigger");
        let listed = sql
            .split_once("UPDATE OF")
            .and_then(|(_, rest)| rest.split_once(" ON mentor"))
            .map(|(columns, _)| columns)
            .expect("an UPDATE OF list");
        let mut listed: Vec<&str> = listed.split(',').map(str::trim).collect();
        let text = sql.split_once("VALUES").expect("the insert").1;
        let mut joined: Vec<&str> = text
            .split("new.")
            .skip(2) // before the first, and `new.id`
            .map(|part| part.split([' ', ')']).next().unwrap_or(""))
            .collect();
        listed.sort_unstable();
        joined.sort_unstable();
        assert_eq!(listed, joined);
        assert_eq!(listed.len(), 11, "{listed:?}");
    }
}
