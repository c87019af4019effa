//! The results as markdown tables (app | bare | app / bare), and how they stand against
//! the targets of "fast and light".

use std::fmt::Write;
use std::time::Duration;

use crate::options::Options;
use crate::process::Memory;
use crate::{DatasetResult, Measured};

/// Start-up on the stress dataset, as a multiple of the bare window's.
const START_TARGET: f64 = 1.2;
/// Settled PSS, as a multiple of the bare window's.
const PSS_TARGET: f64 = 1.2;
/// PSS growth over the idle period that still counts as none: reading noise.
const GROWTH_NOISE_MIB: f64 = 1.0;
/// CPU with the window closed, in % of one core.
const CLOSED_CPU_TARGET: f64 = 0.1;
/// Release binary, as a multiple of the bare window's.
const BINARY_TARGET: f64 = 2.0;

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

fn millis(durations: &[Duration]) -> Vec<f64> {
    durations
        .iter()
        .map(|duration| duration.as_secs_f64() * 1000.0)
        .collect()
}

fn min_max(values: &[f64]) -> (f64, f64) {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (min, max)
}

fn ratio(app: f64, bare: f64) -> String {
    if bare > 0.0 {
        format!("{:.2}×", app / bare)
    } else {
        "—".into()
    }
}

fn median_start(measured: &Measured) -> f64 {
    median(&millis(&measured.starts))
}

fn median_pss(measured: &Measured) -> f64 {
    median(
        &measured
            .alone
            .iter()
            .map(Memory::pss_mib)
            .collect::<Vec<_>>(),
    )
}

fn median_rss(measured: &Measured) -> f64 {
    median(
        &measured
            .alone
            .iter()
            .map(Memory::rss_mib)
            .collect::<Vec<_>>(),
    )
}

fn growth(measured: &Measured) -> f64 {
    measured.together_idle.pss_mib() - measured.together_settled.pss_mib()
}

