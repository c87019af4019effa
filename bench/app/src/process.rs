//! What a launched program costs, read from /proc: its process tree (the program and
//! every process it started, WebKit's web and network processes among them), their
//! memory and CPU time; and stopping the whole tree, so one run never overlaps the next.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// One line of /proc/PID/stat, the fields the benchmark reads.
struct Stat {
    pid: u32,
    /// The kernel's short name (`comm`, at most 15 bytes), e.g. `WebKitWebProces`.
    name: String,
    parent: u32,
    /// `Z` (zombie) and `X` (dead) processes are gone for every purpose here.
    state: char,
    /// utime + stime + cutime + cstime, in clock ticks.
    ticks: u64,
}

impl Stat {
    fn read(pid: u32) -> Option<Stat> {
        let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // The name (field 2) may hold spaces and parentheses: split after the last ')'.
        let close = text.rfind(')')?;
        let name = text[text.find('(')? + 1..close].to_string();
        let after_name = &text[close + 1..];
        let fields: Vec<&str> = after_name.split_whitespace().collect();
        let number = |index: usize| fields.get(index)?.parse::<u64>().ok();
        Some(Stat {
            pid,
            name,
            state: fields.first()?.chars().next()?,
            parent: u32::try_from(number(1)?).ok()?,
            // Fields 14 to 17 of stat(5), counted from the state (field 3).
            ticks: number(11)? + number(12)? + number(13)? + number(14)?,
        })
    }

    fn alive(&self) -> bool {
        !matches!(self.state, 'Z' | 'X')
    }
}

fn all_processes() -> Vec<Stat> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
        .filter_map(Stat::read)
        .collect()
}

/// The living processes of the tree rooted at `root` (itself and its descendants).
fn tree(root: u32) -> Vec<Stat> {
    let all = all_processes();
    let mut ours = vec![root];
    let mut index = 0;
    while index < ours.len() {
        let parent = ours[index];
        for process in &all {
            if process.parent == parent && !ours.contains(&process.pid) {
                ours.push(process.pid);
            }
        }
        index += 1;
    }
    all.into_iter()
        .filter(|process| process.alive() && ours.contains(&process.pid))
        .collect()
}

/// How many processes outside the trees rooted at `ours` have WebKit or GTK loaded
/// (another WebKit app, say an end-to-end test): they share those libraries' pages,
/// which lowers everyone's PSS, and they compete for the CPU.
pub fn other_webkit_processes(ours: &[u32]) -> usize {
    let mine: Vec<u32> = ours
        .iter()
        .flat_map(|&root| tree(root))
        .map(|process| process.pid)
        .collect();
    let loads_webkit = |pid: u32| {
        std::fs::read_to_string(format!("/proc/{pid}/maps"))
            .is_ok_and(|maps| maps.contains("libwebkit2gtk") || maps.contains("libgtk-3.so"))
    };
    all_processes()
        .into_iter()
        .filter(|process| process.alive() && !mine.contains(&process.pid))
        .filter(|process| process.name.starts_with("WebKit") || loads_webkit(process.pid))
        .count()
}

/// The 1-minute load average, as a hint of what else the machine was doing.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

/// Memory of a process tree, summed over its processes, in KiB.
#[derive(Debug, Clone, Copy, Default)]
pub struct Memory {
    pub rss_kib: u64,
    pub pss_kib: u64,
    pub processes: usize,
    /// PSS of the program's own process, of WebKit's web processes, and of the rest
    /// (WebKit's network process, anything else it started).
    pub pss_split_kib: [u64; 3],
}

impl Memory {
    /// PSS of the program itself, WebKit's web process(es) and the rest, in MiB.
    pub fn pss_split_mib(&self) -> [f64; 3] {
        self.pss_split_kib.map(|kib| kib as f64 / 1024.0)
    }

    pub fn rss_mib(&self) -> f64 {
        self.rss_kib as f64 / 1024.0
    }

    pub fn pss_mib(&self) -> f64 {
        self.pss_kib as f64 / 1024.0
    }
}

