//! Mentorship that goes somewhere, against the real encrypted store: advice and the
//! close-the-loop list, agenda items carried over at a catch-up, goals and their
//! progress, thanks and gives with the asks/gives balance, the pre-meeting brief,
//! co-mentoring, and the prospect pipeline up to promotion.

use chrono::{DateTime, NaiveDate, Utc};
use mentor_core::advice::{AdviceDraft, AdviceProgress, AdviceStatus};
use mentor_core::agenda::AgendaDraft;
use mentor_core::gives::{GiveDraft, GiveKind, GiveState};
use mentor_core::goals::{GoalDraft, GoalStatus};
use mentor_core::model::{Agreement, CatchUpDraft, CoMentoring, MentorDraft, MentorId, Mode, Role};
use mentor_core::prospects::{ProspectDraft, ProspectSource, Stage};
use mentor_core::{DbKey, Error, Store};

mod common;
use common::{day, open_new};

fn today() -> NaiveDate {
    day("2026-11-22")
}

fn now() -> DateTime<Utc> {
    "2026-11-22T10:00:00Z".parse().expect("a time")
}

fn mentor(store: &mut Store, name: &str) -> MentorId {
    let agreement = Agreement::ongoing(28, 42, Mode::Video, day("2026-01-01"));
    let draft = MentorDraft::new(name, vec![Role::Adviser], agreement);
    store
        .add_mentor(&draft, day("2026-01-01"))
        .expect("mentor")
        .id
}

fn catch_up(
    mentor_id: MentorId,
    date: &str,
    discussed: Vec<i64>,
    reported: Vec<i64>,
) -> CatchUpDraft {
    CatchUpDraft {
        mentor_id,
        date: day(date),
        mode: Mode::Video,
        note: "Good talk.".into(),
        discussed,
        reported_back: reported,
    }
}

fn progress(status: AdviceStatus, reason: &str, outcome: &str) -> AdviceProgress {
    AdviceProgress {
        status,
        reason: reason.into(),
        outcome: outcome.into(),
    }
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> i64) -> Vec<i64> {
    items.iter().map(id).collect()
}

#[test]
fn advice_goes_on_the_close_the_loop_list_when_there_is_news_and_leaves_once_reported() {
    let (_dir, mut store) = open_new();
    let ana = mentor(&mut store, "Ana");
    let advice = store
        .add_advice(
            &AdviceDraft {
                mentor_id: ana,
                given_on: day("2026-10-01"),
                text: "Ask for the stretch project".into(),
            },
            today(),
        )
        .expect("recorded");
    assert_eq!(advice.progress.status, AdviceStatus::Considering);
    assert!(
        store.close_the_loop(ana).expect("list").is_empty(),
        "nothing to tell yet"
    );

    let trying = store
        .update_advice(
            advice.id,
            &progress(AdviceStatus::Trying, "", ""),
            day("2026-10-05"),
        )
        .expect("trying");
    assert!(trying.to_report);
    assert_eq!(
        ids(&store.close_the_loop(ana).expect("list"), |a| a.id),
        vec![advice.id]
    );

    // Reported at a catch-up: off the list, with the day it was reported.
    store
        .log_catch_up(
            &catch_up(ana, "2026-10-20", vec![], vec![advice.id]),
            today(),
        )
        .expect("logged");
    assert!(store.close_the_loop(ana).expect("list").is_empty());
    let reported = store.advice_item(advice.id).expect("advice");
    assert_eq!(reported.reported_on, Some(day("2026-10-20")));

    // Saving the same thing again is no news.
    store
        .update_advice(advice.id, &progress(AdviceStatus::Trying, "", ""), today())
        .expect("same");
    assert!(store.close_the_loop(ana).expect("list").is_empty());

    // Adopted with evidence: news again, and the brief says so.
    let adopted = store
        .update_advice(
            advice.id,
            &progress(AdviceStatus::Adopted, "", "I lead the Q3 migration"),
            today(),
        )
        .expect("adopted");
    assert_eq!(adopted.changed_on, today());
    assert_eq!(
        ids(&store.close_the_loop(ana).expect("list"), |a| a.id),
        vec![advice.id]
    );
    let brief = store.brief(ana, today()).expect("brief");
    assert_eq!(ids(&brief.close_the_loop, |a| a.id), vec![advice.id]);
    assert_eq!(ids(&brief.to_thank, |a| a.id), vec![advice.id]);
    assert!(brief.text.contains("Ask for the stretch project"));
    assert!(
        brief
            .text
            .contains("What came of it: I lead the Q3 migration")
    );

    // Back to "considering" takes it off the list without a report.
    store
        .update_advice(
            advice.id,
            &progress(AdviceStatus::Considering, "", ""),
            today(),
        )
        .expect("considering");
    assert!(store.close_the_loop(ana).expect("list").is_empty());
}

