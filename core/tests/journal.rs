//! The journal in the real encrypted store: entries and their links, drafts saved as the
//! user types, full-text search with its ranking and filters, and the firewall that keeps
//! journal text out of notifications and exports.

use chrono::TimeDelta;
use mentor_core::journal::{DraftOf, EntryContent, HitKind, SearchQuery};
use mentor_core::model::{Agreement, CatchUpDraft, MentorDraft, Mode, Role};
use mentor_core::nudges::{self, NudgeSettings};
use mentor_core::transfer::ExportOptions;
use mentor_core::{DbKey, Error, Store};

mod common;
use common::{at, day};

fn key() -> DbKey {
    DbKey::from_bytes(&[5; 32]).expect("32 bytes")
}

fn open_new() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("circle.db"), &key()).expect("new store opens");
    (dir, store)
}

fn mentor(store: &mut Store, name: &str, expertise: &str) -> i64 {
    let agreement = Agreement::ongoing(28, 42, Mode::Video, day("2026-09-01"));
    let mut draft = MentorDraft::new(name, vec![Role::Adviser], agreement);
    draft.expertise = expertise.into();
    store
        .add_mentor(&draft, day("2026-09-01"))
        .expect("mentor added")
        .id
}

/// A catch-up by video with `mentor_id` on 10 November, logged on the 22nd.
fn log_video_call(store: &mut Store, mentor_id: i64, note: &str) {
    store
        .log_catch_up(
            &CatchUpDraft {
                mentor_id,
                date: day("2026-11-10"),
                mode: Mode::Video,
                note: note.into(),
                discussed: Vec::new(),
                reported_back: Vec::new(),
            },
            day("2026-11-22"),
        )
        .expect("logged");
}

fn entry(body: &str, tags: &[&str], mentors: &[i64]) -> EntryContent {
    EntryContent {
        body: body.into(),
        mood: Some(2),
        energy: None,
        tags: tags.iter().map(|tag| tag.to_string()).collect(),
        mentor_ids: mentors.to_vec(),
    }
}

fn search(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        ..SearchQuery::default()
    }
}

