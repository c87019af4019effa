//! What each fuzz target checks, in one place: the targets in `fuzz_targets/` run these
//! under libFuzzer, and `core/tests/fuzz_corpus.rs` replays the committed corpus through
//! the same functions in the ordinary test run. A broken promise panics, which libFuzzer
//! reports as a finding and the replay as a failed test.
//!
//! The promise for every reader of user input: no panic, no hang, and either a clear error
//! (kind `Invalid`, a sentence) or a result that reads back the same where a round trip
//! exists.

use std::cell::RefCell;

use chrono::{DateTime, NaiveDate, Utc};
use mentor_core::contacts::{self, RowOutcome};
use mentor_core::journal::{EntryContent, SearchQuery};
use mentor_core::prospects::Prospect;
use mentor_core::recovery::RecoveryKey;
use mentor_core::transfer::{self, CircleExport, ExportOptions};
use mentor_core::{DbKey, Error, Store};

/// The file names a contact file may arrive under; the first byte of an input picks one
/// (the name only sharpens messages, but the reader looks at it).
const CONTACT_FILE_NAMES: [&str; 4] =
    ["Connections.csv", "contacts.csv", "people.vcf", "notes.txt"];

/// A refusal the user can act on: `Invalid`, with a sentence.
fn assert_clear(error: &Error, what: &str) {
    match error {
        Error::Invalid { message, .. } => assert!(
            message.len() > 10 && message.ends_with('.'),
            "{what}: an unclear message: {message:?}"
        ),
        other => panic!("{what}: refused as {other:?}, not as invalid input"),
    }
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).expect("a date")
}

fn now() -> DateTime<Utc> {
    day().and_hms_opt(9, 30, 0).expect("a time").and_utc()
}

/// A contact file (connections CSV, any CSV, vCard 2.1/3.0/4.0): a row-by-row report or
/// a clear refusal. Every row it calls ready passes the prospect rules unchanged, and the
/// ready rows written out as vCards read back as the same people.
pub fn contacts(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = CONTACT_FILE_NAMES[usize::from(pick) % CONTACT_FILE_NAMES.len()];
    let parsed = match contacts::parse_contacts(name, bytes) {
        Ok(parsed) => parsed,
        Err(error) => return assert_clear(&error, "a contact file"),
    };
    assert!(
        parsed.rows.len() <= contacts::MAX_ROWS,
        "more rows than the limit"
    );
    let lines = bytes.split(|&b| b == b'\n' || b == b'\r').count() as u32;
    let mut last_line = 0;
    for row in &parsed.rows {
        assert!(
            row.line >= 1 && row.line <= lines.max(1),
            "row at line {} of {lines}",
            row.line
        );
        assert!(row.line >= last_line, "rows out of the file's order");
        last_line = row.line;
        match &row.outcome {
            RowOutcome::Ready { prospect } => {
                let again = prospect.validated().expect("a ready row passes the rules");
                assert_eq!(&again, prospect, "a ready row changes when checked again");
            }
            RowOutcome::Invalid { problem } => {
                assert!(
                    problem.ends_with('.'),
                    "an unclear row problem: {problem:?}"
                );
            }
        }
    }
    let ready: Vec<Prospect> = parsed
        .prospects()
        .enumerate()
        .map(|(index, draft)| Prospect {
            id: index as i64 + 1,
            added_on: day(),
            details: draft.clone(),
            stage: Default::default(),
            steps: Vec::new(),
            mentor_id: None,
        })
        .collect();
    if ready.is_empty() {
        return;
    }
    let cards = transfer::vcard::contacts(&[], &ready);
    let back = contacts::parse_contacts("round-trip.vcf", cards.as_bytes())
        .expect("our own vCards read back");
    let back: Vec<_> = back.prospects().collect();
    assert_eq!(
        back.len(),
        ready.len(),
        "people lost writing them as vCards"
    );
    for (read, written) in back.iter().zip(&ready) {
        let written = &written.details;
        assert_eq!(read.name, written.name, "a name changed through a vCard");
        assert_eq!(read.organisation, written.organisation);
        assert_eq!(read.position, written.position);
        assert_eq!(read.email, written.email);
        assert_eq!(read.profile_url, written.profile_url);
    }
}