#[test]
fn a_decline_needs_its_reason_and_a_refused_change_writes_nothing() {
    let (_dir, mut store) = open_new();
    let ana = mentor(&mut store, "Ana");
    let draft = AdviceDraft {
        mentor_id: ana,
        given_on: today(),
        text: "Move to management".into(),
    };
    let advice = store.add_advice(&draft, today()).expect("recorded");
    let before = store.advice_item(advice.id).expect("advice");
    assert!(matches!(
        store.update_advice(
            advice.id,
            &progress(AdviceStatus::Declined, " ", ""),
            today()
        ),
        Err(Error::Invalid {
            field: "reason",
            ..
        })
    ));
    assert_eq!(store.advice_item(advice.id).expect("advice"), before);
    let declined = store
        .update_advice(
            advice.id,
            &progress(AdviceStatus::Declined, "I want to stay technical", ""),
            today(),
        )
        .expect("declined");
    assert!(declined.to_report, "a decline is worth telling too");

    let future = AdviceDraft {
        given_on: day("2026-11-23"),
        ..draft
    };
    assert!(matches!(
        store.add_advice(&future, today()),
        Err(Error::Invalid {
            field: "givenOn",
            ..
        })
    ));
    assert!(matches!(
        store.add_advice(
            &AdviceDraft {
                mentor_id: 999,
                given_on: today(),
                text: "x".into()
            },
            today()
        ),
        Err(Error::NotFound(_))
    ));

    // Removing and undoing keeps everything but the id.
    let removed = store.remove_advice(advice.id).expect("removed");
    assert!(store.advice(ana).expect("list").is_empty());
    let back = store.restore_advice(&removed).expect("restored");
    assert_eq!(back.progress, removed.progress);
    assert_eq!(back.to_report, removed.to_report);
}

#[test]
fn agenda_items_not_ticked_at_a_catch_up_carry_over_to_the_next() {
    let (_dir, mut store) = open_new();
    let ana = mentor(&mut store, "Ana");
    let bea = mentor(&mut store, "Bea");
    let mut add = |mentor_id, text: &str| {
        store
            .add_agenda_item(
                &AgendaDraft {
                    mentor_id,
                    text: text.into(),
                    from_entry: None,
                },
                now(),
            )
            .expect("added")
            .id
    };
    let reorg = add(ana, "The reorg");
    let promotion = add(ana, "My promotion case");
    let salary = add(ana, "Salary bands");
    let beas = add(bea, "Bea's question");

    store
        .log_catch_up(&catch_up(ana, "2026-11-01", vec![reorg], vec![]), today())
        .expect("logged");
    assert_eq!(
        ids(&store.agenda(ana).expect("agenda"), |i| i.id),
        vec![promotion, salary]
    );
    let everything = store.agenda_with_discussed(ana).expect("all");
    assert_eq!(everything[0].discussed_on, Some(day("2026-11-01")));

    // Another mentor's item, or one already discussed, cannot be ticked: nothing is
    // written, not even the catch-up.
    let before = store.catch_ups(ana).expect("catch-ups").len();
    for wrong in [beas, reorg] {
        assert!(matches!(
            store.log_catch_up(
                &catch_up(ana, "2026-11-10", vec![promotion, wrong], vec![]),
                today()
            ),
            Err(Error::Invalid {
                field: "discussed",
                ..
            })
        ));
    }
    assert_eq!(store.catch_ups(ana).expect("catch-ups").len(), before);
    assert_eq!(
        store.agenda(ana).expect("agenda").len(),
        2,
        "still both open"
    );

    store
        .log_catch_up(
            &catch_up(ana, "2026-11-15", vec![promotion, salary], vec![]),
            today(),
        )
        .expect("logged");
    assert!(store.agenda(ana).expect("agenda").is_empty());
    assert_eq!(store.agenda(bea).expect("agenda").len(), 1);
}

