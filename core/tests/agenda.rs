//! From frustration to action, in the real encrypted store: a journal passage becomes a
//! question for a mentor's next catch-up or a goal, and the link is kept both ways,
//! through edits, a delete and its undo.

use mentor_core::agenda::AgendaDraft;
use mentor_core::goals::{GoalDraft, GoalStatus};
use mentor_core::journal::{EntryContent, Raised};
use mentor_core::model::{Agreement, MentorDraft, Mode, Role};
use mentor_core::{Error, Store};

mod common;
use common::{at, day, open_new};

fn mentor(store: &mut Store, name: &str) -> i64 {
    let agreement = Agreement::ongoing(28, 42, Mode::Video, day("2026-09-01"));
    let draft = MentorDraft::new(name, vec![Role::Adviser], agreement);
    store
        .add_mentor(&draft, day("2026-09-01"))
        .expect("mentor added")
        .id
}

fn write(store: &mut Store, body: &str) -> i64 {
    let content = EntryContent {
        body: body.into(),
        ..EntryContent::default()
    };
    store
        .add_entry(&content, at("2026-11-20 21:00"), day("2026-11-20"))
        .expect("entry saved")
        .id
}

fn question(mentor_id: i64, text: &str, from_entry: Option<i64>) -> AgendaDraft {
    AgendaDraft {
        mentor_id,
        text: text.into(),
        from_entry,
    }
}

fn goal(title: &str, mentor_ids: &[i64], from_entry: Option<i64>) -> GoalDraft {
    GoalDraft {
        title: title.into(),
        why: "Passed over twice".into(),
        target_on: Some(day("2027-06-01")),
        mentor_ids: mentor_ids.to_vec(),
        from_entry,
    }
}

#[test]
fn a_passage_becomes_a_question_and_a_goal_linked_both_ways() {
    let (_dir, mut store) = open_new();
    let ana = mentor(&mut store, "Ana");
    let ben = mentor(&mut store, "Ben");
    let entry = write(
        &mut store,
        "Passed over for the lead role again. How do I ask for the next one?",
    );

    let asked = store
        .add_agenda_item(
            &question(ana, "  How do I ask for the next lead role?  ", Some(entry)),
            at("2026-11-21 08:00"),
        )
        .expect("question added");
    assert_eq!(asked.text, "How do I ask for the next lead role?");
    assert_eq!(asked.from_entry, Some(entry));
    let set = store
        .add_goal(
            &goal("Lead a project by June", &[ana, ben], Some(entry)),
            at("2026-11-21 08:05"),
            day("2026-11-21"),
        )
        .expect("goal set");
    assert_eq!(set.status, GoalStatus::Active);
    assert_eq!(set.mentor_ids, [ana, ben]);

    // From the entry: what was raised from it.
    assert_eq!(
        store.raised_from(entry).expect("raised"),
        Raised {
            questions: vec![asked.clone()],
            goals: vec![set.clone()],
        }
    );
    // From the mentor: the question on Ana's agenda, the goal on both pages, each
    // pointing at the entry.
    let page = store
        .mentor_page(ana, day("2026-11-21"))
        .expect("Ana's page");
    assert_eq!(page.agenda, std::slice::from_ref(&asked));
    assert_eq!(page.goals, std::slice::from_ref(&set));
    let page = store
        .mentor_page(ben, day("2026-11-21"))
        .expect("Ben's page");
    assert!(page.agenda.is_empty());
    assert_eq!(page.goals, std::slice::from_ref(&set));
    assert_eq!(store.goals().expect("goals"), std::slice::from_ref(&set));

    // Editing the entry keeps the links.
    let content = EntryContent {
        body: "Passed over again; I will ask.".into(),
        ..EntryContent::default()
    };
    store
        .update_entry(entry, &content, at("2026-11-21 09:00"))
        .expect("edited");
    assert_eq!(
        store.raised_from(entry).expect("raised").questions,
        std::slice::from_ref(&asked)
    );

    // Deleting the entry keeps the question and the goal, unlinked; undo links them again.
    let deleted = store.remove_entry(entry).expect("deleted");
    assert_eq!(deleted.raised.questions, std::slice::from_ref(&asked));
    assert_eq!(store.agenda_item(asked.id).expect("kept").from_entry, None);
    assert_eq!(store.goal(set.id).expect("kept").from_entry, None);
    let back = store.restore_entry(&deleted).expect("restored");
    assert_eq!(back.written_at, deleted.entry.written_at);
    assert_eq!(back.content, deleted.entry.content);
    let raised = store.raised_from(back.id).expect("raised");
    assert_eq!(raised.questions.len(), 1);
    assert_eq!(raised.questions[0].id, asked.id);
    assert_eq!(raised.goals[0].id, set.id);
    assert_eq!(
        store.agenda_item(asked.id).expect("linked").from_entry,
        Some(back.id)
    );
}

