//! The fuzz targets' checks (see `checks.rs`), as a library for `fuzz_targets/`.

mod checks;

pub use checks::{backup_name, circle_json, contacts, recovery_key, search};
