//! Quitting, as a new user tries it: Ctrl+Q from the window saves what is being typed and
//! quits at once, with the circle closed cleanly (no WAL left beside the database); with
//! no tray on the desktop (stock GNOME), closing the window quits, since nothing would
//! be left to find the app by; with a tray, closing the window keeps the app there and
//! "Quit" in the tray's menu ends it.

use std::path::Path;
use std::time::{Duration, Instant};

use mentor_e2e::tray::TrayHost;
use mentor_e2e::{
    CONTROL, Driver, PATIENCE, Session, World, add_ana_with_a_catch_up, app_processes, canary,
    one_at_a_time, quote, wait_for_app_exit,
};

/// The longest a quit may take. It was about 5 s from the tray; a person expects a
/// quit to be over before they look back at the screen.
const QUICK: Duration = Duration::from_secs(1);

/// A circle with Ana, and the start-at-login question already answered.
fn world_with_ana() -> World {
    let world = World::new();
    world.seed(|store| {
        add_ana_with_a_catch_up(store, "First chat");
        store.set_start_at_login_asked().expect("answered");
    });
    world
}

fn wait_for_home(app: &Session) {
    app.wait_for(
        &format!("//main//button[normalize-space()={}]", quote("Ana Sousa")),
        "Ana on the home screen",
    );
}

/// What a clean close leaves: the database alone, its write-ahead log checkpointed into
/// it and removed.
fn assert_closed_cleanly(data_dir: &Path) {
    let left: Vec<_> = mentor_e2e::all_files(data_dir)
        .into_iter()
        .filter(|path| {
            let name = path.to_string_lossy();
            name.ends_with("-wal") || name.ends_with("-shm")
        })
        .collect();
    assert!(
        left.is_empty(),
        "the circle was not closed cleanly: {left:?}"
    );
}

#[test]
fn ctrl_q_saves_what_is_typed_and_quits_at_once_closing_the_circle_cleanly() {
    let _turn = one_at_a_time();
    let world = world_with_ana();
    let driver = Driver::start(&world);
    let app = driver.launch();
    wait_for_home(&app);

    // Half a sentence in a new journal entry, then Ctrl+Q straight away.
    let secret = canary();
    app.press(&[CONTROL, "j"]);
    app.type_into("Entry", &format!("Not sure I should tell Ana {secret}"));
    let pressed = Instant::now();
    app.press_to_quit(&[CONTROL, "q"]);
    let took = wait_for_app_exit(pressed, "Ctrl+Q");
    println!(
        "Ctrl+Q: the app exited {} ms after the key.",
        took.as_millis()
    );
    assert!(took < QUICK, "quitting took {took:?}");
    drop(app);

    assert_closed_cleanly(&world.data_dir());
    let mut kept = Vec::new();
    world.seed(|store| kept = store.drafts().expect("drafts"));
    assert!(
        kept.iter()
            .any(|draft| draft.content.body.contains(&secret)),
        "what was being typed is kept as a draft"
    );
}

#[test]
fn with_no_tray_on_the_desktop_closing_the_window_quits() {
    let _turn = one_at_a_time();
    let world = world_with_ana();
    let driver = Driver::start(&world);
    let app = driver.launch();
    wait_for_home(&app);

    // No StatusNotifierWatcher on this session bus, as on stock GNOME.
    let pressed = Instant::now();
    app.press_to_quit(&[CONTROL, "w"]);
    let took = wait_for_app_exit(pressed, "closing the window without a tray");
    println!(
        "Ctrl+W with no tray: the app exited {} ms after the key.",
        took.as_millis()
    );
    drop(app);
    assert_closed_cleanly(&world.data_dir());
}

#[test]
fn with_a_tray_closing_the_window_keeps_the_app_there_and_quit_in_its_menu_ends_it() {
    let _turn = one_at_a_time();
    let world = world_with_ana();
    let tray = TrayHost::on_session_bus();
    let driver = Driver::start(&world);
    let app = driver.launch();
    wait_for_home(&app);

    let icon = tray.wait_for_item(PATIENCE);
    let labels = tray.menu_labels(&icon);
    assert!(
        labels.iter().any(|label| label == "Quit"),
        "the tray's menu: {labels:?}"
    );
    let running = app_processes();
    app.press(&[CONTROL, "w"]);
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(
        app.script("return document.visibilityState").as_str(),
        Some("hidden"),
        "the window is closed to the tray"
    );
    assert_eq!(app_processes(), running, "and the app runs on there");

    let clicked = Instant::now();
    tray.click(&icon, "Quit");
    let took = wait_for_app_exit(clicked, "Quit in the tray");
    println!(
        "Quit in the tray: the app exited {} ms after the click.",
        took.as_millis()
    );
    assert!(took < QUICK, "quitting from the tray took {took:?}");
    drop(app);
    assert_closed_cleanly(&world.data_dir());
}

#[test]
fn started_without_webdriver_quit_in_the_tray_ends_every_process_at_once() {
    let _turn = one_at_a_time();
    let world = world_with_ana();
    let tray = TrayHost::on_session_bus();
    let mut app = world.spawn_app();
    let icon = tray.wait_for_item(PATIENCE);
    // The window's page has loaded by the time the tray shows (it waits for the home
    // screen, or 3 s).
    let clicked = Instant::now();
    tray.click(&icon, "Quit");
    loop {
        if app.try_wait().expect("the app").is_some() {
            break;
        }
        assert!(clicked.elapsed() < PATIENCE, "the app did not exit");
        std::thread::sleep(Duration::from_millis(10));
    }
    let took = clicked.elapsed();
    println!(
        "Quit in the tray (no WebDriver): the app exited {} ms after the click.",
        took.as_millis()
    );
    assert!(took < QUICK, "quitting from the tray took {took:?}");
    assert_closed_cleanly(&world.data_dir());
}
