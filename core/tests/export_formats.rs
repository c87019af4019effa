//! The plaintext exports read back by independent parsers: the calendar and the
//! contacts through the `ical` crate, the Markdown folder by following its own links.
//!
//! The circle is built in memory with the names and notes that break naive writers
//! (accents, commas, semicolons, line breaks, long multibyte text, hostile file names),
//! and a journal entry carrying a canary that must appear only where the user chose to
//! export the journal.

use std::collections::HashSet;
use std::io::BufReader;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mentor_core::agenda::AgendaItem;
use mentor_core::goals::{Goal, GoalStatus};
use mentor_core::journal::{EntryContent, JournalEntry};
use mentor_core::model::{
    Agreement, CatchUp, Contact, Mentor, MentorDraft, MentorStatus, Mode, Purpose, Role, Term,
};
use mentor_core::prospects::{Prospect, ProspectDraft};
use mentor_core::transfer::markdown::{self, MarkdownFile};
use mentor_core::transfer::{CircleExport, FORMAT, MentorExport, VERSION, ics, vcard};

mod common;
use common::day;

/// Written only in the journal: finding it anywhere else is a leak.
const CANARY: &str = "CANARY-journal-7f3a9c";

const JOSE: &str = "José Núñez, Jr.; PhD";
const JOSE_ORG: &str = "Acme, Inc.; R&D \\ Labs";
const AGENDA_ITEM: &str = "Ask about the lead role, the budget; and\nwhether to apply";
/// Long enough to be folded, with multibyte characters either side of the folds.
const NORDIC: &str = "Nordic Rail, Ltd. — Ångström-laboratoriet för hållbara järnvägar; Göteborg";
const SECRET_NOTE: &str = "She told me, in confidence, about the reorg";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 20, 9, 30, 0)
        .single()
        .expect("a valid instant")
}

fn today() -> NaiveDate {
    day("2026-03-20")
}

/// A long note, well over 75 octets, mixing two- and three-byte characters.
fn long_note() -> String {
    "Überlegungen zur Beförderung — 日本語のメモ: « prochaine étape » ".repeat(4)
}

fn mentor(id: i64, name: &str, status: MentorStatus, every: u32, longest: u32) -> Mentor {
    let agreement = Agreement::ongoing(every, longest, Mode::Video, day("2026-01-01"));
    let mut details = MentorDraft::new(name, vec![Role::Adviser], agreement);
    details.status = status;
    Mentor {
        id,
        added_on: day("2026-01-01"),
        sample: false,
        details,
        co_mentoring: Default::default(),
    }
}

fn catch_up(id: i64, mentor_id: i64, date: &str, note: &str) -> CatchUp {
    CatchUp {
        id,
        mentor_id,
        date: day(date),
        mode: Mode::Video,
        note: note.into(),
    }
}

fn agenda(id: i64, mentor_id: i64, text: &str) -> AgendaItem {
    AgendaItem {
        id,
        mentor_id,
        text: text.into(),
        added_at: now(),
        from_entry: None,
        discussed_on: None,
    }
}

fn exported(mentor: Mentor, catch_ups: Vec<CatchUp>, agenda: Vec<AgendaItem>) -> MentorExport {
    MentorExport {
        mentor,
        catch_ups,
        agenda,
        advice: Vec::new(),
        gives: Vec::new(),
    }
}

