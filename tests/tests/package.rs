//! The Debian package as a user meets it: installed with dpkg, the installed binary
//! launched under Xvfb shows the home screen; removing the package leaves the circle
//! and its keyring entry where they were, and installing it again opens the same circle.
//!
//! It installs and removes the package `mentor-circle` on this machine (as root, or
//! through `sudo -n`), so `scripts/test.sh` builds the package first and names it in
//! `MENTOR_CIRCLE_DEB`; it refuses to run where Mentor Circle is already installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{Days, Local};
use mentor_core::model::{Agreement, MentorDraft, Mode, Role};
use mentor_e2e::{Driver, World, one_at_a_time, quote};

const PACKAGE: &str = "mentor-circle";
const INSTALLED_BINARY: &str = "/usr/bin/mentor-circle";

/// The package under test, built by `scripts/package.sh --debug`.
fn deb() -> PathBuf {
    let path = std::env::var_os("MENTOR_CIRCLE_DEB")
        .map(PathBuf::from)
        .expect("MENTOR_CIRCLE_DEB names the .deb to test (scripts/test.sh builds it)");
    assert!(path.is_file(), "no package at {}", path.display());
    path
}

/// Runs `program args` as root: directly when the tests run as root (CI), else through
/// `sudo -n`, which fails at once rather than asking for a password.
fn as_root(program: &str, args: &[&str]) -> std::process::Output {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0");
    let mut command = if root {
        Command::new(program)
    } else {
        let mut sudo = Command::new("sudo");
        sudo.args(["-n", program]);
        sudo
    };
    command.args(args).output().expect("the command runs")
}

fn installed() -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", PACKAGE])
        .output()
        .is_ok_and(|out| out.stdout.starts_with(b"install ok installed"))
}

fn install(deb: &Path) {
    let out = as_root("dpkg", &["-i", &deb.display().to_string()]);
    assert!(
        out.status.success(),
        "dpkg -i failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(installed());
}

fn remove() {
    let out = as_root("dpkg", &["-r", PACKAGE]);
    assert!(
        out.status.success(),
        "dpkg -r failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Removes the package when the test ends, passed or failed, so the machine is left as
/// it was found.
struct Uninstall;

impl Drop for Uninstall {
    fn drop(&mut self) {
        if installed() {
            let _ = as_root("dpkg", &["-r", PACKAGE]);
        }
    }
}

/// Every file of the data folder, with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = mentor_e2e::all_files(dir)
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("readable");
            (path, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_package_installs_opens_the_circle_and_leaves_it_when_removed() {
    let _turn = one_at_a_time();
    let deb = deb();
    assert!(
        !installed(),
        "{PACKAGE} is already installed on this machine; this test installs and removes \
         it, so remove it first (dpkg -r {PACKAGE})"
    );
    let _uninstall = Uninstall;

    // What the package holds and promises: the app, its launcher entry and icons, its
    // runtime libraries, and no maintainer scripts that could ever touch user data.
    let control = tempfile::tempdir().expect("temp dir");
    let extracted = Command::new("dpkg-deb")
        .args(["--control", &deb.display().to_string()])
        .arg(control.path().join("DEBIAN"))
        .status()
        .expect("dpkg-deb");
    assert!(extracted.success(), "the control files extract");
    let mut scripts: Vec<String> = std::fs::read_dir(control.path().join("DEBIAN"))
        .expect("control files")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    scripts.sort();
    assert_eq!(scripts, ["control", "md5sums"], "no maintainer scripts");
    let depends = Command::new("dpkg-deb")
        .args(["--field", &deb.display().to_string(), "Depends"])
        .output()
        .expect("dpkg-deb");
    let depends = String::from_utf8_lossy(&depends.stdout).to_string();
    for library in [
        "libwebkit2gtk-4.1-0",
        "libayatana-appindicator3-1",
        "libssl3",
    ] {
        assert!(
            depends.contains(library),
            "Depends names {library}: {depends}"
        );
    }

    // A user with an overdue mentor installs the package and opens the installed app.
    let world = World::new();
    let today = Local::now().date_naive();
    let joined = today.checked_sub_days(Days::new(60)).expect("date");
    world.seed(|store| {
        let agreement = Agreement::ongoing(28, 42, Mode::Video, joined);
        let draft = MentorDraft::new("Ana Sousa", vec![Role::Adviser], agreement);
        store.add_mentor(&draft, joined).expect("Ana added");
        store.set_start_at_login_asked().expect("answered");
    });
    install(&deb);
    let binary = Path::new(INSTALLED_BINARY);
    assert!(
        binary.is_file(),
        "the app is installed at {INSTALLED_BINARY}"
    );
    let desktop = Path::new("/usr/share/applications/Mentor Circle.desktop");
    let entry = std::fs::read_to_string(desktop).expect("the launcher entry is installed");
    for line in [
        "Name=Mentor Circle",
        "Exec=mentor-circle",
        "Icon=mentor-circle",
    ] {
        assert!(entry.lines().any(|l| l == line), "{line} in {entry}");
    }
    for size in ["32x32", "128x128", "512x512"] {
        let icon = format!("/usr/share/icons/hicolor/{size}/apps/mentor-circle.png");
        assert!(Path::new(&icon).is_file(), "{icon} is installed");
    }

    let ana_overdue = format!(
        "//main//ul[@aria-label='Overdue']//button[normalize-space()={}]",
        quote("Ana Sousa")
    );
    let driver = Driver::start(&world);
    let app = driver.launch_binary(binary);
    app.wait_for(
        &ana_overdue,
        "Ana, overdue, on the installed app's home screen",
    );
    app.screenshot("package-installed-home");
    app.quit();
    drop(driver);

    // Removing the package leaves the circle and its key alone.
    let before = snapshot(&world.data_dir());
    assert!(before.iter().any(|(path, _)| path.ends_with("circle.db")));
    remove();
    assert!(!installed());
    assert!(!binary.exists(), "the binary is removed with the package");
    assert!(
        !desktop.exists(),
        "the launcher entry is removed with the package"
    );
    assert_eq!(
        snapshot(&world.data_dir()),
        before,
        "the data folder is untouched by dpkg -r"
    );
    assert!(world.has_keyring_entry(), "the keyring entry stays");

    // Installing again opens the same circle.
    install(&deb);
    let driver = Driver::start(&world);
    let app = driver.launch_binary(binary);
    app.wait_for(&ana_overdue, "Ana again, after reinstalling");
    app.quit();
}
