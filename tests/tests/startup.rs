//! Start-up time and memory of the built app, for the closing note and the README —
//! measured, never asserted. Run through `scripts/bench-startup.sh` (it is ignored in
//! the normal test run).

use std::time::{Duration, Instant};

use mentor_e2e::{CONTROL, Driver, World, one_at_a_time};

#[test]
#[ignore = "a measurement, run by scripts/bench-startup.sh"]
fn measure_startup_and_memory() {
    let _turn = one_at_a_time();
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    let world = World::new();
    let driver = Driver::start(&world);
    // The first launch creates the key and the database; later ones open them.
    let app = driver.launch();
    app.click_button("Explore with a sample circle");
    app.wait_for("//main//ul[@class='rows']/li", "the sample circle");
    app.quit();

    let mut millis = Vec::new();
    for run in 0..runs {
        let started = Instant::now();
        let app = driver.launch();
        app.wait_for("//main//ul[@class='rows']/li", "the home screen");
        let elapsed = started.elapsed().as_millis();
        println!("run {run}: launch to home screen with the circle shown: {elapsed} ms");
        millis.push(elapsed);
        if run + 1 == runs {
            let (rss, pss) = memory_of_app_and_webkit();
            println!(
                "memory (app + WebKit processes): {} MiB RSS, {} MiB PSS",
                rss / 1024,
                pss / 1024
            );
        }
        app.quit();
    }
    millis.sort_unstable();
    println!(
        "startup median: {} ms (min {}, max {}, {} runs)",
        millis[millis.len() / 2],
        millis[0],
        millis[millis.len() - 1],
        runs
    );
}

#[test]
#[ignore = "a measurement, run by scripts/bench-startup.sh"]
fn measure_idle_cpu_with_the_window_closed() {
    let _turn = one_at_a_time();
    let seconds: u64 = std::env::var("BENCH_IDLE_SECS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(60);
    let world = World::new();
    let driver = Driver::start(&world);
    let app = driver.launch();
    app.click_button("Explore with a sample circle");
    app.wait_for("//main//ul[@class='rows']/li", "the sample circle");
    // Closed to the tray, as it spends most of its life.
    app.press(&[CONTROL, "w"]);
    std::thread::sleep(Duration::from_secs(5));
    let before = cpu_ticks_of_app_and_webkit();
    let started = Instant::now();
    std::thread::sleep(Duration::from_secs(seconds));
    let ticks = cpu_ticks_of_app_and_webkit().saturating_sub(before);
    let elapsed = started.elapsed().as_secs_f64();
    // Kernel clock ticks are 1/100 s on Linux.
    let percent = ticks as f64 / 100.0 / elapsed * 100.0;
    println!(
        "idle CPU with the window closed (app + WebKit processes, {elapsed:.0} s): \
         {percent:.3}% of one core ({ticks} ticks)"
    );
    app.quit();
}

/// User + system CPU time, in clock ticks, of the app and every process it spawned.
fn cpu_ticks_of_app_and_webkit() -> u64 {
    app_and_webkit_processes()
        .into_iter()
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
            // After the name: state is field 3, utime 14 and stime 15 (1-based).
            let utime: u64 = fields.get(11)?.parse().ok()?;
            let stime: u64 = fields.get(12)?.parse().ok()?;
            Some(utime + stime)
        })
        .sum()
}

/// RSS and PSS in KiB of the app and the processes it spawned (WebKit's web and network
/// processes), read from /proc.
fn memory_of_app_and_webkit() -> (u64, u64) {
    let mut totals = (0, 0);
    for pid in app_and_webkit_processes() {
        let rollup =
            std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
        for line in rollup.lines() {
            let value = || {
                line.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0)
            };
            if line.starts_with("Rss:") {
                totals.0 += value();
            } else if line.starts_with("Pss:") {
                totals.1 += value();
            }
        }
    }
    totals
}

/// The app's process and everything it spawned.
fn app_and_webkit_processes() -> Vec<u32> {
    let app = mentor_e2e::app_binary();
    let app_name = app
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("mentor-circle")
        .to_string();
    let processes: Vec<(u32, u32, String)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let name = stat.split('(').nth(1)?.split(')').next()?.to_string();
            let ppid: u32 = stat
                .rsplit(')')
                .next()?
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()?;
            Some((pid, ppid, name))
        })
        .collect();
    let mut ours: Vec<u32> = processes
        .iter()
        .filter(|(_, _, name)| app_name.starts_with(name.as_str()))
        .map(|p| p.0)
        .collect();
    let mut index = 0;
    while index < ours.len() {
        let parent = ours[index];
        ours.extend(processes.iter().filter(|p| p.1 == parent).map(|p| p.0));
        index += 1;
    }
    ours
}
