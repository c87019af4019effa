//! Every command of the built app, called from the page with hostile arguments, the way a
//! script that turned hostile in the window would call them: the wrong type, out of
//! range, too long, control characters, right-to-left marks, a lone UTF-16 surrogate,
//! ids that do not exist, dates outside every range, a field missing.
//!
//! The commands come from `src-tauri/command_list.rs`, the list build.rs declares (and
//! `src-tauri/tests/command_list.rs` checks the handler and the capability against), so a
//! new command fails this test until it has a row in `ARGUMENTS` below. Each row is a set
//! of arguments that is refused for at least two reasons, so that changing any one value
//! still leaves a request that must be refused. Every answer must then be a refusal: by
//! Tauri, before the command runs (malformed arguments), or by the command, as an error
//! of the documented kinds with a sentence. A command that only reads may also answer (a
//! search for a right-to-left mark finds nothing). The data folder's bytes must be the
//! same after every command.

use std::collections::BTreeMap;

use chrono::Local;
use mentor_core::model::{Agreement, CatchUpDraft, MentorDraft, Mode, Role};
use mentor_e2e::{Driver, World, one_at_a_time};
use serde_json::{Value, json};

const COMMANDS: &[&str] = include!("../../src-tauri/command_list.rs");

/// The error kinds the UI knows (`ErrorKind`).
const KINDS: [&str; 5] = ["NotFound", "Invalid", "Locked", "Conflict", "Internal"];

/// Commands that take no arguments: there is nothing to get wrong. (`quit_app` ends the
/// app, cleanly: tests/tests/quit.rs shows it.)
const NO_ARGUMENTS: &[&str] = &[
    "quit_app",
    "app_status",
    "first_screen",
    "about",
    "retry_unlock",
    "lock_now",
    "unlock",
    "lock_after_idle",
    "security",
    "recovery_key",
    "backups",
    "suggested_folder",
    "locked_backups",
    "check_circle",
    "prospects",
    "circle",
    "home",
    "circle_health",
    "add_sample_circle",
    "remove_sample_circle",
    "nudge_settings",
    "nudge_history",
    "nudge_status",
    "dismiss_nudge_problem",
    "goals",
    "outreach",
    "journal_drafts",
];

/// Commands that only read: a well-typed odd value may be answered.
const READS: &[&str] = &[
    "preview_backup",
    "preview_backup_locked",
    "preview_import",
    "raised_from_entry",
    "brief",
    "journal_entries",
    "journal_entry",
    "search",
    "home_section",
    "mentor_page",
];

/// Values that are valid where they are tried, so not tried there: "no limit" for the
/// settings that take one.
const VALID: &[(&str, &str, &str)] = &[
    ("set_lock_after_idle", "/minutes", "null"),
    ("set_lock_after_idle", "/minutes", "missing"),
    ("set_outreach_cap", "/cap", "null"),
    ("set_outreach_cap", "/cap", "missing"),
];

const MISSING: i64 = 999_999;
const LONG: &str = "@long";
const LONE_SURROGATE: &str = "@lone-surrogate";

