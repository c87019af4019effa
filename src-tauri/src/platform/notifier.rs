//! Notifications through the desktop's own service (notify-rust): D-Bus
//! `org.freedesktop.Notifications` on Linux, the Notification Center on macOS, toasts on
//! Windows. Only the planner's title and body are sent; they never hold notes.

use std::sync::Arc;

use mentor_core::nudges::{Nudge, NudgeId};

#[cfg(all(unix, not(target_os = "macos")))]
use crate::nudges::NudgeAction;
use crate::nudges::{ActedOn, Notifier};

/// The app's name as the notification service shows it.
const APP_NAME: &str = "Mentor Circle";

/// Called (on a background thread) when the user acts on a notification.
pub type ActionHandler = Arc<dyn Fn(ActedOn) + Send + Sync>;

/// The desktop's notification service.
pub struct DesktopNotifier {
    #[cfg_attr(not(all(unix, not(target_os = "macos"))), allow(dead_code))]
    on_action: ActionHandler,
    #[cfg_attr(not(target_os = "windows"), allow(dead_code))]
    identifier: String,
}

impl DesktopNotifier {
    /// `identifier` is the bundle identifier (macOS) and AppUserModelID (Windows) the
    /// installer registers; Linux needs neither.
    pub fn new(identifier: &str, on_action: ActionHandler) -> DesktopNotifier {
        #[cfg(target_os = "macos")]
        if let Err(error) = notify_rust::set_application(identifier) {
            eprintln!("mentor-circle: notifications may show another app's name: {error}");
        }
        DesktopNotifier {
            on_action,
            identifier: identifier.to_string(),
        }
    }
}

impl Notifier for DesktopNotifier {
    fn show(&self, nudge: &Nudge, id: NudgeId) -> Result<(), String> {
        let mut notification = notify_rust::Notification::new();
        notification
            .appname(APP_NAME)
            .summary(&nudge.title)
            .body(&nudge.body);

        #[cfg(all(unix, not(target_os = "macos")))]
        {
            for (key, label) in NudgeAction::BUTTONS {
                notification.action(key, label);
            }
            notification.hint(notify_rust::Hint::DesktopEntry("mentor-circle".into()));
            let on_action = Arc::clone(&self.on_action);
            let mentors = nudge.mentor_ids.clone();
            // The service answers when the user clicks, picks an action or the
            // notification closes; wait for that off the loop's thread. The libdbus
            // connection that shows it must wait on the same thread, so the thread
            // shows it and tells this one whether that worked.
            let (shown, was_shown) = std::sync::mpsc::sync_channel(1);
            let waiting = std::thread::Builder::new()
                .name("nudge-action".into())
                .spawn(move || {
                    let handle = match notification.show() {
                        Ok(handle) => {
                            let _ = shown.send(Ok(()));
                            handle
                        }
                        Err(error) => {
                            // The debug form keeps the D-Bus error's name (such as
                            // `ServiceUnknown`), which says what went wrong; the plain
                            // form has only its message.
                            let _ = shown.send(Err(format!("{error:?}")));
                            return;
                        }
                    };
                    handle.wait_for_action(|key| {
                        if let Some(action) = NudgeAction::from_key(key) {
                            on_action(ActedOn {
                                nudge: id,
                                mentors,
                                action,
                            });
                        }
                    });
                });
            if let Err(error) = waiting {
                return Err(format!("no thread to show the notification on: {error}"));
            }
            was_shown
                .recv()
                .unwrap_or_else(|_| Err("the notification's thread ended".to_string()))
        }

        #[cfg(target_os = "windows")]
        {
            let _ = id;
            notification.app_id(&self.identifier);
            notification
                .show()
                .map(drop)
                .map_err(|error| error.to_string())
        }

        #[cfg(target_os = "macos")]
        {
            let _ = id;
            notification
                .show()
                .map(drop)
                .map_err(|error| error.to_string())
        }
    }
}