#[test]
fn the_balance_counts_asks_and_gives_in_the_last_six_months() {
    let (_dir, mut store) = open_new();
    let ana = mentor(&mut store, "Ana");
    for (given_on, text) in [
        ("2026-05-01", "too old"),
        ("2026-09-01", "one"),
        ("2026-10-01", "two"),
    ] {
        store
            .add_advice(
                &AdviceDraft {
                    mentor_id: ana,
                    given_on: day(given_on),
                    text: text.into(),
                },
                today(),
            )
            .expect("advice");
    }
    let question = store
        .add_agenda_item(
            &AgendaDraft {
                mentor_id: ana,
                text: "Ask about the reorg".into(),
                from_entry: None,
            },
            now(),
        )
        .expect("agenda");
    store
        .log_catch_up(
            &catch_up(ana, "2026-11-01", vec![question.id], vec![]),
            today(),
        )
        .expect("logged");
    let balance = store.balance(ana, today()).expect("balance");
    assert_eq!((balance.asks, balance.gives, balance.thanks), (3, 0, 0));
    assert!(balance.all_take, "three asks and nothing given");

    let give = |kind, state, on: &str| GiveDraft {
        mentor_id: ana,
        kind,
        state,
        note: "The piece on platform teams".into(),
        on: day(on),
    };
    store
        .add_give(
            &give(GiveKind::Thanks, GiveState::Done, "2026-11-02"),
            today(),
        )
        .expect("thanks");
    let idea = store
        .add_give(
            &give(GiveKind::Article, GiveState::Idea, "2026-11-02"),
            today(),
        )
        .expect("idea");
    let balance = store.balance(ana, today()).expect("balance");
    assert_eq!((balance.gives, balance.thanks), (0, 1));
    assert!(balance.all_take, "thanks and ideas are not giving back yet");

    store
        .update_give(
            idea.id,
            &give(GiveKind::Article, GiveState::Done, "2026-11-20"),
            today(),
        )
        .expect("done");
    let balance = store.balance(ana, today()).expect("balance");
    assert_eq!((balance.asks, balance.gives, balance.thanks), (3, 1, 1));
    assert!(!balance.all_take);
    assert_eq!(
        store.mentor_page(ana, today()).expect("page").balance,
        balance
    );

    assert!(matches!(
        store.add_give(
            &give(GiveKind::Thanks, GiveState::Offered, "2026-11-20"),
            today()
        ),
        Err(Error::Invalid { field: "state", .. })
    ));
    let removed = store.remove_give(idea.id).expect("removed");
    assert_eq!(store.balance(ana, today()).expect("balance").gives, 0);
    store.restore_give(&removed).expect("undo");
    assert_eq!(store.balance(ana, today()).expect("balance").gives, 1);
}

