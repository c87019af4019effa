//! Mentorship that goes somewhere, on the built app: advice recorded on a mentor's page,
//! marked adopted with what came of it, found in the pre-meeting brief, ticked as
//! reported while logging the next catch-up (and gone from "Close the loop"); then a
//! prospect welcomed into the circle, their history as a prospect on their new page.

use mentor_core::goals::GoalDraft;
use mentor_core::model::Role;
use mentor_core::prospects::{ProspectDraft, ProspectSource, Stage};
use mentor_e2e::{
    CONTROL, Driver, ENTER, ESCAPE, SHIFT, World, add_ana_with_a_catch_up, canary,
    files_containing, one_at_a_time, quote, today,
};

#[test]
fn advice_adopted_reaches_the_brief_is_reported_at_a_catch_up_and_a_prospect_joins() {
    let _turn = one_at_a_time();
    let world = World::new();
    let secret = canary();
    world.seed(|store| {
        let ana = add_ana_with_a_catch_up(store, "Talked about the reorg.");
        let goal = GoalDraft {
            title: "Lead a project by June".into(),
            why: "To be seen as a lead".into(),
            target_on: None,
            mentor_ids: vec![ana],
            from_entry: None,
        };
        store
            .add_goal(&goal, chrono::Utc::now(), today())
            .expect("a goal with Ana");
        let zoe = ProspectDraft {
            name: "Zoë Ångström".into(),
            organisation: "Nordic Data".into(),
            source: Some(ProspectSource::Event),
            wants: "How to grow a platform team".into(),
            chemistry: "Warm, direct".into(),
            could_fill: vec![Role::Insider],
            ..ProspectDraft::default()
        };
        let zoe = store.add_prospect(&zoe, today()).expect("Zoë");
        store
            .move_prospect(zoe.id, Stage::InformalChat, today())
            .expect("an informal chat");
    });
    let driver = Driver::start(&world);
    let app = driver.launch();
    let place = |name: &str| {
        let button = app.wait_for(
            &format!("//aside//button[normalize-space()={}]", quote(name)),
            name,
        );
        app.click(&button);
    };
    // Dialog buttons are pressed from the keyboard: a toast in the corner can cover a
    // button and swallow a pointer click, never a key press.
    let press = |text: &str| {
        let xpath = format!("//button[normalize-space()={}]", quote(text));
        let button = app.wait_for(&xpath, text);
        app.script(&format!(
            "document.evaluate({}, document, null, 9, null).singleNodeValue.focus()",
            serde_json::to_string(&xpath).expect("json")
        ));
        drop(button);
        app.press(&[ENTER]);
    };

    // Ana's page: record advice, then what came of it.
    place("Mentors");
    let ana = app.wait_for("//button[normalize-space()='Ana Sousa']", "Ana in the list");
    app.click(&ana);
    press("Record advice");
    let advice = format!("Ask for the stretch project {secret}");
    app.type_into("What they advised", &advice);
    press("Save advice");
    app.wait_for(
        &format!(
            "//li[starts-with(@id, 'advice-')][contains(., {})]",
            quote(&advice)
        ),
        "the advice on Ana's page",
    );
    press("Update");
    app.choose("What you did with it", "Adopted");
    app.type_into("What came of it", "I lead the Q3 migration");
    press("Save");
    app.wait_for(
        "//*[@id='close-the-loop'][contains(., 'I lead the Q3 migration')]",
        "the advice under Close the loop",
    );

    // The brief has it, to report back on and to thank for.
    press("Pre-meeting brief");
    let brief = app.wait_for(
        "//*[@id='brief'][contains(., 'Close the loop')][contains(., 'I lead the Q3 migration')]",
        "the advice in the pre-meeting brief",
    );
    let text = app.text(&brief);
    assert!(
        text.contains("Before your catch-up with Ana Sousa"),
        "{text}"
    );
    assert!(
        text.contains("Thank them for"),
        "adopted with an outcome: {text}"
    );
    app.screenshot("pre-meeting-brief");
    app.press(&[ESCAPE]);
    app.wait_gone("//*[@id='brief']", "the brief closed");

    // Two questions captured from anywhere (Ctrl+Shift+A), the mentor already chosen.
    for question in [
        "How did you get your first lead role?",
        "Is the reorg real?",
    ] {
        app.press(&[CONTROL, SHIFT, "a"]);
        app.type_into("Question or topic", question);
        press("Add to agenda");
        app.wait_for(
            &format!(
                "//li[starts-with(@id, 'agenda-item-')][contains(., {})]",
                quote(question)
            ),
            "the question on Ana's agenda",
        );
    }

    // The quick log: tick the advice as reported and one question as discussed.
    press("Log catch-up");
    app.tick(&advice);
    app.tick("How did you get your first lead role?");
    app.type_into("Note", "Told her about the migration.");
    app.screenshot("log-with-report-back");
    press("Save catch-up");
    app.wait_gone("//*[@id='close-the-loop']", "Close the loop, now empty");
    app.wait_gone(
        "//li[starts-with(@id, 'agenda-item-')][contains(., 'first lead role')]",
        "the question discussed",
    );
    app.wait_for(
        "//li[starts-with(@id, 'agenda-item-')][contains(., 'Is the reorg real?')]",
        "the question not ticked, carried over",
    );
    press("Pre-meeting brief");
    let brief = app.wait_for(
        "//*[@id='brief'][contains(., 'Last catch-up')]",
        "the next brief",
    );
    let text = app.text(&brief);
    assert!(
        !text.contains("Close the loop"),
        "nothing left to report back: {text}"
    );
    app.press(&[ESCAPE]);

    // A prospect joins the circle, keeping their history.
    place("Prospects");
    app.wait_for(
        "//*[@id='stage-informalChat']",
        "the pipeline, Zoë at the informal chat",
    );
    app.screenshot("prospects-pipeline");
    let welcome = app.wait_for(
        "//li[contains(., 'Zoë Ångström')]//button[normalize-space()='Welcome to the circle']",
        "Zoë's welcome button",
    );
    app.click(&welcome);
    let name = app.field("Name");
    assert_eq!(
        app.value(&name),
        "Zoë Ångström",
        "the form starts from the prospect"
    );
    press("Add mentor");
    app.wait_for(
        "//main//*[contains(., 'Before they joined your circle')][contains(., 'How to grow a platform team')]",
        "Zoë's history as a prospect on her page",
    );
    app.wait_for(
        "//main//*[contains(., 'Informal chat')]",
        "the steps she went through",
    );
    app.screenshot("promoted-prospect");
    place("Mentors");
    app.wait_for(
        "//button[normalize-space()='Zoë Ångström']",
        "Zoë among the mentors",
    );

    // The goal: a progress note, then achieved.
    place("Goals");
    app.type_into("How is it going?", "Volunteered to lead the Q3 migration");
    press("Add note");
    app.wait_for(
        "//main//li[contains(., 'Volunteered to lead the Q3 migration')]",
        "the progress note under the goal",
    );
    app.choose("Status", "Achieved");
    app.wait_for("//*[contains(., 'Goal achieved')]", "the goal achieved");
    app.screenshot("goals");
    app.quit();
    drop(driver);

    assert!(
        files_containing(world.root.path(), secret.as_bytes()).is_empty(),
        "the advice is in no file in plaintext, nor in the app's output"
    );
}
