//! Confirmations the page cannot give. Before the window is handed the recovery key, or
//! the circle is written out in plaintext, or its key is moved behind a passphrase in
//! keyring mode (where no secret is there to ask for), the user says yes in a native
//! dialog. A script that turned hostile in the page can call the command, but cannot
//! answer the dialog, and the user sees a question they did not ask for.

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

/// A question for the user: what is about to happen, and the word for going ahead.
pub struct Ask<'a> {
    pub title: &'a str,
    pub message: String,
    pub yes: &'a str,
}

/// Whether the user chose `ask.yes`. Blocks the command's thread (never the main one)
/// until the dialog is answered; closing it is a no.
pub fn user_says_yes(app: &AppHandle, ask: Ask<'_>) -> bool {
    let mut dialog = app
        .dialog()
        .message(ask.message)
        .title(ask.title)
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom(
            ask.yes.to_string(),
            "Cancel".to_string(),
        ));
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.parent(&window);
    }
    dialog.blocking_show()
}

/// The answer to a command the user declined: nothing was done.
pub fn declined(what: &str) -> mentor_core::ErrorPayload {
    mentor_core::ErrorPayload::from(&mentor_core::Error::Conflict(format!(
        "You chose Cancel, so {what}."
    )))
}
