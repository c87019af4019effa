//! Seeded, deterministic circles for benchmarks: "typical" (what a keen user has after a
//! few years) and "stress" (far beyond anyone's). Everything is written through the
//! store's own methods, so the data has the shape, indexes and full-text index the app
//! really reads. Only built with the `bench-data` feature; the app never has it.
//!
//! The same seed and `today` give the same circle, byte for byte in content, so every
//! run of a benchmark reads the same data.

use chrono::{Days, NaiveDate, TimeDelta, TimeZone, Utc};

use crate::advice::{AdviceDraft, AdviceProgress, AdviceStatus};
use crate::agenda::AgendaDraft;
use crate::error::Result;
use crate::journal::EntryContent;
use crate::model::{Agreement, CatchUpDraft, MentorDraft, MentorStatus, Mode, Role};
use crate::prospects::{ProspectDraft, ProspectSource};
use crate::store::Store;

/// How much of everything a dataset holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub mentors: usize,
    pub prospects: usize,
    pub catch_ups: usize,
    pub journal_entries: usize,
    pub advice: usize,
    pub agenda_items: usize,
}

impl Size {
    /// A keen user after a few years: 12 mentors, 60 prospects, 1,500 catch-ups, 1,000
    /// journal entries, 300 pieces of advice (and 100 open or discussed questions).
    pub const TYPICAL: Size = Size {
        mentors: 12,
        prospects: 60,
        catch_ups: 1_500,
        journal_entries: 1_000,
        advice: 300,
        agenda_items: 100,
    };

    /// Far beyond anyone: 10,000 people in the circle, 100,000 catch-ups, 10,000
    /// journal entries and 20,000 pieces of advice and questions (plus 2,000 prospects).
    pub const STRESS: Size = Size {
        mentors: 10_000,
        prospects: 2_000,
        catch_ups: 100_000,
        journal_entries: 10_000,
        advice: 10_000,
        agenda_items: 10_000,
    };

    /// This size divided by `by` (at least one mentor): the same shape, quickly made,
    /// for a "does it run" pass.
    pub fn divided_by(self, by: usize) -> Size {
        let by = by.max(1);
        Size {
            mentors: (self.mentors / by).max(1),
            prospects: self.prospects / by,
            catch_ups: self.catch_ups / by,
            journal_entries: self.journal_entries / by,
            advice: self.advice / by,
            agenda_items: self.agenda_items / by,
        }
    }
}

/// Bumped whenever what [`fill`] writes changes, so kept datasets are written again.
pub const GENERATOR_VERSION: u32 = 2;

/// The seed every benchmark uses.
pub const SEED: u64 = 0x6d65_6e74_6f72_7321;

/// A small, fast generator (xorshift64*): deterministic across platforms and releases,
/// which a library generator would not promise. Text is drawn from [`Vocabulary`].
struct Rng(u64, Vocabulary);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1), Vocabulary::new())
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn words(&mut self, count: usize) -> String {
        let mut text = String::new();
        for index in 0..count {
            if index > 0 {
                text.push(' ');
            }
            let at = self.next() as f64 / u64::MAX as f64 * self.1.total;
            let word = self.1.cumulative.partition_point(|&sum| sum < at);
            text.push_str(&self.1.words[word.min(self.1.words.len() - 1)]);
        }
        text
    }
}

/// Words as natural text uses them: a vocabulary of about 2,000 (made-up words around
/// the real ones), drawn by Zipf's law, so a few words are in nearly every text and most
/// are rare. The words the benchmarks search for ([`WORDS`]) sit at middling ranks, each
/// in a few texts in a hundred, as "promotion" would be in a real journal. (Drawing only
/// those 30 words put each in most of the 120,000 texts, which no journal is like.)
struct Vocabulary {
    words: Vec<String>,
    /// Running totals of the weights `1 / rank`.
    cumulative: Vec<f64>,
    total: f64,
}

