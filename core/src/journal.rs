//! The private journal: candid entries, their drafts while being written, and search over
//! everything the user wrote in the app.
//!
//! This is the most private text in the app. It lives only in the encrypted database
//! (its full-text index too); nothing here formats it for a notification, a log or an
//! export, and validation messages never repeat it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{EntryId, MentorId};

/// Longest entry, in characters: a long letter, not a book.
pub const MAX_BODY_CHARS: usize = 100_000;
/// Most tags on one entry.
pub const MAX_TAGS: usize = 20;
/// Longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 40;
/// Mood and energy are on a small scale, 1 (low) to this (high).
pub const SCALE_TOP: u8 = 5;

/// What the user writes in an entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EntryContent {
    /// Plain text with light formatting (paragraphs, lists, *emphasis*), rendered by the
    /// UI as text, never as HTML.
    pub body: String,
    /// 1–5, if the user noted it.
    pub mood: Option<u8>,
    /// 1–5, if the user noted it.
    pub energy: Option<u8>,
    pub tags: Vec<String>,
    /// Mentors this is "to raise with".
    #[ts(type = "number[]")]
    pub mentor_ids: Vec<MentorId>,
}

/// A saved entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct JournalEntry {
    #[ts(type = "number")]
    pub id: EntryId,
    pub written_at: DateTime<Utc>,
    /// The user's local day when it was written (what date filters use).
    pub written_on: NaiveDate,
    pub updated_at: DateTime<Utc>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub content: EntryContent,
}

/// Which entry a draft belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind", content = "id")]
#[ts(export)]
pub enum DraftOf {
    /// A new entry not saved yet.
    NewEntry,
    /// Changes to a saved entry.
    Entry(#[ts(type = "number")] EntryId),
}

impl DraftOf {
    pub(crate) fn key(self) -> String {
        match self {
            DraftOf::NewEntry => "new".to_string(),
            DraftOf::Entry(id) => format!("entry:{id}"),
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<DraftOf> {
        match key {
            "new" => Some(DraftOf::NewEntry),
            other => other
                .strip_prefix("entry:")?
                .parse()
                .ok()
                .map(DraftOf::Entry),
        }
    }
}

/// Text being written, saved as the user types so a crash loses at most a second or two.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Draft {
    pub of: DraftOf,
    pub saved_at: DateTime<Utc>,
    pub content: EntryContent,
}

/// What was raised from an entry: questions taken to mentors and goals set. The other
/// half of the link each of them keeps back to the entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Raised {
    pub questions: Vec<crate::agenda::AgendaItem>,
    pub goals: Vec<crate::goals::Goal>,
}

/// A deleted entry and what had been raised from it, so undo brings both back linked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RemovedEntry {
    pub entry: JournalEntry,
    pub raised: Raised,
}

/// A cleaned-up copy of `content` (trimmed body, tags trimmed, lower-cased and without
/// repeats, mentors without repeats), or why not.
pub fn validate(content: &EntryContent) -> Result<EntryContent> {
    let body = content.body.trim_end().to_string();
    if body.trim().is_empty() {
        return Err(Error::invalid("body", "Write something first."));
    }
    if body.chars().count() > MAX_BODY_CHARS {
        return Err(Error::invalid(
            "body",
            format!("An entry can hold up to {MAX_BODY_CHARS} characters; split this one in two."),
        ));
    }
    for (field, value) in [("mood", content.mood), ("energy", content.energy)] {
        if value.is_some_and(|value| value == 0 || value > SCALE_TOP) {
            return Err(Error::invalid(
                field,
                format!("Choose from 1 to {SCALE_TOP}, or leave it empty."),
            ));
        }
    }
    let mut tags: Vec<String> = Vec::new();
    for tag in &content.tags {
        let tag = tag.trim().trim_start_matches('#').trim().to_lowercase();
        if tag.is_empty() || tags.contains(&tag) {
            continue;
        }
        if tag.chars().count() > MAX_TAG_CHARS {
            return Err(Error::invalid(
                "tags",
                format!("Keep each tag under {MAX_TAG_CHARS} characters."),
            ));
        }
        tags.push(tag);
    }
    if tags.len() > MAX_TAGS {
        return Err(Error::invalid(
            "tags",
            format!("Up to {MAX_TAGS} tags per entry."),
        ));
    }
    let mut mentor_ids = Vec::new();
    for id in &content.mentor_ids {
        if !mentor_ids.contains(id) {
            mentor_ids.push(*id);
        }
    }
    Ok(EntryContent {
        body,
        mood: content.mood,
        energy: content.energy,
        tags,
        mentor_ids,
    })
}

/// What to search for, and where.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchQuery {
    /// Words as typed; each matches words starting with it ("frust" finds "frustrated").
    pub text: String,
    /// Only journal entries with this tag.
    pub tag: Option<String>,
    /// Only what concerns this mentor: entries linked to them, their catch-ups, their
    /// profile.
    #[ts(type = "number | null")]
    pub mentor_id: Option<MentorId>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Where a search hit was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum HitKind {
    Journal,
    CatchUp,
    Mentor,
}

