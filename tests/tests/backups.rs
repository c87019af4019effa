//! Backups and imports through the window, on the built app: "Back up now" writes an
//! encrypted file (no plaintext in it), the network's Connections.csv is previewed and
//! imported as prospects, and restoring the earlier backup (after its preview) brings the
//! circle back to how it was, prospects gone.

use mentor_e2e::{
    Driver, ENTER, World, add_ana_with_a_catch_up, canary, files_containing, one_at_a_time, quote,
    repo_root,
};

#[test]
fn a_backup_made_in_the_window_restores_the_circle_as_it_was_after_an_import() {
    let _turn = one_at_a_time();
    let world = World::new();
    let secret = canary();
    world.seed(|store| {
        add_ana_with_a_catch_up(store, &format!("Candid: {secret}"));
    });
    let driver = Driver::start(&world);
    let app = driver.launch();
    // Buttons are pressed from the keyboard (focus, then Enter): a toast in the corner
    // can cover a button and swallow a pointer click, never a key press.
    let press = |id: &str, what: &str| {
        app.wait_for(&format!("//*[@id='{id}']"), what);
        app.script(&format!("document.getElementById('{id}').focus()"));
        app.press(&[ENTER]);
    };
    let place = |name: &str| {
        let button = app.wait_for(
            &format!("//aside//button[normalize-space()={}]", quote(name)),
            name,
        );
        app.click(&button);
    };

    place("Settings");
    press("back-up-now", "Back up now…");
    let backup = world.root.path().join("before-import.backup");
    app.type_into("Save the backup as", &backup.display().to_string());
    press("backup-save", "Back up");
    app.wait_for("//*[contains(., 'Backup saved')]", "the backup saved");
    assert!(backup.is_file(), "the backup is where it was asked to go");
    assert!(
        files_containing(world.root.path(), secret.as_bytes()).is_empty(),
        "no plaintext in the backup or anywhere else"
    );

    press("import-open", "Import…");
    let connections = repo_root().join("core/tests/fixtures/import/Connections.csv");
    app.type_into("File to import", &connections.display().to_string());
    press("import-preview", "Preview");
    let counts = app.wait_for("//*[@id='import-counts']", "the preview's counts");
    let counts = app.text(&counts);
    assert!(
        counts.contains("new") && counts.contains("problem"),
        "{counts}"
    );
    app.screenshot("import-preview");
    press("import-confirm", "Import N prospects");
    app.wait_for("//*[contains(., 'Imported')]", "the import done");
    place("Prospects");
    app.wait_for(
        "//main//li[contains(., 'José Álvarez')]",
        "an imported prospect",
    );

    place("Settings");
    press("restore-open", "Restore from a backup…");
    app.type_into("Backup file", &backup.display().to_string());
    press("restore-preview", "Preview");
    app.wait_for(
        "//*[@id='restore-preview-result'][contains(., 'Ana Sousa')]",
        "the preview of what the backup holds",
    );
    app.screenshot("restore-preview");
    press("restore-confirm", "Replace my circle");
    app.wait_for("//*[contains(., 'Restored')]", "the restore done");
    place("Prospects");
    app.wait_for(
        "//*[@id='prospects-empty']",
        "no prospects: the circle as it was",
    );
    let safety: Vec<_> = std::fs::read_dir(world.data_dir().join("backups"))
        .expect("backups folder")
        .filter_map(|entry| entry.ok())
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("before-restore-")
        })
        .collect();
    assert_eq!(
        safety.len(),
        1,
        "a safety copy of the circle before the restore"
    );
    app.quit();
}
