//! Whether the desktop shows tray icons, so that closing the window may leave the app
//! running there. Where it cannot, closing the window quits: an app with no window and no
//! icon could not be found again, nor quit.
//!
//! - Linux: tray icons are StatusNotifierItems, shown by whoever owns
//!   `org.kde.StatusNotifierWatcher` on the session bus (KDE, Cinnamon, XFCE, MATE,
//!   Budgie, GNOME with the AppIndicator extension). Stock GNOME has none. Asked each time
//!   the window closes, since the user may turn the extension on or off meanwhile.
//! - macOS (the menu bar) and Windows (the notification area) always have one.

/// Whether a tray icon would be seen now.
pub fn has_tray() -> bool {
    #[cfg(target_os = "linux")]
    {
        linux::watcher_running()
    }
    #[cfg(not(target_os = "linux"))]
    {
        true
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::time::Duration;

    use dbus::blocking::Connection;

    const WATCHER: &str = "org.kde.StatusNotifierWatcher";

    /// Whether the StatusNotifierWatcher has an owner. No session bus: no tray either.
    pub fn watcher_running() -> bool {
        let Ok(conn) = Connection::new_session() else {
            return false;
        };
        let owned: Result<(bool,), _> = conn
            .with_proxy(
                "org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                Duration::from_secs(1),
            )
            .method_call("org.freedesktop.DBus", "NameHasOwner", (WATCHER,));
        owned.is_ok_and(|(owned,)| owned)
    }
}
