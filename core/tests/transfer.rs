//! Taking the circle in and out on the real store: the professional network's
//! connections and vCards as prospects (preview, duplicates, one transaction), and the
//! JSON export imported again into an empty circle.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mentor_core::contacts::PreviewOutcome;
use mentor_core::contacts::parse_contacts;
use mentor_core::journal::EntryContent;
use mentor_core::model::{Agreement, MentorDraft, Mode, Role};
use mentor_core::prospects::ProspectDraft;
use mentor_core::transfer::{CircleExport, ExportOptions};
use mentor_core::{DbKey, Error, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0)
        .single()
        .expect("time")
}

fn open_new(dir: &tempfile::TempDir, name: &str) -> Store {
    Store::open(&dir.path().join(name), &DbKey::generate().expect("key")).expect("opens")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

#[test]
fn connections_are_previewed_against_the_circle_and_imported_in_one_go() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open_new(&dir, "circle.db");
    let mut ana = MentorDraft::new(
        "Ana Sousa",
        vec![Role::Adviser],
        Agreement::ongoing(21, 42, Mode::Video, today()),
    );
    ana.organisation = "Acme Corp".into();
    store.add_mentor(&ana, today()).expect("Ana");

    let parsed = parse_contacts("Connections.csv", &fixture("Connections.csv")).expect("parsed");
    let preview = store.preview_import(parsed).expect("preview");
    let new: Vec<ProspectDraft> = preview
        .rows
        .iter()
        .filter_map(|row| match &row.outcome {
            PreviewOutcome::New { prospect } => Some(prospect.clone()),
            _ => None,
        })
        .collect();
    let duplicate = preview
        .rows
        .iter()
        .find(|row| matches!(&row.outcome, PreviewOutcome::Duplicate { .. }))
        .expect("Ana is known");
    assert_eq!(duplicate.line, 5, "Ana's row");
    assert!(
        matches!(&duplicate.outcome, PreviewOutcome::Duplicate { of, .. } if of == "Ana Sousa in your circle")
    );
    let invalid = preview
        .rows
        .iter()
        .filter(|row| matches!(&row.outcome, PreviewOutcome::Invalid { .. }))
        .count();
    assert_eq!(invalid, 3, "the three broken rows are reported");
    assert!(
        store.prospects().expect("none yet").is_empty(),
        "a preview writes nothing"
    );

    assert_eq!(
        store.import_prospects(&new, today()).expect("import"),
        new.len()
    );
    assert_eq!(store.prospects().expect("list").len(), new.len());

    let again = parse_contacts("Connections.csv", &fixture("Connections.csv")).expect("parsed");
    let preview = store.preview_import(again).expect("preview again");
    assert!(
        preview
            .rows
            .iter()
            .all(|row| !matches!(row.outcome, PreviewOutcome::New { .. })),
        "importing the same file twice finds everyone known"
    );
}

#[test]
fn one_bad_prospect_means_the_import_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open_new(&dir, "circle.db");
    let good = ProspectDraft {
        name: "Zoë Müller".into(),
        ..ProspectDraft::default()
    };
    let bad = ProspectDraft {
        name: "No Email".into(),
        email: "not an address".into(),
        ..ProspectDraft::default()
    };
    assert!(matches!(
        store.import_prospects(&[good, bad], today()),
        Err(Error::Invalid { field: "email", .. })
    ));
    assert!(matches!(
        store.import_prospects(&[], today()),
        Err(Error::Invalid {
            field: "prospects",
            ..
        })
    ));
    assert!(store.prospects().expect("list").is_empty());
}

fn filled(store: &mut Store) {
    mentor_core::sample::add_sample_circle(store, today()).expect("sample");
    let entry = EntryContent {
        body: "Passed over again for the lead role.".into(),
        mood: Some(2),
        energy: Some(3),
        tags: vec!["frustration".into()],
        mentor_ids: vec![1],
    };
    let entry = store.add_entry(&entry, now(), today()).expect("entry");
    let ask = mentor_core::agenda::AgendaDraft {
        mentor_id: 1,
        text: "How did you get your first lead role?".into(),
        from_entry: Some(entry.id),
    };
    store.add_agenda_item(&ask, now()).expect("agenda");
    let goal = mentor_core::goals::GoalDraft {
        title: "Lead a project by June".into(),
        why: "To be seen".into(),
        target_on: NaiveDate::from_ymd_opt(2027, 6, 1),
        mentor_ids: vec![1],
        from_entry: Some(entry.id),
    };
    store.add_goal(&goal, now(), today()).expect("goal");
    let parsed = parse_contacts("contacts-v4.vcf", &fixture("contacts-v4.vcf")).expect("vcf");
    let drafts: Vec<ProspectDraft> = parsed.prospects().cloned().collect();
    store.import_prospects(&drafts, today()).expect("prospects");
    follow_through(store);
}