#[test]
fn the_brief_gathers_questions_advice_goals_thanks_and_offers() {
    let (_dir, mut store) = open_new();
    let ana = mentor(&mut store, "Ana Sousa");
    store
        .log_catch_up(&catch_up(ana, "2026-11-01", vec![], vec![]), today())
        .expect("logged");
    store
        .add_agenda_item(
            &AgendaDraft {
                mentor_id: ana,
                text: "How did you get your first lead role?".into(),
                from_entry: None,
            },
            now(),
        )
        .expect("agenda");
    let goal = store
        .add_goal(
            &GoalDraft {
                title: "Lead a project by June".into(),
                why: String::new(),
                target_on: Some(day("2027-06-01")),
                mentor_ids: vec![ana],
                from_entry: None,
            },
            now(),
            today(),
        )
        .expect("goal");
    store
        .add_goal_progress(goal.id, "Volunteered for the migration", today())
        .expect("progress");
    store
        .add_give(
            &GiveDraft {
                mentor_id: ana,
                kind: GiveKind::Candidate,
                state: GiveState::Offered,
                note: "Refer Tomás for the SRE role".into(),
                on: today(),
            },
            today(),
        )
        .expect("offer");
    let brief = store.brief(ana, today()).expect("brief");
    assert_eq!(
        brief.last_catch_up.as_ref().map(|c| c.date),
        Some(day("2026-11-01"))
    );
    assert_eq!(brief.open_questions.len(), 1);
    assert_eq!(
        brief.goals[0].progress[0].note,
        "Volunteered for the migration"
    );
    assert_eq!(brief.offered.len(), 1);
    assert!(brief.co_mentoring.is_none(), "Ana is not a peer");
    for expected in [
        "Before your catch-up with Ana Sousa",
        "Last catch-up: 1 November 2026 (video call)",
        "- How did you get your first lead role?",
        "- Lead a project by June (by 1 June 2027). Latest, 22 November 2026: Volunteered",
        "- Refer a candidate: Refer Tomás for the SRE role",
    ] {
        assert!(
            brief.text.contains(expected),
            "{expected:?} in\n{}",
            brief.text
        );
    }
    assert!(
        !brief.text.contains("Thank them for"),
        "empty sections are left out"
    );
}

#[test]
fn goals_change_status_keep_dated_progress_and_can_be_edited() {
    let (_dir, mut store) = open_new();
    let ana = mentor(&mut store, "Ana");
    let draft = GoalDraft {
        title: "Speak at a meetup".into(),
        why: "Visibility".into(),
        target_on: Some(day("2026-12-01")),
        mentor_ids: vec![ana],
        from_entry: None,
    };
    let goal = store
        .add_goal(&draft, now(), day("2026-11-01"))
        .expect("goal");
    store
        .add_goal_progress(goal.id, "Wrote the abstract", day("2026-11-02"))
        .expect("note");
    let goal = store
        .add_goal_progress(goal.id, "Submitted it", day("2026-11-05"))
        .expect("note");
    assert_eq!(
        goal.progress
            .iter()
            .map(|p| p.note.as_str())
            .collect::<Vec<_>>(),
        vec!["Submitted it", "Wrote the abstract"],
        "newest first"
    );
    assert!(matches!(
        store.add_goal_progress(goal.id, "  ", today()),
        Err(Error::Invalid { field: "note", .. })
    ));
    // Past its target date, the goal can still be renamed with that date kept...
    let renamed = store
        .update_goal(
            goal.id,
            &GoalDraft {
                title: "Speak at RustLab".into(),
                target_on: Some(day("2026-12-01")),
                ..draft.clone()
            },
            day("2026-12-10"),
        )
        .expect("renamed");
    assert_eq!(renamed.title, "Speak at RustLab");
    // ...but not moved to another day in the past.
    assert!(matches!(
        store.update_goal(
            goal.id,
            &GoalDraft {
                target_on: Some(day("2026-12-05")),
                ..draft
            },
            day("2026-12-10"),
        ),
        Err(Error::Invalid {
            field: "targetOn",
            ..
        })
    ));
    assert_eq!(
        store.mentor_page(ana, today()).expect("page").goals.len(),
        1
    );
    let achieved = store
        .set_goal_status(goal.id, GoalStatus::Achieved)
        .expect("achieved");
    assert_eq!(achieved.status, GoalStatus::Achieved);
    assert!(
        store
            .mentor_page(ana, today())
            .expect("page")
            .goals
            .is_empty(),
        "the mentor page shows the goals still being worked on"
    );
}

