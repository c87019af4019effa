//! Helpers to drive the *built* Mentor Circle app as a user would: start tauri-driver,
//! open a WebDriver session on the app, find things by their visible text or label,
//! click and type, and read what the window shows.
//!
//! A plain W3C WebDriver client over HTTP: a handful of endpoints is all the tests need.

use std::io::Read;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub mod notifications;
pub mod tray;

/// How long to wait for the window to show something before failing.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The W3C key under which an element reference is returned.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The WebDriver key for Control (W3C "normalized key value" U+E009).
pub const CONTROL: &str = "\u{E009}";
/// The Shift key, for chords such as Ctrl+Shift+L.
pub const SHIFT: &str = "\u{E008}";
/// The WebDriver key for Enter.
pub const ENTER: &str = "\u{E007}";
/// The WebDriver key for Escape.
pub const ESCAPE: &str = "\u{E00C}";

/// End-to-end tests share one display and two cores: run them one at a time.
pub fn one_at_a_time() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The repository's root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The built app: `MENTOR_CIRCLE_APP` if set, else beside this test binary's target dir.
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("MENTOR_CIRCLE_APP") {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().expect("test binary path");
    // target/<profile>/deps/<test> → target/<profile>/mentor-circle
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target profile dir");
    profile_dir.join("mentor-circle")
}

/// Where screenshots go: `target/e2e/` in the repository (ignored by git, kept by CI).
pub fn screenshot_dir() -> PathBuf {
    let dir = repo_root().join("target").join("e2e");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}

/// A private world for one test: a data folder and XDG folders for everything the app
/// or WebKit might write, all under one temp dir that the canary scan can walk.
pub struct World {
    pub root: tempfile::TempDir,
    /// Another session bus for the app (e.g. one with no keyring on it).
    pub session_bus: Option<String>,
}

impl World {
    pub fn new() -> World {
        World {
            root: tempfile::tempdir().expect("temp dir"),
            session_bus: None,
        }
    }

    /// Deletes the keyring entry of the world's circle, as a desktop switch or a
    /// reinstall would.
    pub fn forget_keyring_entry(&self) {
        let vault = mentor_core::Vault::new(self.data_dir());
        let header = vault.header().expect("header").expect("a circle exists");
        mentor_core::SecretStore::forget(&KeyringSecrets, &header.vault_id)
            .expect("the keyring entry is deleted");
    }

    /// Whether the world's circle has a key in the OS keyring.
    pub fn has_keyring_entry(&self) -> bool {
        let vault = mentor_core::Vault::new(self.data_dir());
        let Ok(Some(header)) = vault.header() else {
            return false;
        };
        matches!(
            mentor_core::SecretStore::load(&KeyringSecrets, &header.vault_id),
            Ok(Some(_))
        )
    }

    pub fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    /// The app's stdout and stderr, collected across launches.
    pub fn log_path(&self) -> PathBuf {
        self.root.path().join("app.log")
    }

    /// Opens the world's circle the way the app does (key in the OS keyring, created if
    /// new) and lets `work` fill it before the app starts.
    pub fn seed(&self, work: impl FnOnce(&mut mentor_core::Store)) {
        let vault = mentor_core::Vault::new(self.data_dir());
        let mut store = vault
            .open(&KeyringSecrets)
            .expect("the circle opens with a key in the keyring (use scripts/test.sh)");
        work(&mut store);
    }

    /// Starts the app directly (not through WebDriver), in this world.
    pub fn spawn_app(&self) -> Child {
        let mut command = Command::new(app_binary());
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (name, value) in self.env() {
            command.env(name, value);
        }
        command.spawn().expect("the app starts")
    }

    /// The environment the app needs to run in this world (its data folder, its XDG
    /// folders and the world's own session bus, if any), to start it by other means.
    pub fn app_env(&self) -> Vec<(String, PathBuf)> {
        self.env()
    }

    fn env(&self) -> Vec<(String, PathBuf)> {
        let root = self.root.path();
        let mut env = vec![
            ("MENTOR_CIRCLE_DATA_DIR".into(), self.data_dir()),
            ("XDG_DATA_HOME".into(), root.join("xdg-data")),
            ("XDG_CACHE_HOME".into(), root.join("xdg-cache")),
            ("XDG_CONFIG_HOME".into(), root.join("xdg-config")),
        ];
        if let Some(bus) = &self.session_bus {
            env.push(("DBUS_SESSION_BUS_ADDRESS".into(), PathBuf::from(bus)));
        }
        env
    }
}

/// The OS keyring under the app's service name, so a seeded circle opens in the app.
struct KeyringSecrets;

