//! Replays the fuzzers' committed inputs through the same checks the fuzz targets run
//! (`fuzz/src/checks.rs`): every minimised input that once found a bug
//! (`fuzz/regressions/<target>/`, named after the bug) and the corpus of inputs that
//! reached new code (`fuzz/corpus/<target>/`), on each test run, in seconds.
//! Fuzzing itself (new inputs, for minutes) is `scripts/fuzz.sh`.

#[path = "../../fuzz/src/checks.rs"]
mod checks;

use std::path::Path;
use std::time::{Duration, Instant};

/// Runs `check` on every regression and corpus file of `target`; returns how many.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let corpus = fuzz.join("corpus").join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap_or_else(|_| panic!("no corpus at {}", corpus.display()))
        .chain(
            std::fs::read_dir(fuzz.join("regressions").join(target))
                .into_iter()
                .flatten(),
        )
        .map(|entry| entry.expect("a corpus entry").path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "the {target} corpus is empty");
    let mut failed = Vec::new();
    for input in &inputs {
        let bytes = std::fs::read(input).expect("a corpus file");
        let started = Instant::now();
        if std::panic::catch_unwind(|| check(&bytes)).is_err() {
            failed.push(input.display().to_string());
        }
        // The fuzzer's own limit is 10 s; an input near it is a hang waiting to happen.
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{target}: {} took {:?}",
            input.display(),
            started.elapsed()
        );
    }
    assert!(
        failed.is_empty(),
        "{target}: these inputs fail their check: {failed:#?}"
    );
    println!("{target}: {} inputs replayed", inputs.len());
    inputs.len()
}

#[test]
fn contact_files() {
    replay("contacts", checks::contacts);
}

#[test]
fn circle_json_exports() {
    replay("circle_json", checks::circle_json);
}

#[test]
fn search_queries() {
    replay("search", checks::search);
}

#[test]
fn recovery_keys() {
    replay("recovery_key", checks::recovery_key);
}

#[test]
fn backup_file_names() {
    replay("backup_name", checks::backup_name);
}
