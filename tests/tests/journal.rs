//! The private journal on the built app: an entry written from anywhere with Ctrl+J, found
//! by search as you type, the app locked and unlocked, the entry edited; a draft that
//! survives the app being killed mid-sentence; the words written found in no file on disk
//! and not in the app's output; and a passage turned into a question for a mentor and a
//! goal, linked both ways.

use std::time::Duration;

use mentor_core::journal::EntryContent;
use mentor_core::model::{Agreement, MentorDraft, Mode, Role};
use mentor_e2e::{
    CONTROL, Driver, SHIFT, World, all_files, app_processes, canary, files_containing,
    one_at_a_time, quote,
};

/// Nothing the user wrote may be readable outside the encrypted database.
fn assert_nowhere_in_plaintext(world: &World, secret: &str) {
    let leaks = files_containing(world.root.path(), secret.as_bytes());
    assert!(
        leaks.is_empty(),
        "journal text leaked into {leaks:?} (files: {:?})",
        all_files(world.root.path())
    );
    let log = std::fs::read_to_string(world.log_path()).unwrap_or_default();
    assert!(
        !log.contains(secret),
        "journal text appeared in the app's output"
    );
}

#[test]
fn an_entry_is_found_by_search_edited_and_its_text_never_touches_disk_in_plaintext() {
    let _turn = one_at_a_time();
    let world = World::new();
    let driver = Driver::start(&world);
    let secret = canary();
    let app = driver.launch();
    app.wait_for("//main//h1", "the home screen");

    // Ctrl+J from anywhere: a new entry with the cursor in it.
    app.press(&[CONTROL, "j"]);
    let body = app.wait_for(
        "//textarea[@id=//label[normalize-space()='Entry']/@for]",
        "the entry's text box",
    );
    let focused = app.focused_id();
    assert_eq!(
        Some(focused.as_str()),
        app.attribute(&body, "id").as_deref(),
        "the cursor is in the entry"
    );
    app.type_into(
        "Entry",
        &format!("Before I talk to Ana: the reorg makes me feel {secret}."),
    );
    app.type_into("Tags", "work, fear");
    app.click_button("Save entry");
    app.wait_for(
        &format!(
            "//main//ul[@aria-label='Journal entries']/li[contains(., {})]",
            quote(&secret)
        ),
        "the entry in the journal",
    );
    // The window title never carries journal text.
    let title = app.script("return document.title");
    assert!(!title.to_string().contains(&secret), "title: {title}");

    // Search as you type: the first letters find it, with the match highlighted.
    app.press(&[CONTROL, "f"]);
    app.type_into("Search everything", &secret[..12]);
    let hit = format!(
        "//ul[@aria-label='Search results']/li[.//mark[contains(., {})]]",
        quote(&secret)
    );
    app.wait_for(&hit, "the entry among the search results");
    app.screenshot("journal-search");

    // Lock from the keyboard: the circle and journal close, and the locked window holds
    // nothing of them, not even hidden in the page.
    app.press(&[CONTROL, SHIFT, "l"]);
    app.wait_for(
        "//h1[normalize-space()='Mentor Circle is locked']",
        "the lock screen",
    );
    let page = app.script("return document.documentElement.outerHTML");
    assert!(
        !page.to_string().contains(&secret),
        "the locked window still held the entry"
    );
    // The journal's shortcuts open nothing while locked.
    app.press(&[CONTROL, "j"]);
    app.press(&[CONTROL, "f"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(app.find_all("//textarea | //input").is_empty());
    // Not just hidden: the database is closed, so the backend itself refuses.
    let asked = app.script_async(
        "window.__TAURI_INTERNALS__.invoke('journal_entries', { before: null })
            .then(() => done('read'), (e) => done(e.kind))",
    );
    assert_eq!(asked, "Locked", "the journal was readable while locked");
    app.screenshot("locked");

    // Unlock: back where the user was (the search text itself was not kept while locked).
    app.click_button("Unlock");
    app.wait_for(
        "//input[@id=//label[normalize-space()='Search everything']/@for]",
        "the search screen again after unlocking",
    );
    app.type_into("Search everything", &secret[..12]);
    app.click(&app.wait_for(&format!("{hit}//button"), "the result, to open it"));

    // Edit it.
    app.click_button("Edit");
    app.type_into("Entry", &format!("Edited: calmer now, {secret}."));
    app.click_button("Save entry");
    app.wait_for(
        &format!(
            "//main//*[contains(., {})]",
            quote(&format!("Edited: calmer now, {secret}."))
        ),
        "the edited entry",
    );
    app.quit();
    drop(driver);
    assert_nowhere_in_plaintext(&world, &secret);
}

#[test]
fn a_draft_being_typed_survives_the_app_being_killed() {
    let _turn = one_at_a_time();
    let world = World::new();
    let driver = Driver::start(&world);
    let secret = canary();
    let app = driver.launch();
    app.wait_for("//main//h1", "the home screen");
    app.press(&[CONTROL, "j"]);
    app.type_into("Entry", &format!("Half a thought about {secret}"));
    app.wait_for(
        "//*[contains(., 'Draft saved')]",
        "the draft autosaved while typing",
    );
    std::thread::sleep(Duration::from_millis(500));

    // The app dies without warning (SIGKILL: no chance to save anything more).
    for pid in app_processes() {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
    }
    drop(app);

    let app = driver.launch();
    app.wait_for("//main//h1", "the home screen after the crash");
    app.press(&[CONTROL, "j"]);
    app.wait_for(
        "//*[contains(., 'Restored your unsaved draft')]",
        "the draft offered back",
    );
    let restored = app.value(&app.field("Entry"));
    assert_eq!(restored, format!("Half a thought about {secret}"));
    app.quit();
    drop(driver);
    assert_nowhere_in_plaintext(&world, &secret);
}

#[test]
fn a_passage_becomes_a_question_for_a_mentor_and_a_goal_linked_both_ways() {
    let _turn = one_at_a_time();
    let world = World::new();
    let passage = "How do I ask for the next lead role";
    let today = chrono::Local::now().date_naive();
    world.seed(|store| {
        let agreement = Agreement::ongoing(28, 42, Mode::Video, today);
        let ana = store
            .add_mentor(
                &MentorDraft::new("Ana", vec![Role::Adviser], agreement.clone()),
                today,
            )
            .expect("Ana")
            .id;
        store
            .add_mentor(
                &MentorDraft::new("Ben", vec![Role::NetworkConnector], agreement),
                today,
            )
            .expect("Ben");
        let content = EntryContent {
            body: format!("Passed over again. {passage}? I keep waiting to be noticed."),
            mentor_ids: vec![ana],
            ..EntryContent::default()
        };
        store
            .add_entry(&content, chrono::Utc::now(), today)
            .expect("entry");
    });
    let driver = Driver::start(&world);
    let app = driver.launch();
    app.wait_for("//main//h1", "the home screen");
    app.click_button("Journal");
    app.wait_for(
        "//main//ul[@aria-label='Journal entries']/li",
        "the entry in the journal",
    );
    // WebKit's WebDriver calls the row's one-line (clipped) button not displayed; it is.
    let rows = app.find_all("//main//button[starts-with(@id, 'journal-entry-')]");
    app.click(rows.first().expect("the entry's button"));

    // Select the passage in the entry's text, as a user would with the mouse.
    app.wait_for("//*[@id='entry-text']", "the entry's text");
    let selected = app.script(&format!(
        "const text = document.getElementById('entry-text');
         const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
         while (walker.nextNode()) {{
           const at = walker.currentNode.data.indexOf({passage:?});
           if (at >= 0) {{
             const range = document.createRange();
             range.setStart(walker.currentNode, at);
             range.setEnd(walker.currentNode, at + {len});
             const selection = window.getSelection();
             selection.removeAllRanges();
             selection.addRange(range);
             document.dispatchEvent(new Event('selectionchange'));
             return selection.toString();
           }}
         }}
         return null;",
        len = passage.len()
    ));
    assert_eq!(selected, passage);
    app.click_button("Ask a mentor…");
    let question = app.wait_for(
        "//textarea[@id=//label[normalize-space()='Question or topic']/@for]",
        "the question, from the passage",
    );
    assert_eq!(app.value(&question), passage);
    let mentor = app.field("Mentor");
    assert_eq!(
        app.script(&format!(
            "return document.getElementById({:?}).selectedOptions[0].textContent",
            app.attribute(&mentor, "id").expect("id")
        )),
        "Ana",
        "the mentor the entry is to be raised with comes first"
    );
    app.click_button("Add to agenda");
    app.wait_for(
        "//*[contains(., 'Added to Ana’s agenda')]",
        "the question added",
    );

    // The entry shows what was raised from it, and leads to Ana's page…
    app.click(&app.wait_for(
        "//li[starts-with(@id, 'raised-question-')]//button[normalize-space()='Ana']",
        "the question for Ana under the entry",
    ));
    // …where it waits for the next catch-up, linked back to the entry.
    let item = format!(
        "//li[starts-with(@id, 'agenda-item-')][contains(., {})]",
        quote(passage)
    );
    app.wait_for(&item, "the question on Ana's page");
    app.screenshot("agenda-from-journal");
    app.click(&app.wait_for(
        &format!("{item}//button[normalize-space()='From your journal']"),
        "the link back to the entry",
    ));
    app.wait_for("//*[@id='entry-text']", "the entry again");

    // The same passage as a goal.
    app.click_button("Make it a goal…");
    app.type_into("Goal", "Lead a project by June");
    app.click_button("Set goal");
    app.wait_for("//*[contains(., 'Goal set')]", "the goal set");
    app.click_button("Goals");
    app.wait_for(
        "//main//li[starts-with(@id, 'goal-')][contains(., 'Lead a project by June')]//*[normalize-space()='From your journal']",
        "the goal, linked to its entry",
    );
    app.quit();
}