/// Four mentors: José (active, on time, with everything filled in), Ana (active and
/// overdue), Bea (alumni) and Paul (paused); a goal; a journal entry if asked for.
fn circle(include_journal: bool) -> CircleExport {
    let mut jose = mentor(1, JOSE, MentorStatus::Active, 21, 42);
    jose.details.organisation = JOSE_ORG.into();
    jose.details.roles = vec![Role::Adviser, Role::NetworkConnector];
    jose.details.contact = Contact {
        email: "jose_nunez@example.org".into(),
        phone: "+34 600 000 000".into(),
        linkedin: "https://www.linkedin.com/in/jose-nunez".into(),
    };
    let agreement = &mut jose.details.agreement;
    agreement.modes = vec![Mode::Video, Mode::InPerson];
    agreement.term = Term::FixedPeriod;
    agreement.review_on = Some(day("2026-12-31"));
    agreement.purposes = vec![Purpose::ExpandNetwork, Purpose::TestIdeas];
    agreement.own_purpose = "Get ready for a lead role".into();
    let jose = exported(
        jose,
        vec![
            // Deliberately oldest first: the writers must not rely on the order.
            catch_up(10, 1, "2026-02-01", &long_note()),
            catch_up(
                11,
                1,
                "2026-03-10",
                &format!("{SECRET_NOTE}.\n# not a heading\n- not a list\n<!-- not hidden"),
            ),
        ],
        vec![agenda(20, 1, AGENDA_ITEM), agenda(21, 1, &long_note())],
    );

    let ana = exported(
        mentor(2, "Ana Lima", MentorStatus::Active, 14, 28),
        vec![catch_up(
            12,
            2,
            "2026-01-05",
            "Coffee; talked about the move",
        )],
        Vec::new(),
    );
    let bea = exported(
        mentor(3, "Bea Alumni", MentorStatus::Alumni, 14, 28),
        Vec::new(),
        vec![agenda(22, 3, "Tell her about the promotion")],
    );
    let paul = exported(
        mentor(4, "Paul Paused", MentorStatus::Paused, 14, 28),
        Vec::new(),
        Vec::new(),
    );

    let goal = Goal {
        id: 30,
        title: "Lead a project by June".into(),
        why: "I keep getting passed over;\n# because I never ask".into(),
        target_on: Some(day("2026-06-30")),
        status: GoalStatus::Active,
        mentor_ids: vec![1, 2],
        added_at: now(),
        from_entry: Some(40),
        progress: Vec::new(),
    };
    let journal = include_journal.then(|| {
        vec![JournalEntry {
            id: 40,
            written_at: now(),
            written_on: day("2026-03-19"),
            updated_at: now(),
            content: EntryContent {
                body: format!("Passed over again. {CANARY}\n- felt awful"),
                mood: Some(2),
                energy: Some(4),
                tags: vec!["work".into(), "lead role".into()],
                mentor_ids: vec![1],
            },
        }]
    });
    CircleExport {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now(),
        mentors: vec![jose, ana, bea, paul],
        goals: vec![goal],
        prospects: prospects(),
        journal,
    }
}

fn prospects() -> Vec<Prospect> {
    vec![Prospect {
        id: 7,
        added_on: day("2026-02-02"),
        details: ProspectDraft {
            name: "Zoë Ångström".into(),
            organisation: NORDIC.into(),
            position: "Head of Strategy; Operations".into(),
            email: "zoe@example.se".into(),
            profile_url: "https://example.se/zoe".into(),
            connected_on: Some(day("2025-11-01")),
            note: format!("Met at a conference {CANARY}"),
            ..ProspectDraft::default()
        },
        stage: Default::default(),
        steps: Vec::new(),
        mentor_id: None,
    }]
}

/// A TEXT value as written, back to what the user typed (RFC 5545 §3.3.11).
fn unescape(value: &str) -> String {
    let mut text = String::new();
    let mut chars = value.chars();
    while let Some(ch) = chars.next() {
        if ch == '\\' {
            match chars.next() {
                Some('n' | 'N') => text.push('\n'),
                Some(other) => text.push(other),
                None => text.push('\\'),
            }
        } else {
            text.push(ch);
        }
    }
    text
}

fn property<'a>(properties: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    properties
        .iter()
        .find(|property| property.name == name)
        .and_then(|property| property.value.as_deref())
}

fn text(properties: &[ical::property::Property], name: &str) -> String {
    unescape(property(properties, name).unwrap_or_else(|| panic!("{name} is present")))
}