impl Vocabulary {
    fn new() -> Vocabulary {
        const SYLLABLES: [&str; 20] = [
            "ba", "ko", "ri", "ta", "mel", "sun", "lo", "vi", "ner", "pa", "dor", "ki", "su",
            "man", "te", "ol", "gri", "fa", "zu", "hen",
        ];
        let mut words: Vec<String> = (0..2000)
            .map(|index| {
                let third = if index < 400 {
                    ""
                } else {
                    SYLLABLES[index / 400]
                };
                format!(
                    "{}{}{third}",
                    SYLLABLES[index % 20],
                    SYLLABLES[(index / 20) % 20]
                )
            })
            .collect();
        for (position, word) in WORDS.iter().enumerate() {
            words.insert(100 + position * 10, (*word).to_string());
        }
        let mut cumulative = Vec::with_capacity(words.len());
        let mut total = 0.0;
        for rank in 1..=words.len() {
            total += 1.0 / rank as f64;
            cumulative.push(total);
        }
        Vocabulary {
            words,
            cumulative,
            total,
        }
    }
}

/// The vocabulary's most common word: it is in nearly every text, the worst case for
/// ranking search results.
pub const MOST_COMMON_WORD: &str = "baba";

const WORDS: &[&str] = &[
    "boss",
    "meeting",
    "promotion",
    "frustrated",
    "project",
    "team",
    "feedback",
    "career",
    "monday",
    "salary",
    "mentor",
    "advice",
    "deadline",
    "tired",
    "proud",
    "learning",
    "manager",
    "review",
    "change",
    "role",
    "client",
    "idea",
    "afraid",
    "ask",
    "conference",
    "introduction",
    "roadmap",
    "hiring",
    "negotiate",
    "presentation",
];

const FIRST_NAMES: &[&str] = &[
    "Ana", "Ben", "Chloé", "Dmitri", "Esther", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi",
    "Luca", "Mei", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tomás",
];

const LAST_NAMES: &[&str] = &[
    "Sousa",
    "Okafor",
    "Lindqvist",
    "Novak",
    "Haddad",
    "Tanaka",
    "Moreau",
    "Castillo",
    "Adeyemi",
    "Fischer",
    "Kowalski",
    "Nakamura",
    "O'Brien",
    "Rossi",
    "Singh",
    "Weber",
];

const ORGANISATIONS: &[&str] = &[
    "Northwind Labs",
    "City Product Guild",
    "Bluebird Analytics",
    "Harbour Bank",
    "Open Health Trust",
    "Foundry & Co",
    "",
];

const ROLES: &[Role] = &[
    Role::NetworkConnector,
    Role::Adviser,
    Role::IdeaPerson,
    Role::EmotionalConnector,
    Role::SuccessPartner,
    Role::Insider,
    Role::Peer,
];

const MODES: &[Mode] = &[
    Mode::InPerson,
    Mode::Video,
    Mode::Phone,
    Mode::Email,
    Mode::Message,
];

const SOURCES: &[ProspectSource] = &[
    ProspectSource::Professor,
    ProspectSource::FormerBoss,
    ProspectSource::FormerColleague,
    ProspectSource::ProfessionalAssociation,
    ProspectSource::InformationalInterview,
    ProspectSource::Interviewer,
    ProspectSource::Event,
    ProspectSource::Other,
];

/// How many of each kind were written.
pub type Written = Size;

/// Fills an empty `store` with a circle of `size`, dated up to `today`, from `seed`.
///
/// Mentors get every status the app knows (most active, some paused, some alumni;
/// overdue, due, due soon, in touch and never met), catch-ups spread over the last few
/// years (the newest mentors have fewest), questions open and discussed, advice in every
/// state, and a journal with tags and mentors to raise things with.
pub fn fill(store: &mut Store, size: Size, seed: u64, today: NaiveDate) -> Result<Written> {
    let mut rng = Rng::new(seed);
    let now = Utc.from_utc_datetime(&today.and_hms_opt(18, 0, 0).unwrap_or_default());
    // Each commit waits for the disk by default; a dataset of 140,000 rows would spend
    // minutes on that and nothing else. Restored before returning.
    store
        .connection()
        .execute_batch("PRAGMA synchronous = OFF;")?;
    let written = fill_all(store, size, &mut rng, now, today);
    store
        .connection()
        .execute_batch("PRAGMA synchronous = FULL;")?;
    written
}