/// A circle's JSON export: a clear refusal, or a document that writes back to the same
/// JSON; imported into an empty circle and exported again, it is a fixed point (a second
/// import of that export gives the same export).
pub fn circle_json(data: &[u8]) {
    let document = match transfer::parse_json(data) {
        Ok(document) => document,
        Err(error) => return assert_clear(&error, "a JSON export"),
    };
    let json = document.to_json().expect("writes");
    let again = transfer::parse_json(json.as_bytes()).expect("our own JSON reads back");
    assert_eq!(
        again.to_json().expect("writes"),
        json,
        "JSON changed on a round trip"
    );

    let include_journal = document.journal.is_some();
    let Some(first) = import_and_export(&document, include_journal) else {
        return;
    };
    let second = import_and_export(&first, include_journal).expect("our own export imports");
    assert_eq!(
        second.to_json().expect("writes"),
        first.to_json().expect("writes"),
        "export → import → export is not identical"
    );
}

/// Imports `document` into a new encrypted circle and exports it; `None` when the import
/// was refused (clearly).
fn import_and_export(document: &CircleExport, include_journal: bool) -> Option<CircleExport> {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let key = DbKey::generate().expect("a key");
    let mut store = Store::open(&folder.path().join("circle.db"), &key).expect("a new circle");
    if let Err(error) = store.import_circle(document) {
        assert_clear(&error, "an import");
        return None;
    }
    Some(
        store
            .export(ExportOptions { include_journal }, now())
            .expect("an imported circle exports"),
    )
}

thread_local! {
    /// One circle to search, made once per thread: the sample mentors and a few entries.
    static SEARCHED: RefCell<Option<(tempfile::TempDir, Store)>> = const { RefCell::new(None) };
}

/// The search box: any text typed (with any tag filter) runs as a search and never
/// reaches SQLite as query syntax, so it answers with hits or none, never an error.
pub fn search(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (text, tag) = match text.split_once('\u{0}') {
        Some((text, tag)) => (text.to_string(), Some(tag.to_string())),
        None => (text.into_owned(), None),
    };
    SEARCHED.with(|cell| {
        let mut cell = cell.borrow_mut();
        let (_, store) = cell.get_or_insert_with(searched_circle);
        let query = SearchQuery {
            text,
            tag,
            ..SearchQuery::default()
        };
        if let Err(error) = store.search(&query) {
            panic!("a search failed: {error:?}");
        }
    });
}

fn searched_circle() -> (tempfile::TempDir, Store) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let key = DbKey::generate().expect("a key");
    let mut store = Store::open(&folder.path().join("circle.db"), &key).expect("a new circle");
    mentor_core::sample::add_sample_circle(&mut store, day()).expect("the sample circle");
    for body in [
        "Frustrated with the \"reorg\"; ask Ana about AND/OR NEAR(promotion).",
        "Grateful: *the* intro to Dev-Ops folks. Next: follow up — soon?",
    ] {
        let content = EntryContent {
            body: body.into(),
            mood: Some(3),
            energy: None,
            tags: vec!["work".into(), "c++".into()],
            mentor_ids: Vec::new(),
        };
        store.add_entry(&content, now(), day()).expect("an entry");
    }
    (folder, store)
}

/// The recovery key as typed: a clear refusal, or a key whose own recovery key reads back
/// as the same key.
pub fn recovery_key(data: &[u8]) {
    let Ok(typed) = std::str::from_utf8(data) else {
        return;
    };
    match RecoveryKey::parse(typed) {
        Ok(key) => {
            let written = RecoveryKey::of(&key);
            let back =
                RecoveryKey::parse(written.as_str()).expect("a key's own recovery key reads");
            assert!(back == key, "a recovery key read back as another key");
        }
        Err(error) => assert_clear(&error, "a recovery key"),
    }
}

/// A file name in the backups folder: another file (`None`), or a backup whose name
/// written again is the same name.
pub fn backup_name(data: &[u8]) {
    let Ok(name) = std::str::from_utf8(data) else {
        return;
    };
    if let Some((kind, made_at)) = mentor_core::backups::parse_name(name) {
        let again = mentor_core::backups::file_name(kind, made_at);
        assert_eq!(
            mentor_core::backups::parse_name(&again),
            Some((kind, made_at)),
            "a backup's name does not read back"
        );
    }
}
