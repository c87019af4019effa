//! The nudge loop over a real D-Bus session bus: the app's own notifier (notify-rust)
//! talking to a recording `org.freedesktop.Notifications` service on a private bus.
//!
//! The notifier finds the bus through `DBUS_SESSION_BUS_ADDRESS`, which a test cannot
//! change for itself safely, so each test runs *itself* again as a child process on the
//! private bus; the parent owns the bus and the recorder and checks what arrived.
//!
//! Linux only: notifications go over D-Bus there (`platform/notifier.rs`).
#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use chrono::{Days, Local, TimeDelta, TimeZone};
use mentor_circle_lib::nudges::{ActedOn, NudgeLoop};
use mentor_circle_lib::platform::notifier::DesktopNotifier;
use mentor_core::model::{Agreement, MentorDraft, Mode, Role};
use mentor_core::{DbKey, Store};
use mentor_e2e::notifications::{NotificationRecorder, PrivateBus};

/// Set in the child: which part to play, and where its database lives.
const CHILD_PART: &str = "MENTOR_CIRCLE_TEST_NUDGE_PART";
const CHILD_DB: &str = "MENTOR_CIRCLE_TEST_NUDGE_DB";

const PATIENCE: Duration = Duration::from_secs(20);

/// A circle with one mentor, Ana, who joined 60 days ago on a 28-day cadence: overdue.
fn circle_with_overdue_ana(path: &std::path::Path) -> (Store, chrono::DateTime<Local>) {
    let key = DbKey::from_bytes(&[9; 32]).expect("32 bytes");
    let mut store = Store::open(path, &key).expect("store opens");
    let today = Local::now().date_naive();
    let joined = today - Days::new(60);
    let agreement = Agreement::ongoing(28, 42, Mode::Video, joined);
    let draft = MentorDraft::new("Ana", vec![Role::Adviser], agreement);
    store.add_mentor(&draft, joined).expect("Ana added");
    // Noon today: outside the default quiet hours whenever the test runs.
    let noon = Local
        .from_local_datetime(&today.and_hms_opt(12, 0, 0).expect("noon"))
        .earliest()
        .expect("noon exists");
    (store, noon)
}

fn notifier() -> (DesktopNotifier, mpsc::Receiver<ActedOn>) {
    let (sender, receiver) = mpsc::channel();
    let sender = std::sync::Mutex::new(sender);
    let notifier = DesktopNotifier::new(
        "app.mentorcircle.desktop",
        std::sync::Arc::new(move |acted| {
            let _ = sender.lock().map(|sender| sender.send(acted));
        }),
    );
    (notifier, receiver)
}

/// Runs this test binary's `test` again as a child playing `part` on `bus`.
fn spawn_child(test: &str, part: &str, bus: &str, db: &std::path::Path) -> Child {
    Command::new(std::env::current_exe().expect("own test binary"))
        .args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_PART, part)
        .env(CHILD_DB, db)
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the test re-runs itself")
}

/// Reads the child's lines until one holds `marker`; returns the rest of that line from
/// the marker on (the test harness may have printed the test's name before it).
fn read_until(lines: &mut impl Iterator<Item = String>, marker: &str) -> String {
    lines
        .find_map(|line| line.find(marker).map(|at| line[at..].to_string()))
        .unwrap_or_else(|| panic!("the child never said {marker:?}"))
}

fn lines_of(stdout: ChildStdout) -> impl Iterator<Item = String> {
    BufReader::new(stdout).lines().map_while(Result::ok)
}

fn finish(mut child: Child) {
    let status = child.wait().expect("child ends");
    assert!(status.success(), "the child part failed: {status}");
}

