//! How fast the things the user waits on are, on two seeded circles (see
//! `mentor_core::dataset`): "typical" (a keen user after a few years) and "stress" (10,000
//! people, 100,000 catch-ups). Every operation runs twice: on the encrypted database
//! the app uses, and on an unencrypted one with the same schema and settings, so the
//! cost of encryption is a measured ratio. A table of medians and ratios is printed at
//! the end (it is what docs/performance.md shows).
//!
//! Run with `cargo bench -p mentor-core`. Under `cargo test -p mentor-core --bench core`
//! (what CI runs) every benchmark runs once on small circles: it shows they run, not how
//! fast.
//!
//! The datasets take a while to write (the stress one a minute or two per copy), so
//! they are kept under the target folder and reused while the schema and the
//! generator stay the same.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeDelta, TimeZone, Utc};
use criterion::{BenchmarkGroup, Criterion, measurement::WallTime};
use mentor_core::dataset::{self, Size};
use mentor_core::journal::{DraftOf, EntryContent, SearchQuery};
use mentor_core::key::MemorySecretStore;
use mentor_core::model::{CatchUpDraft, Mode, Section};
use mentor_core::nudges;
use mentor_core::store::SCHEMA_VERSION;
use mentor_core::transfer::ExportOptions;
use mentor_core::{DbKey, Store, Vault, cadence};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date")
}

fn noon() -> chrono::DateTime<Utc> {
    Utc.from_utc_datetime(&today().and_hms_opt(12, 0, 0).expect("noon"))
}

/// Run each benchmark once, on small circles: under `cargo test --bench core` (no
/// `--bench` flag: what CI runs) or `cargo bench -- --test`.
fn quick() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|arg| arg == "--test") || !args.iter().any(|arg| arg == "--bench")
}

/// Where criterion writes its estimates, and where the datasets are kept.
fn target_dir() -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().map(Path::to_path_buf).unwrap_or(tmp)
}

/// One dataset, written twice (encrypted, plain), copied into a scratch folder the
/// benchmarks may change.
struct Circle {
    name: &'static str,
    _scratch: tempfile::TempDir,
    encrypted: PathBuf,
    plain: PathBuf,
    key: DbKey,
}

impl Circle {
    fn new(name: &'static str, size: Size) -> Circle {
        let scratch = tempfile::tempdir().expect("scratch folder");
        let encrypted = scratch.path().join(format!("{name}.db"));
        let plain = scratch.path().join(format!("{name}-plain.db"));
        let key = if quick() {
            let key = DbKey::generate().expect("key");
            write(&mut Store::open(&encrypted, &key).expect("open"), size);
            write(&mut Store::open_unencrypted(&plain).expect("open"), size);
            key
        } else {
            let (kept, kept_plain, key) = kept_dataset(name, size);
            std::fs::copy(kept, &encrypted).expect("copy the dataset");
            std::fs::copy(kept_plain, &plain).expect("copy the dataset");
            key
        };
        Circle {
            name,
            _scratch: scratch,
            encrypted,
            plain,
            key,
        }
    }

    fn open(&self, encrypted: bool) -> Store {
        if encrypted {
            Store::open(&self.encrypted, &self.key).expect("open")
        } else {
            Store::open_unencrypted(&self.plain).expect("open")
        }
    }
}

fn write(store: &mut Store, size: Size) {
    dataset::fill(store, size, dataset::SEED, today()).expect("dataset written");
}

