//! One app per data folder, even without a session bus: while the app runs, a second one
//! started on the same folder with no way to reach the first over D-Bus takes the OS
//! lock on the folder, fails, says the circle is open elsewhere, and leaves the circle
//! alone; the first app keeps working.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mentor_core::model::{Agreement, MentorDraft, Mode, Role};
use mentor_e2e::{Driver, PATIENCE, World, app_binary, one_at_a_time};

#[test]
fn a_second_app_without_a_session_bus_leaves_the_circle_to_the_first() {
    let _turn = one_at_a_time();
    let world = World::new();
    let today = chrono::Local::now().date_naive();
    world.seed(|store| {
        let agreement = Agreement::ongoing(28, 42, Mode::Video, today);
        let draft = MentorDraft::new("Ana Sousa", vec![Role::Adviser], agreement);
        store.add_mentor(&draft, today).expect("Ana");
    });
    let driver = Driver::start(&world);
    let app = driver.launch();
    app.wait_for(
        "//main//button[normalize-space()='Ana Sousa']",
        "the first app, open",
    );

    let stderr_path = world.root.path().join("second.log");
    let stderr = std::fs::File::create(&stderr_path).expect("log");
    let mut command = Command::new(app_binary());
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr);
    for (name, value) in world.app_env() {
        command.env(name, value);
    }
    // No session bus: the single-instance handover cannot find the first app.
    command.env(
        "DBUS_SESSION_BUS_ADDRESS",
        format!("unix:path={}", world.root.path().join("no-bus").display()),
    );
    let mut second = command.spawn().expect("the second app starts");
    let deadline = Instant::now() + PATIENCE;
    let said = loop {
        let mut text = String::new();
        let _ =
            std::fs::File::open(&stderr_path).and_then(|mut file| file.read_to_string(&mut text));
        if text.contains("open in another Mentor Circle") || Instant::now() > deadline {
            break text;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let _ = second.kill();
    let _ = second.wait();
    assert!(
        said.contains("open in another Mentor Circle"),
        "the second app says the circle is open elsewhere:\n{said}"
    );
    assert!(
        !said.contains("circle locked") && !said.contains("opening failed"),
        "and never tries to open it:\n{said}"
    );
    app.wait_for(
        "//main//button[normalize-space()='Ana Sousa']",
        "the first app, still open",
    );
    app.quit();
}
