//! A stand-in for the desktop's tray, for tests: it owns `org.kde.StatusNotifierWatcher`
//! on the session bus, as KDE, XFCE or GNOME's AppIndicator extension do, so the app's
//! tray icon (a StatusNotifierItem, over libayatana-appindicator) registers with it. It
//! can then open the icon's menu and pick an item the way a panel does, over the item's
//! exported menu (`com.canonical.dbusmenu`). Without it the session has no tray, as on
//! stock GNOME.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use zbus::blocking::{Connection, Proxy};
use zbus::message::Header;
use zbus::object_server::SignalEmitter;
use zbus::zvariant::{OwnedObjectPath, OwnedValue, Value};

const NAME: &str = "org.kde.StatusNotifierWatcher";
const PATH: &str = "/StatusNotifierWatcher";

/// A registered tray icon: the bus name that serves it and its object path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrayItem {
    pub bus: String,
    pub path: String,
}

type Items = Arc<Mutex<Vec<TrayItem>>>;

struct Watcher {
    items: Items,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    /// `service` is a bus name, or (as libappindicator sends) the item's object path on
    /// the caller's own connection.
    async fn register_status_notifier_item(
        &self,
        service: &str,
        #[zbus(header)] header: Header<'_>,
        #[zbus(signal_emitter)] emitter: SignalEmitter<'_>,
    ) {
        let sender = header
            .sender()
            .map(|sender| sender.to_string())
            .unwrap_or_default();
        let item = if service.starts_with('/') {
            TrayItem {
                bus: sender,
                path: service.to_string(),
            }
        } else {
            TrayItem {
                bus: service.to_string(),
                path: "/StatusNotifierItem".to_string(),
            }
        };
        let announced = format!("{}{}", item.bus, item.path);
        self.items
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(item);
        let _ = Self::status_notifier_item_registered(&emitter, &announced).await;
    }

    fn register_status_notifier_host(&self, _service: &str) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .iter()
            .map(|item| format!("{}{}", item.bus, item.path))
            .collect()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }

    #[zbus(signal)]
    async fn status_notifier_item_registered(
        emitter: &SignalEmitter<'_>,
        service: &str,
    ) -> zbus::Result<()>;

    #[zbus(signal)]
    async fn status_notifier_host_registered(emitter: &SignalEmitter<'_>) -> zbus::Result<()>;
}

/// The tray, shown until dropped.
pub struct TrayHost {
    connection: Connection,
    items: Items,
}

impl TrayHost {
    /// Serves on this process's session bus (`DBUS_SESSION_BUS_ADDRESS`).
    pub fn on_session_bus() -> TrayHost {
        let items = Items::default();
        let watcher = Watcher {
            items: Arc::clone(&items),
        };
        let connection = zbus::blocking::connection::Builder::session()
            .and_then(|builder| builder.name(NAME))
            .and_then(|builder| builder.serve_at(PATH, watcher))
            .and_then(|builder| builder.build())
            .expect("the tray owns org.kde.StatusNotifierWatcher");
        TrayHost { connection, items }
    }

    /// The first icon to register, waiting for it up to `patience`.
    pub fn wait_for_item(&self, patience: Duration) -> TrayItem {
        let deadline = Instant::now() + patience;
        loop {
            let items = self
                .items
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .clone();
            if let Some(item) = items.into_iter().next() {
                return item;
            }
            assert!(Instant::now() < deadline, "no tray icon registered");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The labels of the icon's menu, in order (separators left out).
    pub fn menu_labels(&self, item: &TrayItem) -> Vec<String> {
        self.menu(item)
            .into_iter()
            .map(|(_, label)| label)
            .collect()
    }

    /// Picks the menu item labelled `label`, as a click in the panel's menu does. The
    /// icon may register a moment before its menu is served: asked again until it is.
    pub fn click(&self, item: &TrayItem, label: &str) {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let id = self
                .menu(item)
                .into_iter()
                .find(|(_, shown)| shown == label)
                .map(|(id, _)| id)
                .unwrap_or_else(|| panic!("no “{label}” in the tray menu"));
            let timestamp = 0u32;
            let clicked: zbus::Result<()> = self
                .menu_proxy(item)
                .call("Event", &(id, "clicked", Value::from(0i32), timestamp));
            match clicked {
                Ok(()) => return,
                Err(error) if Instant::now() > deadline => {
                    panic!("the tray's menu did not take the click: {error}")
                }
                Err(_) => std::thread::sleep(Duration::from_millis(100)),
            }
        }
    }

    fn menu_proxy(&self, item: &TrayItem) -> Proxy<'static> {
        let icon = Proxy::new(
            &self.connection,
            item.bus.clone(),
            item.path.clone(),
            "org.kde.StatusNotifierItem",
        )
        .expect("the tray icon");
        let menu: OwnedObjectPath = icon.get_property("Menu").expect("the icon has a menu");
        Proxy::new(
            &self.connection,
            item.bus.clone(),
            menu,
            "com.canonical.dbusmenu",
        )
        .expect("the icon's menu")
    }

    /// The menu's items with a label, as (id, label), the mnemonic's underscore removed.
    fn menu(&self, item: &TrayItem) -> Vec<(i32, String)> {
        type Node = (i32, HashMap<String, OwnedValue>, Vec<OwnedValue>);
        let menu = self.menu_proxy(item);
        let (_revision, root): (u32, Node) = menu
            .call("GetLayout", &(0i32, -1i32, Vec::<String>::new()))
            .expect("the menu's layout");
        let mut found = Vec::new();
        let mut pending = vec![root];
        while let Some((id, properties, children)) = pending.pop() {
            if let Some(label) = properties.get("label")
                && let Ok(label) = <&str>::try_from(&**label)
            {
                found.push((id, label.replace('_', "")));
            }
            for child in children.into_iter().rev() {
                if let Ok(node) = Node::try_from(child) {
                    pending.push(node);
                }
            }
        }
        found
    }
}