/// The dataset `name` under the target folder, written first if it is not there (or
/// was written by another schema or generator).
fn kept_dataset(name: &str, size: Size) -> (PathBuf, PathBuf, DbKey) {
    let dir = target_dir().join("bench-data");
    std::fs::create_dir_all(&dir).expect("bench-data folder");
    let stem = format!(
        "{name}-schema{SCHEMA_VERSION}-generator{}",
        dataset::GENERATOR_VERSION
    );
    let encrypted = dir.join(format!("{stem}.db"));
    let plain = dir.join(format!("{stem}-plain.db"));
    // A made-up circle: its key may sit beside it.
    let key_file = dir.join(format!("{stem}.key"));
    if let Some(key) = std::fs::read(&key_file)
        .ok()
        .and_then(|bytes| DbKey::from_bytes(&bytes))
        .filter(|_| encrypted.exists() && plain.exists())
    {
        return (encrypted, plain, key);
    }
    for path in [&encrypted, &plain, &key_file] {
        let _ = std::fs::remove_file(path);
    }
    let key = DbKey::generate().expect("key");
    let started = Instant::now();
    for (path, encrypt) in [(&encrypted, true), (&plain, false)] {
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let mut store = if encrypt {
            Store::open(&partial, &key).expect("open")
        } else {
            Store::open_unencrypted(&partial).expect("open")
        };
        write(&mut store, size);
        drop(store);
        std::fs::rename(&partial, path).expect("dataset kept");
    }
    std::fs::write(&key_file, key.as_bytes()).expect("key kept");
    println!(
        "wrote the {name} dataset twice in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    (encrypted, plain, key)
}

const ENCRYPTED: [(&str, bool); 2] = [("encrypted", true), ("plain", false)];

/// The operations the issue names, on one circle, each encrypted and plain.
fn circle_benches(c: &mut Criterion, name: &'static str, size: Size) {
    let circle = Circle::new(name, size);
    let today = today();

    let mut group = c.benchmark_group(format!("{name}: open with the raw key"));
    for (label, encrypted) in ENCRYPTED {
        group.bench_function(label, |b| b.iter(|| circle.open(encrypted)));
    }
    group.finish();

    let mut stores = [circle.open(true), circle.open(false)];
    let compare = |c: &mut Criterion, what: &str, run: &mut dyn FnMut(&mut Store)| {
        let mut group: BenchmarkGroup<WallTime> = c.benchmark_group(format!("{name}: {what}"));
        for (store, (label, _)) in stores.iter_mut().zip(ENCRYPTED) {
            group.bench_function(label, |b| b.iter(|| run(store)));
        }
        group.finish();
    };
    let mut compare = compare;

    compare(
        c,
        "home screen (every section: counts, first pages)",
        &mut |store| {
            black_box(store.home(today).expect("home"));
        },
    );
    compare(c, "home screen: the next page of a section", &mut |store| {
        black_box(
            store
                .home_section(today, Section::Later, 100, 100)
                .expect("page"),
        );
    });
    compare(c, "Mentors place (everyone, every status)", &mut |store| {
        black_box(store.circle(today).expect("circle"));
    });
    compare(c, "one mentor's page", &mut |store| {
        black_box(store.mentor_page(1, today).expect("page"));
    });
    let search = SearchQuery {
        text: "promot".into(),
        ..SearchQuery::default()
    };
    compare(c, "search: one word, as typed", &mut |store| {
        black_box(store.search(&search).expect("search"));
    });
    let narrower = SearchQuery {
        text: "frustrated boss".into(),
        tag: Some("meeting".into()),
        ..SearchQuery::default()
    };
    compare(c, "search: two words and a tag", &mut |store| {
        black_box(store.search(&narrower).expect("search"));
    });
    let common = SearchQuery {
        text: dataset::MOST_COMMON_WORD.into(),
        ..SearchQuery::default()
    };
    compare(
        c,
        "search: the most common word (in nearly every text)",
        &mut |store| {
            black_box(store.search(&common).expect("search"));
        },
    );
    let now = noon();
    compare(c, "nudge planner over every mentor", &mut |store| {
        let settings = store.nudge_settings().expect("settings");
        let candidates = store.nudge_candidates(today).expect("candidates");
        let sent = store
            .nudges_since(now - TimeDelta::days(2))
            .expect("record");
        black_box(nudges::plan(&now, &settings, &candidates, &sent, None));
    });
    let quick_log = CatchUpDraft {
        mentor_id: 1,
        date: today,
        mode: Mode::Video,
        note: "Quick one: talked about the roadmap.".into(),
        discussed: Vec::new(),
        reported_back: Vec::new(),
    };
    compare(
        c,
        "quick-log save (one transaction, WAL, synchronous=FULL)",
        &mut |store| {
            black_box(store.log_catch_up(&quick_log, today).expect("log"));
        },
    );
    let options = ExportOptions {
        include_journal: true,
    };
    compare(c, "export everything as JSON", &mut |store| {
        let export = store.export(options, now).expect("export");
        black_box(export.to_json().expect("json"));
    });
    let backup = circle.encrypted.with_extension("backup");
    let mut slow = |c: &mut Criterion, what: &str, run: &mut dyn FnMut(&mut Store)| {
        let mut group = c.benchmark_group(format!("{name}: {what}"));
        group.sample_size(10);
        for (store, (label, _)) in stores.iter_mut().zip(ENCRYPTED) {
            group.bench_function(label, |b| b.iter(|| run(store)));
        }
        group.finish();
    };
    slow(c, "back up", &mut |store| {
        let _ = std::fs::remove_file(&backup);
        black_box(store.back_up_to(&backup).expect("backup"));
    });
    // What the daily backup now does first, and "Check the circle" does alone.
    slow(c, "check every page", &mut |store| {
        black_box(store.check_integrity().expect("check"));
    });
    let [encrypted, plain] = stores;
    if !quick() {
        quick_log_percentiles(name, encrypted, plain, &quick_log);
    }
    println!("{} dataset: {:?}", circle.name, size);
}

/// The quick log's save as the user feels it: 200 saves one after another, and the
/// 50th and 95th percentile of each (criterion reports means and medians).
fn quick_log_percentiles(name: &str, mut encrypted: Store, mut plain: Store, draft: &CatchUpDraft) {
    let times = |store: &mut Store| {
        let mut took: Vec<Duration> = (0..200)
            .map(|_| {
                let started = Instant::now();
                store.log_catch_up(draft, today()).expect("log");
                started.elapsed()
            })
            .collect();
        took.sort_unstable();
        (took[took.len() / 2], took[took.len() * 95 / 100])
    };
    let (encrypted_p50, encrypted_p95) = times(&mut encrypted);
    let (plain_p50, plain_p95) = times(&mut plain);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: quick-log save, 200 in a row: encrypted p50 {:.3} ms, p95 {:.3} ms; \
         plain p50 {:.3} ms, p95 {:.3} ms; p95 ratio {:.2}",
        ms(encrypted_p50),
        ms(encrypted_p95),
        ms(plain_p50),
        ms(plain_p95),
        ms(encrypted_p95) / ms(plain_p95)
    );
}

