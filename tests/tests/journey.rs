//! The walking skeleton as a user walks it, on the built app under Xvfb: add a mentor,
//! log a catch-up, see when the next one is due, quit, relaunch, find it all still there
//! — and find the words typed nowhere on disk or in the app's output.

use chrono::{Days, Local};
use mentor_e2e::{Driver, World, all_files, canary, files_containing, one_at_a_time, quote};

#[test]
fn a_mentor_and_a_catch_up_survive_a_restart_and_never_touch_disk_in_plaintext() {
    let _turn = one_at_a_time();
    let world = World::new();
    let driver = Driver::start(&world);
    let secret = canary();
    let name = format!("Ana {secret}");
    let note = format!("Talked about the {secret} promotion");
    let today = Local::now().date_naive();
    let due_on = today
        .checked_add_days(Days::new(28))
        .expect("date")
        .format("%Y-%m-%d")
        .to_string();

    // First launch: the empty circle explains itself and offers the first step.
    let app = driver.launch();
    app.click_button("Add your first mentor");
    app.type_into("Name", &name);
    app.type_into("Organisation", "Northwind Labs");
    app.tick("Adviser");
    app.type_into("Talk every (days)", "28");
    app.click_button("Add mentor");
    app.wait_for(
        &format!("//h1[contains(., {})]", quote(&name)),
        "the new mentor's page",
    );

    app.click_button("Log catch-up");
    app.type_into("Note", &note);
    app.click_button("Save catch-up");
    app.wait_for(
        &format!("//*[contains(text(), {})]", quote(&note)),
        "the logged catch-up",
    );

    // Home: the mentor, and the day the next catch-up is due (28 days from today).
    app.click_button("Today");
    let row = format!("//main//li[.//button[normalize-space()={}]]", quote(&name));
    let due = app.wait_for(
        &format!("{row}//time[@datetime='{due_on}']"),
        "the due date on the home screen",
    );
    assert!(!app.text(&due).is_empty(), "the due date is shown as words");
    let shot = app.screenshot("home");
    assert!(
        std::fs::metadata(&shot)
            .map(|m| m.len() > 10_000)
            .unwrap_or(false),
        "a real screenshot"
    );
    app.quit();

    // Relaunch: everything is still there.
    let app = driver.launch();
    app.wait_for(
        &format!("{row}//time[@datetime='{due_on}']"),
        "the mentor after a restart",
    );
    let open_mentor = format!("//button[normalize-space()={}]", quote(&name));
    let link = app.wait_for(&open_mentor, "the mentor's name as a link");
    app.click(&link);
    app.wait_for(
        &format!("//*[contains(text(), {})]", quote(&note)),
        "the catch-up note after a restart",
    );
    app.screenshot("mentor");
    app.quit();
    drop(driver);

    // Encryption at rest: the typed words are in no file the app or WebKit wrote, nor in
    // the app's output; the database is not a plain SQLite file.
    let leaks = files_containing(world.root.path(), secret.as_bytes());
    assert!(
        leaks.is_empty(),
        "the typed canary leaked into {leaks:?} (files: {:?})",
        all_files(world.root.path())
    );
    let database = world.data_dir().join("circle.db");
    let header = std::fs::read(&database).expect("the database exists");
    assert!(
        !header.starts_with(b"SQLite format 3"),
        "the database must be encrypted"
    );
    let log = std::fs::read_to_string(world.log_path()).unwrap_or_default();
    assert!(
        !log.contains(&secret),
        "the canary appeared in the app's output"
    );
}

#[test]
fn a_wrong_key_shows_the_locked_screen_and_leaves_the_database_untouched() {
    let _turn = one_at_a_time();
    let world = World::new();
    let driver = Driver::start(&world);

    let app = driver.launch();
    app.click_button("Explore with a sample circle");
    app.wait_for(
        "//li[.//button[normalize-space()='Ana Sousa']]",
        "the sample circle",
    );
    app.wait_gone(
        "//button[normalize-space()='Explore with a sample circle']",
        "the empty state",
    );
    app.screenshot("sample-circle");
    app.quit();

    // Someone replaces the keyring entry with another key.
    let header = std::fs::read(world.data_dir().join("vault.json")).expect("vault header");
    let header: serde_json::Value = serde_json::from_slice(&header).expect("header is JSON");
    let vault_id = header["vaultId"].as_str().expect("vault id");
    let entry = keyring::Entry::new("Mentor Circle", vault_id).expect("keyring entry");
    let mut other_key = [0u8; 32];
    getrandom::fill(&mut other_key).expect("random");
    entry.set_secret(&other_key).expect("replace the key");

    // The database and its journal, as the last session left them.
    let read_database = || {
        ["circle.db", "circle.db-wal"]
            .map(|name| std::fs::read(world.data_dir().join(name)).unwrap_or_default())
    };
    let before = read_database();
    assert!(!before[0].is_empty(), "the database exists");

    let app = driver.launch();
    app.wait_for(
        "//h1[normalize-space()='Your circle is locked']",
        "the locked screen",
    );
    app.wait_for(
        "//*[contains(., 'does not open your circle')]",
        "what happened",
    );
    let names = app.find_all("//*[contains(., 'Ana Sousa')]");
    assert!(
        names.is_empty(),
        "the locked screen must show nothing personal"
    );
    app.screenshot("locked");
    app.click_button("Try again");
    app.wait_for(
        "//h1[normalize-space()='Your circle is locked']",
        "still locked after trying again",
    );
    app.quit();
    drop(driver);

    assert!(
        read_database() == before,
        "the database and its journal must not change"
    );
    let _ = entry.delete_credential();
}

/// The about box, from Settings: the version this build is, and the folder the circle is
/// kept in, with nothing else to do but close it.
#[test]
fn the_about_box_shows_the_version_and_where_the_circle_is_kept() {
    let _turn = one_at_a_time();
    let world = World::new();
    let driver = Driver::start(&world);
    let app = driver.launch();
    let settings = app.wait_for(
        "//aside//button[normalize-space()='Settings']",
        "Settings in the sidebar",
    );
    app.click(&settings);
    app.click_button("About Mentor Circle");
    let dialog = "//*[@role='dialog'][.//*[normalize-space()='About Mentor Circle']]";
    app.wait_for(dialog, "the about box");
    let version = format!(
        "{dialog}//*[normalize-space()={}]",
        quote(&format!("Version {}", env!("CARGO_PKG_VERSION")))
    );
    app.wait_for(&version, "the version");
    let folder = world.data_dir().display().to_string();
    let path = app.wait_for(&format!("{dialog}//code"), "the data folder");
    assert_eq!(app.text(&path), folder);
    app.click_button("Close");
    app.wait_gone(dialog, "the about box");
    app.quit();
}
