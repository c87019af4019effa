//! Starting the app or the bare window as a user's desktop would, and noticing the line
//! each prints on stdout once its first screen is shown and usable.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::process;

/// Asks the app and the bare window to print their ready line.
const REPORT_READY_ENV: &str = "MENTOR_CIRCLE_REPORT_READY";

/// Which of the two programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    App,
    Bare,
}

impl Program {
    pub fn name(self) -> &'static str {
        match self {
            Program::App => "app",
            Program::Bare => "bare window",
        }
    }

    /// What it prints once its first screen is shown and usable.
    fn ready_line(self) -> &'static str {
        match self {
            Program::App => "mentor-circle: home screen interactive",
            Program::Bare => "ready",
        }
    }
}

/// A program to launch: its binary, and the environment of its world (data folder, XDG
/// folders) so that it reads only its own data.
pub struct Subject {
    pub program: Program,
    pub binary: PathBuf,
    pub env: Vec<(String, PathBuf)>,
    /// Its stderr, appended across launches, shown when something goes wrong.
    pub log: PathBuf,
}

/// A launched program.
pub struct Running {
    pub program: Program,
    child: Child,
    started: Instant,
    ready: Receiver<Instant>,
    /// Its other lines on stdout (the app says where its start-up time went).
    said: Receiver<String>,
    log: PathBuf,
    stopped: bool,
}

/// Starts `subject` with `args`. It stays in the benchmark's process group, so that
/// Ctrl-C in a terminal stops it (and its WebKit processes) with the benchmark.
pub fn launch(subject: &Subject, args: &[&str]) -> Result<Running, String> {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&subject.log)
        .map_err(|error| format!("cannot open {}: {error}", subject.log.display()))?;
    let mut command = Command::new(&subject.binary);
    command
        .args(args)
        .envs(subject.env.iter().map(|(name, value)| (name, value)))
        .env(REPORT_READY_ENV, "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(log);
    let started = Instant::now();
    let mut child = command.spawn().map_err(|error| {
        format!(
            "the {} ({}) did not start: {error}",
            subject.program.name(),
            subject.binary.display()
        )
    })?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| format!("no stdout from the {}", subject.program.name()))?;
    let (tell, ready) = mpsc::channel();
    let (repeat, said) = mpsc::channel();
    let line = subject.program.ready_line();
    // Reads to the end, so the program never blocks on a full pipe.
    std::thread::spawn(move || {
        for text in BufReader::new(stdout).lines() {
            let Ok(text) = text else { break };
            if text == line {
                let _ = tell.send(Instant::now());
            } else {
                let _ = repeat.send(text);
            }
        }
    });
    Ok(Running {
        program: subject.program,
        child,
        started,
        ready,
        said,
        log: subject.log.clone(),
        stopped: false,
    })
}

impl Running {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// What it printed on stdout so far besides its ready line.
    pub fn said(&self) -> Vec<String> {
        self.said.try_iter().collect()
    }

    /// Time from spawn to the ready line; an error if the program exits first or says
    /// nothing within `timeout`.
    pub fn wait_ready(&mut self, timeout: Duration) -> Result<Duration, String> {
        let deadline = self.started + timeout;
        loop {
            match self.ready.recv_timeout(Duration::from_millis(20)) {
                Ok(at) => return Ok(at.duration_since(self.started)),
                Err(RecvTimeoutError::Timeout) => {}
                // Its stdout closed: it is exiting; the check below says how.
                Err(RecvTimeoutError::Disconnected) => {
                    std::thread::sleep(Duration::from_millis(20))
                }
            }
            self.check_alive()?;
            if Instant::now() > deadline {
                return Err(format!(
                    "the {} printed no ready line within {} s of its launch{}",
                    self.program.name(),
                    timeout.as_secs(),
                    self.log_tail()
                ));
            }
        }
    }

    /// An error if the program has exited.
    pub fn check_alive(&mut self) -> Result<(), String> {
        match self.child.try_wait() {
            Ok(None) => Ok(()),
            Ok(Some(status)) => Err(format!(
                "the {} exited unexpectedly ({status}){}",
                self.program.name(),
                self.log_tail()
            )),
            Err(error) => Err(format!(
                "cannot tell whether the {} runs: {error}",
                self.program.name()
            )),
        }
    }

    /// Stops it and every process it started, and waits until they are gone.
    pub fn stop(mut self) -> Result<(), String> {
        self.stopped = true;
        process::stop_tree(&mut self.child)
            .map_err(|error| format!("stopping the {}: {error}", self.program.name()))
    }

    /// The end of its stderr, to show with an error.
    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = lines[lines.len().saturating_sub(20)..].join("\n");
        if tail.is_empty() {
            String::new()
        } else {
            format!("; its stderr ends with:\n{tail}")
        }
    }
}

impl Drop for Running {
    /// On an early return, nothing is left running behind the benchmark.
    fn drop(&mut self) {
        if !self.stopped {
            let _ = process::stop_tree(&mut self.child);
        }
    }
}