/// Advice with its outcome, a question discussed at a catch-up, a goal's progress,
/// gives, a peer's co-mentoring and a prospect promoted to mentor.
fn follow_through(store: &mut Store) {
    use mentor_core::advice::{AdviceDraft, AdviceProgress, AdviceStatus};
    use mentor_core::gives::{GiveDraft, GiveKind, GiveState};
    use mentor_core::model::{CatchUpDraft, CoMentoring, Mode};
    use mentor_core::prospects::Stage;

    let advice = store
        .add_advice(
            &AdviceDraft {
                mentor_id: 1,
                given_on: today(),
                text: "Ask for the stretch project".into(),
            },
            today(),
        )
        .expect("advice");
    let progress = AdviceProgress {
        status: AdviceStatus::Adopted,
        reason: String::new(),
        outcome: "I lead the migration".into(),
    };
    store
        .update_advice(advice.id, &progress, today())
        .expect("adopted");
    let question = store.agenda(1).expect("agenda")[0].id;
    store
        .log_catch_up(
            &CatchUpDraft {
                mentor_id: 1,
                date: today(),
                mode: Mode::Video,
                note: String::new(),
                discussed: vec![question],
                reported_back: vec![advice.id],
            },
            today(),
        )
        .expect("catch-up");
    let goal = store.goals().expect("goals")[0].id;
    store
        .add_goal_progress(goal, "Volunteered", today())
        .expect("progress");
    store
        .add_give(
            &GiveDraft {
                mentor_id: 1,
                kind: GiveKind::Introduction,
                state: GiveState::Offered,
                note: "To the platform team lead".into(),
                on: today(),
            },
            today(),
        )
        .expect("give");
    let help = CoMentoring {
        they_help_with: "Talks".into(),
        i_help_with: "Rust".into(),
    };
    store.set_co_mentoring(1, &help).expect("co-mentoring");
    let prospect = store.prospects().expect("prospects")[0].clone();
    store
        .move_prospect(prospect.id, Stage::ReachedOut, today())
        .expect("moved");
    let mentor = store.mentor(1).expect("mentor").details;
    store
        .promote_prospect(prospect.id, &mentor, today())
        .expect("promoted");
}

#[test]
fn the_json_export_imported_into_an_empty_circle_is_identical() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open_new(&dir, "circle.db");
    filled(&mut store);
    let options = ExportOptions {
        include_journal: true,
    };
    let json = store
        .export(options, now())
        .expect("export")
        .to_json()
        .expect("json");

    for carried in [
        "I lead the migration",
        "\"reportedOn\"",
        "\"discussedOn\": \"2026",
        "Volunteered",
        "To the platform team lead",
        "\"iHelpWith\": \"Rust\"",
        "\"reachedOut\"",
        "\"mentorId\": ",
    ] {
        assert!(json.contains(carried), "{carried} is in the export");
    }

    let mut empty = open_new(&dir, "elsewhere.db");
    let document: CircleExport = serde_json::from_str(&json).expect("reads back");
    assert!(empty.import_circle(&document).expect("imported") > 0);
    let again = empty
        .export(options, now())
        .expect("export")
        .to_json()
        .expect("json");
    assert_eq!(again, json, "the same circle, byte for byte");

    match empty.import_circle(&document) {
        Err(Error::Conflict(message)) => assert!(message.contains("empty circle")),
        other => panic!(
            "a second import must be refused, got {:?}",
            other.map(|_| ())
        ),
    }
    let unchanged = empty
        .export(options, now())
        .expect("export")
        .to_json()
        .expect("json");
    assert_eq!(unchanged, json, "a refused import changes nothing");
}
