//! The journal in the database: entries with their tags and mentors, drafts saved as the
//! user types, and full-text search over everything the user wrote.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::Store;
use super::columns::Ids;
use super::mentors::ensure_mentor_exists;
use crate::error::{Error, Result};
use crate::journal::{
    self, Draft, DraftOf, EntryContent, HitKind, JournalEntry, MATCH_END, MATCH_START,
    RemovedEntry, SearchHit, SearchQuery,
};
use crate::model::EntryId;

/// Most results a search returns: results come as the user types, the best first.
pub const SEARCH_LIMIT: u32 = 50;

const ENTRY_SELECT: &str = "SELECT e.id, e.written_at, e.written_on, e.updated_at, e.body,
        e.mood, e.energy,
        (SELECT group_concat(tag, char(31)) FROM
            (SELECT tag FROM journal_tag t WHERE t.entry_id = e.id ORDER BY position)),
        (SELECT group_concat(mentor_id, ',') FROM
            (SELECT mentor_id FROM journal_mentor jm WHERE jm.entry_id = e.id
             ORDER BY position))
     FROM journal_entry e";

impl Store {
    /// Saves a new entry written at `now` on the user's local day `today`, and removes
    /// the new-entry draft it came from.
    pub fn add_entry(
        &mut self,
        content: &EntryContent,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<JournalEntry> {
        let content = journal::validate(content)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO journal_entry (written_at, written_on, updated_at, body, mood, energy)
             VALUES (?1, ?2, ?1, ?3, ?4, ?5)",
            params![now, today, content.body, content.mood, content.energy],
        )?;
        let id = tx.last_insert_rowid();
        write_links(&tx, id, &content)?;
        tx.execute(
            "DELETE FROM journal_draft WHERE draft_of = ?1",
            [DraftOf::NewEntry.key()],
        )?;
        tx.commit()?;
        self.entry(id)
    }

    /// Replaces an entry's content, and removes the draft of those changes.
    pub fn update_entry(
        &mut self,
        id: EntryId,
        content: &EntryContent,
        now: DateTime<Utc>,
    ) -> Result<JournalEntry> {
        let content = journal::validate(content)?;
        let tx = self.conn.transaction()?;
        let changed = tx.execute(
            "UPDATE journal_entry SET body = ?2, mood = ?3, energy = ?4, updated_at = ?5
             WHERE id = ?1",
            params![id, content.body, content.mood, content.energy, now],
        )?;
        if changed == 0 {
            return Err(entry_not_found());
        }
        tx.execute("DELETE FROM journal_tag WHERE entry_id = ?1", [id])?;
        tx.execute("DELETE FROM journal_mentor WHERE entry_id = ?1", [id])?;
        write_links(&tx, id, &content)?;
        tx.execute(
            "DELETE FROM journal_draft WHERE draft_of = ?1",
            [DraftOf::Entry(id).key()],
        )?;
        tx.commit()?;
        self.entry(id)
    }

    /// Deletes an entry (and any draft of it). Questions and goals raised from it stay,
    /// unlinked. Returns the entry and what was raised from it, for undo.
    pub fn remove_entry(&mut self, id: EntryId) -> Result<RemovedEntry> {
        let entry = self.entry(id)?;
        let raised = self.raised_from(id)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM journal_entry WHERE id = ?1", [id])?;
        tx.execute(
            "DELETE FROM journal_draft WHERE draft_of = ?1",
            [DraftOf::Entry(id).key()],
        )?;
        tx.commit()?;
        Ok(RemovedEntry { entry, raised })
    }