/// Arguments refused for at least two reasons each (see the module's comment).
fn arguments() -> BTreeMap<&'static str, Value> {
    let mentor_draft = json!({
        "name": "", "organisation": "", "roles": [], "sameCompany": false, "expertise": "",
        "howWeMet": "", "contact": {"email": "", "phone": "", "linkedin": ""},
        "status": "active",
        "checks": {
            "experience": {"met": false, "note": ""}, "values": {"met": false, "note": ""},
            "accountability": {"met": false, "note": ""}, "time": {"met": false, "note": ""}
        },
        "agreement": {
            "cadenceDays": 0, "maxGapDays": 0, "modes": [], "term": "ongoing",
            "startsOn": "2026-12-07", "reviewOn": null, "situation": "", "purposes": [],
            "ownPurpose": "", "confidentiality": ""
        }
    });
    let catch_up = json!({
        "mentorId": MISSING, "date": "2999-01-01", "mode": "video", "note": "",
        "discussed": [MISSING], "reportedBack": [MISSING]
    });
    let goal = json!({
        "title": "", "why": "", "targetOn": null, "mentorIds": [MISSING], "fromEntry": MISSING
    });
    let give = json!({
        "mentorId": MISSING, "kind": "thanks", "state": "done", "note": "", "on": "2999-01-01"
    });
    let content = json!({
        "body": "", "mood": 9, "energy": 9, "tags": [], "mentorIds": [MISSING]
    });
    let prospect = json!({
        "name": "", "organisation": "", "position": "", "email": "", "profileUrl": "",
        "connectedOn": null, "note": LONG, "source": null, "wants": "", "chemistry": "",
        "couldFill": [], "nextStep": "", "nextStepOn": null
    });
    let entry = json!({
        "id": MISSING, "writtenAt": "2026-12-07T09:00:00Z", "writtenOn": "2026-12-07",
        "updatedAt": "2026-12-07T09:00:00Z", "body": "", "mood": 9, "energy": 9, "tags": [],
        "mentorIds": [MISSING]
    });
    let nowhere = "/nonexistent-folder/nothing-here";
    BTreeMap::from([
        ("set_lock_after_idle", json!({"minutes": 0})),
        (
            "home_shown",
            json!({"marks": {"script": "x", "drawn": "x"}}),
        ),
        ("unlock_with_passphrase", json!({"passphrase": ""})),
        ("unlock_with_recovery_key", json!({"recoveryKey": ""})),
        ("create_with_passphrase", json!({"passphrase": ""})),
        ("confirm_recovery_key", json!({"typed": ""})),
        (
            "change_key",
            json!({"to": "nowhere", "passphrase": "", "current": ""}),
        ),
        ("back_up_now", json!({"path": nowhere})),
        (
            "preview_backup",
            json!({"path": nowhere, "recoveryKey": ""}),
        ),
        (
            "restore_backup",
            json!({"path": nowhere, "recoveryKey": ""}),
        ),
        (
            "preview_backup_locked",
            json!({"path": nowhere, "passphrase": "", "recoveryKey": ""}),
        ),
        (
            "restore_backup_locked",
            json!({"path": nowhere, "passphrase": "", "recoveryKey": ""}),
        ),
        (
            "export_circle",
            json!({"format": "nowhere", "path": nowhere, "includeJournal": true}),
        ),
        ("preview_import", json!({"path": nowhere})),
        (
            "import_prospects",
            json!({"prospects": [prospect.clone(), prospect.clone()]}),
        ),
        ("import_circle", json!({"path": nowhere})),
        (
            "home_section",
            json!({"section": "nowhere", "offset": 0, "limit": 10}),
        ),
        ("mentor_page", json!({"id": MISSING})),
        ("add_mentor", json!({"draft": mentor_draft.clone()})),
        (
            "update_mentor",
            json!({"id": MISSING, "draft": mentor_draft.clone()}),
        ),
        (
            "set_mentor_status",
            json!({"id": MISSING, "status": "nowhere"}),
        ),
        ("renew_agreement", json!({"id": MISSING})),
        ("log_catch_up", json!({"draft": catch_up.clone()})),
        ("update_catch_up", json!({"id": MISSING, "draft": catch_up})),
        ("remove_catch_up", json!({"id": MISSING})),
        (
            "set_nudge_settings",
            json!({"settings": {
                "pausedUntil": "1999-01-01",
                "quietHours": {"fromMinute": 5000, "untilMinute": 5000},
                "dailyCap": 0, "showNames": true
            }}),
        ),
        (
            "snooze_mentor",
            json!({"id": MISSING, "snooze": {"kind": "until", "until": "1999-01-01"}}),
        ),
        ("set_start_at_login", json!({"enabled": "nowhere"})),
        (
            "add_agenda_item",
            json!({"draft": {"mentorId": MISSING, "text": "", "fromEntry": MISSING}}),
        ),
        ("remove_agenda_item", json!({"id": MISSING})),
        (
            "restore_agenda_item",
            json!({"item": {
                "id": MISSING, "mentorId": MISSING, "text": "", "addedAt": "2026-12-07T09:00:00Z",
                "fromEntry": MISSING, "discussedOn": null
            }}),
        ),
        ("add_goal", json!({"draft": goal.clone()})),
        ("raised_from_entry", json!({"id": MISSING})),
        ("update_goal", json!({"id": MISSING, "draft": goal})),
        (
            "set_goal_status",
            json!({"id": MISSING, "status": "nowhere"}),
        ),
        ("add_goal_progress", json!({"id": MISSING, "note": ""})),
        (
            "add_advice",
            json!({"draft": {"mentorId": MISSING, "givenOn": "2999-01-01", "text": ""}}),
        ),
        (
            "update_advice",
            json!({"id": MISSING, "progress": {"status": "declined", "reason": "", "outcome": ""}}),
        ),
        ("remove_advice", json!({"id": MISSING})),
        (
            "restore_advice",
            json!({"advice": {
                "id": MISSING, "mentorId": MISSING, "givenOn": "2999-01-01", "text": "",
                "changedOn": "2999-01-01", "toReport": false, "reportedOn": null,
                "status": "declined", "reason": "", "outcome": ""
            }}),
        ),
        ("add_give", json!({"draft": give.clone()})),
        ("update_give", json!({"id": MISSING, "draft": give.clone()})),
        ("remove_give", json!({"id": MISSING})),
        (
            "restore_give",
            json!({"give": {
                "id": MISSING, "mentorId": MISSING, "kind": "thanks", "state": "done", "note": "",
                "on": "2999-01-01"
            }}),
        ),
        ("brief", json!({"id": MISSING})),
        (
            "set_co_mentoring",
            json!({"id": MISSING, "help": {"theyHelpWith": LONG, "iHelpWith": ""}}),
        ),
        ("add_prospect", json!({"draft": prospect.clone()})),
        ("update_prospect", json!({"id": MISSING, "draft": prospect})),
        ("move_prospect", json!({"id": MISSING, "stage": "nowhere"})),
        (
            "promote_prospect",
            json!({"id": MISSING, "draft": mentor_draft}),
        ),
        ("set_outreach_cap", json!({"cap": 0})),
        ("journal_entries", json!({"before": "nowhere"})),
        ("journal_entry", json!({"id": MISSING})),
        ("add_journal_entry", json!({"content": content.clone()})),
        (
            "update_journal_entry",
            json!({"id": MISSING, "content": content.clone()}),
        ),
        ("remove_journal_entry", json!({"id": MISSING})),
        (
            "restore_journal_entry",
            json!({"deleted": {
                "entry": entry, "raised": {"questions": [], "goals": []}
            }}),
        ),
        (
            "save_journal_draft",
            json!({"of": {"kind": "entry", "id": MISSING}, "content": content}),
        ),
        (
            "discard_journal_draft",
            json!({"of": {"kind": "entry", "id": MISSING}}),
        ),
        (
            "search",
            json!({"query": {"text": "", "tag": null, "mentorId": MISSING, "from": null, "to": null}}),
        ),
    ])
}

