//! The one list of commands (`command_list.rs`, which build.rs declares to Tauri) agrees
//! with the handler that runs them, the capability that lets the window call them and
//! the UI that calls them (`ui/src/api.ts` calls every one, and no other). build.rs reads the
//! same file, so it cannot differ. A command added to one place and not the others fails
//! here, before the app is even launched.

use std::collections::BTreeSet;
use std::path::Path;

const COMMANDS: &[&str] = include!("../command_list.rs");

fn source(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src-tauri")
        .join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is readable", path.display()))
}

fn listed() -> BTreeSet<String> {
    let listed: BTreeSet<String> = COMMANDS.iter().map(|name| name.to_string()).collect();
    assert_eq!(listed.len(), COMMANDS.len(), "a command is listed twice");
    listed
}

#[test]
fn the_handler_runs_exactly_the_listed_commands() {
    let handler = source("src/commands/mod.rs");
    let start = handler.find("generate_handler![").expect("the handler");
    let end = start + handler[start..].find(']').expect("the handler's end");
    let handled: BTreeSet<String> = handler[start + "generate_handler![".len()..end]
        .split(',')
        .map(|path| path.trim())
        .filter(|path| !path.is_empty())
        .map(|path| path.rsplit("::").next().expect("a name").to_string())
        .collect();
    assert_eq!(
        handled,
        listed(),
        "commands::handler() and command_list.rs differ"
    );
}

#[test]
fn the_window_may_call_exactly_the_listed_commands() {
    let capability: serde_json::Value =
        serde_json::from_str(&source("capabilities/default.json")).expect("JSON");
    let allowed: BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("a permission list")
        .iter()
        .filter_map(|permission| permission.as_str())
        .filter_map(|permission| permission.strip_prefix("allow-"))
        .map(|command| command.replace('-', "_"))
        .collect();
    assert_eq!(
        allowed,
        listed(),
        "capabilities/default.json and command_list.rs differ"
    );
    let others: Vec<&str> = capability["permissions"]
        .as_array()
        .expect("a permission list")
        .iter()
        .filter_map(|permission| permission.as_str())
        .filter(|permission| !permission.starts_with("allow-"))
        .collect();
    assert_eq!(
        others,
        [
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "core:window:allow-close"
        ],
        "the window got a core permission it did not have"
    );
}

#[test]
fn the_ui_calls_exactly_the_listed_commands() {
    let api = source("../ui/src/api.ts");
    let listed = listed();
    let mut called = BTreeSet::new();
    for (index, _) in api.match_indices("call<") {
        let rest = &api[index..];
        let Some(open) = rest.find("('") else {
            continue;
        };
        let name = &rest[open + 2..];
        let name = &name[..name.find('\'').expect("a quoted name")];
        called.insert(name.to_string());
    }
    let unknown: Vec<_> = called.difference(&listed).collect();
    assert!(
        unknown.is_empty(),
        "the UI calls commands that are not listed: {unknown:?}"
    );
    let unused: Vec<_> = listed.difference(&called).collect();
    assert!(
        unused.is_empty(),
        "commands no UI code calls (remove them, or call them from api.ts): {unused:?}"
    );
}
