//! The home screen, a page at a time: each section's count from the indexed due days
//! (migration 9), and only the members a page shows read whole. A circle of ten
//! thousand costs the home screen a few dozen rows per section, not ten thousand.

use chrono::{Datelike, NaiveDate};
use rusqlite::params;

use super::Store;
use super::mentors::{SUMMARY_SELECT, member_on, summary_from_row};
use crate::error::{Error, Result};
use crate::model::{CircleMember, Section};
use crate::view::{Home, HomeSection};

/// Rows a long section shows at first, and adds with each "Show more": the most urgent
/// of each section, about a window's worth in all, and few enough that a large circle's
/// home screen draws at once (on the stress circle, four sections of 100 rows took
/// 300 ms to draw, of 25 rows 70 ms, of 10 rows 40 ms; see docs/performance.md).
pub const HOME_PAGE: u32 = 10;

/// The most a page may ask for at once.
const MAX_PAGE: u32 = 1000;

/// SQLite's whole Julian day number (`CAST(julianday(day) AS INTEGER)`) of a day:
/// what the `due_day` and `overdue_day` columns hold.
pub(crate) fn julian_day(day: NaiveDate) -> i64 {
    // 0001-01-01 is day 1 from the common era and Julian day 1,721,425.5.
    i64::from(day.num_days_from_ce()) + 1_721_424
}

/// Not waiting for the agreement's review (`?2` is today): reviews have their own section.
const NOT_REVIEW: &str = "(status <> 'active' OR review_on IS NULL OR review_on > ?2)";

/// Overdue, due, due soon, then the rest (`?1` is today's Julian day): the order of
/// [`crate::model::DueStatus`], most urgent first. Due soon is a quarter of the
/// cadence, at most a week, as [`crate::cadence::due_soon_window`] has it.
const URGENCY: &str = "CASE WHEN overdue_day <= ?1 THEN 0 WHEN due_day <= ?1 THEN 1
     WHEN due_day - ?1 <= min(CASE status WHEN 'active' THEN cadence_days ELSE 365 END / 4, 7)
     THEN 2 ELSE 3 END";

impl Store {
    /// The home screen on `today`: every non-empty section with its count and first page
    /// (the whole section when it is at most two pages, as the screen draws it), and how
    /// many are in the circle, paused, and samples.
    pub fn home(&self, today: NaiveDate) -> Result<Home> {
        let day = julian_day(today);
        let mut counts = self.conn.prepare_cached(
            "SELECT (SELECT count(*) FROM mentor),
                    (SELECT count(*) FROM mentor WHERE due_day IS NULL),
                    (SELECT count(*) FROM mentor WHERE sample = 1),
                    (SELECT count(*) FROM mentor WHERE overdue_day <= ?1),
                    (SELECT count(*) FROM mentor WHERE due_day <= ?1),
                    (SELECT count(*) FROM mentor WHERE due_day > ?1 AND due_day <= ?1 + 7),
                    (SELECT count(*) FROM mentor WHERE due_day > ?1 + 7)",
        )?;
        let (everyone, paused, samples, overdue, due_or_overdue, week, later) =
            counts.query_row([day], |row| {
                Ok((
                    row.get::<_, u32>(0)?,
                    row.get::<_, u32>(1)?,
                    row.get::<_, u32>(2)?,
                    row.get::<_, u32>(3)?,
                    row.get::<_, u32>(4)?,
                    row.get::<_, u32>(5)?,
                    row.get::<_, u32>(6)?,
                ))
            })?;
        let mut totals = [0, overdue, due_or_overdue - overdue, week, later];
        // Agreements up for review are listed there and not under their cadence: few, so
        // each is placed here rather than counted by another index.
        let mut reviews = self.conn.prepare_cached(
            "SELECT overdue_day <= ?1, due_day <= ?1, due_day <= ?1 + 7 FROM mentor
             WHERE status = 'active' AND review_on <= ?2",
        )?;
        let mut rows = reviews.query(params![day, today])?;
        while let Some(row) = rows.next()? {
            let (overdue, due, week): (bool, bool, bool) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let from = if overdue {
                1
            } else if due {
                2
            } else if week {
                3
            } else {
                4
            };
            totals[0] += 1;
            totals[from] -= 1;
        }
        let mut sections = Vec::new();
        for (key, total) in Section::ALL.into_iter().zip(totals) {
            if total == 0 {
                continue;
            }
            let first = if total <= 2 * HOME_PAGE {
                total
            } else {
                HOME_PAGE
            };
            sections.push(HomeSection {
                key,
                total,
                members: self.home_section(today, key, 0, first)?,
            });
        }
        Ok(Home {
            sections,
            page: HOME_PAGE,
            everyone,
            paused,
            samples,
        })
    }

