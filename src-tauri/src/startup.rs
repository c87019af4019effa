//! When the shell's own start-up reached each step, for the start-up benchmark's report:
//! with the page's marks it shows where the time from launch to the home screen went.
//! A handful of instants per launch; nothing is printed unless the benchmark asks.

use std::sync::Mutex;
use std::time::Instant;

/// The steps reached, in order, with the instant each was first reached.
static STEPS: Mutex<Vec<(&'static str, Instant)>> = Mutex::new(Vec::new());

/// Notes that start-up reached `step` (the first time only). The first call is the start.
pub fn mark(step: &'static str) {
    let mut steps = STEPS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if !steps.iter().any(|(name, _)| *name == step) {
        steps.push((step, Instant::now()));
    }
}

/// "setup 41, window 90, …": ms from the first mark to each later one, and to now.
pub fn report(now_as: &'static str) -> String {
    let steps = STEPS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let Some((_, start)) = steps.first() else {
        return String::new();
    };
    steps
        .iter()
        .skip(1)
        .map(|(name, at)| (*name, *at))
        .chain([(now_as, Instant::now())])
        .map(|(name, at)| format!("{name} {}", at.duration_since(*start).as_millis()))
        .collect::<Vec<_>>()
        .join(", ")
}
