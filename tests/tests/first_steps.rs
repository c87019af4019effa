//! What a new user tripped over, tried again the way they tried it, keyboard first: the
//! first run at the default window size still shows who is due; Ctrl+K finds every place,
//! mentor and action; Ctrl+L then Enter at once logs the catch-up; a toast never covers a
//! dialog's buttons, and they do not pile up; an "Add mentor" refused for a missing role
//! takes the cursor to the roles.

use std::time::Instant;

use chrono::{Days, Local};
use mentor_core::model::{Agreement, MentorDraft, Mode, Role};
use mentor_e2e::{
    CONTROL, Driver, ENTER, ESCAPE, Session, World, one_at_a_time, quote, wait_for_app_exit,
};

const MENTORS: [&str; 4] = ["Ana Sousa", "Bruno Costa", "Carla Dias", "Duarte Lima"];

/// Four mentors met every four weeks who joined two months ago and were never caught up
/// with: all overdue. The recovery key is not saved and start at login not yet asked,
/// as on a first run.
fn first_run_world() -> World {
    let world = World::new();
    let today = Local::now().date_naive();
    let joined = today.checked_sub_days(Days::new(60)).expect("date");
    world.seed(|store| {
        for name in MENTORS {
            let agreement = Agreement::ongoing(28, 42, Mode::Video, joined);
            let draft = MentorDraft::new(name, vec![Role::Adviser], agreement);
            store.add_mentor(&draft, joined).expect("mentor");
        }
    });
    world
}

fn overdue_row(name: &str) -> String {
    format!(
        "//main//ul[@aria-label='Overdue']/li[.//button[normalize-space()={}]]",
        quote(name)
    )
}

/// Whether the element at `xpath` is inside the window's viewport, whole.
fn in_view(app: &Session, xpath: &str) -> bool {
    let script = format!(
        "const e = document.evaluate({}, document, null, 9, null).singleNodeValue; \
         const r = e.getBoundingClientRect(); \
         return r.top >= 0 && r.bottom <= window.innerHeight;",
        serde_json::to_string(xpath).expect("JSON")
    );
    app.script(&script).as_bool() == Some(true)
}

/// The palette's option whose label is `label`.
fn option(label: &str) -> String {
    format!(
        "//*[@role='listbox']/*[@role='option'][span[@class='palette-label'][normalize-space()={}]]",
        quote(label)
    )
}

/// Opens the palette with Ctrl+K, types `words` and checks the first option is `label`.
fn palette_finds(app: &Session, words: &str, label: &str) {
    app.press(&[CONTROL, "k"]);
    app.wait_for(
        "//*[@role='dialog']//input[@role='combobox']",
        "the palette",
    );
    assert_eq!(
        app.focused_id(),
        "palette-input",
        "the cursor is in the palette"
    );
    app.type_into("Go to or do", words);
    app.wait_for(
        &format!("{}[@aria-selected='true']", option(label)),
        &format!("“{label}” first for “{words}”"),
    );
}

#[test]
fn the_first_run_at_the_default_size_shows_who_is_due_above_the_fold() {
    let _turn = one_at_a_time();
    let world = first_run_world();
    let driver = Driver::start(&world);
    let app = driver.launch();
    app.wait_for(&overdue_row("Ana Sousa"), "Ana under “Overdue”");
    app.wait_for(
        "//main//h2[normalize-space()='Start Mentor Circle when you log in?']",
        "the start-at-login question",
    );
    app.wait_for(
        "//main//*[@id='recovery-key-heading']",
        "the recovery key's prompt",
    );

    let size = app.script("return [window.innerWidth, window.innerHeight]");
    assert_eq!(
        size,
        serde_json::json!([1100, 720]),
        "the default window size"
    );
    assert!(
        in_view(&app, "//main//h1[@id='today-heading']"),
        "Today's heading shows"
    );
    assert!(
        in_view(&app, &overdue_row("Ana Sousa")),
        "the first overdue mentor shows without scrolling"
    );
    let shown = MENTORS
        .iter()
        .filter(|name| in_view(&app, &overdue_row(name)))
        .count();
    println!(
        "First run at 1100×720: {shown} of {} overdue rows in view.",
        MENTORS.len()
    );
    let shot = app.screenshot("first-run");
    println!("First run: {}", shot.display());
    app.quit();
}