impl mentor_core::SecretStore for KeyringSecrets {
    fn load(
        &self,
        vault_id: &str,
    ) -> Result<Option<mentor_core::DbKey>, mentor_core::SecretStoreError> {
        let entry = keyring::Entry::new(KEYRING_SERVICE, vault_id).map_err(unavailable)?;
        match entry.get_secret() {
            Ok(secret) => mentor_core::DbKey::from_bytes(&secret)
                .map(Some)
                .ok_or(mentor_core::SecretStoreError::Malformed),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(unavailable(error)),
        }
    }

    fn save(
        &self,
        vault_id: &str,
        key: &mentor_core::DbKey,
    ) -> Result<(), mentor_core::SecretStoreError> {
        keyring::Entry::new(KEYRING_SERVICE, vault_id)
            .and_then(|entry| entry.set_secret(key.as_bytes()))
            .map_err(unavailable)
    }

    fn forget(&self, vault_id: &str) -> Result<(), mentor_core::SecretStoreError> {
        match keyring::Entry::new(KEYRING_SERVICE, vault_id)
            .and_then(|entry| entry.delete_credential())
        {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(unavailable(error)),
        }
    }
}

/// The keyring service the app files its key under.
pub const KEYRING_SERVICE: &str = "Mentor Circle";

fn unavailable(error: keyring::Error) -> mentor_core::SecretStoreError {
    mentor_core::SecretStoreError::Unavailable(error.to_string())
}

impl Default for World {
    fn default() -> Self {
        World::new()
    }
}

/// A running tauri-driver; stopped with SIGTERM when dropped (SIGKILL would leave
/// WebKitWebDriver holding its port and the test's output).
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    /// Starts tauri-driver with the world's environment, so the app it launches uses the
    /// world's data folder.
    pub fn start(world: &World) -> Driver {
        let port = free_port();
        let native_port = free_port();
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(world.log_path())
            .expect("log file");
        let mut command = Command::new(tauri_driver());
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log);
        for (name, value) in world.env() {
            command.env(name, value);
        }
        let child = command
            .spawn()
            .expect("tauri-driver starts (installed by scripts/test.sh)");
        let driver = Driver { child, port };
        // Both tauri-driver and the WebKitWebDriver it starts behind it must be listening
        // before a session can be asked for.
        let deadline = Instant::now() + PATIENCE;
        for (who, port) in [("tauri-driver", port), ("WebKitWebDriver", native_port)] {
            while TcpStream::connect(("127.0.0.1", port)).is_err() {
                assert!(
                    Instant::now() < deadline,
                    "{who} did not listen on port {port}"
                );
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        driver
    }

    /// Launches the app and opens a WebDriver session on its window.
    pub fn launch(&self) -> Session {
        self.launch_binary(&app_binary())
    }

    /// Launches the app from `binary` (an installed copy, say) and opens a WebDriver
    /// session on its window.
    pub fn launch_binary(&self, binary: &Path) -> Session {
        let base = format!("http://127.0.0.1:{}", self.port);
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "wry",
                "tauri:options": { "application": binary },
            }}
        });
        let agent = agent();
        // tauri-driver listens before the WebKitWebDriver behind it does; until then it
        // hangs up on a new session (seen on a cold machine). Only an unanswered request
        // is retried: an answered one may already have launched the app.
        let deadline = Instant::now() + PATIENCE;
        let reply = loop {
            let url = format!("{base}/session");
            match try_call(&agent, "POST", &url, Some(capabilities.clone())) {
                Ok(reply) => break reply,
                Err(CallError::Transport(_)) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(250));
                }
                Err(failure) => panic!("{failure}"),
            }
        };
        let id = reply["value"]["sessionId"]
            .as_str()
            .expect("a W3C session id")
            .to_string();
        Session {
            agent,
            url: format!("{base}/session/{id}"),
            open: true,
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .map(|home| home.join("bin").join("tauri-driver"));
    cargo_bin
        .filter(|path| path.exists())
        .unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("port").port()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

fn call(agent: &ureq::Agent, method: &str, url: &str, body: Option<Value>) -> Value {
    try_call(agent, method, url, body).unwrap_or_else(|failure| panic!("{failure}"))
}

/// Why a WebDriver call failed.
#[derive(Debug)]
enum CallError {
    /// The request never got an answer (the driver was not ready, or hung up).
    Transport(String),
    /// The driver answered with an error.
    Refused(String),
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Transport(text) | CallError::Refused(text) => f.write_str(text),
        }
    }
}