    /// Undo of a delete: the entry comes back with its original dates (under a new id),
    /// and what was raised from it is linked to it again.
    pub fn restore_entry(&mut self, deleted: &RemovedEntry) -> Result<JournalEntry> {
        let content = journal::validate(&deleted.entry.content)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO journal_entry (written_at, written_on, updated_at, body, mood, energy)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                deleted.entry.written_at,
                deleted.entry.written_on,
                deleted.entry.updated_at,
                content.body,
                content.mood,
                content.energy
            ],
        )?;
        let id = tx.last_insert_rowid();
        write_links(&tx, id, &content)?;
        super::agenda::relink(&tx, id, &deleted.raised)?;
        tx.commit()?;
        self.entry(id)
    }

    /// One entry.
    pub fn entry(&self, id: EntryId) -> Result<JournalEntry> {
        self.conn
            .query_row(
                &format!("{ENTRY_SELECT} WHERE e.id = ?1"),
                [id],
                entry_from_row,
            )
            .optional()?
            .ok_or_else(entry_not_found)
    }

    /// Entries, newest first, `limit` at a time before `before` (an entry id) if given.
    pub fn entries(&self, limit: u32, before: Option<EntryId>) -> Result<Vec<JournalEntry>> {
        let mut statement = self.conn.prepare(&format!(
            "{ENTRY_SELECT} WHERE ?2 IS NULL OR (e.written_at, e.id) <
                (SELECT written_at, id FROM journal_entry WHERE id = ?2)
             ORDER BY e.written_at DESC, e.id DESC LIMIT ?1"
        ))?;
        let rows = statement.query_map(params![limit, before], entry_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves what is being typed. Called every second or two while the user writes; the
    /// latest call wins. Nothing is validated but the size: a draft may be half a thought.
    pub fn save_draft(
        &mut self,
        of: DraftOf,
        content: &EntryContent,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if content.body.chars().count() > journal::MAX_BODY_CHARS {
            return Err(Error::invalid(
                "body",
                "This entry is too long to keep; split it in two.",
            ));
        }
        if let DraftOf::Entry(id) = of {
            self.entry(id)?;
        }
        let text = serde_json::to_string(content)
            .map_err(|_| Error::Internal("a draft could not be written".into()))?;
        self.conn.execute(
            "INSERT INTO journal_draft (draft_of, saved_at, content) VALUES (?1, ?2, ?3)
             ON CONFLICT (draft_of) DO UPDATE SET saved_at = excluded.saved_at,
                                                  content = excluded.content",
            params![of.key(), now, text],
        )?;
        Ok(())
    }

    /// The draft for `of`, if one was saved and not yet published or discarded.
    pub fn draft(&self, of: DraftOf) -> Result<Option<Draft>> {
        Ok(self.drafts()?.into_iter().find(|draft| draft.of == of))
    }

    /// Every draft left, newest first: what to offer back after a crash or a quit.
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        let mut statement = self.conn.prepare(
            "SELECT draft_of, saved_at, content FROM journal_draft ORDER BY saved_at DESC",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, DateTime<Utc>>(1)?,
                row.get::<_, String>(2)?,
            ))
        })?;
        let mut drafts = Vec::new();
        for row in rows {
            let (key, saved_at, text) = row?;
            // A draft this build cannot read is skipped, never a reason to fail.
            if let (Some(of), Ok(content)) = (
                DraftOf::from_key(&key),
                serde_json::from_str::<EntryContent>(&text),
            ) {
                drafts.push(Draft {
                    of,
                    saved_at,
                    content,
                });
            }
        }
        Ok(drafts)
    }

    /// Throws a draft away. Discarding a draft that is not there is fine (the editor does
    /// it when the text goes back to how it was), unless it names an entry that does not
    /// exist either: then the caller is confused, and is told so.
    pub fn discard_draft(&mut self, of: DraftOf) -> Result<()> {
        let removed = self
            .conn
            .execute("DELETE FROM journal_draft WHERE draft_of = ?1", [of.key()])?;
        if let (0, DraftOf::Entry(id)) = (removed, of) {
            self.entry(id)?;
        }
        Ok(())
    }

    /// Searches the journal, catch-up notes and mentor profiles; best matches first.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>> {
        let Some(expression) = journal::match_expression(&query.text) else {
            return Ok(Vec::new());
        };
        let tag = query.tag.as_deref().map(|tag| tag.trim().to_lowercase());
        // Matches are ranked and filtered first, and only the page kept gets a snippet:
        // marking up every match of a common word cost most of the time in a large circle.
        let mut statement = self.conn.prepare_cached(
            "WITH kept AS (
                SELECT h.rowid AS r, h.rank AS rank, c.mentor_id AS catch_up_mentor,
                       coalesce(e.written_on, c.happened_on, m.added_on) AS day
                FROM search_text h
                LEFT JOIN journal_entry e ON h.rowid % 4 = 1 AND e.id = h.rowid / 4
                LEFT JOIN catch_up c ON h.rowid % 4 = 2 AND c.id = h.rowid / 4
                LEFT JOIN mentor m ON h.rowid % 4 = 3 AND m.id = h.rowid / 4
                WHERE h.search_text MATCH ?1
                  AND (e.id IS NOT NULL OR c.id IS NOT NULL OR m.id IS NOT NULL)
                  AND (?4 IS NULL OR EXISTS (SELECT 1 FROM journal_tag t
                                             WHERE t.entry_id = e.id AND t.tag = ?4))
                  AND (?5 IS NULL OR c.mentor_id = ?5 OR m.id = ?5
                       OR EXISTS (SELECT 1 FROM journal_mentor jm
                                  WHERE jm.entry_id = e.id AND jm.mentor_id = ?5))
                  AND (?6 IS NULL OR coalesce(e.written_on, c.happened_on, m.added_on) >= ?6)
                  AND (?7 IS NULL OR coalesce(e.written_on, c.happened_on, m.added_on) <= ?7)
                ORDER BY h.rank LIMIT ?8
             )
             SELECT k.r, snippet(search_text, 0, ?2, ?3, '…', 24), k.catch_up_mentor, k.day
             FROM kept k JOIN search_text ON search_text.rowid = k.r
             WHERE search_text MATCH ?1
             ORDER BY k.rank",
        )?;
        let rows = statement.query_map(
            params![
                expression,
                MATCH_START.to_string(),
                MATCH_END.to_string(),
                tag,
                query.mentor_id,
                query.from,
                query.to,
                SEARCH_LIMIT,
            ],
            |row| {
                let key: i64 = row.get(0)?;
                let marked: String = row.get(1)?;
                let catch_up_mentor: Option<i64> = row.get(2)?;
                let day: Option<NaiveDate> = row.get(3)?;
                Ok((key, marked, catch_up_mentor, day))
            },
        )?;
        let mut hits = Vec::new();
        for row in rows {
            let (key, marked, catch_up_mentor, day) = row?;
            let Some(kind) = HitKind::from_code(key % 4) else {
                continue;
            };
            let id = key / 4;
            hits.push(SearchHit {
                kind,
                id,
                mentor_id: match kind {
                    HitKind::Journal => None,
                    HitKind::CatchUp => catch_up_mentor,
                    HitKind::Mentor => Some(id),
                },
                day,
                snippet: journal::snippet_parts(&marked),
            });
        }
        Ok(hits)
    }
}

