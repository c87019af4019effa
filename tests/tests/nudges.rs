//! Nudges on the built app, as the user meets them: the app starts with an overdue mentor
//! in its data folder and a notification service on the session bus (a recorder written
//! for these tests); exactly one notification arrives, its "Log catch-up" button opens the
//! quick log on that mentor, closing the window keeps the app in the tray (on a desktop
//! that shows one), and a second launch hands over to the running app instead of opening
//! the circle twice.

use std::time::{Duration, Instant};

use chrono::{Days, Local, NaiveDate};
use mentor_core::Store;
use mentor_core::model::{Agreement, MentorDraft, Mode, Role};
use mentor_core::nudges::NudgeSettings;
use mentor_e2e::notifications::NotificationRecorder;
use mentor_e2e::tray::TrayHost;
use mentor_e2e::{
    CONTROL, Driver, ESCAPE, PATIENCE, Session, World, app_processes, one_at_a_time, quote,
};

/// Waits until the window's page visibility is `state` ("visible" or "hidden").
fn wait_for_visibility(app: &Session, state: &str) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let now = app.script("return document.visibilityState");
        if now.as_str() == Some(state) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the window should be {state}, it is {now}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Ana joined 60 days ago on a four-week cadence and was never caught up with; quiet
/// hours are off, whatever the hour CI runs at. Returns Ana's id.
fn overdue_ana_at_any_hour(store: &mut Store, today: NaiveDate) -> i64 {
    let joined = today.checked_sub_days(Days::new(60)).expect("date");
    let agreement = Agreement::ongoing(28, 42, Mode::Video, joined);
    let draft = MentorDraft::new("Ana Sousa", vec![Role::Adviser], agreement);
    let ana = store.add_mentor(&draft, joined).expect("Ana added").id;
    let any_hour = NudgeSettings {
        quiet_hours: None,
        ..NudgeSettings::default()
    };
    store
        .set_nudge_settings(&any_hour, today)
        .expect("settings saved");
    ana
}

#[test]
fn an_overdue_mentor_is_nudged_once_and_the_app_stays_in_the_tray_as_one_instance() {
    let _turn = one_at_a_time();
    let world = World::new();
    let today = Local::now().date_naive();
    let mut ana = 0;
    world.seed(|store| {
        ana = overdue_ana_at_any_hour(store, today);
        store.set_start_at_login_asked().expect("answered");
    });
    let recorder = NotificationRecorder::on_session_bus();
    let _tray = TrayHost::on_session_bus();
    let driver = Driver::start(&world);

    let launched = Instant::now();
    let app = driver.launch();
    let calls = recorder.wait_for(1, PATIENCE);
    let arrived = launched.elapsed();
    assert_eq!(calls.len(), 1, "one notification arrives: {calls:?}");
    println!(
        "The first due notification arrived {} ms after launch.",
        arrived.as_millis()
    );
    let nudge = &calls[0];
    assert_eq!(nudge.app_name, "Mentor Circle");
    assert_eq!(nudge.summary, "Time to catch up with Ana Sousa");
    assert_eq!(
        nudge.body,
        "No catch-up logged since they joined your circle 2 months ago."
    );
    assert_eq!(
        nudge.action_labels(),
        ["Open", "Log catch-up", "Snooze a day"]
    );
    // The app keeps running its loop; the nudge is not repeated.
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(recorder.calls().len(), 1, "exactly one, not one per pass");

    // "Log catch-up" on the notification opens the quick log with Ana chosen.
    recorder.invoke_action(nudge.id, "log");
    app.wait_for(
        "//*[@role='dialog']//h2[normalize-space()='Log a catch-up']",
        "the quick log, opened from the notification",
    );
    let chosen = app.value(&app.field("Mentor"));
    assert_eq!(chosen, ana.to_string(), "the quick log is for Ana");
    app.press(&[ESCAPE]);
    app.wait_gone("//*[@role='dialog']", "the quick log closed");

    // Closing the window (Ctrl+W, like the title bar's close button) keeps the app
    // running in the tray.
    let running = app_processes();
    assert_eq!(running.len(), 1, "one app process: {running:?}");
    app.wait_for(
        &format!("//main//button[normalize-space()={}]", quote("Ana Sousa")),
        "Ana on the home screen",
    );
    app.press(&[CONTROL, "w"]);
    wait_for_visibility(&app, "hidden");
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(
        app_processes(),
        running,
        "closing the window leaves the app running"
    );

    // A second launch hands over to the running app, which shows its window again.
    let mut second = world.spawn_app();
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = second.try_wait().expect("second launch") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the second launch should hand over and exit"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        status.success(),
        "the second launch exits cleanly: {status}"
    );
    wait_for_visibility(&app, "visible");
    assert_eq!(app_processes(), running, "still one app process");
    assert_eq!(recorder.calls().len(), 1, "still exactly one notification");
    app.quit();
}