/// Every physical line ends in CRLF and is at most 75 octets; there is at least one
/// fold, or the long text was not long enough to test anything.
fn assert_content_lines(output: &str, what: &str) {
    assert!(output.ends_with("\r\n"), "{what} ends with CRLF");
    let body = output.strip_suffix("\r\n").expect("checked above");
    for line in body.split("\r\n") {
        assert!(!line.contains('\n'), "{what}: a bare LF in {line:?}");
        assert!(!line.contains('\r'), "{what}: a bare CR in {line:?}");
        assert!(
            line.len() <= 75,
            "{what}: {} octets in {line:?}",
            line.len()
        );
    }
    assert!(body.contains("\r\n "), "{what} has folded lines");
}

// --- iCalendar ------------------------------------------------------------------------

fn parse_calendar(output: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut calendars = ical::IcalParser::new(BufReader::new(output.as_bytes()));
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("the calendar parses");
    assert!(calendars.next().is_none(), "exactly one calendar");
    calendar
}

#[test]
fn the_calendar_has_one_all_day_event_per_active_mentor_on_the_day_they_are_due() {
    let output = ics::next_catch_ups(&circle(true), today(), now());
    let calendar = parse_calendar(&output);
    assert_eq!(property(&calendar.properties, "VERSION"), Some("2.0"));
    assert!(property(&calendar.properties, "PRODID").is_some(), "PRODID");

    let uids: Vec<&str> = calendar
        .events
        .iter()
        .map(|event| property(&event.properties, "UID").expect("every event has a UID"))
        .collect();
    assert_eq!(
        uids,
        vec![
            "mentor-2@mentor-circle.local",
            "mentor-1@mentor-circle.local"
        ],
        "Ana (overdue, today) then José; no event for alumni Bea or paused Paul"
    );

    let event = |uid: &str| {
        calendar
            .events
            .iter()
            .find(|event| property(&event.properties, "UID") == Some(uid))
            .unwrap_or_else(|| panic!("an event for {uid}"))
    };
    let jose = event("mentor-1@mentor-circle.local");
    let start = jose
        .properties
        .iter()
        .find(|property| property.name == "DTSTART")
        .expect("DTSTART");
    assert_eq!(
        start.params,
        Some(vec![("VALUE".to_string(), vec!["DATE".to_string()])]),
        "an all-day event"
    );
    // Last catch-up 10 March, every 3 weeks: due 31 March, whatever order the
    // catch-ups came in.
    assert_eq!(start.value.as_deref(), Some("20260331"));
    assert_eq!(property(&jose.properties, "DTEND"), Some("20260401"));
    assert_eq!(
        property(&jose.properties, "DTSTAMP"),
        Some("20260320T093000Z")
    );
    assert_eq!(
        text(&jose.properties, "SUMMARY"),
        format!("Catch up with {JOSE}"),
        "the name round-trips with its comma and semicolon"
    );

    // Ana's last catch-up was 5 January, every 2 weeks: long overdue, so today.
    let ana = event("mentor-2@mentor-circle.local");
    assert_eq!(property(&ana.properties, "DTSTART"), Some("20260320"));
    assert_eq!(property(&ana.properties, "DTEND"), Some("20260321"));
    assert!(
        text(&ana.properties, "DESCRIPTION").contains("Due since 2026-01-19."),
        "an overdue event says since when"
    );
}

#[test]
fn the_calendar_description_round_trips_the_cadence_and_agenda_through_folding() {
    let output = ics::next_catch_ups(&circle(true), today(), now());
    let calendar = parse_calendar(&output);
    let jose = calendar
        .events
        .iter()
        .find(|event| property(&event.properties, "UID") == Some("mentor-1@mentor-circle.local"))
        .expect("José's event");
    let description = text(&jose.properties, "DESCRIPTION");
    assert!(
        description.starts_with("Every 3 weeks, never more than 6 weeks.\n"),
        "the cadence in words first: {description:?}"
    );
    assert!(
        description.contains(&format!("For your next catch-up:\n- {AGENDA_ITEM}\n")),
        "the agenda item with its comma, semicolon and line break: {description:?}"
    );
    assert!(
        description.ends_with(&format!("- {}", long_note().trim())),
        "the long multibyte item survives folding intact: {description:?}"
    );
}