#[test]
fn a_peer_shows_what_each_side_helps_the_other_with() {
    let (_dir, mut store) = open_new();
    let agreement = Agreement::ongoing(14, 28, Mode::Video, day("2026-01-01"));
    let draft = MentorDraft::new("Chloé", vec![Role::Peer], agreement);
    let chloe = store
        .add_mentor(&draft, day("2026-01-01"))
        .expect("peer")
        .id;
    let help = CoMentoring {
        they_help_with: " My first conference talk ".into(),
        i_help_with: "Learning Rust".into(),
    };
    let mentor = store.set_co_mentoring(chloe, &help).expect("saved");
    assert_eq!(
        mentor.co_mentoring.they_help_with,
        "My first conference talk"
    );
    let brief = store.brief(chloe, today()).expect("brief");
    assert_eq!(
        brief.co_mentoring.as_ref().map(|c| c.i_help_with.as_str()),
        Some("Learning Rust")
    );
    assert!(brief.text.contains("You help them with: Learning Rust"));
    assert!(matches!(
        store.set_co_mentoring(999, &help),
        Err(Error::NotFound(_))
    ));
}

fn prospect(name: &str) -> ProspectDraft {
    ProspectDraft {
        name: name.into(),
        organisation: "Acme".into(),
        source: Some(ProspectSource::InformationalInterview),
        wants: "How to move into platform engineering".into(),
        chemistry: "Easy to talk to; asked good questions back".into(),
        could_fill: vec![Role::Insider, Role::Insider, Role::IdeaPerson],
        next_step: "Send the article we discussed".into(),
        next_step_on: Some(day("2026-11-25")),
        ..ProspectDraft::default()
    }
}

#[test]
fn promoting_a_prospect_keeps_their_history_on_the_mentor_page() {
    let (_dir, mut store) = open_new();
    let added = store
        .add_prospect(&prospect("Zoë Ångström"), day("2026-10-01"))
        .expect("added");
    assert_eq!(added.stage, Stage::Identified);
    assert_eq!(
        added.details.could_fill,
        vec![Role::Insider, Role::IdeaPerson]
    );
    for (stage, on) in [
        (Stage::ReachedOut, "2026-10-05"),
        (Stage::InformalChat, "2026-10-20"),
        (Stage::GaugingFit, "2026-11-10"),
    ] {
        store
            .move_prospect(added.id, stage, day(on))
            .expect("moved");
    }
    assert!(matches!(
        store.move_prospect(added.id, Stage::Mentor, today()),
        Err(Error::Invalid { field: "stage", .. })
    ));

    let agreement = Agreement::ongoing(42, 70, Mode::InPerson, today());
    let mut draft = MentorDraft::new("Zoë Ångström", vec![Role::Insider], agreement);
    draft.how_we_met = "Informational interview".into();
    let mentor = store
        .promote_prospect(added.id, &draft, today())
        .expect("promoted");
    assert_eq!(mentor.added_on, today());

    let page = store.mentor_page(mentor.id, today()).expect("page");
    let history = page.prospect.expect("their history as a prospect");
    assert_eq!(history.id, added.id);
    assert_eq!(history.stage, Stage::Mentor);
    assert_eq!(history.mentor_id, Some(mentor.id));
    assert_eq!(
        history.details.wants,
        "How to move into platform engineering"
    );
    assert_eq!(
        history.details.chemistry,
        "Easy to talk to; asked good questions back"
    );
    assert_eq!(
        history
            .steps
            .iter()
            .map(|s| (s.stage, s.on))
            .collect::<Vec<_>>(),
        vec![
            (Stage::Identified, day("2026-10-01")),
            (Stage::ReachedOut, day("2026-10-05")),
            (Stage::InformalChat, day("2026-10-20")),
            (Stage::GaugingFit, day("2026-11-10")),
            (Stage::Mentor, today()),
        ]
    );
    assert!(matches!(
        store.promote_prospect(added.id, &draft, today()),
        Err(Error::Conflict(_))
    ));
    assert!(matches!(
        store.move_prospect(added.id, Stage::NotNow, today()),
        Err(Error::Conflict(_))
    ));
    assert_eq!(
        store.circle(today()).expect("circle").len(),
        1,
        "one mentor, not two"
    );

    // A mentor draft that breaks a rule promotes nobody.
    let other = store
        .add_prospect(&prospect("Sam"), today())
        .expect("added");
    let mut bad = draft;
    bad.roles.clear();
    assert!(store.promote_prospect(other.id, &bad, today()).is_err());
    assert_eq!(
        store.prospect(other.id).expect("prospect").stage,
        Stage::Identified
    );
    assert_eq!(store.circle(today()).expect("circle").len(), 1);
}

