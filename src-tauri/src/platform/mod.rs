//! Everything that differs between Linux, macOS and Windows, one module per concern,
//! with each platform's way side by side. The rest of the shell calls these and has no
//! `cfg(target_os)` of its own.
//!
//! | concern | Linux | macOS | Windows |
//! |---|---|---|---|
//! | [`keyring`]: where the database key lives | Secret Service, over libdbus | Keychain | Credential Manager |
//! | [`notifier`]: how a nudge is shown | `org.freedesktop.Notifications`, with action buttons | Notification Center | a toast under the installer's AppUserModelID |
//! | [`single_instance`]: a second launch shows the first | a name on the session bus | Tauri's plugin | Tauri's plugin |
//! | [`tray`]: whether closing the window may leave the app in the tray | when a StatusNotifierWatcher runs (not on stock GNOME) | always (the menu bar) | always (the notification area) |
//! | [`data_folder`]: where the circle lives, and who may read it | `~/.local/share/<id>`, mode 0700 | `~/Library/Application Support/<id>`, mode 0700 | `%LOCALAPPDATA%\<id>`, the profile's owner-only ACL |
//!
//! Starting at login is Tauri's autostart plugin on all three (an XDG autostart entry,
//! a LaunchAgent, a `Run` registry value).

pub mod data_folder;
pub mod keyring;
pub mod notifier;
pub mod single_instance;
pub mod tray;