#[test]
fn the_calendar_is_crlf_and_folded_at_75_octets() {
    let output = ics::next_catch_ups(&circle(true), today(), now());
    assert_content_lines(&output, "the calendar");
}

#[test]
fn the_calendar_carries_no_journal_text_or_catch_up_notes() {
    let output = ics::next_catch_ups(&circle(true), today(), now());
    let unfolded = output.replace("\r\n ", "");
    assert!(!unfolded.contains(CANARY), "journal text in the calendar");
    assert!(
        !unfolded.contains("in confidence"),
        "a catch-up note in the calendar"
    );
}

// --- vCard ----------------------------------------------------------------------------

#[test]
fn contacts_round_trip_names_emails_and_organisations() {
    let export = circle(true);
    let output = vcard::contacts(&export.mentors, &prospects());
    assert_content_lines(&output, "the contacts");
    let cards: Vec<_> = ical::VcardParser::new(BufReader::new(output.as_bytes()))
        .map(|card| card.expect("every card parses"))
        .collect();
    assert_eq!(
        cards.len(),
        5,
        "four mentors, whatever their status, and a prospect"
    );

    let names: Vec<String> = cards.iter().map(|c| text(&c.properties, "FN")).collect();
    assert_eq!(
        names,
        vec![
            JOSE,
            "Ana Lima",
            "Bea Alumni",
            "Paul Paused",
            "Zoë Ångström"
        ]
    );

    let jose = &cards[0].properties;
    assert_eq!(property(jose, "VERSION"), Some("3.0"));
    assert_eq!(
        property(jose, "N"),
        Some("PhD;José Núñez\\, Jr.\\;;;;"),
        "the last word is the family name; each component escaped"
    );
    assert_eq!(text(jose, "ORG"), JOSE_ORG);
    assert_eq!(text(jose, "EMAIL"), "jose_nunez@example.org");
    assert_eq!(text(jose, "TEL"), "+34 600 000 000");
    assert_eq!(
        property(jose, "URL"),
        Some("https://www.linkedin.com/in/jose-nunez")
    );
    assert_eq!(
        text(jose, "NOTE"),
        "Mentor Circle: network connector, adviser"
    );
    assert_eq!(property(jose, "CATEGORIES"), Some("Mentor Circle"));

    let zoe = &cards[4].properties;
    assert_eq!(property(zoe, "N"), Some("Ångström;Zoë;;;"));
    assert_eq!(
        text(zoe, "ORG"),
        NORDIC,
        "a long value round-trips its folds"
    );
    assert_eq!(text(zoe, "TITLE"), "Head of Strategy; Operations");
    assert_eq!(text(zoe, "EMAIL"), "zoe@example.se");
    assert_eq!(property(zoe, "URL"), Some("https://example.se/zoe"));
    assert_eq!(text(zoe, "NOTE"), "Prospective mentor");
    assert_eq!(property(zoe, "TEL"), None, "no phone for a prospect");
}

#[test]
fn contacts_carry_no_notes_agenda_or_journal_text() {
    let export = circle(true);
    let unfolded = vcard::contacts(&export.mentors, &prospects()).replace("\r\n ", "");
    assert!(!unfolded.contains(CANARY), "journal or prospect note text");
    assert!(!unfolded.contains("in confidence"), "a catch-up note");
    assert!(!unfolded.contains("lead role"), "an agenda item");
}

// --- Markdown -------------------------------------------------------------------------

fn file<'a>(files: &'a [MarkdownFile], path: &str) -> &'a MarkdownFile {
    files
        .iter()
        .find(|file| file.path == path)
        .unwrap_or_else(|| panic!("{path} is in the export"))
}

/// The targets of every `[label](target)` link, skipping escaped brackets in user text.
fn links(contents: &str) -> Vec<&str> {
    let mut targets = Vec::new();
    let mut rest = contents;
    while let Some(at) = rest.find("](") {
        let escaped = rest[..at].ends_with('\\');
        let after = &rest[at + 2..];
        let end = after.find(')').expect("a link closes");
        if !escaped {
            targets.push(&after[..end]);
        }
        rest = &after[end..];
    }
    targets
}

