//! Contact files as people really have them: the network's connections export with its
//! preamble, address-book vCards, spreadsheets saved with semicolons, and the broken ones
//! (wrong encoding, a picture, stray quotation marks). Each file's report is checked line
//! by line, and no problem may quote the file.

use std::collections::HashSet;
use std::path::PathBuf;

use mentor_core::Error;
use mentor_core::contacts::{
    ImportFormat, MAX_FILE_BYTES, MAX_ROWS, ParsedFile, RowOutcome, parse_contacts,
};
use mentor_core::prospects::ProspectDraft;

mod common;
use common::day;

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).expect("fixture is readable")
}

fn parse(name: &str) -> ParsedFile {
    parse_contacts(name, &fixture(name)).expect("the file is read")
}

/// The whole-file refusal: its field and message.
fn refusal(name: &str, bytes: &[u8]) -> (&'static str, String) {
    match parse_contacts(name, bytes) {
        Err(Error::Invalid { field, message }) => (field, message),
        other => panic!("expected the file to be refused, got {other:?}"),
    }
}

/// Each row's line and verdict, in order: `Ok(prospect)` or `Err(problem)`.
fn report(file: &ParsedFile) -> Vec<(u32, Result<&ProspectDraft, &str>)> {
    file.rows
        .iter()
        .map(|row| match &row.outcome {
            RowOutcome::Ready { prospect } => (row.line, Ok(prospect)),
            RowOutcome::Invalid { problem } => (row.line, Err(problem.as_str())),
        })
        .collect()
}

fn lines_of(file: &ParsedFile) -> Vec<u32> {
    file.rows.iter().map(|row| row.line).collect()
}

fn ready(file: &ParsedFile, line: u32) -> &ProspectDraft {
    match file
        .rows
        .iter()
        .find(|row| row.line == line)
        .map(|row| &row.outcome)
    {
        Some(RowOutcome::Ready { prospect }) => prospect,
        other => panic!("expected a prospect on line {line}, got {other:?}"),
    }
}

fn problem(file: &ParsedFile, line: u32) -> &str {
    match file
        .rows
        .iter()
        .find(|row| row.line == line)
        .map(|row| &row.outcome)
    {
        Some(RowOutcome::Invalid { problem }) => problem,
        other => panic!("expected a problem on line {line}, got {other:?}"),
    }
}

