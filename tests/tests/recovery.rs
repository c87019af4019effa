//! The ways back in, on the built app: the recovery key shown once on first run and
//! checked, then the keyring entry deleted and everything brought back with that key;
//! and a session with no keyring at all, where the circle is protected by a passphrase
//! that reopens it, while a wrong one is refused and changes no file.

use std::collections::BTreeMap;
use std::path::Path;

use mentor_e2e::notifications::PrivateBus;
use mentor_e2e::{Driver, World, add_ana_with_a_catch_up, all_files, one_at_a_time, quote};

/// The circle's own files (the database, its -wal journal, the header) with their
/// bytes: to prove a refused unlock touched nothing. Left out: the web view's storage,
/// which lives beside them, and SQLite's `-shm`, an index of the -wal that any reader
/// rebuilds and that holds no data.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    all_files(dir)
        .into_iter()
        .filter(|path| path.parent() == Some(dir))
        .filter(|path| !path.to_string_lossy().ends_with("-shm"))
        .map(|path| {
            let bytes = std::fs::read(&path).expect("readable");
            (path.display().to_string(), bytes)
        })
        .collect()
}

/// The names of the files that differ between two snapshots.
fn changed(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut names: Vec<String> = before.keys().chain(after.keys()).cloned().collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|name| before.get(name) != after.get(name))
        .collect()
}

#[test]
fn with_the_keyring_entry_gone_the_recovery_key_brings_everything_back() {
    let _turn = one_at_a_time();
    let world = World::new();
    world.seed(|store| {
        add_ana_with_a_catch_up(store, "Talked about the reorg.");
    });
    let driver = Driver::start(&world);
    let app = driver.launch();

    // First run: the recovery key is offered; it reaches the window only once the user
    // says so in a native dialog (Cancel keeps it hidden), and saving it is checked.
    app.click(&app.wait_for("//*[@id='recovery-show']", "the offer to show the key"));
    app.answer_native_dialog("Show your recovery key?", false);
    app.wait_for(
        "//*[@id='recovery-show-error'][contains(., 'stays hidden')]",
        "the key kept hidden after Cancel",
    );
    assert!(app.find_all("//*[@id='recovery-key-text']").is_empty());
    app.click(&app.wait_for("//*[@id='recovery-show']", "the offer to show the key"));
    app.answer_native_dialog("Show your recovery key?", true);
    let shown = app.wait_for("//*[@id='recovery-key-text']", "the recovery key");
    let recovery_key = app.text(&shown).trim().to_string();
    assert_eq!(
        recovery_key.split('-').count(),
        11,
        "11 groups: {recovery_key:?}"
    );
    let question =
        app.text(&app.wait_for("//label[@for='recovery-check']", "the question for a group"));
    let group: usize = question
        .split_whitespace()
        .find_map(|word| {
            word.trim_matches(|c: char| !c.is_ascii_digit())
                .parse()
                .ok()
        })
        .expect("the label names a group number");
    app.screenshot("recovery-key");
    let check = app.wait_for("//*[@id='recovery-check']", "the check field");
    app.click(&check);
    app.type_into(&question, "WRONG");
    app.click(&app.wait_for("//*[@id='recovery-confirm']", "the confirm button"));
    app.wait_for(
        "//*[contains(., 'isn’t group') or contains(., \"isn't group\")]",
        "a wrong group is refused",
    );
    let answer = recovery_key.split('-').nth(group - 1).expect("that group");
    app.type_into(&question, &answer.to_lowercase());
    app.click(&app.wait_for("//*[@id='recovery-confirm']", "the confirm button"));
    app.wait_gone(
        "//*[@id='recovery-key-text']",
        "the recovery key, shown only once",
    );
    app.quit();

    // The keyring loses the key (a desktop switch, a reinstall).
    world.forget_keyring_entry();
    assert!(!world.has_keyring_entry());
    let app = driver.launch();
    let field = app.wait_for(
        "//*[@id='recovery-key']",
        "the recovery key field on the locked screen",
    );
    app.screenshot("locked-key-missing");
    app.click(&field);
    app.type_into(
        "Recovery key",
        &recovery_key.replace('-', " ").to_lowercase(),
    );
    app.click(&app.wait_for(
        "//*[@id='unlock-with-recovery-key']",
        "Unlock with recovery key",
    ));
    app.wait_for("//main//h1", "the app, open again");
    assert!(world.has_keyring_entry(), "the key is back in the keyring");
    let mentors = app.wait_for("//aside//button[normalize-space()='Mentors']", "Mentors");
    app.click(&mentors);
    app.wait_for(
        &format!("//main//*[contains(., {})]", quote("Ana Sousa")),
        "Ana, with everything else",
    );
    app.quit();

    // The next start needs nothing typed.
    let app = driver.launch();
    app.wait_for("//main//h1", "the app opens with the keyring");
    assert!(app.find_all("//*[@id='recovery-key']").is_empty());
    app.quit();
}

#[test]
fn with_no_keyring_a_passphrase_protects_the_circle_and_a_wrong_one_changes_nothing() {
    let _turn = one_at_a_time();
    let bus = PrivateBus::start();
    let mut world = World::new();
    world.session_bus = Some(bus.address().to_string());
    let driver = Driver::start(&world);
    let app = driver.launch();

    app.wait_for("//*[@id='new-passphrase']", "the offer to use a passphrase");
    app.screenshot("first-run-passphrase");
    let passphrase = "lantern orchard seventeen";
    app.type_into("Passphrase", "too short");
    app.type_into("Passphrase again", "too short");
    app.click(&app.wait_for("//*[@id='create-with-passphrase']", "Create my circle"));
    app.wait_for(
        "//*[contains(., 'at least 12 characters')]",
        "a short one refused",
    );
    app.type_into("Passphrase", passphrase);
    app.type_into("Passphrase again", passphrase);
    app.click(&app.wait_for("//*[@id='create-with-passphrase']", "Create my circle"));
    app.wait_for("//main//h1", "the new circle, open");
    app.wait_for(
        "//*[@id='recovery-show']",
        "the offer to show its recovery key",
    );
    app.quit();
    let header = std::fs::read_to_string(world.data_dir().join("vault.json")).expect("header");
    assert!(
        header.contains("\"passphrase\"") && header.contains("argon2id"),
        "{header}"
    );
    assert!(!header.contains(passphrase));

    let app = driver.launch();
    app.wait_for("//*[@id='passphrase']", "the passphrase field");
    let before = snapshot(&world.data_dir());
    app.type_into("Passphrase", "lantern orchard seventeeN");
    app.click(&app.wait_for("//*[@id='unlock']", "Unlock"));
    app.wait_for(
        "//*[contains(., 'doesn’t open your circle') or contains(., \"doesn't open your circle\")]",
        "a wrong passphrase refused",
    );
    let after = snapshot(&world.data_dir());
    let database = world.data_dir().join("circle.db").display().to_string();
    assert!(before.contains_key(&database), "{:?}", before.keys());
    assert_eq!(
        changed(&before, &after),
        Vec::<String>::new(),
        "a wrong passphrase changes no file"
    );
    app.type_into("Passphrase", passphrase);
    app.click(&app.wait_for("//*[@id='unlock']", "Unlock"));
    app.wait_for("//main//h1", "the circle, open with the passphrase");
    app.quit();
    let log = std::fs::read_to_string(world.log_path()).unwrap_or_default();
    assert!(
        !log.contains(passphrase),
        "the passphrase never reaches the output"
    );
}