fn fill_all(
    store: &mut Store,
    size: Size,
    rng: &mut Rng,
    now: chrono::DateTime<Utc>,
    today: NaiveDate,
) -> Result<Written> {
    let years_ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);
    let mut mentors = Vec::with_capacity(size.mentors);
    for index in 0..size.mentors {
        let cadence = [7, 14, 21, 30, 42, 60, 90][rng.below(7)];
        // Started between a month and six years ago.
        let started = years_ago(30 + rng.below(6 * 365) as u64);
        let mut agreement = Agreement::ongoing(cadence, cadence * 2, *rng.pick(MODES), started);
        agreement.modes.push(*rng.pick(MODES));
        agreement.modes.dedup();
        let first = rng.pick(FIRST_NAMES);
        let last = rng.pick(LAST_NAMES);
        let mut roles = vec![*rng.pick(ROLES)];
        if rng.below(3) == 0 {
            let second = *rng.pick(ROLES);
            if !roles.contains(&second) {
                roles.push(second);
            }
        }
        let mut draft = MentorDraft::new(format!("{first} {last} {index}"), roles, agreement);
        draft.organisation = rng.pick(ORGANISATIONS).to_string();
        draft.expertise = rng.words(6);
        draft.how_we_met = rng.words(8);
        draft.status = match rng.below(10) {
            0 => MentorStatus::Paused,
            1 => MentorStatus::Alumni,
            _ => MentorStatus::Active,
        };
        let mentor = store.add_mentor(&draft, started)?;
        mentors.push((mentor.id, started, cadence));
    }

    // Questions first, so a mentor's latest catch-up can tick two in three of them as
    // discussed, the way the quick log does.
    let mut open_questions: Vec<Vec<crate::model::AgendaItemId>> = vec![Vec::new(); mentors.len()];
    for index in 0..size.agenda_items {
        let position = rng.below(mentors.len());
        let draft = AgendaDraft {
            mentor_id: mentors[position].0,
            text: format!("Ask about {}?", rng.words(6)),
            from_entry: None,
        };
        let item = store.add_agenda_item(&draft, now - TimeDelta::hours(index as i64))?;
        if rng.below(3) != 0 {
            open_questions[position].push(item.id);
        }
    }

    // Catch-ups: shared evenly, spread from the latest back to when the mentor joined;
    // the latest is placed so every cadence status shows up.
    let mut written_catch_ups = 0;
    for (position, &(mentor_id, started, cadence)) in mentors.iter().enumerate() {
        let remaining_mentors = mentors.len() - position;
        let share = (size.catch_ups - written_catch_ups) / remaining_mentors;
        let span = (today - started).num_days().max(1) as u64;
        // Days since the latest: from today to long overdue.
        let latest_ago = rng.below(cadence as usize * 3) as u64;
        for nth in 0..share {
            let ago = latest_ago + (nth as u64 * span / share as u64);
            let words = 12 + rng.below(30);
            let discussed = if nth == 0 {
                std::mem::take(&mut open_questions[position])
            } else {
                Vec::new()
            };
            let draft = CatchUpDraft {
                mentor_id,
                date: years_ago(ago.min(span)),
                mode: *rng.pick(MODES),
                note: rng.words(words),
                discussed,
                reported_back: Vec::new(),
            };
            store.log_catch_up(&draft, today)?;
            written_catch_ups += 1;
        }
    }

    let mut written_advice = 0;
    for index in 0..size.advice {
        let (mentor_id, started, _) = mentors[rng.below(mentors.len())];
        let span = (today - started).num_days().max(1) as usize;
        let draft = AdviceDraft {
            mentor_id,
            given_on: years_ago(rng.below(span) as u64),
            text: format!("Advice {index}: {}", rng.words(10)),
        };
        let advice = store.add_advice(&draft, today)?;
        let progress = match rng.below(4) {
            0 => None,
            1 => Some((AdviceStatus::Trying, "", "")),
            2 => Some((AdviceStatus::Adopted, "", "It worked: the team noticed.")),
            _ => Some((AdviceStatus::Declined, "Not for this team.", "")),
        };
        if let Some((status, reason, outcome)) = progress {
            let progress = AdviceProgress {
                status,
                reason: reason.into(),
                outcome: outcome.into(),
            };
            store.update_advice(advice.id, &progress, today)?;
        }
        written_advice += 1;
    }

    let mut written_prospects = 0;
    for index in 0..size.prospects {
        let draft = ProspectDraft {
            name: format!(
                "{} {} prospect {index}",
                rng.pick(FIRST_NAMES),
                rng.pick(LAST_NAMES)
            ),
            organisation: rng.pick(ORGANISATIONS).to_string(),
            position: "Engineering manager".into(),
            email: format!("prospect{index}@example.org"),
            note: rng.words(10),
            source: Some(*rng.pick(SOURCES)),
            wants: rng.words(8),
            could_fill: vec![*rng.pick(ROLES)],
            ..ProspectDraft::default()
        };
        store.add_prospect(&draft, today)?;
        written_prospects += 1;
    }

    let mut written_entries = 0;
    for index in 0..size.journal_entries {
        let mentor_ids = if rng.below(5) == 0 {
            vec![mentors[rng.below(mentors.len())].0]
        } else {
            Vec::new()
        };
        let words = 40 + rng.below(60);
        let content = EntryContent {
            body: rng.words(words),
            mood: Some(1 + rng.below(5) as u8),
            energy: None,
            tags: vec![rng.pick(&WORDS[..6]).to_string()],
            mentor_ids,
        };
        // Four a day, going back from now.
        let at = now - TimeDelta::hours(6 * index as i64);
        store.add_entry(&content, at, at.date_naive())?;
        written_entries += 1;
    }

    Ok(Size {
        mentors: mentors.len(),
        prospects: written_prospects,
        catch_ups: written_catch_ups,
        journal_entries: written_entries,
        advice: written_advice,
        agenda_items: size.agenda_items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbKey;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
    }

    fn made(seed: u64) -> (tempfile::TempDir, Store, Written) {
        let dir = tempfile::tempdir().expect("dir");
        let key = DbKey::generate().expect("key");
        let mut store = Store::open(&dir.path().join("circle.db"), &key).expect("open");
        let size = Size::TYPICAL.divided_by(4);
        let written = fill(&mut store, size, seed, today()).expect("filled");
        (dir, store, written)
    }

    #[test]
    fn writes_what_the_size_asks_for() {
        let (_dir, store, written) = made(SEED);
        assert_eq!(written, Size::TYPICAL.divided_by(4));
        assert_eq!(store.circle(today()).expect("circle").len(), 3);
    }

    /// The nudge loop's own lean read agrees with the home screen's, on a circle with
    /// every status.
    #[test]
    fn the_nudge_candidates_are_those_the_circle_shows_as_wanting_a_catch_up() {
        let (_dir, store, _) = made(SEED);
        let mut compared = 0;
        for today in [today(), today() + Days::new(20), today() + Days::new(200)] {
            let lean = store.nudge_candidates(today).expect("candidates");
            let from_circle = crate::nudges::candidates(&store.circle(today).expect("circle"));
            let sorted = |mut list: Vec<crate::nudges::Candidate>| {
                list.sort_by_key(|candidate| candidate.mentor_id);
                list
            };
            compared += lean.len();
            assert_eq!(sorted(lean), sorted(from_circle));
        }
        assert!(
            compared > 0,
            "some mentor wanted a catch-up on one of the days"
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_circle_and_another_seed_another() {
        let names = |seed| {
            let (_dir, store, _) = made(seed);
            let circle = store.circle(today()).expect("circle");
            circle
                .iter()
                .map(|member| (member.mentor.name.clone(), member.last_catch_up))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(SEED), names(SEED));
        assert_ne!(names(SEED), names(SEED + 1));
    }
}