#[test]
fn ctrl_k_finds_every_place_mentor_and_action_from_the_keyboard() {
    let _turn = one_at_a_time();
    let world = first_run_world();
    let driver = Driver::start(&world);
    let app = driver.launch();
    app.wait_for(&overdue_row("Ana Sousa"), "the home screen");

    // Every shortcut the shortcuts sheet lists is an action in the palette.
    app.press(&["?"]);
    let sheet = "//*[@role='dialog'][.//h2[normalize-space()='Keyboard shortcuts']]";
    app.wait_for(sheet, "the shortcuts sheet");
    let listed: Vec<String> = app
        .find_all(&format!("{sheet}//tr/td[1]/kbd"))
        .iter()
        .map(|kbd| app.text(kbd))
        .collect();
    for shortcut in ["Ctrl+K", "Ctrl+Q"] {
        assert!(
            listed.iter().any(|keys| keys == shortcut),
            "{shortcut} in {listed:?}"
        );
    }
    // The chords that run an action anywhere (not Enter in a form, not the palette,
    // which is open), each of which the palette must offer.
    let keys: Vec<String> = listed
        .into_iter()
        .filter(|keys| keys.starts_with("Ctrl+") && !keys.contains("Enter") && keys != "Ctrl+K")
        .collect();
    assert_eq!(keys.len(), 8, "the sheet's shortcuts: {keys:?}");
    app.press(&[ESCAPE]);
    app.wait_gone(sheet, "the sheet closed");
    app.press(&[CONTROL, "k"]);
    app.wait_for(
        "//*[@role='dialog']//input[@role='combobox']",
        "the palette",
    );
    let offered: Vec<String> = app
        .find_all("//*[@role='listbox']/*[@role='option']/kbd")
        .iter()
        .map(|kbd| app.text(kbd))
        .collect();
    let missing: Vec<&String> = keys.iter().filter(|keys| !offered.contains(keys)).collect();
    assert!(
        missing.is_empty(),
        "not in the palette: {missing:?} (it has {offered:?})"
    );
    for place in [
        "Today",
        "Circle",
        "Mentors",
        "Journal",
        "Prospects",
        "Goals",
        "Settings",
    ] {
        app.wait_for(&option(place), &format!("{place} in the palette"));
    }
    app.type_into("Go to or do", "zzz");
    app.wait_for(
        "//*[@role='dialog']//p[starts-with(normalize-space(), 'Nothing matches')]",
        "the empty result",
    );
    app.press(&[ESCAPE]);
    app.wait_gone("//*[@role='dialog']", "the palette closed");

    // A mentor by a part of the name, accents aside; Enter opens their page.
    palette_finds(&app, "bru", "Bruno Costa");
    app.press(&[ENTER]);
    app.wait_for("//h1[normalize-space()='Bruno Costa']", "Bruno's page");

    // A place, the arrow keys moving the choice.
    palette_finds(&app, "go", "Goals");
    app.press(&["\u{E015}"]); // ArrowDown
    let second = app.find_all("//*[@role='option'][@aria-selected='true']");
    assert_eq!(second.len(), 1, "one option is chosen");
    app.press(&["\u{E013}"]); // ArrowUp
    app.wait_for(
        &format!("{}[@aria-selected='true']", option("Goals")),
        "back on Goals",
    );
    app.press(&[ENTER]);
    app.wait_for("//main//h1[normalize-space()='Goals']", "the Goals place");

    // An action: the quick log.
    palette_finds(&app, "log a", "Log a catch-up");
    app.press(&[ENTER]);
    app.wait_for(
        "//*[@role='dialog']//h2[normalize-space()='Log a catch-up']",
        "the quick log, from the palette",
    );
    app.press(&[ESCAPE]);
    app.wait_gone("//*[@role='dialog']", "the quick log closed");

    // And quitting, from the palette too.
    palette_finds(&app, "quit", "Quit Mentor Circle");
    let pressed = Instant::now();
    app.press_to_quit(&[ENTER]);
    wait_for_app_exit(pressed, "Quit from the palette");
}

#[test]
fn ctrl_l_and_enter_at_once_log_the_catch_up_and_toasts_stay_out_of_dialogs() {
    let _turn = one_at_a_time();
    let world = first_run_world();
    world.seed(|store| store.set_start_at_login_asked().expect("answered"));
    let driver = Driver::start(&world);
    let app = driver.launch();
    // To Ana's page from the keyboard. (A click on her row could land as the notice
    // that nudges cannot pop up appears above the list and moves it.)
    app.wait_for(&overdue_row("Ana Sousa"), "Ana on the home screen");
    palette_finds(&app, "ana", "Ana Sousa");
    app.press(&[ENTER]);
    app.wait_for("//h1[normalize-space()='Ana Sousa']", "Ana's page");

    // Ctrl+L on Ana's page and Enter straight after: the catch-up with Ana, today.
    app.press_in_a_row(&[&[CONTROL, "l"], &[ENTER]]);
    app.wait_gone("//*[@role='dialog']", "the quick log, saved by that Enter");
    let toast = "//*[@role='region'][@aria-label='Notifications']//*[contains(@class, 'toast ')]";
    app.wait_for(toast, "the toast that says it was logged");

    // A dialog opened over the toast: the toast goes behind, and its own buttons are
    // the topmost thing where they are.
    app.press(&[CONTROL, "l"]);
    app.wait_for(
        "//*[@role='dialog']//button[normalize-space()='Save catch-up']",
        "the quick log's Save",
    );
    let on_top = app.script(
        "const b = [...document.querySelectorAll('[role=dialog] button')]\
           .find((b) => b.textContent.trim() === 'Save catch-up'); \
         const r = b.getBoundingClientRect(); \
         const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); \
         return b.contains(hit);",
    );
    assert_eq!(on_top.as_bool(), Some(true), "Save is not covered");
    app.wait_for(
        "//*[@role='region'][@aria-label='Notifications'][contains(@class, 'toasts-behind')]",
        "the toast behind the dialog",
    );
    app.press(&[ESCAPE]);
    app.wait_gone("//*[@role='dialog']", "the quick log closed");

    // Two things done in a row: one toast, the newer.
    app.press_in_a_row(&[&[CONTROL, "l"], &[ENTER]]);
    app.wait_gone("//*[@role='dialog']", "a second catch-up logged");
    app.press_in_a_row(&[&[CONTROL, "l"], &[ENTER]]);
    app.wait_gone("//*[@role='dialog']", "a third catch-up logged");
    let toasts = app.find_all(toast);
    assert!(toasts.len() <= 1, "toasts do not pile up: {}", toasts.len());

    // "Add mentor" with no role: the cursor goes to the roles.
    app.press(&[CONTROL, "n"]);
    app.type_into("Name", "Eva Rocha");
    app.click_button("Add mentor");
    let first_role = app.wait_for(
        "//*[@role='dialog']//input[@type='checkbox'][@aria-invalid='true']",
        "the roles marked as needing a choice",
    );
    let id = app.attribute(&first_role, "id").unwrap_or_default();
    assert_eq!(app.focused_id(), id, "the cursor is on the first role");
    app.quit();
}