#[test]
fn outreach_stops_at_the_weekly_cap_the_user_chose() {
    let (_dir, mut store) = open_new();
    let monday = day("2026-11-16");
    let sunday = day("2026-11-22");
    let a = store.add_prospect(&prospect("A"), monday).expect("a").id;
    let b = store.add_prospect(&prospect("B"), monday).expect("b").id;
    let c = store.add_prospect(&prospect("C"), monday).expect("c").id;
    store
        .move_prospect(a, Stage::ReachedOut, monday)
        .expect("no cap yet");
    let outreach = store.set_outreach_cap(Some(1), sunday).expect("cap");
    assert_eq!((outreach.this_week, outreach.cap), (1, Some(1)));
    match store.move_prospect(b, Stage::ReachedOut, sunday) {
        Err(Error::Conflict(message)) => assert!(message.contains("one person")),
        other => panic!("expected the cap, got {:?}", other.map(|p| p.stage)),
    }
    assert_eq!(
        store.prospect(b).expect("b").stage,
        Stage::Identified,
        "unchanged"
    );
    // Other moves are not outreach; and next week the count starts again.
    store
        .move_prospect(c, Stage::NotNow, sunday)
        .expect("not now");
    store
        .move_prospect(b, Stage::ReachedOut, day("2026-11-23"))
        .expect("a new week");
    assert!(matches!(
        store.set_outreach_cap(Some(0), sunday),
        Err(Error::Invalid { field: "cap", .. })
    ));
    assert_eq!(
        store.set_outreach_cap(None, sunday).expect("lifted").cap,
        None
    );
}

#[test]
fn prospects_from_before_the_pipeline_start_as_identified_on_the_day_they_were_added() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("circle.db");
    let key = DbKey::from_bytes(&[7; 32]).expect("32 bytes");
    {
        // The database as schema 6 left it, with one imported prospect.
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        let hex: String = key.as_bytes().iter().map(|b| format!("{b:02x}")).collect();
        conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";"))
            .expect("key");
        for step in &mentor_core::store::MIGRATIONS[..6] {
            conn.execute_batch(step).expect("an earlier step");
        }
        conn.execute_batch(
            "INSERT INTO prospect (name, organisation, added_on)
                 VALUES ('José Álvarez', 'Acme', '2026-03-01');
             PRAGMA user_version = 6;",
        )
        .expect("schema 6 with a prospect");
    }
    let store = Store::open(&path, &key).expect("upgrades");
    let prospects = store.prospects().expect("prospects");
    assert_eq!(prospects.len(), 1);
    assert_eq!(prospects[0].stage, Stage::Identified);
    assert_eq!(
        prospects[0]
            .steps
            .iter()
            .map(|s| (s.stage, s.on))
            .collect::<Vec<_>>(),
        vec![(Stage::Identified, day("2026-03-01"))]
    );
    assert_eq!(prospects[0].details.source, None);
}
