//! A stand-in for the desktop's notification service, for tests: it owns
//! `org.freedesktop.Notifications` on a D-Bus session bus, records every `Notify` call,
//! and can press a notification's action the way a user would. Plus a private bus with no
//! service files, so nothing else answers in its place.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use zbus::blocking::Connection;
use zbus::object_server::SignalEmitter;
use zbus::zvariant::OwnedValue;

const NAME: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";

/// One `Notify` call as the service received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notified {
    pub id: u32,
    pub app_name: String,
    pub summary: String,
    pub body: String,
    /// Alternating action keys and labels, as on the wire.
    pub actions: Vec<String>,
    pub hint_names: Vec<String>,
}

impl Notified {
    /// The action labels, in order.
    pub fn action_labels(&self) -> Vec<&str> {
        self.actions
            .chunks(2)
            .filter_map(|pair| pair.get(1).map(String::as_str))
            .collect()
    }
}

type Calls = Arc<Mutex<Vec<Notified>>>;

struct Service {
    calls: Calls,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Service {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &mut self,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        hints: HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut calls = self.calls.lock().unwrap_or_else(|p| p.into_inner());
        let id = calls.len() as u32 + 1;
        let mut hint_names: Vec<String> = hints.into_keys().collect();
        hint_names.sort();
        calls.push(Notified {
            id,
            app_name,
            summary,
            body,
            actions,
            hint_names,
        });
        id
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".into(), "body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "mentor-circle-test-recorder".into(),
            "mentor-circle".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    fn close_notification(&self, _id: u32) {}

    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;
}

/// The recording notification service, serving until dropped.
pub struct NotificationRecorder {
    connection: Connection,
    calls: Calls,
}

impl NotificationRecorder {
    /// Serves on the bus at `address`.
    pub fn start(address: &str) -> NotificationRecorder {
        let calls = Calls::default();
        let service = Service {
            calls: Arc::clone(&calls),
        };
        let connection = zbus::blocking::connection::Builder::address(address)
            .and_then(|builder| builder.name(NAME))
            .and_then(|builder| builder.serve_at(PATH, service))
            .and_then(|builder| builder.build())
            .expect("the recorder owns org.freedesktop.Notifications");
        NotificationRecorder { connection, calls }
    }

    /// Serves on this process's session bus (`DBUS_SESSION_BUS_ADDRESS`).
    pub fn on_session_bus() -> NotificationRecorder {
        let address = std::env::var("DBUS_SESSION_BUS_ADDRESS")
            .expect("a session bus (run the tests through scripts/test.sh)");
        NotificationRecorder::start(&address)
    }

    /// Every notification received so far.
    pub fn calls(&self) -> Vec<Notified> {
        self.calls.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Waits until at least `count` notifications arrived, or `patience` passed.
    pub fn wait_for(&self, count: usize, patience: Duration) -> Vec<Notified> {
        let deadline = Instant::now() + patience;
        loop {
            let calls = self.calls();
            if calls.len() >= count || Instant::now() >= deadline {
                return calls;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Presses the action `key` on notification `id`, as the user would.
    pub fn invoke_action(&self, id: u32, key: &str) {
        let service = self
            .connection
            .object_server()
            .interface::<_, Service>(PATH)
            .expect("the service is served");
        zbus::block_on(Service::action_invoked(service.signal_emitter(), id, key))
            .expect("the signal is sent");
    }
}

/// A private session bus with no service files, stopped when dropped.
pub struct PrivateBus {
    daemon: Child,
    address: String,
}

impl PrivateBus {
    pub fn start() -> PrivateBus {
        let config = crate::repo_root().join("scripts").join("session-bus.conf");
        let mut daemon = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("dbus-daemon starts (installed by scripts/test.sh)");
        let stdout = daemon.stdout.take().expect("piped stdout");
        let mut address = String::new();
        BufReader::new(stdout)
            .read_line(&mut address)
            .expect("dbus-daemon prints its address");
        PrivateBus {
            daemon,
            address: address.trim().to_string(),
        }
    }

    pub fn address(&self) -> &str {
        &self.address
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}