/// The words of the file's data (cell values, card values), to prove no problem repeats
/// them. Headers and vCard keywords are left out: naming a column is the point.
fn data_words(text: &str, is_vcard: bool) -> HashSet<String> {
    let data: Vec<&str> = if is_vcard {
        text.lines()
            .filter(|line| {
                let upper = line.trim().to_ascii_uppercase();
                upper != "BEGIN:VCARD"
                    && upper != "END:VCARD"
                    && !upper.starts_with("VERSION")
                    && !upper.starts_with("KIND")
            })
            .map(|line| line.split_once(':').map_or(line, |(_, value)| value))
            .collect()
    } else {
        let header = text
            .lines()
            .position(|line| line.to_lowercase().contains("name"))
            .expect("a header line");
        text.lines().skip(header + 1).collect()
    };
    data.iter()
        .flat_map(|line| line.split(|c: char| !c.is_alphanumeric()))
        // Short words ("the", "Mar") and numbers are as likely to be ours as theirs.
        .filter(|word| word.chars().count() >= 4 && !word.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

fn assert_problems_are_private(name: &str) {
    let bytes = fixture(name);
    let text = String::from_utf8(bytes.clone()).expect("fixture is UTF-8");
    let words = data_words(&text, name.ends_with(".vcf"));
    let file = parse_contacts(name, &bytes).expect("the file is read");
    for (line, verdict) in report(&file) {
        let Err(problem) = verdict else { continue };
        assert!(!problem.contains('@'), "line {line}: {problem}");
        for word in problem.split(|c: char| !c.is_alphanumeric()) {
            assert!(
                !words.contains(&word.to_lowercase()),
                "{name} line {line}: the problem repeats {word:?} from the file: {problem}"
            );
        }
    }
}

#[test]
fn the_networks_export_is_read_past_its_preamble_with_lines_counted_from_the_top() {
    let file = parse("Connections.csv");
    assert_eq!(
        file.format,
        ImportFormat::ConnectionsCsv,
        "recognised by its header"
    );
    assert_eq!(
        lines_of(&file),
        (5..=17).collect::<Vec<u32>>(),
        "one verdict per row; lines count the three preamble lines and the header"
    );

    let ana = ready(&file, 5);
    assert_eq!(
        ana,
        &ProspectDraft {
            name: "Ana Sousa".into(),
            organisation: "Acme Corp".into(),
            position: "Head of Platform".into(),
            email: String::new(),
            profile_url: "https://www.linkedin.com/in/ana-sousa-12345".into(),
            connected_on: Some(day("2023-03-14")),
            note: String::new(),
            ..ProspectDraft::default()
        },
        "every column lands in its field; a missing e-mail is simply empty"
    );
    let jose = ready(&file, 6);
    assert_eq!(jose.name, "José Álvarez", "accents kept");
    assert_eq!(jose.email, "jose.alvarez@example.es");
    assert_eq!(
        jose.organisation, "Acme, Inc.",
        "a quoted comma stays in the value"
    );
    assert_eq!(jose.connected_on, Some(day("2024-01-02")));
    let zoe = ready(&file, 7);
    assert_eq!(zoe.name, "Zoë Müller");
    assert_eq!(zoe.position, "Director, Product");
    assert_eq!(ready(&file, 8).name, "Siobhán Ó Briain");
    assert_eq!(
        ready(&file, 8).connected_on,
        Some(day("2021-12-01")),
        "one-digit day"
    );
    assert_eq!(
        ready(&file, 10).organisation,
        "Umbrella \"Labs\"",
        "doubled quotes undone"
    );
    assert_eq!(ready(&file, 12).name, "李 小龍");
    assert_eq!(ready(&file, 14).organisation, "Яндекс");
    assert_eq!(ready(&file, 15).organisation, "Mensah & Co., Ltd.");
    let francois = ready(&file, 16);
    assert_eq!(
        (francois.organisation.as_str(), francois.position.as_str()),
        ("", ""),
        "empty company and position are fine"
    );
    assert_eq!(ready(&file, 17).name, "Łukasz Wiśniewski");
    assert_eq!(
        file.prospects().count(),
        10,
        "ten of the thirteen rows can be imported"
    );
}

#[test]
fn export_rows_without_a_name_a_readable_date_or_a_real_email_are_reported_not_dropped() {
    let file = parse("Connections.csv");
    assert_eq!(
        problem(&file, 9),
        "No name in this row.",
        "a deleted account leaves a row with only a date"
    );
    assert_eq!(
        problem(&file, 11),
        "Connected On isn't a date Mentor Circle can read; it should look like 14 Mar 2023 \
         or 2023-03-14.",
        "the date column is named, the bad date is not repeated"
    );
    assert_eq!(
        problem(&file, 13),
        "Email Address doesn't look like an e-mail address.",
        "the column is named as the file names it"
    );
    assert_problems_are_private("Connections.csv");
}

#[test]
fn vcard_3_cards_are_unfolded_unescaped_and_read_from_groups_and_parameters() {
    let file = parse("contacts-v3.vcf");
    assert_eq!(file.format, ImportFormat::VCard);
    assert_eq!(
        lines_of(&file),
        vec![1, 17, 26],
        "each card at its BEGIN line"
    );

    let jose = ready(&file, 1);
    assert_eq!(
        jose,
        &ProspectDraft {
            name: "José Álvarez".into(),
            organisation: "Acme, Inc.".into(),
            position: "Engineering Manager".into(),
            email: "jose.alvarez@example.es".into(),
            profile_url: "https://www.linkedin.com/in/jose-alvarez".into(),
            connected_on: None,
            note: "Met at RustConf; talked about platform teams.\nAsk about mentoring juniors."
                .into(),
            ..ProspectDraft::default()
        },
        "ORG's first part, the grouped EMAIL and URL, the folded and escaped NOTE"
    );
    let zoe = ready(&file, 17);
    assert_eq!(
        zoe.name, "Zoë Müller",
        "without FN, the name comes from N: given, family"
    );
    assert_eq!(
        zoe.position, "Director of Product, Europe and Middle East",
        "unfolded"
    );
    assert_eq!(
        zoe.profile_url, "http://www.linkedin.com/in/zoe-mueller",
        "a social profile stands in for a missing URL, its escaped colon undone"
    );
    let siobhan = ready(&file, 26);
    assert_eq!(siobhan.name, "Siobhán Ó Briain");
    assert_eq!(
        siobhan.email, "siobhan@example.ie",
        "the first e-mail is kept"
    );
    assert_eq!(siobhan.note, r"Backslashes stay: C:\Users\shared");
}

#[test]
fn vcard_4_cards_are_read() {
    let file = parse("contacts-v4.vcf");
    assert_eq!(file.format, ImportFormat::VCard);
    assert_eq!(lines_of(&file), vec![1, 12]);
    let olga = ready(&file, 1);
    assert_eq!(
        (
            olga.name.as_str(),
            olga.organisation.as_str(),
            olga.position.as_str(),
            olga.email.as_str(),
            olga.profile_url.as_str()
        ),
        (
            "Ольга Иванова",
            "Яндекс",
            "Product Lead",
            "olga@example.ru",
            "https://www.linkedin.com/in/olga-ivanova"
        )
    );
    let kwame = ready(&file, 12);
    assert_eq!(kwame.organisation, "Mensah & Co., Ltd.");
    assert_eq!(
        kwame.email, "kwame@example.gh",
        "a quoted parameter value with a comma"
    );
    assert_eq!(
        kwame.note,
        "Founder of a fintech in Accra. Offered to review my pitch\ndeck."
    );
}

#[test]
fn vcards_agree_with_an_independent_parser_on_cards_and_emails() {
    for name in ["contacts-v3.vcf", "contacts-v4.vcf"] {
        let reader = std::io::BufReader::new(
            std::fs::File::open(fixture_path(name)).expect("fixture opens"),
        );
        let cards: Vec<_> = ical::VcardParser::new(reader)
            .map(|card| card.expect("the reference parser reads the card"))
            .collect();
        let first_emails: Vec<String> = cards
            .iter()
            .map(|card| {
                card.properties
                    .iter()
                    .find(|property| {
                        let name = property.name.rsplit('.').next().unwrap_or_default();
                        name.eq_ignore_ascii_case("EMAIL")
                    })
                    .and_then(|property| property.value.clone())
                    .unwrap_or_default()
            })
            .collect();
        let ours: Vec<String> = parse(name).prospects().map(|p| p.email.clone()).collect();
        assert_eq!(ours, first_emails, "{name}: same cards, same first e-mails");
    }
}

#[test]
fn broken_cards_are_reported_at_their_begin_line_and_the_good_ones_imported() {
    let file = parse("broken-cards.vcf");
    let lukasz = ready(&file, 1);
    assert_eq!(
        lukasz.name, "Łukasz Wiśniewski",
        "vCard 2.1 quoted-printable UTF-8"
    );
    assert_eq!(lukasz.email, "lukasz@example.pl");
    assert_eq!(
        lukasz.note, "Met at the Kraków meetup, talked about mentoring.",
        "a quoted-printable soft line break joins the value"
    );
    assert_eq!(problem(&file, 10), "No name on this card.");
    assert_eq!(
        problem(&file, 15),
        "These lines are outside any card: each contact should sit between BEGIN:VCARD \
         and END:VCARD."
    );
    assert_eq!(
        problem(&file, 17),
        "This card is a group of contacts, not a person."
    );
    assert_eq!(
        problem(&file, 22),
        "The e-mail address on this card doesn't look like an e-mail address."
    );
    assert_eq!(
        problem(&file, 27),
        "This card isn't finished: its END:VCARD line is missing.",
        "a card cut short by the next BEGIN"
    );
    assert_eq!(
        problem(&file, 30),
        "This card isn't finished: its END:VCARD line is missing.",
        "a card cut short by the end of the file"
    );
    assert_eq!(
        lines_of(&file),
        vec![1, 10, 15, 17, 22, 27, 30],
        "nothing else"
    );
    assert_problems_are_private("broken-cards.vcf");
}

#[test]
fn a_spreadsheet_saved_with_semicolons_is_read_with_its_multi_line_notes() {
    let file = parse("contacts-semicolon.csv");
    assert_eq!(file.format, ImportFormat::Csv);
    assert_eq!(
        lines_of(&file),
        vec![2, 4, 6],
        "the note spanning lines 2-3 is one row; the row of empty cells is skipped"
    );
    let ana = ready(&file, 2);
    assert_eq!(ana.email, "ana@example.org", "E-mail recognised");
    assert_eq!(ana.organisation, "Acme Corp", "Organisation recognised");
    assert_eq!(ana.position, "Head of Platform", "Job Title recognised");
    assert_eq!(ana.note, "Great at org design; ask about\nplatform teams");
    assert_eq!(
        ready(&file, 4).name,
        "Álvarez, José",
        "Full Name kept as written"
    );
    assert_eq!(ready(&file, 6).note, "Said \"yes\" to a coffee");
}

#[test]
fn malformed_rows_are_reported_and_reading_carries_on_with_the_next_line() {
    let file = parse("malformed-rows.csv");
    assert_eq!(file.format, ImportFormat::Csv);
    let verdicts: Vec<(u32, Result<&str, &str>)> = report(&file)
        .into_iter()
        .map(|(line, verdict)| (line, verdict.map(|prospect| prospect.name.as_str())))
        .collect();
    assert_eq!(
        verdicts,
        vec![
            (2, Ok("Ana Sousa")),
            (
                3,
                Err(
                    "A quotation mark in this row is never closed, so the row can't be told \
                     apart from the lines below it. Check the quotation marks on this line."
                )
            ),
            (
                4,
                Err(
                    "This row has 6 values where the header has 4 columns; a value with a \
                     comma in it needs quotation marks around it."
                )
            ),
            (5, Ok("Eve Adams")),
            (
                7,
                Err(
                    "A value in this row has text after its closing quotation mark. Put the \
                     whole value inside the quotation marks."
                )
            ),
            (
                8,
                Err("This row has 3 values where the header has 4 columns.")
            ),
            (9, Ok("Ivan Petrov")),
        ],
        "the open quote on line 3 swallows nothing: lines 4 and 5 get their own verdicts"
    );
    assert_eq!(ready(&file, 5).organisation, "Acme, Inc.");
    assert_eq!(
        ready(&file, 9).position,
        "Analyst",
        "Title read as the position"
    );
    assert_problems_are_private("malformed-rows.csv");
}

#[test]
fn a_utf16_file_is_refused_with_how_to_save_it_as_utf8() {
    let (field, message) = refusal("utf16.csv", &fixture("utf16.csv"));
    assert_eq!(field, "file");
    assert!(
        message.contains("saved as UTF-16; save it as UTF-8 and try again"),
        "says what is wrong and what to do: {message}"
    );
    let without_mark: Vec<u8> = "Name,Email\r\nAna Sousa,ana@example.org\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let (_, message) = refusal("contacts.csv", &without_mark);
    assert!(
        message.contains("UTF-16"),
        "recognised without its mark too: {message}"
    );
}

#[test]
fn a_windows_1252_file_is_refused_naming_the_first_line_that_goes_wrong() {
    let (field, message) = refusal("latin1.csv", &fixture("latin1.csv"));
    assert_eq!(field, "file");
    assert_eq!(
        message,
        "This file isn't saved as UTF-8: the text first goes wrong on line 3. Save it as \
         UTF-8 (in a spreadsheet, choose Save As and \u{201c}CSV UTF-8\u{201d}) and try again."
    );
}

#[test]
fn a_picture_is_refused_as_not_a_contacts_file() {
    let (field, message) = refusal("not-a-csv.png", &fixture("not-a-csv.png"));
    assert_eq!(field, "file");
    assert!(
        message.starts_with("This isn't a contacts file"),
        "says so plainly: {message}"
    );
    let (_, message) = refusal("contacts.csv", b"PK\x03\x04\x14\x00\x06\x00");
    assert!(
        message.contains("spreadsheet workbook"),
        "an .xlsx chosen by mistake gets its own advice: {message}"
    );
}

#[test]
fn a_csv_without_a_name_column_is_refused() {
    let (field, message) = refusal("no-name-column.csv", &fixture("no-name-column.csv"));
    assert_eq!(field, "file");
    assert_eq!(
        message,
        "This file has no name column. Mentor Circle needs a column headed Name, or First \
         Name and Last Name; add one in a spreadsheet and try again."
    );
    let (_, message) = refusal("notes.txt", b"Shopping list\nmilk, eggs\nbread\n");
    assert!(
        message.starts_with("This doesn't look like a contacts file"),
        "text with no header at all: {message}"
    );
}

#[test]
fn an_empty_file_or_one_with_only_headings_is_refused() {
    let (field, message) = refusal("empty.csv", &fixture("empty.csv"));
    assert_eq!(field, "file");
    assert!(message.starts_with("This file is empty."), "{message}");
    let (_, message) = refusal("blank.csv", b"\xEF\xBB\xBF\r\n  \r\n");
    assert!(
        message.starts_with("This file is empty."),
        "blank lines only: {message}"
    );
    let (_, message) = refusal("header.csv", b"Name,Email\n,\n");
    assert!(
        message.contains("no contacts in it"),
        "headings only: {message}"
    );
    let (_, message) = refusal("contacts.vcf", b"Name,Email\nAna,ana@example.org\n");
    assert!(
        message.contains("no contact cards"),
        "a .vcf without cards: {message}"
    );
}

#[test]
fn a_file_just_over_the_size_limit_is_refused_whole() {
    let mut bytes = b"Name,Email\n".to_vec();
    bytes.resize(MAX_FILE_BYTES + 1, b'a');
    let (field, message) = refusal("huge.csv", &bytes);
    assert_eq!(field, "file");
    assert_eq!(
        message,
        "This file is 5.1 MB; Mentor Circle imports files up to 5 MB. Export fewer \
         contacts at a time, or split the file, and try again."
    );
    let (_, message) = refusal("huge.csv", &vec![b'a'; 12 * 1024 * 1024]);
    assert!(message.starts_with("This file is 12 MB;"), "{message}");
}

fn rows_file(count: usize) -> Vec<u8> {
    let mut text = String::from("Name,Email\n");
    for index in 0..count {
        text.push_str(&format!("Person {index},p{index}@example.org\n"));
    }
    text.into_bytes()
}

#[test]
fn a_file_with_one_row_too_many_is_refused_and_the_limit_itself_is_fine() {
    let (field, message) = refusal("big.csv", &rows_file(MAX_ROWS + 1));
    assert_eq!(field, "file");
    assert_eq!(
        message,
        "This file has more than 20,000 contacts; Mentor Circle imports up to 20,000 at a \
         time. Split it into smaller files and import them one by one."
    );
    let file = parse_contacts("big.csv", &rows_file(MAX_ROWS)).expect("the limit is allowed");
    assert_eq!(file.rows.len(), MAX_ROWS);
    assert_eq!(
        file.rows.last().map(|row| row.line),
        Some(20_001),
        "last line numbered"
    );

    let cards = "BEGIN:VCARD\nFN:Someone\nEND:VCARD\n".repeat(MAX_ROWS + 1);
    let (_, message) = refusal("big.vcf", cards.as_bytes());
    assert!(
        message.contains("more than 20,000"),
        "cards count too: {message}"
    );
}

#[test]
fn headers_are_found_whatever_their_case_spacing_or_separator() {
    let text = "\u{feff}  FULL NAME \t e-mail \tJob Title\tTitle\tCompany Name\tUnknown\n\
                Ana Sousa\tana@example.org\tHead of Platform\tDr\tAcme Corp\tx\n";
    let file = parse_contacts("export.tsv", text.as_bytes()).expect("read");
    assert_eq!(file.format, ImportFormat::Csv);
    let ana = ready(&file, 2);
    assert_eq!(
        ana.name, "Ana Sousa",
        "leading UTF-8 BOM and spaces ignored"
    );
    assert_eq!(ana.email, "ana@example.org");
    assert_eq!(
        ana.position, "Head of Platform",
        "Job Title wins over a Title that may be Mr or Dr"
    );
    assert_eq!(ana.organisation, "Acme Corp");

    let old_mac = "Name,Email\rAna Sousa,ana@example.org\rJosé Álvarez,\r";
    let file = parse_contacts("old.csv", old_mac.as_bytes()).expect("read");
    assert_eq!(
        lines_of(&file),
        vec![2, 3],
        "lines ended by a lone carriage return"
    );
}

#[test]
fn values_too_long_for_a_prospect_are_reported_by_column() {
    let text = format!("Name,Company\nAna Sousa,{}\n", "A".repeat(201));
    let file = parse_contacts("long.csv", text.as_bytes()).expect("read");
    assert_eq!(problem(&file, 2), "Company is longer than 200 characters.");
    let text = format!("First Name,Last Name\nAna,{}\n", "S".repeat(200));
    let file = parse_contacts("long.csv", text.as_bytes()).expect("read");
    assert_eq!(
        problem(&file, 2),
        "The name in this row is longer than 200 characters."
    );
}

#[test]
fn anything_the_csv_crate_writes_is_read_back_as_written() {
    let people = [
        [
            "Ana Sousa",
            "ana@example.org",
            "Acme, Inc.",
            "Says \"hi\"; often",
        ],
        ["José Álvarez", "", "Globex", "two\nlines"],
        ["  Zoë  ", "zoe@example.de", "", "tab\tinside"],
    ];
    for separator in [b',', b';', b'\t'] {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(separator)
            .from_writer(Vec::new());
        writer
            .write_record(["Name", "Email", "Company", "Notes"])
            .expect("header written");
        for person in &people {
            writer.write_record(person).expect("row written");
        }
        let bytes = writer.into_inner().expect("flushed");
        let file = parse_contacts("written.csv", &bytes).expect("read");
        let read: Vec<[String; 4]> = file
            .prospects()
            .map(|p| {
                [
                    p.name.clone(),
                    p.email.clone(),
                    p.organisation.clone(),
                    p.note.clone(),
                ]
            })
            .collect();
        let expected: Vec<[String; 4]> = people
            .iter()
            .map(|person| person.map(|value| value.trim().to_string()))
            .collect();
        assert_eq!(read, expected, "separator {}", separator as char);
    }
}

#[test]
fn the_report_reaches_the_ui_tagged_by_kind() {
    let file = parse("malformed-rows.csv");
    let json = serde_json::to_value(&file).expect("serialises");
    assert_eq!(json["format"], "csv");
    assert_eq!(json["rows"][0]["line"], 2);
    assert_eq!(json["rows"][0]["outcome"]["kind"], "ready");
    assert_eq!(json["rows"][0]["outcome"]["prospect"]["name"], "Ana Sousa");
    assert_eq!(json["rows"][1]["outcome"]["kind"], "invalid");
    assert!(json["rows"][1]["outcome"]["problem"].is_string());
    let back: ParsedFile = serde_json::from_value(json).expect("deserialises");
    assert_eq!(back, file, "round trip");
    assert_eq!(
        serde_json::to_value(ImportFormat::ConnectionsCsv).expect("serialises"),
        "connectionsCsv"
    );
}
