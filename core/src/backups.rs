//! Backups: encrypted copies of the whole circle, made while the app runs.
//!
//! A backup is a complete SQLCipher database under the same key as the circle, so it is
//! as unreadable to a thief as the circle itself, and the recovery key opens it on any
//! machine. The app keeps a rotation of automatic copies in the data folder (one a day:
//! the last 7 days and one for each of the 4 weeks before), a copy before every schema
//! upgrade and before every restore; the user can also write one anywhere they like.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

/// The folder inside the data folder that holds the automatic copies.
pub const BACKUP_DIR: &str = "backups";
/// The extension of every backup file.
pub const EXTENSION: &str = "backup";
/// Daily copies kept.
pub const DAILY: usize = 7;
/// Weekly copies kept, beyond the daily ones.
pub const WEEKLY: usize = 4;
/// Copies kept from before upgrades and before restores, each.
pub const SAFETY_COPIES: usize = 3;

/// Why a backup in the data folder was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BackupKind {
    /// The daily copy.
    Daily,
    /// Made just before the schema was upgraded.
    BeforeUpgrade,
    /// Made just before a backup was restored over the circle.
    BeforeRestore,
}

impl BackupKind {
    fn prefix(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily-",
            BackupKind::BeforeUpgrade => "before-upgrade-",
            BackupKind::BeforeRestore => "before-restore-",
        }
    }
}

/// A backup file in the data folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupFile {
    pub path: PathBuf,
    pub kind: BackupKind,
    /// When it was made (from its name, UTC).
    pub made_at: DateTime<Utc>,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The file name for a backup of `kind` made at `now`.
pub fn file_name(kind: BackupKind, now: DateTime<Utc>) -> String {
    match kind {
        BackupKind::Daily => format!("daily-{}.{EXTENSION}", now.format("%Y-%m-%d")),
        other => format!(
            "{}{}.{EXTENSION}",
            other.prefix(),
            now.format("%Y-%m-%dT%H%M%S%.3fZ")
        ),
    }
}

/// Reads a backup's kind and time back from its file name; `None` for other files.
pub fn parse_name(name: &str) -> Option<(BackupKind, DateTime<Utc>)> {
    let stem = name.strip_suffix(&format!(".{EXTENSION}"))?;
    for kind in [
        BackupKind::Daily,
        BackupKind::BeforeUpgrade,
        BackupKind::BeforeRestore,
    ] {
        if let Some(stamp) = stem.strip_prefix(kind.prefix()) {
            let made_at = match kind {
                BackupKind::Daily => NaiveDate::parse_from_str(stamp, "%Y-%m-%d")
                    .ok()?
                    .and_hms_opt(0, 0, 0)?
                    .and_utc(),
                _ => chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%dT%H%M%S%.3fZ")
                    .ok()?
                    .and_utc(),
            };
            return Some((kind, made_at));
        }
    }
    None
}

/// Which daily copies to keep: the newest [`DAILY`] days, and the newest copy of each
/// of the [`WEEKLY`] most recent ISO weeks older than those.
pub fn daily_copies_to_keep(days: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    let mut newest_first: Vec<NaiveDate> = days.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let mut keep: BTreeSet<NaiveDate> = newest_first.iter().take(DAILY).copied().collect();
    let mut weeks = BTreeSet::new();
    for day in newest_first.iter().skip(DAILY) {
        if weeks.len() == WEEKLY {
            break;
        }
        let week = day.iso_week();
        if weeks.insert((week.year(), week.week())) {
            keep.insert(*day);
        }
    }
    keep
}

/// Which of the backups in a folder to delete under the rotation.
pub fn to_delete(files: &[BackupFile]) -> Vec<PathBuf> {
    let daily: Vec<NaiveDate> = files
        .iter()
        .filter(|file| file.kind == BackupKind::Daily)
        .map(|file| file.made_at.date_naive())
        .collect();
    let keep_days = daily_copies_to_keep(&daily);
    let mut delete = Vec::new();
    for kind in [BackupKind::BeforeUpgrade, BackupKind::BeforeRestore] {
        let mut safety: Vec<&BackupFile> = files.iter().filter(|file| file.kind == kind).collect();
        safety.sort_by_key(|file| std::cmp::Reverse(file.made_at));
        delete.extend(
            safety
                .iter()
                .skip(SAFETY_COPIES)
                .map(|file| file.path.clone()),
        );
    }
    delete.extend(
        files
            .iter()
            .filter(|file| {
                file.kind == BackupKind::Daily && !keep_days.contains(&file.made_at.date_naive())
            })
            .map(|file| file.path.clone()),
    );
    delete
}