/// What each value in the arguments is replaced with, in turn.
fn hostile_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(-1),
        json!(0),
        json!(1.5),
        json!(4_294_967_296_i64),
        json!(9_007_199_254_740_993_i64),
        json!(1e300),
        json!(""),
        json!(LONG),
        json!("\u{0}\u{7}\u{1b}[31m\r\n"),
        json!("\u{202e}\u{200f}txt.exe\u{202c}"),
        json!(LONE_SURROGATE),
        json!("0000-00-00"),
        json!("+275760-09-13"),
        json!("-0001-12-31"),
        json!("2026-02-30T25:61:00Z"),
        json!([]),
        json!([null, -1, "x"]),
        json!({}),
        json!({"kind": "entry", "id": -1}),
    ]
}

/// Every way of changing one value of `arguments`: each leaf or object replaced by each
/// hostile value, and each field removed. Paths are JSON pointers.
fn variants(arguments: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let mut paths = Vec::new();
    collect_paths(arguments, String::new(), &mut paths);
    for path in paths {
        for value in hostile_values() {
            let mut changed = arguments.clone();
            let slot = changed.pointer_mut(&path).expect("a path that exists");
            if *slot == value {
                continue;
            }
            *slot = value.clone();
            out.push((format!("{path} = {}", short(&value)), changed));
        }
        if let Some((parent, key)) = path.rsplit_once('/') {
            let mut changed = arguments.clone();
            if let Some(Value::Object(object)) = changed.pointer_mut(parent) {
                object.remove(key);
                out.push((format!("{path} missing"), changed));
            }
        }
    }
    out
}

fn collect_paths(value: &Value, path: String, out: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            for (key, inner) in object {
                let inner_path = format!("{path}/{key}");
                out.push(inner_path.clone());
                collect_paths(inner, inner_path, out);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                let inner_path = format!("{path}/{index}");
                out.push(inner_path.clone());
                collect_paths(inner, inner_path, out);
            }
        }
        _ => {}
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

/// Calls `command` once per variant from the page and returns what each call answered:
/// `{ok}` or `{error}`.
const CALL_ALL: &str = r#"
const [command, calls] = JSON.parse(arguments[0]);
const LONG = 'Ab\u00e9\u4e2d '.repeat(60000);
const fix = (v) => {
  if (v === '@long') return LONG;
  if (v === '@lone-surrogate') return 'a\uD800b';
  if (Array.isArray(v)) return v.map(fix);
  if (v && typeof v === 'object') { const o = {}; for (const k in v) o[k] = fix(v[k]); return o; }
  return v;
};
const invoke = window.__TAURI_INTERNALS__.invoke;
(async () => {
  const answers = [];
  for (const args of calls) {
    try { answers.push({ ok: await invoke(command, fix(args)) ?? null }); }
    catch (e) { answers.push({ error: e }); }
  }
  return answers;
})().then(done, (e) => done([{ error: 'the script failed: ' + e }]));
"#;