fn typical(c: &mut Criterion) {
    let size = if quick() {
        Size::TYPICAL.divided_by(4)
    } else {
        Size::TYPICAL
    };
    circle_benches(c, "typical", size);
}

fn stress(c: &mut Criterion) {
    let size = if quick() {
        Size::STRESS.divided_by(200)
    } else {
        Size::STRESS
    };
    circle_benches(c, "stress", size);
}

/// What else the user waits on, measured on its own: the cadence rule, the brief before
/// a meeting, a passphrase unlock, the journal's autosave.
fn other_benches(c: &mut Criterion) {
    c.bench_function("cadence status (the rule alone)", |b| {
        b.iter(|| {
            cadence::status(
                black_box(today()),
                black_box(21),
                black_box(42),
                black_box(today()),
            )
        })
    });
    let size = Size::TYPICAL.divided_by(if quick() { 4 } else { 1 });
    let circle = Circle::new("typical", size);
    let mut store = circle.open(true);
    c.bench_function("typical: pre-meeting brief, with its text", |b| {
        b.iter(|| store.brief(1, today()).expect("brief"))
    });
    c.bench_function(
        "typical: autosave a journal draft of 2,000 characters",
        |b| {
            let content = EntryContent {
                body: "word ".repeat(400),
                ..EntryContent::default()
            };
            b.iter(|| {
                store
                    .save_draft(DraftOf::NewEntry, &content, noon())
                    .expect("draft")
            })
        },
    );
    // Unlocking in passphrase mode: Argon2id (64 MiB, 3 passes), then the same open.
    let passphrase_dir = circle._scratch.path().join("passphrase");
    let vault = Vault::new(&passphrase_dir);
    drop(
        vault
            .create_with_passphrase("a bench passphrase")
            .expect("created"),
    );
    let keyring = MemorySecretStore::default();
    let mut group = c.benchmark_group("unlock");
    group.sample_size(10);
    group.bench_function(
        "unlock with a passphrase (Argon2id 64 MiB x3, then open)",
        |b| {
            b.iter(|| {
                vault
                    .open_with_passphrase("a bench passphrase", &keyring)
                    .expect("opens")
            })
        },
    );
    group.finish();
}

/// The medians criterion measured, encrypted beside plain, as a Markdown table.
fn print_table(criterion_dir: &Path) {
    let median_ms = |group: &Path, function: &str| -> Option<f64> {
        let text = std::fs::read_to_string(group.join(function).join("new").join("estimates.json"))
            .ok()?;
        let json: serde_json::Value = serde_json::from_str(&text).ok()?;
        Some(json["median"]["point_estimate"].as_f64()? / 1_000_000.0)
    };
    let mut rows = Vec::new();
    for entry in std::fs::read_dir(criterion_dir)
        .into_iter()
        .flatten()
        .flatten()
    {
        let group = entry.path();
        let title =
            std::fs::read_to_string(group.join("encrypted").join("new").join("benchmark.json"))
                .ok()
                .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
                .and_then(|json| json["group_id"].as_str().map(str::to_string));
        let (Some(title), Some(encrypted), Some(plain)) = (
            title,
            median_ms(&group, "encrypted"),
            median_ms(&group, "plain"),
        ) else {
            continue;
        };
        rows.push((title, encrypted, plain));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    // Folders left by an earlier run under another name may carry the same title.
    rows.dedup_by(|a, b| a.0 == b.0);
    println!("\n| operation | encrypted | plain | ratio |\n|---|---:|---:|---:|");
    for (title, encrypted, plain) in rows {
        println!(
            "| {title} | {encrypted:.3} ms | {plain:.3} ms | {:.2}× |",
            encrypted / plain
        );
    }
}

fn main() {
    let criterion_dir = target_dir().join("criterion");
    let mut c = Criterion::default()
        .sample_size(30)
        .output_directory(&criterion_dir)
        .configure_from_args();
    typical(&mut c);
    stress(&mut c);
    other_benches(&mut c);
    c.final_summary();
    if !quick() {
        print_table(&criterion_dir);
    }
}
