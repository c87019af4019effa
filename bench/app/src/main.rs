//! `bench-app`: the built Mentor Circle app measured as a whole, side by side with a
//! bare Tauri window built from the same configuration (`bench/bare-window`), in one run
//! and alternating, so what the app costs beyond any Tauri window shows.
//!
//! For each dataset it seeds a circle (as the app would open it, key in the OS keyring),
//! then measures: spawn to the first screen being interactive (each program prints a
//! line when it is), memory of the whole process tree (app plus WebKit's processes, RSS
//! and PSS from smaps_rollup) once settled and after idling, CPU while idle with the
//! window open and with it closed, and the binaries' sizes. Run it inside
//! `scripts/headless.sh`; `scripts/bench-app.sh` builds everything and does that.

mod launch;
mod options;
mod process;
mod report;

use std::path::Path;
use std::time::{Duration, Instant};

use mentor_core::dataset;
use mentor_e2e::World;

use crate::launch::{Program, Running, Subject, launch};
use crate::options::{Dataset, Options};
use crate::process::{Memory, cpu_percent, cpu_sample};

/// The argument with which both start with the window closed (the app in its tray).
const AUTOSTART_ARG: &str = "--autostart";

/// What was measured of one program on one dataset.
#[derive(Debug, Default)]
pub struct Measured {
    /// The first launch on this data (WebKit's storage and caches new), not counted.
    pub first_launch: Duration,
    /// Spawn to interactive, one per round.
    pub starts: Vec<Duration>,
    /// Settled after each timed launch, running alone.
    pub alone: Vec<Memory>,
    /// Settled, with the other program running too.
    pub together_settled: Memory,
    /// After the idle period, with the other program running too.
    pub together_idle: Memory,
    /// CPU over the idle period with the window open, in % of one core.
    pub open_idle_cpu: f64,
    /// With the window closed (started as at login), after the closed idle period.
    pub closed_memory: Memory,
    /// CPU over the closed idle period, in % of one core.
    pub closed_idle_cpu: f64,
}

/// One dataset's results.
pub struct DatasetResult {
    pub dataset: Dataset,
    pub seeding: Duration,
    pub app: Measured,
    pub bare: Measured,
    /// Readings taken while other WebKit or GTK processes ran (they disturb them).
    pub disturbed: Vec<String>,
}

/// Notes a reading taken while WebKit or GTK processes other than those of `ours` ran.
fn note_others(disturbed: &mut Vec<String>, reading: &str, ours: &[u32]) {
    let others = process::other_webkit_processes(ours);
    if others > 0 {
        println!("  (note: {others} other WebKit/GTK process(es) running during: {reading})");
        disturbed.push(format!("{reading} ({others})"));
    }
}

fn main() {
    let options = match options::Options::parse(std::env::args().skip(1).collect()) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{}", options::USAGE);
            return;
        }
        Err(error) => {
            eprintln!("bench-app: {error}");
            std::process::exit(2);
        }
    };
    if let Err(error) = run(&options) {
        eprintln!("\nbench-app failed: {error}");
        std::process::exit(1);
    }
}

fn run(options: &Options) -> Result<(), String> {
    for (what, path) in [("app", &options.app), ("bare window", &options.bare)] {
        if !path.is_file() {
            return Err(format!(
                "no {what} at {} (build it, or pass its path; see --help)",
                path.display()
            ));
        }
    }
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Err("no display: run this inside scripts/headless.sh".into());
    }
    println!(
        "app: {}\nbare window: {}\n{} run(s) per dataset, {:.1} min idle, {} s closed idle{}",
        options.app.display(),
        options.bare.display(),
        options.runs,
        options.idle.as_secs_f64() / 60.0,
        options.closed_idle.as_secs(),
        if options.quick { " (quick)" } else { "" }
    );
    let ticks = process::ticks_per_second();
    let mut results = Vec::new();
    for dataset in &options.datasets {
        results.push(bench_dataset(options, dataset, ticks)?);
    }
    let sizes = (file_size(&options.app)?, file_size(&options.bare)?);
    println!();
    print!("{}", report::render(options, &results, sizes));
    Ok(())
}

fn file_size(path: &Path) -> Result<u64, String> {
    std::fs::metadata(path)
        .map(|meta| meta.len())
        .map_err(|error| format!("cannot read the size of {}: {error}", path.display()))
}

