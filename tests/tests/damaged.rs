//! A damaged circle on the built app: an emptied and a cut-short `circle.db` each show
//! a locked "damaged" screen with the way back, leave every file in the folder as it
//! was, and restoring the newest backup from that screen brings the circle back.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mentor_core::model::{Agreement, MentorDraft, Mode, Role};
use mentor_e2e::{Driver, ENTER, World, one_at_a_time, today};

/// Every file in the data folder (the webview's storage aside) with its bytes.
fn circle_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                if entry.file_name() != "webview" {
                    stack.push(path);
                }
            } else if entry.file_name() != "circle.lock" {
                files.insert(path.clone(), std::fs::read(&path).expect("file"));
            }
        }
    }
    files
}

fn damaged_circle_is_shown_and_restored(damage: &str) {
    let _turn = one_at_a_time();
    let world = World::new();
    world.seed(|store| {
        let agreement = Agreement::ongoing(28, 42, Mode::Video, today());
        let draft = MentorDraft::new("Ana Sousa", vec![Role::Adviser], agreement);
        store.add_mentor(&draft, today()).expect("Ana");
        store
            .back_up_daily(&world.data_dir().join("backups"), today())
            .expect("a daily backup");
    });
    let database = world.data_dir().join("circle.db");
    match damage {
        "empty" => std::fs::write(&database, b"").expect("emptied"),
        _ => {
            let size = std::fs::metadata(&database).expect("db").len();
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&database)
                .expect("db");
            file.set_len(size / 2 + 1000).expect("cut short");
        }
    }
    let before = circle_files(&world.data_dir());

    let driver = Driver::start(&world);
    let app = driver.launch();
    app.wait_for(
        "//*[contains(., 'database file is damaged')]",
        "the damaged circle's lock screen",
    );
    app.wait_for("//*[@id='locked-restore-preview']", "the way back: Preview");
    app.screenshot(&format!("damaged-{damage}"));
    assert_eq!(
        circle_files(&world.data_dir()),
        before,
        "{damage}: every file in the folder is byte for byte as it was"
    );

    let press = |id: &str, what: &str| {
        app.wait_for(&format!("//*[@id='{id}']"), what);
        app.script(&format!("document.getElementById('{id}').focus()"));
        app.press(&[ENTER]);
    };
    // The newest backup is chosen already.
    press("locked-restore-preview", "Preview");
    app.wait_for(
        "//*[@id='locked-restore-preview-result']",
        "what the newest backup holds",
    );
    press("locked-restore-confirm", "Restore this backup");
    // The question puts focus on Cancel a frame after it appears (the safe answer);
    // only then is "Yes" chosen, or the Enter meant for it lands on Cancel.
    app.wait_for("//*[@id='locked-restore-yes']", "Yes, restore it");
    let deadline = std::time::Instant::now() + mentor_e2e::PATIENCE;
    while app.focused_id() != "locked-restore-cancel" {
        assert!(std::time::Instant::now() < deadline, "focus reaches Cancel");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    press("locked-restore-yes", "Yes, restore it");
    app.wait_for(
        "//aside//button[normalize-space()='Settings']",
        "the circle open again",
    );
    app.wait_for("//*[contains(., 'Ana Sousa')]", "Ana is back");
    let kept = std::fs::read_dir(world.data_dir().join("backups"))
        .expect("backups")
        .flatten()
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("before-restore-")
        })
        .count();
    assert_eq!(
        kept, 1,
        "{damage}: the damaged file is kept with the backups"
    );
    app.quit();
}

#[test]
fn an_emptied_circle_is_shown_as_damaged_and_restored_from_the_lock_screen() {
    damaged_circle_is_shown_and_restored("empty");
}

#[test]
fn a_cut_short_circle_is_shown_as_damaged_and_restored_from_the_lock_screen() {
    damaged_circle_is_shown_and_restored("cut short");
}