#[test]
fn an_overdue_mentor_produces_exactly_the_expected_notification_and_its_actions_answer() {
    if let Ok(part) = std::env::var(CHILD_PART) {
        assert_eq!(part, "deliver");
        let (mut store, noon) =
            circle_with_overdue_ana(std::path::Path::new(&std::env::var(CHILD_DB).expect("db")));
        let (notifier, acted) = notifier();
        let mut nudges = NudgeLoop::new(notifier);
        let tick = nudges.tick(&mut store, &noon).expect("tick");
        let id = tick.sent.expect("Ana's nudge was delivered");
        assert_eq!(tick.due, 1);
        assert!(nudges.problem().is_none());
        let again = nudges
            .tick(&mut store, &(noon + TimeDelta::seconds(1)))
            .expect("tick");
        assert_eq!(again.sent, None, "never doubled");
        println!("NUDGE {id}");
        let acted = acted.recv_timeout(PATIENCE).expect("the action arrives");
        println!(
            "ACTED {:?} {:?} {}",
            acted.action, acted.mentors, acted.nudge
        );
        return;
    }

    let bus = PrivateBus::start();
    let recorder = NotificationRecorder::start(bus.address());
    let dir = tempfile::tempdir().expect("temp dir");
    let mut child = spawn_child(
        "an_overdue_mentor_produces_exactly_the_expected_notification_and_its_actions_answer",
        "deliver",
        bus.address(),
        &dir.path().join("circle.db"),
    );
    let mut lines = lines_of(child.stdout.take().expect("stdout"));
    read_until(&mut lines, "NUDGE ");

    let calls = recorder.calls();
    assert_eq!(calls.len(), 1, "exactly one notification: {calls:?}");
    let notified = &calls[0];
    assert_eq!(notified.app_name, "Mentor Circle");
    assert_eq!(notified.summary, "Time to catch up with Ana");
    assert_eq!(
        notified.body,
        "No catch-up logged since they joined your circle 2 months ago."
    );
    assert_eq!(
        notified.action_labels(),
        ["Open", "Log catch-up", "Snooze a day"]
    );
    assert!(
        notified
            .hint_names
            .iter()
            .any(|hint| hint == "desktop-entry"),
        "the notification names the app's desktop entry: {:?}",
        notified.hint_names
    );

    // The user presses "Log catch-up". The child subscribes to the answer just after
    // showing, so press until it has heard.
    let (heard_sender, heard) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = heard_sender.send(read_until(&mut lines, "ACTED "));
        // Keep reading: a closed pipe would fail the child's last words.
        lines.for_each(drop);
    });
    let acted = loop {
        recorder.invoke_action(notified.id, "log");
        if let Ok(line) = heard.recv_timeout(Duration::from_millis(200)) {
            break line;
        }
    };
    assert!(
        acted.starts_with("ACTED LogCatchUp [1]"),
        "the loop heard which action, for whom: {acted}"
    );
    finish(child);
}

#[test]
fn with_no_notification_service_the_app_keeps_going_and_retries_later() {
    if let Ok(part) = std::env::var(CHILD_PART) {
        assert_eq!(part, "retry");
        let (mut store, noon) =
            circle_with_overdue_ana(std::path::Path::new(&std::env::var(CHILD_DB).expect("db")));
        let (notifier, _acted) = notifier();
        let mut nudges = NudgeLoop::new(notifier);

        let failed = nudges.tick(&mut store, &noon).expect("no crash, no error");
        assert_eq!(failed.sent, None);
        let problem = nudges.problem().expect("the failure is kept to show once");
        assert!(
            problem.message.contains("Today list"),
            "{}",
            problem.message
        );
        assert!(
            store
                .nudges_since(noon.to_utc() - TimeDelta::days(1))
                .expect("record")
                .is_empty(),
            "a failed nudge is not marked sent"
        );
        assert!(failed.wake_at <= noon.to_utc() + mentor_core::nudges::RETRY_AFTER);
        let soon = nudges
            .tick(&mut store, &(noon + TimeDelta::minutes(1)))
            .expect("tick");
        assert_eq!(soon.sent, None, "not retried every minute");
        println!("FAILED");

        // The parent starts a notification service; the retry goes through.
        let mut go = String::new();
        std::io::stdin().read_line(&mut go).expect("parent says go");
        let later = noon + mentor_core::nudges::RETRY_AFTER;
        let retried = nudges.tick(&mut store, &later).expect("tick");
        assert!(retried.sent.is_some(), "retried after the wait");
        assert!(
            nudges.problem().is_none(),
            "the problem clears once it works"
        );
        println!("DELIVERED");
        return;
    }

    let bus = PrivateBus::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut child = spawn_child(
        "with_no_notification_service_the_app_keeps_going_and_retries_later",
        "retry",
        bus.address(),
        &dir.path().join("circle.db"),
    );
    let mut lines = lines_of(child.stdout.take().expect("stdout"));
    read_until(&mut lines, "FAILED");
    let recorder = NotificationRecorder::start(bus.address());
    let mut stdin = child.stdin.take().expect("stdin");
    writeln!(stdin, "go").expect("child listens");
    read_until(&mut lines, "DELIVERED");
    lines.for_each(drop);
    assert_eq!(recorder.calls().len(), 1, "one nudge, once");
    finish(child);
}