/// Why `answer` is not an acceptable refusal, if it is not.
fn not_a_refusal(answer: &Value, may_answer: bool) -> Option<String> {
    if let Some(error) = answer.get("error") {
        if let Some(text) = error.as_str() {
            // Tauri refuses malformed arguments before the command runs, and a request
            // that is not JSON (a lone surrogate cannot be encoded) before it is routed.
            let by_tauri = text.starts_with("invalid args") || text.contains(" at line 1 column ");
            return (!by_tauri).then(|| format!("refused with {text:?}"));
        }
        let kind = error["kind"].as_str().unwrap_or_default();
        let message = error["message"].as_str().unwrap_or_default();
        if !KINDS.contains(&kind) {
            return Some(format!("an error of no documented kind: {error}"));
        }
        let sentence = message.chars().count() > 15
            && (message.ends_with('.') || message.ends_with('?') || message.ends_with(')'))
            && !message.chars().any(char::is_control);
        return (!sentence).then(|| format!("{kind} without a sentence: {message:?}"));
    }
    (!may_answer).then(|| format!("accepted: {}", short(&answer["ok"])))
}

#[test]
fn every_command_refuses_hostile_arguments_and_changes_nothing() {
    let _turn = one_at_a_time();
    let world = World::new();
    let today = Local::now().date_naive();
    world.seed(|store| {
        // One mentor, caught up with today: nothing is due, so no nudge writes anything.
        let agreement = Agreement::ongoing(28, 42, Mode::Video, today);
        let draft = MentorDraft::new("Ana Sousa", vec![Role::Adviser], agreement);
        let ana = store.add_mentor(&draft, today).expect("Ana");
        let catch_up = CatchUpDraft {
            mentor_id: ana.id,
            date: today,
            mode: Mode::Video,
            note: "Talked about the move.".into(),
            discussed: Vec::new(),
            reported_back: Vec::new(),
        };
        store.log_catch_up(&catch_up, today).expect("catch-up");
    });
    let driver = Driver::start(&world);
    let app = driver.launch();
    app.wait_for(
        "//main//button[normalize-space()='Ana Sousa']",
        "the circle",
    );
    // Start-up's own writes (the daily backup, the first nudge pass) are done by now.
    std::thread::sleep(std::time::Duration::from_secs(3));

    let table = arguments();
    let listed: Vec<&str> = COMMANDS.to_vec();
    let unknown: Vec<_> = listed
        .iter()
        .filter(|name| !table.contains_key(**name) && !NO_ARGUMENTS.contains(name))
        .collect();
    assert!(
        unknown.is_empty(),
        "commands without a row in ARGUMENTS: {unknown:?}"
    );
    let stale: Vec<_> = table.keys().filter(|name| !listed.contains(name)).collect();
    assert!(
        stale.is_empty(),
        "rows for commands that do not exist: {stale:?}"
    );

    let mut before = mentor_e2e::folder_bytes(&world.data_dir());
    let (mut calls, mut by_tauri, mut by_command, mut answered) = (0, 0, 0, 0);
    let mut findings = Vec::new();
    for (command, arguments) in &table {
        if NO_ARGUMENTS.contains(command) {
            continue;
        }
        let variants: Vec<_> = variants(arguments)
            .into_iter()
            .filter(|(what, _)| {
                !VALID.iter().any(|(name, path, value)| {
                    name == command
                        && (*what == format!("{path} = {value}")
                            || *what == format!("{path} {value}"))
                })
            })
            .collect();
        let payload = json!([
            command,
            variants.iter().map(|(_, args)| args).collect::<Vec<_>>()
        ]);
        let literal = serde_json::to_string(&payload.to_string()).expect("JSON");
        let answers = app.script_async(&CALL_ALL.replace("arguments[0]", &literal));
        let answers = answers.as_array().cloned().unwrap_or_default();
        assert_eq!(answers.len(), variants.len(), "{command}: {answers:?}");
        for ((what, _), answer) in variants.iter().zip(&answers) {
            calls += 1;
            match answer.get("error") {
                Some(Value::String(_)) => by_tauri += 1,
                Some(_) => by_command += 1,
                None => answered += 1,
            }
            if let Some(problem) = not_a_refusal(answer, READS.contains(command)) {
                findings.push(format!("{command} with {what}: {problem}"));
            }
        }
        let after = mentor_e2e::folder_bytes(&world.data_dir());
        if after != before {
            findings.push(format!("{command} changed the data folder"));
            before = after;
        }
    }
    println!(
        "command matrix: {} commands listed, {} with arguments; {calls} calls: {by_tauri} \
         refused by Tauri (malformed), {by_command} by the command, {answered} answered \
         (reads); {} findings",
        listed.len(),
        table.len(),
        findings.len()
    );
    assert!(
        findings.is_empty(),
        "{} findings:\n{}",
        findings.len(),
        findings.join("\n")
    );
    app.quit();
}
