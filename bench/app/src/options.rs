//! The benchmark's command line.

use std::path::PathBuf;
use std::time::Duration;

use mentor_core::dataset::Size;

pub const USAGE: &str = "\
Measures the built Mentor Circle app against a bare Tauri window built from the same
configuration: start-up to an interactive first screen, memory of the whole process tree
(settled, and after idling), idle CPU with the window closed, and binary size.
Run it inside scripts/headless.sh (scripts/bench-app.sh builds and does that).

Usage: bench-app [OPTIONS]

  --app PATH                 the app (default: mentor-circle beside this binary)
  --bare PATH                the bare window (default: bare-window beside this binary)
  --dataset NAME             typical, stress or both (default: both)
  --runs N                   timed launches of each per dataset (default: 5)
  --idle-minutes M           idle time with both windows open (default: 10; decimals ok)
  --closed-idle-seconds S    idle time measured with the windows closed (default: 120)
  --timeout-seconds S        longest wait for a ready line (default: 60)
  --quick                    does it run: the typical dataset divided by 4 (whatever
                             --dataset says), one run, a few seconds of idle; works with
                             debug builds, and judges nothing against the targets
  -h, --help                 this text

The environment may set the same: BENCH_APP, BENCH_BARE, BENCH_DATASET, BENCH_RUNS,
BENCH_IDLE_MINUTES, BENCH_CLOSED_IDLE_SECONDS (the command line wins).";

/// A dataset to run the benchmark on.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub name: &'static str,
    pub size: Size,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub app: PathBuf,
    pub bare: PathBuf,
    pub datasets: Vec<Dataset>,
    pub runs: usize,
    /// Idle with both windows open, between the two memory readings.
    pub idle: Duration,
    /// Idle with the windows closed, over which CPU is measured.
    pub closed_idle: Duration,
    /// After a launch with the window closed, before measuring.
    pub closed_settle: Duration,
    /// After the ready line, before reading memory.
    pub settle: Duration,
    pub timeout: Duration,
    pub quick: bool,
}

const TYPICAL: Dataset = Dataset {
    name: "typical",
    size: Size::TYPICAL,
};

const STRESS: Dataset = Dataset {
    name: "stress",
    size: Size::STRESS,
};

impl Options {
    /// Reads the environment, then the command line; `Ok(None)` when help was asked for.
    pub fn parse(args: Vec<String>) -> Result<Option<Options>, String> {
        if args.iter().any(|arg| arg == "-h" || arg == "--help") {
            return Ok(None);
        }
        let quick = args.iter().any(|arg| arg == "--quick");
        let beside_me = |name: &str| -> PathBuf {
            std::env::current_exe()
                .ok()
                .and_then(|exe| exe.parent().map(|dir| dir.join(name)))
                .unwrap_or_else(|| PathBuf::from(name))
        };
        let mut options = Options {
            app: beside_me("mentor-circle"),
            bare: beside_me("bare-window"),
            datasets: vec![TYPICAL, STRESS],
            runs: 5,
            idle: Duration::from_secs(600),
            closed_idle: Duration::from_secs(120),
            closed_settle: Duration::from_secs(20),
            settle: Duration::from_secs(5),
            timeout: Duration::from_secs(60),
            quick,
        };
        if quick {
            options.datasets = vec![Dataset {
                name: "typical ÷ 4 (quick)",
                size: Size::TYPICAL.divided_by(4),
            }];
            options.runs = 1;
            options.idle = Duration::from_secs(5);
            options.closed_idle = Duration::from_secs(5);
            options.closed_settle = Duration::from_secs(3);
            options.settle = Duration::from_secs(2);
        }

        let mut settings: Vec<(String, String)> = [
            ("BENCH_APP", "--app"),
            ("BENCH_BARE", "--bare"),
            ("BENCH_DATASET", "--dataset"),
            ("BENCH_RUNS", "--runs"),
            ("BENCH_IDLE_MINUTES", "--idle-minutes"),
            ("BENCH_CLOSED_IDLE_SECONDS", "--closed-idle-seconds"),
        ]
        .into_iter()
        .filter_map(|(env, flag)| Some((flag.to_string(), std::env::var(env).ok()?)))
        .collect();
        let mut rest = args.into_iter();
        while let Some(arg) = rest.next() {
            if arg == "--quick" {
                continue;
            }
            let (flag, value) = match arg.split_once('=') {
                Some((flag, value)) => (flag.to_string(), value.to_string()),
                None => {
                    let value = rest
                        .next()
                        .ok_or_else(|| format!("{arg} needs a value (see --help)"))?;
                    (arg, value)
                }
            };
            settings.push((flag, value));
        }
        for (flag, value) in settings {
            options.set(&flag, &value)?;
        }
        Ok(Some(options))
    }

    fn set(&mut self, flag: &str, value: &str) -> Result<(), String> {
        let number = |value: &str| -> Result<f64, String> {
            value
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && *n >= 0.0)
                .ok_or_else(|| format!("{flag} takes a number, not “{value}”"))
        };
        match flag {
            "--app" => self.app = PathBuf::from(value),
            "--bare" => self.bare = PathBuf::from(value),
            "--dataset" if self.quick => {}
            "--dataset" => {
                self.datasets = match value {
                    "typical" => vec![TYPICAL],
                    "stress" => vec![STRESS],
                    "both" => vec![TYPICAL, STRESS],
                    _ => {
                        return Err(format!(
                            "--dataset is typical, stress or both, not “{value}”"
                        ));
                    }
                }
            }
            "--runs" => {
                self.runs =
                    value.parse().ok().filter(|&runs| runs > 0).ok_or_else(|| {
                        format!("--runs takes a whole number above 0, not “{value}”")
                    })?
            }
            "--idle-minutes" => self.idle = Duration::from_secs_f64(number(value)? * 60.0),
            "--closed-idle-seconds" => {
                self.closed_idle = Duration::from_secs_f64(number(value)?.max(1.0))
            }
            "--timeout-seconds" => self.timeout = Duration::from_secs_f64(number(value)?.max(1.0)),
            _ => return Err(format!("unknown option {flag} (see --help)")),
        }
        Ok(())
    }
}