/// A WebDriver call; the error says which call failed and what the driver answered.
fn try_call(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    body: Option<Value>,
) -> Result<Value, CallError> {
    let response = match (method, body) {
        ("GET", _) => agent.get(url).call(),
        ("DELETE", _) => agent.delete(url).call(),
        (_, body) => agent.post(url).send_json(body.unwrap_or_else(|| json!({}))),
    };
    let mut response =
        response.map_err(|error| CallError::Transport(format!("{method} {url}: {error}")))?;
    let status = response.status();
    let mut text = String::new();
    response
        .body_mut()
        .as_reader()
        .read_to_string(&mut text)
        .map_err(|error| {
            CallError::Transport(format!("{method} {url}: reading the reply: {error}"))
        })?;
    if !status.is_success() {
        return Err(CallError::Refused(format!(
            "{method} {url} failed with {status}: {text}"
        )));
    }
    Ok(serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// A WebDriver session on the app's window.
pub struct Session {
    agent: ureq::Agent,
    url: String,
    open: bool,
}

/// An element in the window.
#[derive(Clone, Debug)]
pub struct Element(String);

impl Session {
    fn post(&self, path: &str, body: Value) -> Value {
        call(
            &self.agent,
            "POST",
            &format!("{}{path}", self.url),
            Some(body),
        )["value"]
            .clone()
    }

    /// Runs `script` in the page and returns its result.
    pub fn script(&self, script: &str) -> Value {
        self.post("/execute/sync", json!({ "script": script, "args": [] }))
    }

    /// Runs `script` in the page with a callback `done` and returns what it was called
    /// with: for promises, such as calling a backend command as the UI would.
    pub fn script_async(&self, script: &str) -> Value {
        let wrapped = format!("const done = arguments[arguments.length - 1]; {script}");
        self.post("/execute/async", json!({ "script": wrapped, "args": [] }))
    }

    fn get(&self, path: &str) -> Value {
        call(&self.agent, "GET", &format!("{}{path}", self.url), None)["value"].clone()
    }

    /// Whether `element` is on screen; an element that has just left the page (a stale
    /// reference) is not.
    fn is_displayed(&self, element: &Element) -> bool {
        let url = format!("{}/element/{}/displayed", self.url, element.0);
        try_call(&self.agent, "GET", &url, None)
            .is_ok_and(|reply| reply["value"].as_bool() == Some(true))
    }

    /// Every element matching `xpath`, right now.
    pub fn find_all(&self, xpath: &str) -> Vec<Element> {
        let found = self.post("/elements", json!({ "using": "xpath", "value": xpath }));
        found
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|item| item[ELEMENT_KEY].as_str().map(|id| Element(id.to_string())))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits until an element matching `xpath` is displayed; `what` names it for the
    /// failure message.
    pub fn wait_for(&self, xpath: &str, what: &str) -> Element {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(element) = self
                .find_all(xpath)
                .into_iter()
                .find(|element| self.is_displayed(element))
            {
                return element;
            }
            if Instant::now() > deadline {
                let page = self.get("/source");
                panic!(
                    "{what} did not appear ({xpath}); the page was:\n{}",
                    page.as_str().unwrap_or("")
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until nothing matching `xpath` is displayed.
    pub fn wait_gone(&self, xpath: &str, what: &str) {
        let deadline = Instant::now() + PATIENCE;
        while self
            .find_all(xpath)
            .iter()
            .any(|element| self.is_displayed(element))
        {
            if Instant::now() > deadline {
                let page = self.get("/source");
                panic!(
                    "{what} did not go away ({xpath}); the page was:\n{}",
                    page.as_str().unwrap_or("")
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Clicks the button whose visible text is `label`.
    pub fn click_button(&self, label: &str) {
        let xpath = format!("//button[normalize-space()={}]", quote(label));
        let button = self.wait_for(&xpath, &format!("the “{label}” button"));
        self.click(&button);
    }

    pub fn click(&self, element: &Element) {
        self.post(&format!("/element/{}/click", element.0), json!({}));
    }

    /// The form control labelled `label` (by `<label for>`).
    pub fn field(&self, label: &str) -> Element {
        let xpath = format!("//*[@id=//label[normalize-space()={}]/@for]", quote(label));
        self.wait_for(&xpath, &format!("the “{label}” field"))
    }

    /// Replaces the text of the field labelled `label` with `text`, as typed.
    pub fn type_into(&self, label: &str, text: &str) {
        let field = self.field(label);
        self.post(&format!("/element/{}/clear", field.0), json!({}));
        self.post(
            &format!("/element/{}/value", field.0),
            json!({ "text": text }),
        );
    }

    /// Ticks the checkbox labelled `label`.
    pub fn tick(&self, label: &str) {
        let checkbox = self.field(label);
        if self
            .get(&format!("/element/{}/selected", checkbox.0))
            .as_bool()
            != Some(true)
        {
            self.click(&checkbox);
        }
    }

    /// Chooses the option whose text is `option` in the drop-down labelled `label`, by
    /// clicking the option as WebDriver specifies (it fires `input` and `change`).
    pub fn choose(&self, label: &str, option: &str) {
        let select = self.field(label);
        let xpath = format!("./option[normalize-space()={}]", quote(option));
        let found = self.post(
            &format!("/element/{}/element", select.0),
            json!({ "using": "xpath", "value": xpath }),
        );
        let option_id = found[ELEMENT_KEY].as_str().unwrap_or_default().to_string();
        assert!(!option_id.is_empty(), "no “{option}” in “{label}”");
        self.click(&Element(option_id));
    }

    /// The visible text of `element`.
    pub fn text(&self, element: &Element) -> String {
        self.get(&format!("/element/{}/text", element.0))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Presses `keys` together as one chord (e.g. `[CONTROL, "l"]`) and releases them,
    /// through WebDriver key actions: the keyboard, not a DOM event.
    pub fn press(&self, keys: &[&str]) {
        self.press_in_a_row(&[keys]);
    }

    /// Presses each chord in turn, in one sequence of key actions: as fast as someone who
    /// knows the shortcuts types them (e.g. Ctrl+L, then Enter at once).
    pub fn press_in_a_row(&self, chords: &[&[&str]]) {
        self.post("/actions", key_actions(chords));
    }

    /// Presses `keys` as [`Session::press`] does, for a chord that ends the app: the driver
    /// may lose the window before it has answered, which is not a failure here.
    pub fn press_to_quit(&self, keys: &[&str]) {
        let url = format!("{}/actions", self.url);
        let _ = try_call(&self.agent, "POST", &url, Some(key_actions(&[keys])));
    }

    /// The `id` of the element that has the keyboard focus.
    pub fn focused_id(&self) -> String {
        let active = self.get("/element/active");
        let element = Element(active[ELEMENT_KEY].as_str().unwrap_or_default().to_string());
        self.attribute(&element, "id").unwrap_or_default()
    }

    /// The current value of a form control (its live property, not the attribute).
    pub fn value(&self, element: &Element) -> String {
        self.get(&format!("/element/{}/property/value", element.0))
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// An attribute of `element`.
    pub fn attribute(&self, element: &Element, name: &str) -> Option<String> {
        self.get(&format!("/element/{}/attribute/{name}", element.0))
            .as_str()
            .map(str::to_string)
    }

    /// Saves a screenshot of the app's window as `target/e2e/<name>.png` and returns its
    /// path. It is taken from the X display (as a person would see it) with ImageMagick:
    /// WebKitWebDriver's own screenshot endpoint hangs under Xvfb.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let path = screenshot_dir().join(format!("{name}.png"));
        let window = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", "^Mentor Circle$"])
            .output()
            .ok()
            .and_then(|out| String::from_utf8(out.stdout).ok())
            .and_then(|ids| ids.lines().next().map(str::to_string))
            .unwrap_or_else(|| "root".to_string());
        let status = Command::new("import")
            .args(["-window", &window])
            .arg(&path)
            .status()
            .expect("ImageMagick's import runs (installed by scripts/test.sh)");
        assert!(status.success(), "screenshot of window {window} failed");
        path
    }

    /// Answers the app's native dialog titled `title` as a user would, from the keyboard:
    /// Return for its first button (the one that goes ahead), Escape for no. The dialog is
    /// GTK's, out of reach of the page and of WebDriver, so this goes through the X display
    /// (xdotool). Waits for the dialog to appear, and for it to close.
    pub fn answer_native_dialog(&self, title: &str, go_ahead: bool) {
        // xdotool matches names as a regular expression: the title is matched literally.
        let literal: String = title
            .chars()
            .flat_map(|c| {
                let special = "\\.?*+()[]{}^$|".contains(c);
                special.then_some('\\').into_iter().chain([c])
            })
            .collect();
        let find = || {
            Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", &format!("^{literal}$")])
                .output()
                .ok()
                .and_then(|out| String::from_utf8(out.stdout).ok())
                .and_then(|ids| ids.lines().next().map(str::to_string))
        };
        let deadline = Instant::now() + PATIENCE;
        let window = loop {
            if let Some(window) = find() {
                break window;
            }
            if Instant::now() > deadline {
                let windows = Command::new("sh")
                    .args([
                        "-c",
                        "for w in $(xdotool search --onlyvisible --name .); do xdotool getwindowname $w; done",
                    ])
                    .output()
                    .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
                    .unwrap_or_default();
                panic!("the native dialog “{title}” did not appear; the windows are: {windows:?}");
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        let key = if go_ahead { "Return" } else { "Escape" };
        let status = Command::new("xdotool")
            .args(["windowfocus", "--sync", &window, "key", key])
            .status()
            .expect("xdotool runs (installed by scripts/test.sh)");
        assert!(status.success(), "xdotool could not answer “{title}”");
        while find().is_some() {
            assert!(
                Instant::now() < deadline,
                "the native dialog “{title}” stayed open"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Quits the app by closing its session, and waits until the app has exited (it
    /// finishes writing as it closes, and a test must not race it).
    pub fn quit(mut self) {
        self.close();
        let deadline = Instant::now() + PATIENCE;
        while app_is_running() {
            assert!(
                Instant::now() < deadline,
                "the app did not exit after its session closed"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn close(&mut self) {
        if std::mem::take(&mut self.open) {
            let _ = self.agent.delete(&self.url).call();
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.close();
    }
}

/// WebDriver key actions for `chords`, one after another: each presses its keys down in
/// order and releases them in reverse.
fn key_actions(chords: &[&[&str]]) -> Value {
    let actions: Vec<Value> = chords
        .iter()
        .flat_map(|keys| {
            let down = keys
                .iter()
                .map(|key| json!({ "type": "keyDown", "value": key }));
            let up = keys
                .iter()
                .rev()
                .map(|key| json!({ "type": "keyUp", "value": key }));
            down.chain(up).collect::<Vec<_>>()
        })
        .collect();
    json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] })
}

/// Whether a process of the built app is running.
fn app_is_running() -> bool {
    !app_processes().is_empty()
}

/// Waits until no copy of the app runs (after something that quits it, done at `since`);
/// how long that took. Fails, naming `what`, if it still runs after [`PATIENCE`].
pub fn wait_for_app_exit(since: Instant, what: &str) -> Duration {
    while app_is_running() {
        assert!(
            since.elapsed() < PATIENCE,
            "the app did not exit after {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    since.elapsed()
}

/// The process ids of every running copy of the built app.
pub fn app_processes() -> Vec<u32> {
    let app = app_binary().canonicalize().unwrap_or_else(|_| app_binary());
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut pids: Vec<u32> = entries
        .flatten()
        .filter(|entry| std::fs::read_link(entry.path().join("exe")).is_ok_and(|exe| exe == app))
        .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
        .collect();
    pids.sort();
    pids
}

/// The user's local day, as the app computes it.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Seeds Ana Sousa, an adviser met every four weeks by video, with one catch-up today
/// whose note is `note`; her id.
pub fn add_ana_with_a_catch_up(store: &mut mentor_core::Store, note: &str) -> i64 {
    use mentor_core::model::{Agreement, CatchUpDraft, MentorDraft, Mode, Role};
    let agreement = Agreement::ongoing(28, 42, Mode::Video, today());
    let draft = MentorDraft::new("Ana Sousa", vec![Role::Adviser], agreement);
    let ana = store.add_mentor(&draft, today()).expect("Ana");
    let catch_up = CatchUpDraft {
        mentor_id: ana.id,
        date: today(),
        mode: Mode::Video,
        note: note.into(),
        discussed: Vec::new(),
        reported_back: Vec::new(),
    };
    store.log_catch_up(&catch_up, today()).expect("catch-up");
    ana.id
}

/// An XPath string literal for `text` (which may contain either kind of quote).
pub fn quote(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|part| format!("'{part}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// A string no one would type: proves where typed text does (and does not) end up.
pub fn canary() -> String {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("random");
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("canary{hex}")
}

/// Every file under `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    all_files(dir)
        .into_iter()
        .filter(|path| {
            std::fs::read(path)
                .is_ok_and(|bytes| bytes.windows(needle.len()).any(|window| window == needle))
        })
        .collect()
}

/// Every file under `dir` with its bytes, to show that something wrote nothing. The
/// folder lock is left out: it is held, not written.
pub fn folder_bytes(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    all_files(dir)
        .into_iter()
        .filter(|path| path.file_name().is_some_and(|name| name != "circle.lock"))
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap_or_default();
            (path.display().to_string(), bytes)
        })
        .collect()
}

/// Every file under `dir`, sorted.
pub fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&next) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}