/// Everything measured, as markdown.
pub fn render(options: &Options, results: &[DatasetResult], sizes: (u64, u64)) -> String {
    let mut out = String::new();
    let idle_minutes = options.idle.as_secs_f64() / 60.0;
    for result in results {
        let (app, bare) = (&result.app, &result.bare);
        let _ = writeln!(
            out,
            "### Dataset: {} (seeded in {:.1} s)\n",
            result.dataset.name,
            result.seeding.as_secs_f64()
        );
        let _ = writeln!(
            out,
            "| metric | app | bare | app / bare |\n|---|---|---|---|"
        );
        let mut row = |metric: String, app: String, bare: String, ratio: String| {
            let _ = writeln!(out, "| {metric} | {app} | {bare} | {ratio} |");
        };
        let (app_start, bare_start) = (median_start(app), median_start(bare));
        row(
            format!(
                "start, spawn → interactive, median of {} (ms)",
                app.starts.len()
            ),
            format!("{app_start:.0}"),
            format!("{bare_start:.0}"),
            ratio(app_start, bare_start),
        );
        let (app_min, app_max) = min_max(&millis(&app.starts));
        let (bare_min, bare_max) = min_max(&millis(&bare.starts));
        row(
            "start, min – max (ms)".into(),
            format!("{app_min:.0} – {app_max:.0}"),
            format!("{bare_min:.0} – {bare_max:.0}"),
            "".into(),
        );
        row(
            "first launch on this data, not counted (ms)".into(),
            format!("{}", app.first_launch.as_millis()),
            format!("{}", bare.first_launch.as_millis()),
            ratio(
                app.first_launch.as_secs_f64(),
                bare.first_launch.as_secs_f64(),
            ),
        );
        let memory_rows = [
            (
                format!(
                    "RSS {} s after start, alone, median (MiB)",
                    options.settle.as_secs()
                ),
                median_rss(app),
                median_rss(bare),
            ),
            (
                format!(
                    "PSS {} s after start, alone, median (MiB)",
                    options.settle.as_secs()
                ),
                median_pss(app),
                median_pss(bare),
            ),
            (
                "PSS settled, both running (MiB)".into(),
                app.together_settled.pss_mib(),
                bare.together_settled.pss_mib(),
            ),
            (
                format!("PSS after {idle_minutes:.1} min idle, both running (MiB)"),
                app.together_idle.pss_mib(),
                bare.together_idle.pss_mib(),
            ),
            (
                format!("RSS after {idle_minutes:.1} min idle, both running (MiB)"),
                app.together_idle.rss_mib(),
                bare.together_idle.rss_mib(),
            ),
            (
                "PSS, window closed (MiB)".into(),
                app.closed_memory.pss_mib(),
                bare.closed_memory.pss_mib(),
            ),
        ];
        for (metric, app_value, bare_value) in memory_rows {
            row(
                metric,
                format!("{app_value:.1}"),
                format!("{bare_value:.1}"),
                ratio(app_value, bare_value),
            );
        }
        let split = |measured: &Measured| {
            let parts: Vec<[f64; 3]> = measured.alone.iter().map(Memory::pss_split_mib).collect();
            let part = |index: usize| median(&parts.iter().map(|p| p[index]).collect::<Vec<_>>());
            format!("{:.1} / {:.1} / {:.1}", part(0), part(1), part(2))
        };
        row(
            "PSS alone, split: program / WebKit web / WebKit network (MiB, medians)".into(),
            split(app),
            split(bare),
            "".into(),
        );
        row(
            format!("PSS growth over {idle_minutes:.1} min idle (MiB)"),
            format!("{:+.1}", growth(app)),
            format!("{:+.1}", growth(bare)),
            "".into(),
        );
        row(
            "processes (program + WebKit)".into(),
            format!("{}", app.together_settled.processes),
            format!("{}", bare.together_settled.processes),
            "".into(),
        );
        row(
            format!("CPU over {idle_minutes:.1} min idle, window open (% of one core)"),
            format!("{:.3}", app.open_idle_cpu),
            format!("{:.3}", bare.open_idle_cpu),
            ratio(app.open_idle_cpu, bare.open_idle_cpu),
        );
        row(
            format!(
                "CPU over {} s idle, window closed (% of one core)",
                options.closed_idle.as_secs()
            ),
            format!("{:.3}", app.closed_idle_cpu),
            format!("{:.3}", bare.closed_idle_cpu),
            ratio(app.closed_idle_cpu, bare.closed_idle_cpu),
        );
        let list = |measured: &Measured| {
            millis(&measured.starts)
                .iter()
                .map(|ms| format!("{ms:.0}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "\nstarts (ms), in order: app {}; bare {}\n",
            list(app),
            list(bare)
        );
        if !result.disturbed.is_empty() {
            let _ = writeln!(
                out,
                "**Disturbed:** other WebKit/GTK processes ran during {} reading(s): {}. They \
                 share the libraries' pages (lowering PSS) and compete for the CPU; run again \
                 on a quiet machine.\n",
                result.disturbed.len(),
                result.disturbed.join("; ")
            );
        }
    }

    let (app_size, bare_size) = sizes;
    let mb = |bytes: u64| bytes as f64 / 1_000_000.0;
    let _ = writeln!(
        out,
        "### Binaries{}\n\n| metric | app | bare | app / bare |\n|---|---|---|---|\n\
         | binary size (MB) | {:.2} ({app_size} bytes) | {:.2} ({bare_size} bytes) | {} |\n",
        if options.quick {
            " (as given: maybe not release builds)"
        } else {
            ""
        },
        mb(app_size),
        mb(bare_size),
        ratio(app_size as f64, bare_size as f64)
    );

    if options.quick {
        let _ = writeln!(
            out,
            "(--quick: too short and too small to hold against the targets; it shows that \
             everything runs.)"
        );
        return out;
    }
    let _ = writeln!(out, "### Against the targets (medians)\n");
    let verdict = |meets: bool| if meets { "meets" } else { "MISSES" };
    match results
        .iter()
        .find(|result| result.dataset.name == "stress")
    {
        Some(stress) => {
            let (app, bare) = (median_start(&stress.app), median_start(&stress.bare));
            let _ = writeln!(
                out,
                "- start on the stress dataset ≤ {START_TARGET}× bare: {} — {}",
                ratio(app, bare),
                verdict(app <= START_TARGET * bare)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "- start on the stress dataset ≤ {START_TARGET}× bare: not measured in this run"
            );
        }
    }
    for result in results {
        let name = result.dataset.name;
        let (app, bare) = (median_pss(&result.app), median_pss(&result.bare));
        let _ = writeln!(
            out,
            "- PSS ≤ {PSS_TARGET}× bare ({name}): {} — {}",
            ratio(app, bare),
            verdict(app <= PSS_TARGET * bare)
        );
        let grew = growth(&result.app);
        let _ = writeln!(
            out,
            "- no PSS growth over {idle_minutes:.1} min idle (≤ {GROWTH_NOISE_MIB} MiB, {name}): \
             {grew:+.1} MiB — {}",
            verdict(grew <= GROWTH_NOISE_MIB)
        );
        let cpu = result.app.closed_idle_cpu;
        let _ = writeln!(
            out,
            "- idle CPU with the window closed ≤ {CLOSED_CPU_TARGET}% of one core ({name}): \
             {cpu:.3}% — {}",
            verdict(cpu <= CLOSED_CPU_TARGET)
        );
    }
    let _ = writeln!(
        out,
        "- binary ≤ {BINARY_TARGET}× bare: {} — {}",
        ratio(app_size as f64, bare_size as f64),
        verdict(app_size as f64 <= BINARY_TARGET * bare_size as f64)
    );
    out
}
