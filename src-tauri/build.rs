//! Builds the Tauri context from the root `tauri.conf.json` and declares the app's
//! commands, so that `capabilities/` decides which of them the window may call.

/// Every command the UI may invoke; keep in step with `commands::handler()`.
const COMMANDS: &[&str] = &[
    "app_status",
    "retry_unlock",
    "lock_now",
    "unlock",
    "lock_after_idle",
    "set_lock_after_idle",
    "unlock_with_passphrase",
    "unlock_with_recovery_key",
    "create_with_passphrase",
    "security",
    "recovery_key",
    "confirm_recovery_key",
    "change_key",
    "backups",
    "back_up_now",
    "preview_backup",
    "restore_backup",
    "suggested_folder",
    "export_circle",
    "preview_import",
    "import_prospects",
    "import_circle",
    "prospects",
    "circle",
    "circle_health",
    "mentor_page",
    "add_mentor",
    "update_mentor",
    "set_mentor_status",
    "renew_agreement",
    "add_sample_circle",
    "remove_sample_circle",
    "log_catch_up",
    "update_catch_up",
    "delete_catch_up",
    "nudge_settings",
    "set_nudge_settings",
    "snooze_mentor",
    "nudge_history",
    "nudge_status",
    "dismiss_nudge_problem",
    "set_start_at_login",
    "add_agenda_item",
    "remove_agenda_item",
    "restore_agenda_item",
    "add_goal",
    "goals",
    "raised_from_entry",
    "journal_entries",
    "journal_entry",
    "add_journal_entry",
    "update_journal_entry",
    "delete_journal_entry",
    "restore_journal_entry",
    "save_journal_draft",
    "journal_drafts",
    "discard_journal_draft",
    "search",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {error:#}");
    }
}