#[test]
fn entries_are_written_read_edited_and_deleted_with_their_tags_and_mentors() {
    let (_dir, mut store) = open_new();
    let ana = mentor(&mut store, "Ana", "");
    let ben = mentor(&mut store, "Ben", "");
    let first = store
        .add_entry(
            &entry("Dreading Monday again.", &["Work", "#fear"], &[ana]),
            at("2026-11-20 21:00"),
            day("2026-11-20"),
        )
        .expect("saved");
    assert_eq!(first.content.tags, ["work", "fear"]);
    assert_eq!(first.content.mentor_ids, [ana]);
    assert_eq!(first.content.mood, Some(2));
    assert_eq!(first.written_on, day("2026-11-20"));
    let second = store
        .add_entry(
            &entry("A good chat with Ben.", &[], &[]),
            at("2026-11-21 08:00"),
            day("2026-11-21"),
        )
        .expect("saved");

    let newest: Vec<i64> = store
        .entries(10, None)
        .expect("list")
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(newest, [second.id, first.id], "newest first");
    let older = store.entries(10, Some(second.id)).expect("next page");
    assert_eq!(older.len(), 1);
    assert_eq!(older[0].id, first.id);

    let edited = store
        .update_entry(
            first.id,
            &entry("Dreading Monday less.", &["work"], &[ben, ana]),
            at("2026-11-22 09:00"),
        )
        .expect("edited");
    assert_eq!(edited.content.body, "Dreading Monday less.");
    assert_eq!(edited.content.tags, ["work"]);
    assert_eq!(edited.content.mentor_ids, [ben, ana]);
    assert_eq!(edited.written_at, first.written_at, "written when it was");
    assert_eq!(edited.updated_at, at("2026-11-22 09:00"));

    // A link to a mentor who does not exist is refused, and nothing changes.
    assert!(matches!(
        store.update_entry(
            first.id,
            &entry("Changed", &[], &[999]),
            at("2026-11-22 10:00")
        ),
        Err(Error::NotFound(_))
    ));
    assert_eq!(store.entry(first.id).expect("read"), edited);

    let deleted = store.remove_entry(first.id).expect("deleted");
    assert_eq!(
        deleted.entry, edited,
        "the deleted entry comes back for undo"
    );
    assert!(matches!(store.entry(first.id), Err(Error::NotFound(_))));
    assert!(matches!(
        store.update_entry(first.id, &entry("x", &[], &[]), at("2026-11-22 10:00")),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn a_draft_keeps_the_latest_typing_survives_a_restart_and_goes_when_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("circle.db");
    let mut store = Store::open(&path, &key()).expect("opens");
    store
        .save_draft(
            DraftOf::NewEntry,
            &entry("I am fru", &[], &[]),
            at("2026-11-22 09:00"),
        )
        .expect("autosaved");
    store
        .save_draft(
            DraftOf::NewEntry,
            &entry("I am frustrated", &[], &[]),
            at("2026-11-22 09:01"),
        )
        .expect("autosaved");
    // The app is killed: nothing else happens. On restart, the draft is there.
    drop(store);
    let mut store = Store::open(&path, &key()).expect("reopens");
    let draft = store
        .draft(DraftOf::NewEntry)
        .expect("read")
        .expect("the draft survived");
    assert_eq!(draft.content.body, "I am frustrated", "the latest autosave");
    assert_eq!(draft.saved_at, at("2026-11-22 09:01"));
    assert_eq!(store.drafts().expect("drafts").len(), 1);

    // An empty draft is fine (half a thought); saving the entry removes the draft.
    store
        .save_draft(
            DraftOf::NewEntry,
            &entry("", &[], &[]),
            at("2026-11-22 09:02"),
        )
        .expect("an empty draft is kept");
    let saved = store
        .add_entry(
            &entry("I am frustrated.", &[], &[]),
            at("2026-11-22 09:03"),
            day("2026-11-22"),
        )
        .expect("saved");
    assert_eq!(store.draft(DraftOf::NewEntry).expect("read"), None);

    // Editing an entry has its own draft, removed by saving the edit.
    let of = DraftOf::Entry(saved.id);
    store
        .save_draft(
            of,
            &entry("I was frustrated", &[], &[]),
            at("2026-11-22 10:00"),
        )
        .expect("autosaved");
    assert!(store.draft(of).expect("read").is_some());
    store
        .update_entry(
            saved.id,
            &entry("I was frustrated.", &[], &[]),
            at("2026-11-22 10:01"),
        )
        .expect("edited");
    assert_eq!(store.draft(of).expect("read"), None);

    // Discarding, and a draft for an entry that does not exist.
    store
        .save_draft(
            DraftOf::NewEntry,
            &entry("never mind", &[], &[]),
            at("2026-11-22 11:00"),
        )
        .expect("autosaved");
    store.discard_draft(DraftOf::NewEntry).expect("discarded");
    assert!(store.drafts().expect("drafts").is_empty());
    assert!(matches!(
        store.save_draft(
            DraftOf::Entry(999),
            &entry("x", &[], &[]),
            at("2026-11-22 11:00")
        ),
        Err(Error::NotFound(_))
    ));
    // Discarding nothing is fine for an entry that exists (the text went back to how it
    // was), and refused for one that does not.
    store
        .discard_draft(DraftOf::Entry(saved.id))
        .expect("nothing to discard");
    assert!(matches!(
        store.discard_draft(DraftOf::Entry(999)),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn search_finds_words_by_prefix_and_without_accents_across_everything_written() {
    let (_dir, mut store) = open_new();
    let chloe = mentor(&mut store, "Chloé", "Negotiation and pricing");
    log_video_call(&mut store, chloe, "Talked about the promotion case.");
    store
        .add_entry(
            &entry("Frustrated that the promotion slipped again.", &[], &[]),
            at("2026-11-20 21:00"),
            day("2026-11-20"),
        )
        .expect("saved");

    let hits = store.search(&search("promot")).expect("search");
    let kinds: Vec<HitKind> = hits.iter().map(|hit| hit.kind).collect();
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(kinds.contains(&HitKind::Journal) && kinds.contains(&HitKind::CatchUp));
    let catch_up = hits
        .iter()
        .find(|hit| hit.kind == HitKind::CatchUp)
        .expect("catch-up hit");
    assert_eq!(catch_up.mentor_id, Some(chloe));
    assert_eq!(catch_up.day, Some(day("2026-11-10")));
    let marked: Vec<&str> = catch_up
        .snippet
        .iter()
        .filter(|part| part.matched)
        .map(|part| part.text.as_str())
        .collect();
    assert_eq!(marked, ["promotion"], "the match is highlighted");

    let profile = store.search(&search("chloe negot")).expect("search");
    assert_eq!(profile.len(), 1, "{profile:?}");
    assert_eq!(profile[0].kind, HitKind::Mentor);
    assert_eq!(profile[0].mentor_id, Some(chloe));

    // What the user types is words, never search syntax.
    for odd in ["\"", "promotion OR", "NEAR(", "*", "text:promotion", "-"] {
        assert!(store.search(&search(odd)).is_ok(), "{odd:?}");
    }
    assert!(store.search(&search("   ")).expect("search").is_empty());
}

/// A mentor is found by what their profile says now: a catch-up or a snooze leaves the
/// profile's words as they were (migration 11 writes them only when they change), and an
/// edit replaces them.
#[test]
fn a_mentors_profile_words_follow_edits_and_nothing_else() {
    let (_dir, mut store) = open_new();
    let chloe = mentor(&mut store, "Chloé Martin", "Negotiation and pricing");
    log_video_call(&mut store, chloe, "Went through the offer.");
    store
        .snooze(chloe, Some(nudges::Snooze::NextWeek), day("2026-11-22"))
        .expect("snoozed");
    let found = store.search(&search("chloe pricing")).expect("search");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].kind, found[0].mentor_id),
        (HitKind::Mentor, Some(chloe))
    );

    let agreement = Agreement::ongoing(28, 42, Mode::Video, day("2026-09-01"));
    let mut draft = MentorDraft::new("Chloé Martin", vec![Role::Adviser], agreement);
    draft.expertise = "Hiring and interviews".into();
    draft.organisation = "Lumen Labs".into();
    store.update_mentor(chloe, &draft).expect("edited");
    assert!(store.search(&search("pricing")).expect("search").is_empty());
    for words in ["interviews", "lumen", "chloe"] {
        let found = store.search(&search(words)).expect("search");
        assert_eq!(found.len(), 1, "{words}: {found:?}");
        assert_eq!(found[0].mentor_id, Some(chloe), "{words}");
    }
}

/// The ids of what `query` finds, best first.
fn ids(store: &Store, query: SearchQuery) -> Vec<i64> {
    store
        .search(&query)
        .expect("search")
        .iter()
        .map(|hit| hit.id)
        .collect()
}

#[test]
fn search_ranks_the_closest_match_first_and_filters_by_tag_mentor_and_date() {
    let (_dir, mut store) = open_new();
    let ana = mentor(&mut store, "Ana", "");
    let strong = store
        .add_entry(
            &entry("Boss. Boss again. The boss.", &["work"], &[ana]),
            at("2026-11-01 21:00"),
            day("2026-11-01"),
        )
        .expect("saved");
    let weak = store
        .add_entry(
            &entry(
                "A long walk by the river, thinking about everything and nothing; the boss came up once, briefly, among many other thoughts about the week.",
                &["home"],
                &[],
            ),
            at("2026-11-15 21:00"),
            day("2026-11-15"),
        )
        .expect("saved");

    assert_eq!(
        ids(&store, search("boss")),
        [strong.id, weak.id],
        "best first"
    );
    assert_eq!(
        ids(
            &store,
            SearchQuery {
                tag: Some("Home".into()),
                ..search("boss")
            }
        ),
        [weak.id]
    );
    assert_eq!(
        ids(
            &store,
            SearchQuery {
                mentor_id: Some(ana),
                ..search("boss")
            }
        ),
        [strong.id]
    );
    assert_eq!(
        ids(
            &store,
            SearchQuery {
                from: Some(day("2026-11-10")),
                ..search("boss")
            }
        ),
        [weak.id]
    );
    assert_eq!(
        ids(
            &store,
            SearchQuery {
                to: Some(day("2026-11-10")),
                ..search("boss")
            }
        ),
        [strong.id]
    );

    // Edits and deletions reach the index in the same transaction.
    store
        .update_entry(
            strong.id,
            &entry("Calm week.", &["work"], &[ana]),
            at("2026-11-22 09:00"),
        )
        .expect("edited");
    assert_eq!(ids(&store, search("boss")), [weak.id]);
    assert_eq!(ids(&store, search("calm")), [strong.id]);
    store.remove_entry(weak.id).expect("deleted");
    assert!(ids(&store, search("boss")).is_empty());
}

#[test]
fn journal_text_never_reaches_a_notification_or_an_export_unless_chosen() {
    let (_dir, mut store) = open_new();
    let canary = "canaryjournal7f3a";
    let ana = mentor(&mut store, "Ana", "");
    for index in 0..50 {
        store
            .add_entry(
                &entry(
                    &format!("Entry {index}: {canary} about Ana"),
                    &[canary],
                    &[ana],
                ),
                at("2026-11-20 21:00") + TimeDelta::minutes(index),
                day("2026-11-20"),
            )
            .expect("saved");
    }
    store
        .save_draft(
            DraftOf::NewEntry,
            &entry(canary, &[], &[ana]),
            at("2026-11-22 08:00"),
        )
        .expect("draft");
    let today = day("2026-11-22");
    let now = at("2026-11-22 12:00");
    for show_names in [true, false] {
        let settings = NudgeSettings {
            show_names,
            ..NudgeSettings::default()
        };
        let candidates = store.nudge_candidates(today).expect("candidates");
        let nudge = nudges::plan(&now, &settings, &candidates, &[], None)
            .send
            .expect("Ana is overdue");
        let text = format!("{}\n{}", nudge.title, nudge.body);
        assert!(
            !text.contains(canary),
            "a notification held journal text: {text}"
        );
    }

    // The export: without the journal by default, with it only when chosen.
    let exported = store
        .export(ExportOptions::default(), now)
        .expect("export")
        .to_json()
        .expect("json");
    assert!(
        exported.contains("\"name\": \"Ana\""),
        "the circle is exported"
    );
    assert!(
        !exported.contains(canary),
        "an export without the journal held journal text"
    );
    let chosen = store
        .export(
            ExportOptions {
                include_journal: true,
            },
            now,
        )
        .expect("export")
        .to_json()
        .expect("json");
    assert_eq!(chosen.matches(&format!("{canary} about Ana")).count(), 50);
}
