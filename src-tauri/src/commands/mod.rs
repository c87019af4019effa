//! The UI's commands, one module per part of the circle. Each is a few lines: take the
//! state, call the core, hand back the result or a `{ kind, message }` error.
//!
//! They are `async` so Tauri runs them off the main thread: the window never freezes
//! while the database or the keyring works.

/// What a command hands back: its result, or an error the UI can show.
type Reply<T> = Result<T, mentor_core::ErrorPayload>;

mod advice;
mod agenda;
mod app;
mod backups;
mod brief;
mod catch_ups;
mod contacts;
mod gives;
mod goals;
mod journal;
mod mentors;
mod nudges;
mod prospects;
mod security;
mod today;
mod transfer;

/// The handler for every command; the list must match `command_list.rs` (a test checks).
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app::app_status,
        app::first_screen,
        app::about,
        app::retry_unlock,
        app::lock_now,
        app::unlock,
        app::lock_after_idle,
        app::set_lock_after_idle,
        app::home_shown,
        app::quit_app,
        security::unlock_with_passphrase,
        security::unlock_with_recovery_key,
        security::create_with_passphrase,
        security::security,
        security::recovery_key,
        security::confirm_recovery_key,
        security::change_key,
        backups::backups,
        backups::back_up_now,
        backups::preview_backup,
        backups::restore_backup,
        backups::suggested_folder,
        backups::locked_backups,
        backups::preview_backup_locked,
        backups::restore_backup_locked,
        backups::check_circle,
        transfer::export_circle,
        contacts::preview_import,
        contacts::import_prospects,
        transfer::import_circle,
        prospects::prospects,
        agenda::add_agenda_item,
        agenda::remove_agenda_item,
        agenda::restore_agenda_item,
        goals::add_goal,
        goals::goals,
        journal::raised_from_entry,
        goals::update_goal,
        goals::set_goal_status,
        goals::add_goal_progress,
        advice::add_advice,
        advice::update_advice,
        advice::remove_advice,
        advice::restore_advice,
        gives::add_give,
        gives::update_give,
        gives::remove_give,
        gives::restore_give,
        brief::brief,
        brief::set_co_mentoring,
        prospects::add_prospect,
        prospects::update_prospect,
        prospects::move_prospect,
        prospects::promote_prospect,
        prospects::outreach,
        prospects::set_outreach_cap,
        mentors::circle,
        today::home,
        today::home_section,
        mentors::circle_health,
        mentors::mentor_page,
        mentors::add_mentor,
        mentors::update_mentor,
        mentors::set_mentor_status,
        mentors::renew_agreement,
        mentors::add_sample_circle,
        mentors::remove_sample_circle,
        catch_ups::log_catch_up,
        catch_ups::update_catch_up,
        catch_ups::remove_catch_up,
        nudges::nudge_settings,
        nudges::set_nudge_settings,
        nudges::snooze_mentor,
        nudges::nudge_history,
        nudges::nudge_status,
        nudges::dismiss_nudge_problem,
        nudges::set_start_at_login,
        journal::journal_entries,
        journal::journal_entry,
        journal::add_journal_entry,
        journal::update_journal_entry,
        journal::remove_journal_entry,
        journal::restore_journal_entry,
        journal::save_journal_draft,
        journal::journal_drafts,
        journal::discard_journal_draft,
        journal::search,
    ]
}