fn bench_dataset(
    options: &Options,
    dataset: &Dataset,
    ticks: u64,
) -> Result<DatasetResult, String> {
    println!("\n== Dataset {}: seeding {:?}", dataset.name, dataset.size);
    let world = World::new();
    let bare_world = World::new();
    let today = chrono::Local::now().date_naive();
    let started = Instant::now();
    let mut filled = None;
    world.seed(|store| filled = Some(dataset::fill(store, dataset.size, dataset::SEED, today)));
    filled
        .ok_or("the dataset was not written")?
        .map_err(|error| format!("seeding the {} dataset failed: {error}", dataset.name))?;
    let seeding = started.elapsed();
    println!("seeded in {:.1} s", seeding.as_secs_f64());

    let app = Subject {
        program: Program::App,
        binary: options.app.clone(),
        env: world.app_env(),
        log: world.root.path().join("app-stderr.log"),
    };
    let bare = Subject {
        program: Program::Bare,
        binary: options.bare.clone(),
        env: bare_world.app_env(),
        log: bare_world.root.path().join("bare-stderr.log"),
    };
    let mut app_measured = Measured::default();
    let mut bare_measured = Measured::default();
    let mut disturbed = Vec::new();

    // The first launch on new data does one-off work (WebKit creates its storage and
    // caches): timed apart, and let finish before anything is measured.
    for (subject, measured) in [(&app, &mut app_measured), (&bare, &mut bare_measured)] {
        let mut running = launch(subject, &[])?;
        measured.first_launch = running.wait_ready(options.timeout)?;
        println!(
            "first launch of the {}: {} ms (not counted); waiting for it to go quiet",
            subject.program.name(),
            measured.first_launch.as_millis()
        );
        process::wait_until_quiet(running.pid(), 5.0, Duration::from_secs(120), ticks);
        running.check_alive()?;
        running.stop()?;
    }

    for round in 0..options.runs {
        let order = if round % 2 == 0 {
            [(&app, &mut app_measured), (&bare, &mut bare_measured)]
        } else {
            [(&bare, &mut bare_measured), (&app, &mut app_measured)]
        };
        let mut line = format!("round {} (load {}):", round + 1, process::load_average());
        let mut said = Vec::new();
        for (subject, measured) in order {
            let mut running = launch(subject, &[])?;
            let start = running.wait_ready(options.timeout)?;
            said.extend(running.said());
            std::thread::sleep(options.settle);
            running.check_alive()?;
            let memory = process::memory(running.pid());
            let reading = format!("round {}, {}", round + 1, subject.program.name());
            note_others(&mut disturbed, &reading, &[running.pid()]);
            running.stop()?;
            line += &format!(
                " {} {} ms ({:.0} MiB PSS);",
                subject.program.name(),
                start.as_millis(),
                memory.pss_mib()
            );
            measured.starts.push(start);
            measured.alone.push(memory);
        }
        println!("{}", line.trim_end_matches(';'));
        for text in said {
            println!("  {text}");
        }
    }

    let subjects = [&app, &bare];
    let mut both = [&mut app_measured, &mut bare_measured];
    idle_with_windows_open(options, subjects, &mut both, &mut disturbed, ticks)?;
    idle_with_windows_closed(options, subjects, &mut both, &mut disturbed, ticks)?;

    Ok(DatasetResult {
        dataset: dataset.clone(),
        seeding,
        app: app_measured,
        bare: bare_measured,
        disturbed,
    })
}

/// Both running at once, untouched: memory settled and after the idle period, CPU over it.
fn idle_with_windows_open(
    options: &Options,
    subjects: [&Subject; 2],
    measured: &mut [&mut Measured; 2],
    disturbed: &mut Vec<String>,
    ticks: u64,
) -> Result<(), String> {
    let mut running = Vec::new();
    for subject in subjects {
        let mut launched = launch(subject, &[])?;
        launched.wait_ready(options.timeout)?;
        running.push(launched);
    }
    std::thread::sleep(options.settle);
    let pids: Vec<u32> = running.iter().map(Running::pid).collect();
    let mut before = Vec::new();
    for (pid, measured) in pids.iter().zip(measured.iter_mut()) {
        measured.together_settled = process::memory(*pid);
        before.push(cpu_sample(*pid));
    }
    note_others(disturbed, "both open, settled", &pids);
    println!(
        "both open and idle for {:.1} min…",
        options.idle.as_secs_f64() / 60.0
    );
    idle(options.idle, &mut running)?;
    for ((pid, measured), before) in pids.iter().zip(measured.iter_mut()).zip(&before) {
        measured.open_idle_cpu = cpu_percent(before, &cpu_sample(*pid), ticks);
        measured.together_idle = process::memory(*pid);
    }
    note_others(disturbed, "both open, after idling", &pids);
    for program in running {
        program.stop()?;
    }
    Ok(())
}

/// Both started as at login (window hidden; the app in its tray, its page still loads):
/// CPU over the closed idle period.
fn idle_with_windows_closed(
    options: &Options,
    subjects: [&Subject; 2],
    measured: &mut [&mut Measured; 2],
    disturbed: &mut Vec<String>,
    ticks: u64,
) -> Result<(), String> {
    let mut running = Vec::new();
    for subject in subjects {
        running.push(launch(subject, &[AUTOSTART_ARG])?);
    }
    println!(
        "both started with the window closed; settling {} s, then idle for {} s…",
        options.closed_settle.as_secs(),
        options.closed_idle.as_secs()
    );
    idle(options.closed_settle, &mut running)?;
    let pids: Vec<u32> = running.iter().map(Running::pid).collect();
    let before: Vec<_> = pids.iter().map(|pid| cpu_sample(*pid)).collect();
    idle(options.closed_idle, &mut running)?;
    for ((pid, measured), before) in pids.iter().zip(measured.iter_mut()).zip(&before) {
        measured.closed_idle_cpu = cpu_percent(before, &cpu_sample(*pid), ticks);
        measured.closed_memory = process::memory(*pid);
    }
    note_others(disturbed, "windows closed", &pids);
    for program in running {
        program.stop()?;
    }
    Ok(())
}

/// Sleeps for `period`, waking now and then only to check that nothing has exited.
fn idle(period: Duration, running: &mut [Running]) -> Result<(), String> {
    let until = Instant::now() + period;
    loop {
        for program in running.iter_mut() {
            program.check_alive()?;
        }
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(());
        }
        std::thread::sleep(left.min(Duration::from_secs(30)));
    }
}
