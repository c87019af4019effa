//! One Mentor Circle per session: a second launch shows the first one's window and exits.
//!
//! - Linux: the first instance owns a name on the session bus and answers "Show" calls,
//!   over libdbus, which the webview's toolkit loads anyway (Tauri's plugin does this over
//!   zbus, 0.6 MB of binary that nothing else here needs). It is claimed at the start of
//!   set-up ([`handed_over`]).
//! - macOS and Windows: Tauri's single-instance plugin (a named mutex and a window
//!   message on Windows, a socket on macOS), installed first of all plugins ([`install`]).

use tauri::{App, Builder, Wry};

/// Installs the plugin that hands a second launch over, where it is a plugin.
pub fn install(builder: Builder<Wry>) -> Builder<Wry> {
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
        crate::shell::show_window(app);
    }));
    builder
}

/// At the start of set-up: whether another instance runs and was asked to show its
/// window, so this one must exit.
pub fn handed_over(app: &App) -> bool {
    #[cfg(target_os = "linux")]
    {
        let handle = app.handle().clone();
        let claim = linux::claim(&app.config().identifier, move || {
            crate::shell::show_window(&handle)
        });
        matches!(claim, linux::Claim::HandedOver)
    }
    #[cfg(not(target_os = "linux"))]
    {
        // The plugin already ended a second launch before set-up.
        let _ = app;
        false
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::time::Duration;

    use dbus::blocking::Connection;
    use dbus::blocking::stdintf::org_freedesktop_dbus::RequestNameReply;
    use dbus::channel::{MatchingReceiver, Sender};
    use dbus::message::MatchRule;

    const PATH: &str = "/SingleInstance";
    const INTERFACE: &str = "org.mentorcircle.SingleInstance";
    const SHOW: &str = "Show";

    /// Whether this process is the one to run.
    pub enum Claim {
        First,
        /// Another instance runs and was asked to show its window.
        HandedOver,
    }

    /// Claims `identifier` on the session bus. The first instance answers later launches by
    /// calling `show`. Without a session bus there is nothing to share, and the app runs.
    pub fn claim(identifier: &str, show: impl Fn() + Send + 'static) -> Claim {
        let name = format!("{identifier}.SingleInstance");
        let Ok(conn) = Connection::new_session() else {
            return Claim::First;
        };
        match conn.request_name(name.as_str(), false, false, true) {
            Ok(RequestNameReply::PrimaryOwner) | Ok(RequestNameReply::AlreadyOwner) => {
                serve(conn, show);
                Claim::First
            }
            Ok(_) => {
                let asked = conn
                    .with_proxy(name.as_str(), PATH, Duration::from_secs(5))
                    .method_call::<(), _, _, _>(INTERFACE, SHOW, ());
                match asked {
                    Ok(()) => Claim::HandedOver,
                    // The owner is going away (quitting): run instead of leaving no window.
                    Err(_) => Claim::First,
                }
            }
            Err(_) => Claim::First,
        }
    }

    /// Answers "Show" calls on a thread of its own, asleep on the bus between them.
    fn serve(conn: Connection, show: impl Fn() + Send + 'static) {
        let spawned = std::thread::Builder::new()
            .name("single-instance".into())
            .spawn(move || {
                conn.start_receive(
                    MatchRule::new_method_call(),
                    Box::new(move |message, conn| {
                        if message.member().is_some_and(|member| &*member == SHOW) {
                            show();
                        }
                        let _ = conn.send(message.method_return());
                        true
                    }),
                );
                while conn.process(Duration::from_secs(3600)).is_ok() {}
            });
        if let Err(error) = spawned {
            eprintln!("mentor-circle: a second launch cannot reach this one: {error}");
        }
    }
}