    /// Up to `limit` members of one home-screen section on `today`, from `offset`, in the
    /// order the user should act: by urgency where a section mixes it (reviews, this
    /// week), then by due day, then by name (ASCII letters folded) and id, so pages
    /// never overlap.
    pub fn home_section(
        &self,
        today: NaiveDate,
        section: Section,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<CircleMember>> {
        if limit == 0 || limit > MAX_PAGE {
            return Err(Error::invalid(
                "limit",
                format!("Ask for 1 to {MAX_PAGE} at a time."),
            ));
        }
        let filter = match section {
            Section::Review => "status = 'active' AND review_on <= ?2".to_owned(),
            // Through the due-day index (an overdue mentor's due day has passed too), in
            // the order shown, so the first page stops early instead of sorting thousands.
            Section::Overdue => format!("due_day <= ?1 AND +overdue_day <= ?1 AND {NOT_REVIEW}"),
            Section::Due => format!("due_day <= ?1 AND overdue_day > ?1 AND {NOT_REVIEW}"),
            Section::Week => format!("due_day > ?1 AND due_day <= ?1 + 7 AND {NOT_REVIEW}"),
            Section::Later => format!("due_day > ?1 + 7 AND {NOT_REVIEW}"),
        };
        let urgency = match section {
            Section::Review | Section::Week => format!("{URGENCY}, "),
            Section::Overdue | Section::Due | Section::Later => String::new(),
        };
        let mut statement = self.conn.prepare_cached(&format!(
            "{SUMMARY_SELECT} WHERE {filter}
             ORDER BY {urgency}due_day, name COLLATE NOCASE, id LIMIT ?3 OFFSET ?4"
        ))?;
        let rows = statement.query_map(
            params![julian_day(today), today, limit, offset],
            summary_from_row,
        )?;
        let mut members = Vec::new();
        for row in rows {
            members.push(member_on(row?, today));
        }
        Ok(members)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Days;

    use super::*;
    use crate::DbKey;

    #[test]
    fn julian_days_are_sqlites() {
        let conn = rusqlite::Connection::open_in_memory().expect("memory");
        for text in [
            "0001-01-01",
            "1970-01-01",
            "2000-02-29",
            "2026-11-22",
            "9999-12-31",
        ] {
            let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("day");
            let sqlite: i64 = conn
                .query_row("SELECT CAST(julianday(?1) AS INTEGER)", [text], |row| {
                    row.get(0)
                })
                .expect("julianday");
            assert_eq!(julian_day(day), sqlite, "{text}");
        }
    }

    /// The paged home screen shows exactly what the whole circle says, in its order: every
    /// section, every page, every count, on days that move mentors between sections; with
    /// agreements up for review, snoozes and names shared by several mentors. The nudge
    /// planner's read, which uses the same indexed days, is held to the same rule.
    #[cfg(feature = "bench-data")]
    #[test]
    fn the_home_screen_in_pages_is_the_circle_in_sections() {
        use crate::dataset::{SEED, Size, fill};
        let dir = tempfile::tempdir().expect("dir");
        let key = DbKey::generate().expect("key");
        let mut store = Store::open(&dir.path().join("circle.db"), &key).expect("open");
        let made_on = NaiveDate::from_ymd_opt(2026, 11, 22).expect("day");
        fill(&mut store, Size::STRESS.divided_by(25), SEED, made_on).expect("filled");
        store
            .conn
            .execute_batch(
                "UPDATE mentor SET review_on = date(added_on, '+' || (id % 90) || ' days')
                     WHERE id % 7 = 0;
                 UPDATE mentor SET name = 'Ana Silva' WHERE id % 11 = 0;
                 UPDATE mentor SET snoozed_until = '2026-12-01' WHERE id % 13 = 0;",
            )
            .expect("reviews, shared names, snoozes");

        let mut seen = std::collections::HashSet::new();
        for today in [
            made_on,
            made_on + Days::new(5),
            made_on + Days::new(40),
            made_on + Days::new(400),
        ] {
            let circle = store.circle(today).expect("circle");
            let home = store.home(today).expect("home");

            // The planner's own read agrees with the rule applied to the whole circle.
            let by_id = |mut list: Vec<crate::nudges::Candidate>| {
                list.sort_by_key(|candidate| candidate.mentor_id);
                list
            };
            assert_eq!(
                by_id(store.nudge_candidates(today).expect("candidates")),
                by_id(crate::nudges::candidates(&circle)),
                "nudge candidates on {today}"
            );
            assert_eq!(home.everyone as usize, circle.len());
            let paused = circle.iter().filter(|m| m.section().is_none()).count();
            assert_eq!(home.paused as usize, paused);
            let samples = circle.iter().filter(|m| m.mentor.sample).count();
            assert_eq!(home.samples as usize, samples);

            let mut shown = home.sections.iter();
            for key in Section::ALL {
                let mut expected: Vec<&CircleMember> =
                    circle.iter().filter(|m| m.section() == Some(key)).collect();
                expected.sort_by_cached_key(|m| {
                    let cadence = m.cadence.expect("listed members have a cadence");
                    let urgency = match key {
                        Section::Review | Section::Week => std::cmp::Reverse(cadence.status),
                        _ => std::cmp::Reverse(crate::model::DueStatus::Ok),
                    };
                    (
                        urgency,
                        cadence.due_on,
                        m.mentor.name.to_ascii_lowercase(),
                        m.mentor.id,
                    )
                });
                if expected.is_empty() {
                    continue;
                }
                seen.insert(key);
                let section = shown.next().expect("a non-empty section is shown");
                assert_eq!(section.key, key, "{today}");
                assert_eq!(section.total as usize, expected.len(), "{key:?} on {today}");
                // Up to two pages whole, else one page (10: a literal, so that a changed
                // page size is a decision this test is told of).
                let first = if expected.len() <= 20 {
                    expected.len()
                } else {
                    10
                };
                assert_eq!(home.page, 10);
                assert_eq!(section.members.len(), first, "{key:?} on {today}");

                // Read again in pages of 37, the last one short.
                let mut paged = Vec::new();
                loop {
                    let page = store
                        .home_section(today, key, paged.len() as u32, 37)
                        .expect("page");
                    let done = page.len() < 37;
                    paged.extend(page);
                    if done {
                        break;
                    }
                }
                let expected: Vec<CircleMember> = expected.into_iter().cloned().collect();
                assert_eq!(paged, expected, "{key:?} on {today}");
                assert_eq!(section.members[..], expected[..first]);
            }
            assert!(shown.next().is_none(), "no empty section is shown");
        }
        assert_eq!(seen.len(), Section::ALL.len(), "every section was compared");
    }
}