/// `target` as seen from the file at `from`, as a path inside the export.
fn resolve(from: &str, target: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in target.split('/') {
        match part {
            ".." => {
                parts.pop().expect("a link never leaves the export");
            }
            "." => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}

fn assert_safe_path(path: &str) {
    assert!(path.ends_with(".md"), "{path:?} is a Markdown file");
    assert!(!path.starts_with('/'), "{path:?} is relative");
    for component in path.split('/') {
        assert!(!component.is_empty(), "{path:?} has an empty component");
        assert!(
            !component.starts_with('.'),
            "{path:?} has a hidden or dot component"
        );
        assert!(
            !component
                .chars()
                .any(|ch| ch.is_control() || "<>:\"\\|?*".contains(ch)),
            "{path:?} has a character Windows forbids"
        );
        let stem = component
            .split('.')
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let reserved = ["con", "prn", "aux", "nul"].contains(&stem.as_str())
            || (stem.len() == 4
                && (stem.starts_with("com") || stem.starts_with("lpt"))
                && stem.ends_with(|ch: char| ch.is_ascii_digit()));
        assert!(!reserved, "{path:?} is a name Windows reserves");
    }
}

#[test]
fn markdown_paths_are_unique_and_safe_whatever_the_names() {
    let mut export = circle(false);
    let hostile = [
        "../../etc/passwd",
        "CON",
        "",
        "a/b",
        "Ana",
        "Ana",
        "ana",
        ".bashrc",
        "C:\\Windows\\win.ini",
        "Index",
        "com1",
        "new\nline\u{0}",
    ];
    for (i, name) in hostile.iter().enumerate() {
        let id = 100 + i64::try_from(i).expect("a small index");
        export.mentors.push(exported(
            mentor(id, name, MentorStatus::Active, 28, 42),
            Vec::new(),
            Vec::new(),
        ));
    }
    let files = markdown::markdown_files(&export);
    assert_eq!(
        files.len(),
        1 + export.mentors.len(),
        "index and one page each"
    );
    let mut seen = HashSet::new();
    for file in &files {
        assert_safe_path(&file.path);
        assert!(
            seen.insert(file.path.to_lowercase()),
            "{:?} is not unique, even ignoring case",
            file.path
        );
    }
    assert_eq!(files[0].path, "index.md");
    let paths: Vec<&str> = files.iter().map(|file| file.path.as_str()).collect();
    for expected in [
        "mentors/etc-passwd.md",
        "mentors/con-mentor.md",
        "mentors/mentor.md",
        "mentors/a-b.md",
        "mentors/ana.md",
        "mentors/ana-2.md",
        "mentors/ana-3.md",
        "mentors/bashrc.md",
        "mentors/index.md",
    ] {
        assert!(paths.contains(&expected), "{expected} in {paths:?}");
    }
}

#[test]
fn every_markdown_link_points_at_a_file_of_the_export() {
    let files = markdown::markdown_files(&circle(true));
    let paths: HashSet<&str> = files.iter().map(|file| file.path.as_str()).collect();
    let index = file(&files, "index.md");
    let mut checked = 0;
    for file in &files {
        for target in links(&file.contents) {
            let resolved = resolve(&file.path, target);
            assert!(
                paths.contains(resolved.as_str()),
                "{} links to {target}, which is not in the export",
                file.path
            );
            checked += 1;
        }
    }
    for page in files
        .iter()
        .filter(|file| file.path.starts_with("mentors/"))
    {
        assert!(
            links(&index.contents).contains(&page.path.as_str()),
            "the index links to {}",
            page.path
        );
    }
    assert!(checked > 5, "the export has links to check ({checked})");
}

#[test]
fn the_index_warns_and_lists_mentors_and_goals() {
    let files = markdown::markdown_files(&circle(false));
    let index = &file(&files, "index.md").contents;
    assert!(
        index.contains("Exported on 2026-03-20 09:30 UTC by Mentor Circle."),
        "when and by what: {index}"
    );
    assert!(
        index.contains("This folder is not encrypted"),
        "the warning"
    );
    assert!(
        index.contains("[José Núñez, Jr.; PhD](mentors/jose-nunez-jr-phd.md)"),
        "José linked: {index}"
    );
    assert!(
        index.contains("### Lead a project by June"),
        "the goal's title"
    );
    assert!(index.contains("- Status: Active"), "its status");
    assert!(
        index.contains("- Target date: 2026-06-30"),
        "its target date"
    );
    assert!(
        index.contains(
            "- With: [José Núñez, Jr.; PhD](mentors/jose-nunez-jr-phd.md), \
             [Ana Lima](mentors/ana-lima.md)"
        ),
        "its mentors: {index}"
    );
    assert!(
        index.contains("I keep getting passed over;  \n\\# because I never ask"),
        "its why, kept on two lines and not turned into a heading: {index}"
    );
}

#[test]
fn a_mentor_page_has_the_profile_agreement_agenda_and_catch_ups_newest_first() {
    let files = markdown::markdown_files(&circle(false));
    let page = &file(&files, "mentors/jose-nunez-jr-phd.md").contents;
    for expected in [
        "# José Núñez, Jr.; PhD\n",
        // "&" stays as typed unless it would start an entity; a backslash is doubled.
        "- Organisation: Acme, Inc.; R&D \\\\ Labs\n",
        "- Roles: Network connector, Adviser\n",
        "- Email: jose_nunez@example.org\n",
        "- Phone: +34 600 000 000\n",
        "- Profile: https://www.linkedin.com/in/jose-nunez\n",
        "- Every 3 weeks, never more than 6 weeks\n",
        "- Ways to talk: video or in person\n",
        "- Term: Fixed period\n",
        "- Started: 2026-01-01\n",
        "- Review: 2026-12-31\n",
        "- Purposes: Expand my network; Test ideas safely; Get ready for a lead role\n",
        "## For your next catch-up\n\n- Ask about the lead role, the budget; and whether to apply\n",
    ] {
        assert!(page.contains(expected), "{expected:?} in\n{page}");
    }
    let newer = page
        .find("### 2026-03-10 · Video")
        .expect("the March catch-up");
    let older = page
        .find("### 2026-02-01 · Video")
        .expect("the February one");
    assert!(newer < older, "newest first");
    assert!(
        page.contains(long_note().trim()),
        "the long note is kept as typed"
    );
    for line in page.lines() {
        assert!(
            !line.starts_with("# not") && !line.starts_with("- not") && !line.starts_with('<'),
            "a note line changed the page's structure: {line:?}"
        );
    }
    assert!(
        page.contains("\\# not a heading"),
        "escaped, still readable"
    );
}

#[test]
fn the_journal_is_written_only_when_the_user_chose_it() {
    let without = markdown::markdown_files(&circle(false));
    assert!(
        without.iter().all(|file| file.path != "journal.md"),
        "no journal.md unless chosen"
    );
    for file in &without {
        assert!(
            !file.contents.contains(CANARY),
            "journal text leaked into {}",
            file.path
        );
    }
    assert!(
        file(&without, "index.md")
            .contents
            .contains("The journal was not included in this export.")
    );

    let with = markdown::markdown_files(&circle(true));
    let journal = &file(&with, "journal.md").contents;
    assert!(journal.contains(CANARY), "the entry's text");
    assert!(journal.contains("## 2026-03-19"), "its date");
    assert!(
        journal.contains("Mood: 2 of 5 · Energy: 4 of 5 · Tags: work, lead role"),
        "mood, energy and tags: {journal}"
    );
    assert!(
        journal.contains("\\- felt awful"),
        "a body line is not a list"
    );
    for file in with.iter().filter(|file| file.path != "journal.md") {
        assert!(
            !file.contents.contains(CANARY),
            "journal text outside journal.md, in {}",
            file.path
        );
    }
}