impl HitKind {
    /// Index rows are keyed `id * 4 + code`, so one index covers every kind and a row is
    /// found again without scanning.
    pub(crate) fn code(self) -> i64 {
        match self {
            HitKind::Journal => 1,
            HitKind::CatchUp => 2,
            HitKind::Mentor => 3,
        }
    }

    pub(crate) fn from_code(code: i64) -> Option<HitKind> {
        [HitKind::Journal, HitKind::CatchUp, HitKind::Mentor]
            .into_iter()
            .find(|kind| kind.code() == code)
    }
}

/// A piece of a snippet: matched words are marked, so the UI can highlight them without
/// ever treating the text as HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SnippetPart {
    pub text: String,
    pub matched: bool,
}

/// One search result, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SearchHit {
    pub kind: HitKind,
    /// The entry's, catch-up's or mentor's id.
    #[ts(type = "number")]
    pub id: i64,
    /// The mentor it concerns (a catch-up's or profile's mentor; `None` for an entry).
    #[ts(type = "number | null")]
    pub mentor_id: Option<MentorId>,
    pub day: Option<NaiveDate>,
    pub snippet: Vec<SnippetPart>,
}

/// The marks SQLite puts around matched words in a snippet: control characters no one
/// types, so user text can never fake one.
pub(crate) const MATCH_START: char = '\u{2}';
pub(crate) const MATCH_END: char = '\u{3}';

/// Splits a marked snippet into parts.
pub(crate) fn snippet_parts(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut matched = false;
    for ch in marked.chars() {
        if ch == MATCH_START || ch == MATCH_END {
            if !current.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut current),
                    matched,
                });
            }
            matched = ch == MATCH_START;
        } else {
            current.push(ch);
        }
    }
    if !current.is_empty() {
        parts.push(SnippetPart {
            text: current,
            matched,
        });
    }
    parts
}

/// The FTS5 query for what the user typed: each word a quoted prefix term, all required.
/// Quoting keeps FTS5's own syntax (AND, NEAR, *, column filters) out of the user's way;
/// `None` when nothing searchable was typed.
pub(crate) fn match_expression(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(16)
        .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(body: &str) -> EntryContent {
        EntryContent {
            body: body.to_string(),
            ..EntryContent::default()
        }
    }

    #[test]
    fn an_empty_entry_is_refused_and_tags_are_tidied() {
        assert!(matches!(
            validate(&content("   \n ")),
            Err(Error::Invalid { field: "body", .. })
        ));
        let tidy = validate(&EntryContent {
            tags: vec![" Work ".into(), "#work".into(), "".into(), "Fear".into()],
            mentor_ids: vec![2, 2, 3],
            ..content("Monday again.")
        })
        .expect("valid");
        assert_eq!(tidy.tags, ["work", "fear"]);
        assert_eq!(tidy.mentor_ids, [2, 3]);
    }

    #[test]
    fn mood_and_energy_stay_on_the_scale() {
        for bad in [0, 6] {
            let entry = EntryContent {
                mood: Some(bad),
                ..content("x")
            };
            assert!(matches!(
                validate(&entry),
                Err(Error::Invalid { field: "mood", .. })
            ));
        }
        let entry = EntryContent {
            energy: Some(9),
            ..content("x")
        };
        assert!(matches!(
            validate(&entry),
            Err(Error::Invalid {
                field: "energy",
                ..
            })
        ));
    }

    #[test]
    fn typed_words_become_quoted_prefix_terms() {
        assert_eq!(
            match_expression("frust boss").as_deref(),
            Some("\"frust\"* \"boss\"*")
        );
        assert_eq!(
            match_expression("NEAR(a b) OR \"x*").as_deref(),
            Some("\"NEAR\"* \"a\"* \"b\"* \"OR\"* \"x\"*")
        );
        assert_eq!(match_expression("  -- ** "), None);
    }

    #[test]
    fn snippets_split_into_marked_and_plain_parts() {
        let parts = snippet_parts("I was \u{2}frustrated\u{3} at the \u{2}boss\u{3}");
        let texts: Vec<(&str, bool)> = parts
            .iter()
            .map(|part| (part.text.as_str(), part.matched))
            .collect();
        assert_eq!(
            texts,
            [
                ("I was ", false),
                ("frustrated", true),
                (" at the ", false),
                ("boss", true)
            ]
        );
    }

    #[test]
    fn draft_keys_round_trip() {
        for of in [DraftOf::NewEntry, DraftOf::Entry(42)] {
            assert_eq!(DraftOf::from_key(&of.key()), Some(of));
        }
        assert_eq!(DraftOf::from_key("entry:x"), None);
    }
}