/// The app's login item in the (test) home, if there is one.
fn login_item() -> Option<std::path::PathBuf> {
    let home = std::env::var_os("HOME")?;
    let dir = std::path::Path::new(&home)
        .join(".config")
        .join("autostart");
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|entry| entry.path())
        .find(|path| std::fs::read_to_string(path).is_ok_and(|text| text.contains("--autostart")))
}

#[test]
fn start_at_login_is_asked_once_and_snoozes_settings_and_history_are_the_users() {
    let _turn = one_at_a_time();
    let world = World::new();
    let today = Local::now().date_naive();
    world.seed(|store| {
        overdue_ana_at_any_hour(store, today);
    });
    let recorder = NotificationRecorder::on_session_bus();
    let driver = Driver::start(&world);
    let app = driver.launch();
    assert_eq!(recorder.wait_for(1, PATIENCE).len(), 1, "Ana's nudge");

    // First run: the home screen asks, once, whether to start at login.
    assert_eq!(login_item(), None, "no login item before the user agrees");
    app.wait_for(
        "//main//h2[normalize-space()='Start Mentor Circle when you log in?']",
        "the start-at-login question",
    );
    app.click_button("Start at login");
    app.wait_gone(
        "//main//h2[normalize-space()='Start Mentor Circle when you log in?']",
        "the question, once answered",
    );
    let item = login_item().expect("a login item that starts the app in the tray");
    let entry = std::fs::read_to_string(&item).expect("login item");
    assert!(
        entry.contains(&mentor_e2e::app_binary().display().to_string()),
        "the login item starts this app: {entry}"
    );

    // Snooze Ana until next week from her page.
    app.click(&app.wait_for(
        &format!("//main//button[normalize-space()={}]", quote("Ana Sousa")),
        "Ana on the home screen",
    ));
    app.click_button("Snooze nudges");
    app.click_button("Next week");
    let monday = mentor_core::nudges::snoozed_until(mentor_core::nudges::Snooze::NextWeek, today)
        .expect("next Monday");
    app.wait_for(
        &format!(
            "//main//*[contains(., 'Nudges snoozed until')]/time[@datetime={}]",
            quote(&monday.format("%Y-%m-%d").to_string())
        ),
        "the snooze on Ana's page",
    );

    // Settings: the nudge sent at start is in the history; a daily cap of 0 is refused
    // at its field; start at login can be turned off again.
    app.click(&app.wait_for(
        "//aside//button[normalize-space()='Settings']",
        "Settings in the sidebar",
    ));
    app.wait_for(
        "//main//ul[@aria-label='Nudges sent']/li[contains(., 'Ana Sousa')]",
        "Ana's nudge in the history",
    );
    app.type_into("Notifications a day at most", "0");
    app.click_button("Save nudge settings");
    app.wait_for(
        "//main//*[contains(., 'Allow between 1 and 20 notifications a day.')]",
        "the cap refused, with the reason",
    );
    app.type_into("Notifications a day at most", "2");
    app.click_button("Save nudge settings");
    app.wait_for(
        "//*[contains(., 'Nudge settings saved')]",
        "the saved settings confirmed",
    );
    app.click(&app.field("Start at login"));
    let deadline = Instant::now() + PATIENCE;
    while login_item().is_some() {
        assert!(
            Instant::now() < deadline,
            "the login item should be removed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    app.screenshot("nudge-settings");
    app.quit();
    assert_eq!(recorder.calls().len(), 1, "one nudge in all");
}

#[test]
fn with_no_notification_service_today_says_so_instead_of_blaming_the_desktop() {
    let _turn = one_at_a_time();
    let world = World::new();
    let today = Local::now().date_naive();
    world.seed(|store| {
        overdue_ana_at_any_hour(store, today);
        store.set_start_at_login_asked().expect("answered");
    });
    // The test session bus starts nothing on demand: no notification service answers,
    // as on a desktop that runs none.
    let driver = Driver::start(&world);
    let app = driver.launch();
    let notice = app.wait_for(
        "//main//*[contains(@class, 'notice')]//p[contains(., 'notification service')]",
        "the note that nudges cannot pop up",
    );
    let text = app.text(&notice);
    assert!(
        text.starts_with("Your desktop has no notification service running"),
        "{text}"
    );
    assert!(!text.contains("refused"), "{text}");
    app.quit();
}