/// RSS and PSS of the tree rooted at `root`, from each process's smaps_rollup.
pub fn memory(root: u32) -> Memory {
    let mut total = Memory::default();
    for process in tree(root) {
        let Ok(rollup) = std::fs::read_to_string(format!("/proc/{}/smaps_rollup", process.pid))
        else {
            continue;
        };
        total.processes += 1;
        let part = if process.pid == root {
            0
        } else if process.name.starts_with("WebKitWebProces") {
            1
        } else {
            2
        };
        for line in rollup.lines() {
            let kib = || {
                line.split_whitespace()
                    .nth(1)
                    .and_then(|value| value.parse::<u64>().ok())
                    .unwrap_or(0)
            };
            if line.starts_with("Rss:") {
                total.rss_kib += kib();
            } else if line.starts_with("Pss:") {
                total.pss_kib += kib();
                total.pss_split_kib[part] += kib();
            }
        }
    }
    total
}

/// The CPU time each process of a tree has used so far, and when that was read.
pub struct CpuSample {
    at: Instant,
    ticks: HashMap<u32, u64>,
}

pub fn cpu_sample(root: u32) -> CpuSample {
    CpuSample {
        at: Instant::now(),
        ticks: tree(root)
            .into_iter()
            .map(|process| (process.pid, process.ticks))
            .collect(),
    }
}

/// CPU used between two samples of a tree, in % of one core. A process that started in
/// between counts in full; one that ended in between counts through its parent's
/// children's time once reaped (a slight overcount, not an undercount).
pub fn cpu_percent(before: &CpuSample, after: &CpuSample, ticks_per_second: u64) -> f64 {
    let used: u64 = after
        .ticks
        .iter()
        .map(|(pid, ticks)| ticks.saturating_sub(before.ticks.get(pid).copied().unwrap_or(0)))
        .sum();
    let seconds = after.at.duration_since(before.at).as_secs_f64();
    if seconds <= 0.0 {
        return 0.0;
    }
    used as f64 / ticks_per_second as f64 / seconds * 100.0
}

/// Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; 100 on Linux).
pub fn ticks_per_second() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .and_then(|text| text.trim().parse().ok())
        .filter(|&ticks| ticks > 0)
        .unwrap_or(100)
}

/// Waits, up to `longest`, until the tree uses less than `percent` of a core over a
/// second: after a first launch, so its one-off work (WebKit creating its storage)
/// is not still running under the next measurement.
pub fn wait_until_quiet(root: u32, percent: f64, longest: Duration, ticks_per_second: u64) {
    let deadline = Instant::now() + longest;
    while Instant::now() < deadline {
        let before = cpu_sample(root);
        std::thread::sleep(Duration::from_secs(1));
        if cpu_percent(&before, &cpu_sample(root), ticks_per_second) < percent {
            return;
        }
    }
}

/// Sends `signal` (a name such as `TERM`) to `pids`.
fn send(signal: &str, pids: &[u32]) {
    let mut command = Command::new("kill");
    command
        .arg(format!("-{signal}"))
        .arg("--")
        .args(pids.iter().map(u32::to_string))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // Some of them may have gone already; kill still signals the rest.
    let _ = command.status();
}

/// Stops `child` and every process of its tree: SIGTERM, then SIGKILL for whatever is
/// still there after ten seconds. Returns once all of them are gone, or says which are
/// not.
pub fn stop_tree(child: &mut Child) -> Result<(), String> {
    let root = child.id();
    let pids: Vec<u32> = tree(root).iter().map(|process| process.pid).collect();
    for (signal, patience) in [
        ("TERM", Duration::from_secs(10)),
        ("KILL", Duration::from_secs(5)),
    ] {
        send(signal, &pids);
        let deadline = Instant::now() + patience;
        loop {
            let reaped = !matches!(child.try_wait(), Ok(None));
            let left: Vec<u32> = pids
                .iter()
                .copied()
                .filter(|&pid| Stat::read(pid).is_some_and(|process| process.alive()))
                .collect();
            if reaped && left.is_empty() {
                return Ok(());
            }
            if Instant::now() > deadline {
                if signal == "KILL" {
                    return Err(format!(
                        "processes {left:?} of {root} did not stop, even after SIGKILL"
                    ));
                }
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    Ok(())
}