/// What a backup holds, shown before it is restored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupPreview {
    /// Names of the mentors in it, in alphabetical order.
    pub mentors: Vec<String>,
    #[ts(type = "number")]
    pub catch_ups: u64,
    #[ts(type = "number")]
    pub journal_entries: u64,
    #[ts(type = "number")]
    pub goals: u64,
    #[ts(type = "number")]
    pub prospects: u64,
    /// The most recent catch-up or journal day in it: how up to date it is.
    pub latest_day: Option<NaiveDate>,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// Checks a place the user typed or picked for a new file (a backup, an export): a full
/// path, in a folder that exists, not over an existing file. The error names `path`.
pub fn check_destination(path: &Path) -> crate::Result<()> {
    let invalid = |message: &str| crate::Error::invalid("path", message);
    if path.as_os_str().is_empty() || !path.is_absolute() {
        return Err(invalid(
            "Give the full place to save to, starting from the top folder (like /home/you/Documents/…).",
        ));
    }
    match path.parent() {
        Some(folder) if folder.is_dir() => {}
        _ => return Err(invalid("That folder doesn't exist. Choose another place.")),
    }
    if path.exists() {
        return Err(invalid(
            "Something with that name is there already; choose another name so nothing is overwritten.",
        ));
    }
    Ok(())
}

/// Checks a file the user chose to read (a backup, a file to import).
pub fn check_source(path: &Path) -> crate::Result<()> {
    if !path.is_absolute() || !path.is_file() {
        return Err(crate::Error::invalid(
            "path",
            "There is no file at that place. Check the name and folder.",
        ));
    }
    Ok(())
}

/// Lists the backups in `dir` (nothing if it does not exist yet), newest first.
pub fn list(dir: &Path) -> crate::Result<Vec<BackupFile>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(crate::Error::Internal(format!("listing backups: {error}"))),
    };
    let mut files: Vec<BackupFile> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name();
            let (kind, made_at) = parse_name(name.to_str()?)?;
            let bytes = entry.metadata().ok()?.len();
            Some(BackupFile {
                path: entry.path(),
                kind,
                made_at,
                bytes,
            })
        })
        .collect();
    files.sort_by_key(|file| std::cmp::Reverse(file.made_at));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).expect("date") + chrono::Duration::days(n)
    }

    #[test]
    fn sixty_days_of_copies_keep_seven_days_and_four_weeks() {
        let days: Vec<NaiveDate> = (0..60).map(day).collect();
        let keep = daily_copies_to_keep(&days);
        assert_eq!(keep.len(), DAILY + WEEKLY, "{keep:?}");
        for newest in 53..60 {
            assert!(keep.contains(&day(newest)), "the last 7 days are kept");
        }
        let weeks: BTreeSet<_> = keep
            .iter()
            .filter(|kept| **kept < day(53))
            .map(|kept| kept.iso_week().week())
            .collect();
        assert_eq!(weeks.len(), WEEKLY, "one per week for 4 weeks");
    }

    #[test]
    fn names_read_back_to_their_kind_and_time() {
        let now = "2026-11-22T10:11:12.345Z"
            .parse::<DateTime<Utc>>()
            .expect("time");
        for kind in [
            BackupKind::Daily,
            BackupKind::BeforeUpgrade,
            BackupKind::BeforeRestore,
        ] {
            let (read, at) = parse_name(&file_name(kind, now)).expect("ours");
            assert_eq!(read, kind);
            assert_eq!(at.date_naive(), now.date_naive());
        }
        assert_eq!(parse_name("notes.txt"), None);
        assert_eq!(parse_name("daily-yesterday.backup"), None);
    }

    proptest! {
        #[test]
        fn the_newest_copy_is_always_kept_and_never_more_than_eleven(
            offsets in proptest::collection::vec(0i64..400, 1..80)
        ) {
            let days: Vec<NaiveDate> = offsets.iter().copied().map(day).collect();
            let keep = daily_copies_to_keep(&days);
            let newest = days.iter().max().copied().expect("non-empty");
            prop_assert!(keep.contains(&newest));
            prop_assert!(keep.len() <= DAILY + WEEKLY);
            prop_assert!(keep.iter().all(|kept| days.contains(kept)));
        }
    }
}