#[test]
fn with_no_session_bus_at_all_the_loop_reports_and_does_not_crash() {
    if let Ok(part) = std::env::var(CHILD_PART) {
        assert_eq!(part, "no-bus");
        let (mut store, noon) =
            circle_with_overdue_ana(std::path::Path::new(&std::env::var(CHILD_DB).expect("db")));
        let (notifier, _acted) = notifier();
        let mut nudges = NudgeLoop::new(notifier);
        let tick = nudges.tick(&mut store, &noon).expect("no crash, no error");
        assert_eq!(tick.sent, None);
        assert!(nudges.problem().is_some());
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let child = spawn_child(
        "with_no_session_bus_at_all_the_loop_reports_and_does_not_crash",
        "no-bus",
        &format!("unix:path={}", dir.path().join("no-bus").display()),
        &dir.path().join("circle.db"),
    );
    finish(child);
}

#[test]
fn while_locked_a_due_mentor_is_nudged_by_count_only_and_recorded_on_unlock() {
    if let Ok(part) = std::env::var(CHILD_PART) {
        assert_eq!(part, "locked");
        let path = std::path::PathBuf::from(std::env::var(CHILD_DB).expect("db"));
        let (store, noon) = circle_with_overdue_ana(&path);
        // Locking: the nameless timetable is kept, the store (and its key) dropped.
        let mut schedule = store
            .locked_schedule(noon.date_naive(), noon.to_utc())
            .expect("timetable");
        drop(store);
        let (notifier, _acted) = notifier();
        let mut nudges = NudgeLoop::new(notifier);
        let tick = nudges.tick_locked(&mut schedule, &noon);
        assert!(tick.sent.is_some(), "delivered while locked");
        assert_eq!(tick.due, 1);
        let again = nudges.tick_locked(&mut schedule, &(noon + TimeDelta::seconds(1)));
        assert_eq!(again.sent, None, "never doubled while locked");

        // Unlocking: what was sent is written to the record, so the open loop does not
        // nudge Ana a second time today.
        let key = DbKey::from_bytes(&[9; 32]).expect("32 bytes");
        let mut store = Store::open(&path, &key).expect("reopens");
        store
            .record_locked_nudges(&schedule, &Local)
            .expect("recorded");
        let after = nudges
            .tick(&mut store, &(noon + TimeDelta::seconds(2)))
            .expect("tick");
        assert_eq!(after.sent, None, "not nudged twice on unlock");
        let history = store.nudge_history(10).expect("history");
        println!("RECORDED {}", history.len());
        return;
    }

    let bus = PrivateBus::start();
    let recorder = NotificationRecorder::start(bus.address());
    let dir = tempfile::tempdir().expect("temp dir");
    let mut child = spawn_child(
        "while_locked_a_due_mentor_is_nudged_by_count_only_and_recorded_on_unlock",
        "locked",
        bus.address(),
        &dir.path().join("circle.db"),
    );
    let mut lines = lines_of(child.stdout.take().expect("stdout"));
    let recorded = read_until(&mut lines, "RECORDED ");
    lines.for_each(drop);
    finish(child);
    assert_eq!(
        recorded, "RECORDED 1",
        "the nudge sent while locked is in the history"
    );

    let calls = recorder.calls();
    assert_eq!(calls.len(), 1, "exactly one notification: {calls:?}");
    let notified = &calls[0];
    assert_eq!(notified.summary, "Time to catch up with a mentor");
    assert_eq!(notified.body, "One of your mentors is due for a catch-up.");
    assert!(
        !notified.summary.contains("Ana") && !notified.body.contains("Ana"),
        "no names while locked"
    );
}