#[test]
fn an_agenda_item_is_removed_with_undo_and_goes_with_its_mentor() {
    let (_dir, mut store) = open_new();
    let ana = mentor(&mut store, "Ana");
    let entry = write(&mut store, "Ask about the reorg");
    let first = store
        .add_agenda_item(
            &question(ana, "The reorg", Some(entry)),
            at("2026-11-21 08:00"),
        )
        .expect("added");
    let second = store
        .add_agenda_item(
            &question(ana, "Conference talk", None),
            at("2026-11-21 08:01"),
        )
        .expect("added");
    assert_eq!(
        store.agenda(ana).expect("agenda"),
        [first.clone(), second.clone()],
        "in the order added"
    );

    let removed = store.remove_agenda_item(first.id).expect("removed");
    assert_eq!(
        store.agenda(ana).expect("agenda"),
        std::slice::from_ref(&second)
    );
    let back = store.restore_agenda_item(&removed).expect("undone");
    assert_eq!(back.text, "The reorg");
    assert_eq!(back.added_at, first.added_at);
    assert_eq!(back.from_entry, Some(entry));
    assert!(matches!(
        store.remove_agenda_item(first.id),
        Err(Error::NotFound(_))
    ));

    // Removing the sample circle is the only way mentors leave the database; their
    // agenda goes with them.
    let mut sample_store = store;
    mentor_core::sample::add_sample_circle(&mut sample_store, day("2026-11-21"))
        .expect("sample loaded");
    let sample_mentor = sample_store
        .circle(day("2026-11-21"))
        .expect("circle")
        .into_iter()
        .find(|member| member.mentor.sample)
        .expect("a sample mentor")
        .mentor
        .id;
    let item = sample_store
        .add_agenda_item(
            &question(sample_mentor, "Try it", None),
            at("2026-11-21 08:02"),
        )
        .expect("added");
    sample_store.remove_sample_circle().expect("removed");
    assert!(matches!(
        sample_store.agenda_item(item.id),
        Err(Error::NotFound(_))
    ));
    assert_eq!(sample_store.agenda(ana).expect("agenda").len(), 2);
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let (_dir, mut store) = open_new();
    let ana = mentor(&mut store, "Ana");
    let entry = write(&mut store, "Something");
    let now = at("2026-11-21 08:00");
    let today = day("2026-11-21");

    let field_of = |error: Error| match error {
        Error::Invalid { field, .. } => field,
        other => panic!("expected Invalid, got {other:?}"),
    };
    assert_eq!(
        field_of(
            store
                .add_agenda_item(&question(ana, " ", None), now)
                .expect_err("refused")
        ),
        "text"
    );
    assert!(matches!(
        store.add_agenda_item(&question(999, "Hi", None), now),
        Err(Error::NotFound(_))
    ));
    assert!(matches!(
        store.add_agenda_item(&question(ana, "Hi", Some(999)), now),
        Err(Error::NotFound(_))
    ));
    assert_eq!(
        field_of(
            store
                .add_goal(&goal("", &[], None), now, today)
                .expect_err("refused")
        ),
        "title"
    );
    // A goal with one good mentor and one missing is refused whole.
    assert!(matches!(
        store.add_goal(&goal("Lead", &[ana, 999], Some(entry)), now, today),
        Err(Error::NotFound(_))
    ));
    assert!(store.agenda(ana).expect("agenda").is_empty());
    assert!(store.goals().expect("goals").is_empty());
    assert_eq!(store.raised_from(entry).expect("raised"), Raised::default());
}