pub(super) fn write_links(tx: &Transaction<'_>, id: EntryId, content: &EntryContent) -> Result<()> {
    for (position, tag) in content.tags.iter().enumerate() {
        tx.execute(
            "INSERT INTO journal_tag (entry_id, tag, position) VALUES (?1, ?2, ?3)",
            params![id, tag, position as i64],
        )?;
    }
    for (position, mentor_id) in content.mentor_ids.iter().enumerate() {
        ensure_mentor_exists(tx, *mentor_id)?;
        tx.execute(
            "INSERT INTO journal_mentor (entry_id, mentor_id, position) VALUES (?1, ?2, ?3)",
            params![id, mentor_id, position as i64],
        )?;
    }
    Ok(())
}

fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<JournalEntry> {
    let tags: Option<String> = row.get(7)?;
    Ok(JournalEntry {
        id: row.get(0)?,
        written_at: row.get(1)?,
        written_on: row.get(2)?,
        updated_at: row.get(3)?,
        content: EntryContent {
            body: row.get(4)?,
            mood: row.get(5)?,
            energy: row.get(6)?,
            tags: tags
                .map(|tags| tags.split('\u{1f}').map(str::to_string).collect())
                .unwrap_or_default(),
            mentor_ids: row.get::<_, Ids>(8)?.0,
        },
    })
}

fn entry_not_found() -> Error {
    Error::NotFound("That journal entry no longer exists.".into())
}

pub(super) fn ensure_entry_exists(tx: &Transaction<'_>, id: EntryId) -> Result<()> {
    let found: Option<i64> = tx
        .query_row("SELECT 1 FROM journal_entry WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| Error::NotFound("That journal entry no longer exists.".into()))
}
