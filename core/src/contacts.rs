//! Contact files in, prospects out: the professional network's `Connections.csv`, any
//! spreadsheet saved as CSV, and vCards from an address book.
//!
//! Real exports are messy: a preamble before the header, rows for deleted accounts with
//! no name, a stray quotation mark, a file saved in the wrong encoding. One bad row must
//! not cost the user the other five hundred, so every row gets its own verdict (ready, or
//! the problem and the line to look at) and the user chooses what to bring in. Only a
//! problem with the whole file (empty, too big, not text, no name column) refuses it.
//!
//! Nothing here touches the database, and no message ever quotes the file's contents:
//! reports can end up in logs, and the file is full of other people's details.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::prospects::{MAX_ADDRESS_CHARS, MAX_FIELD_CHARS, MAX_NOTE_CHARS, ProspectDraft};

/// Largest file accepted; anything bigger is refused whole, before it is read. Tens of
/// thousands of contacts fit in far less.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Most contacts (rows or cards, good or bad) accepted from one file.
pub const MAX_ROWS: usize = 20_000;

/// How many lines at the top of a CSV may come before its header (the network's export
/// puts a few lines of notes there).
const MAX_PREAMBLE_LINES: usize = 50;
/// How many lines one quoted CSV value may span. Real notes are a few lines long; past
/// this a quotation mark was almost certainly left open, and stopping early keeps the
/// rest of the file from being swallowed into one value (and the search for it quick).
const MAX_LINES_PER_VALUE: usize = 100;

/// What kind of file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportFormat {
    /// The professional network's connections export (`Connections.csv`).
    ConnectionsCsv,
    /// Any other CSV with a recognisable header (a spreadsheet, an address book export).
    Csv,
    /// vCard 2.1, 3.0 or 4.0 (`.vcf`), from an address book.
    VCard,
}

/// The verdict on one row or card of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ParsedRow {
    /// The line in the file where the row (or card) starts, counting from 1, so the user
    /// can open the file and find it.
    pub line: u32,
    pub outcome: RowOutcome,
}

/// Whether a row can be imported.
// Most rows are Ready, so boxing the large variant would allocate for nearly every row
// to save space on the few Invalid ones.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum RowOutcome {
    /// The row makes a prospect that passes every rule.
    Ready { prospect: ProspectDraft },
    /// The row can't be imported; `problem` says why in the user's words, without
    /// quoting the row.
    Invalid { problem: String },
}

/// A whole file, row by row, in the file's order. Blank lines are left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ParsedFile {
    pub format: ImportFormat,
    pub rows: Vec<ParsedRow>,
}

impl ParsedFile {
    /// The prospects that can be imported, in the file's order.
    pub fn prospects(&self) -> impl Iterator<Item = &ProspectDraft> {
        self.rows.iter().filter_map(|row| match &row.outcome {
            RowOutcome::Ready { prospect } => Some(prospect),
            RowOutcome::Invalid { .. } => None,
        })
    }
}

/// Reads a contacts file into a row-by-row report.
///
/// The format is recognised from the content (a `BEGIN:VCARD` line makes it a vCard file,
/// otherwise it must be a CSV with a header naming a name column); `file_name` only
/// sharpens the message when nothing is recognised. A problem with the whole file is an
/// [`Error::Invalid`] on the field `"file"`; a problem with one row is that row's
/// [`RowOutcome::Invalid`].
/// Reads and parses the contact file at `path`; a file over [`MAX_FILE_BYTES`] is
/// refused before it is read.
pub fn parse_contacts_file(path: &std::path::Path) -> Result<ParsedFile> {
    crate::backups::check_source(path)?;
    let size = std::fs::metadata(path)
        .map(|meta| meta.len())
        .unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES as u64 {
        return Err(too_big(usize::try_from(size).unwrap_or(usize::MAX)));
    }
    let bytes = std::fs::read(path).map_err(|_| {
        Error::invalid(
            "file",
            "That file can't be read. Check that you may open it.",
        )
    })?;
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or("");
    parse_contacts(name, &bytes)
}

pub fn parse_contacts(file_name: &str, bytes: &[u8]) -> Result<ParsedFile> {
    let text = decode(bytes)?;
    let lines = split_lines(text);
    if lines.iter().all(|line| line.trim().is_empty()) {
        return Err(empty_file());
    }
    let is_vcard = lines
        .iter()
        .any(|line| line.trim().eq_ignore_ascii_case("BEGIN:VCARD"));
    let parsed = if is_vcard {
        vcard_format::parse(&lines)?
    } else {
        let named_vcard = file_name.rsplit_once('.').is_some_and(|(_, ext)| {
            ext.eq_ignore_ascii_case("vcf") || ext.eq_ignore_ascii_case("vcard")
        });
        if named_vcard {
            return Err(Error::invalid(
                "file",
                "This .vcf file has no contact cards in it (no BEGIN:VCARD line). Export \
                 the contacts again from your address book and try again.",
            ));
        }
        csv_format::parse(&lines)?
    };
    if parsed.rows.is_empty() {
        return Err(Error::invalid(
            "file",
            "This file has no contacts in it, only headings. Check you chose the right \
             file, or export your contacts again.",
        ));
    }
    Ok(parsed)
}

fn too_big(size: usize) -> Error {
    Error::invalid(
        "file",
        format!(
            "This file is {}; Mentor Circle imports files up to {}. Export fewer \
             contacts at a time, or split the file, and try again.",
            megabytes(size),
            megabytes(MAX_FILE_BYTES)
        ),
    )
}

fn empty_file() -> Error {
    Error::invalid(
        "file",
        "This file is empty. Choose the file you exported from your network or address \
         book and try again.",
    )
}

fn too_many_rows() -> Error {
    Error::invalid(
        "file",
        format!(
            "This file has more than {} contacts; Mentor Circle imports up to {} at a \
             time. Split it into smaller files and import them one by one.",
            thousands(MAX_ROWS),
            thousands(MAX_ROWS)
        ),
    )
}

/// The file's text, or why it can't be read as text.
fn decode(bytes: &[u8]) -> Result<&str> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_big(bytes.len()));
    }
    if bytes.is_empty() {
        return Err(empty_file());
    }
    let utf16 = "This file is saved as UTF-16; save it as UTF-8 and try again (in a \
                 spreadsheet, choose Save As and \u{201c}CSV UTF-8\u{201d}).";
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::invalid("file", utf16));
    }
    if looks_like_utf16_without_mark(bytes) {
        return Err(Error::invalid("file", utf16));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(Error::invalid(
            "file",
            "This looks like a spreadsheet workbook or a zip archive, not a CSV or vCard \
             file. In your spreadsheet, choose Save As and \u{201c}CSV UTF-8\u{201d}, then \
             import that file.",
        ));
    }
    // Pictures and documents, by their first bytes, and anything with NUL bytes in it:
    // no text file has those.
    let binary_starts: [&[u8]; 4] = [b"\x89PNG", b"\xFF\xD8\xFF", b"%PDF", b"GIF8"];
    if binary_starts.iter().any(|start| bytes.starts_with(start)) || bytes.contains(&0) {
        return Err(not_contacts_file());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let good = &bytes[..error.valid_up_to()];
            let line = good.iter().filter(|&&byte| byte == b'\n').count() + 1;
            Err(Error::invalid(
                "file",
                format!(
                    "This file isn't saved as UTF-8: the text first goes wrong on line \
                     {line}. Save it as UTF-8 (in a spreadsheet, choose Save As and \
                     \u{201c}CSV UTF-8\u{201d}) and try again."
                ),
            ))
        }
    }
}

fn not_contacts_file() -> Error {
    Error::invalid(
        "file",
        "This isn't a contacts file: it looks like a picture, a document or another \
         binary file. Choose a .csv or .vcf file exported from your network or address \
         book.",
    )
}

/// UTF-16 saved without its byte-order mark: text where every other byte is zero.
fn looks_like_utf16_without_mark(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(200)];
    if sample.len() < 4 {
        return false;
    }
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&byte| byte == 0)
            .count()
    };
    let pairs = sample.len() / 2;
    // Mostly-ASCII UTF-16 has a zero in nearly every high byte and none in the low ones.
    [(0, 1), (1, 0)]
        .iter()
        .any(|&(high, low)| zeros_at(high) * 10 >= pairs * 9 && zeros_at(low) == 0)
}

/// The file's lines without their endings. `\r\n` and `\n` end a line; so does a lone
/// `\r` in files that have no `\n` at all (old Mac spreadsheets save them that way).
fn split_lines(text: &str) -> Vec<&str> {
    if !text.contains('\n') && text.contains('\r') {
        return text.split('\r').collect();
    }
    text.split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .collect()
}

/// A 1-based line number from an index into the file's lines.
fn line_number(index: usize) -> u32 {
    // The file is at most MAX_FILE_BYTES long, so its line count fits easily.
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// Where a row's fields go, and how to name each one in a problem.
struct Labels {
    name: String,
    organisation: String,
    position: String,
    email: String,
    profile_url: String,
    note: String,
}

/// Runs the prospect rules on a row; a broken rule becomes a problem naming the column.
fn checked(draft: &ProspectDraft, labels: &Labels, empty_name: &str) -> RowOutcome {
    if draft.name.trim().is_empty() {
        return RowOutcome::Invalid {
            problem: empty_name.to_string(),
        };
    }
    match draft.validated() {
        Ok(prospect) => RowOutcome::Ready { prospect },
        Err(Error::Invalid { field, .. }) => {
            let (label, value, max) = match field {
                "name" => (&labels.name, &draft.name, MAX_FIELD_CHARS),
                "organisation" => (&labels.organisation, &draft.organisation, MAX_FIELD_CHARS),
                "position" => (&labels.position, &draft.position, MAX_FIELD_CHARS),
                "email" => (&labels.email, &draft.email, MAX_ADDRESS_CHARS),
                "profileUrl" => (&labels.profile_url, &draft.profile_url, MAX_ADDRESS_CHARS),
                _ => (&labels.note, &draft.note, MAX_NOTE_CHARS),
            };
            // The prospect rules check lengths before the e-mail's shape.
            let problem = if value.trim().chars().count() > max {
                format!("{label} is longer than {} characters.", thousands(max))
            } else {
                format!("{label} doesn't look like an e-mail address.")
            };
            RowOutcome::Invalid { problem }
        }
        Err(_) => RowOutcome::Invalid {
            problem: "This row couldn't be read.".to_string(),
        },
    }
}

/// `12 MB`, `5.1 MB`: rounded up, so a file just over the limit never reads as equal to it.
fn megabytes(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    let tenths = (bytes * 10).div_ceil(MB);
    if tenths >= 100 || tenths.is_multiple_of(10) {
        format!("{} MB", tenths.div_ceil(10))
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// `20000` as `20,000`.
fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

mod csv_format {
    //! CSV files, with a tokenizer of our own: general CSV readers forgive a stray
    //! quotation mark by joining the lines after it into one value, which would quietly
    //! merge a dozen contacts into one. Here such a row is reported, and reading starts
    //! again on the next line.

    use super::*;

    /// The header names recognised for each field, most specific first, after
    /// [`normalised`]. Exports from the big address books are covered too.
    const FULL_NAME: &[&str] = &["name", "full name", "display name", "contact name"];
    const FIRST_NAME: &[&str] = &["first name", "given name", "firstname", "forename"];
    const LAST_NAME: &[&str] = &["last name", "family name", "surname", "lastname"];
    const EMAIL: &[&str] = &[
        "email",
        "email address",
        "email 1 value",
        "primary email",
        "work email",
        "mail",
    ];
    const ORGANISATION: &[&str] = &[
        "company",
        "organisation",
        "organization",
        "organization name",
        "organization 1 name",
        "employer",
        "company name",
    ];
    const POSITION: &[&str] = &[
        "position",
        "job title",
        "organization 1 title",
        "role",
        // Last: some address books use "Title" for Mr / Ms next to a "Job Title".
        "title",
    ];
    const PROFILE_URL: &[&str] = &[
        "url",
        "profile",
        "profile url",
        "linkedin",
        "linkedin url",
        "linkedin profile",
        "website",
        "web page",
        "website 1 value",
    ];
    const NOTE: &[&str] = &["notes", "note", "comments"];
    const CONNECTED_ON: &[&str] = &["connected on", "connected", "connection date"];

    /// The separators tried on the header line.
    const SEPARATORS: [char; 3] = [',', ';', '\t'];

    /// Which column holds which field, by index.
    struct Columns {
        full_name: Option<usize>,
        first_name: Option<usize>,
        last_name: Option<usize>,
        email: Option<usize>,
        organisation: Option<usize>,
        position: Option<usize>,
        profile_url: Option<usize>,
        note: Option<usize>,
        connected_on: Option<usize>,
        /// The header as written (trimmed), to name a column in a problem. Every label
        /// used matched one of the lists above, so it can't carry anyone's details.
        headers: Vec<String>,
    }

    impl Columns {
        fn from_header(fields: &[String]) -> Columns {
            let names: Vec<String> = fields.iter().map(|field| normalised(field)).collect();
            let find = |aliases: &[&str]| {
                aliases
                    .iter()
                    .find_map(|alias| names.iter().position(|name| name == alias))
            };
            Columns {
                full_name: find(FULL_NAME),
                first_name: find(FIRST_NAME),
                last_name: find(LAST_NAME),
                email: find(EMAIL),
                organisation: find(ORGANISATION),
                position: find(POSITION),
                profile_url: find(PROFILE_URL),
                note: find(NOTE),
                connected_on: find(CONNECTED_ON),
                headers: fields
                    .iter()
                    .map(|field| field.trim().to_string())
                    .collect(),
            }
        }

        fn has_name(&self) -> bool {
            self.full_name.is_some() || self.first_name.is_some() || self.last_name.is_some()
        }

        fn recognised(&self) -> usize {
            [
                self.full_name,
                self.first_name,
                self.last_name,
                self.email,
                self.organisation,
                self.position,
                self.profile_url,
                self.note,
                self.connected_on,
            ]
            .iter()
            .filter(|column| column.is_some())
            .count()
        }

        /// The network's export: first and last name, plus the date connected or the
        /// profile address.
        fn is_connections_export(&self) -> bool {
            self.first_name.is_some()
                && self.last_name.is_some()
                && (self.connected_on.is_some()
                    || self
                        .profile_url
                        .is_some_and(|index| self.headers[index].eq_ignore_ascii_case("url")))
        }

        fn label(&self, column: Option<usize>, fallback: &str) -> String {
            column
                .and_then(|index| self.headers.get(index))
                .cloned()
                .unwrap_or_else(|| fallback.to_string())
        }

        fn labels(&self) -> Labels {
            let name = match (self.full_name, self.first_name, self.last_name) {
                (Some(_), None, None) => self.label(self.full_name, "Name"),
                _ => "The name in this row".to_string(),
            };
            Labels {
                name,
                organisation: self.label(self.organisation, "Company"),
                position: self.label(self.position, "Position"),
                email: self.label(self.email, "Email"),
                profile_url: self.label(self.profile_url, "URL"),
                note: self.label(self.note, "Notes"),
            }
        }
    }

    /// A header cell as compared: lower case, spaces squeezed, `_` as a space, and
    /// "e-mail" as "email", with `-` dropped between words ("E-mail 1 - Value").
    pub(super) fn normalised(header: &str) -> String {
        let lower = header.trim().to_lowercase().replace("e-mail", "email");
        lower
            .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
            .filter(|word| !word.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Why a record's text can't be split into values.
    #[derive(Debug, PartialEq, Eq)]
    pub(super) enum Malformed {
        /// A quoted value runs to the end of the file (or too far) without closing.
        Unclosed,
        /// Something other than a separator follows a closing quotation mark.
        TextAfterQuote,
    }

    /// One record's values and how many lines it took, starting at `lines[start]`.
    pub(super) fn read_record(
        lines: &[&str],
        start: usize,
        separator: char,
    ) -> (std::result::Result<Vec<String>, Malformed>, usize) {
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut index = start;
        let mut chars = lines[index].chars().peekable();
        // At the start of a value, where a quotation mark opens a quoted value.
        let mut at_start = true;
        loop {
            let Some(c) = chars.next() else {
                fields.push(std::mem::take(&mut field));
                return (Ok(fields), index - start + 1);
            };
            if c == separator {
                fields.push(std::mem::take(&mut field));
                at_start = true;
                continue;
            }
            // Spaces before an opening quote (`a, "b"`) are tolerated and dropped.
            if at_start && c == '"' && field.trim().is_empty() {
                field.clear();
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(other) => field.push(other),
                        None => {
                            index += 1;
                            if index >= lines.len() || index - start >= MAX_LINES_PER_VALUE {
                                return (Err(Malformed::Unclosed), index - start);
                            }
                            field.push('\n');
                            chars = lines[index].chars().peekable();
                        }
                    }
                }
                // After the closing quote only spaces, then a separator or the line's end.
                while chars.peek().is_some_and(|&next| next == ' ') {
                    chars.next();
                }
                match chars.peek() {
                    None => {}
                    Some(&next) if next == separator => {}
                    Some(_) => return (Err(Malformed::TextAfterQuote), index - start + 1),
                }
                at_start = false;
                continue;
            }
            at_start = at_start && c.is_whitespace();
            field.push(c);
        }
    }

    /// The header: the first of the top lines that names a name column, with the
    /// separator that recognises most columns on it.
    fn find_header(lines: &[&str]) -> Result<(usize, char, Columns)> {
        let mut some_recognised = false;
        for index in 0..lines.len().min(MAX_PREAMBLE_LINES) {
            if lines[index].trim().is_empty() {
                continue;
            }
            let mut best: Option<(char, Columns)> = None;
            for separator in SEPARATORS {
                let (Ok(fields), _) = read_record(lines, index, separator) else {
                    continue;
                };
                let columns = Columns::from_header(&fields);
                some_recognised |= columns.recognised() > 0;
                let better = best
                    .as_ref()
                    .is_none_or(|(_, current)| columns.recognised() > current.recognised());
                if columns.has_name() && better {
                    best = Some((separator, columns));
                }
            }
            if let Some((separator, columns)) = best {
                return Ok((index, separator, columns));
            }
        }
        if some_recognised {
            Err(Error::invalid(
                "file",
                "This file has no name column. Mentor Circle needs a column headed Name, \
                 or First Name and Last Name; add one in a spreadsheet and try again.",
            ))
        } else {
            Err(Error::invalid(
                "file",
                "This doesn't look like a contacts file: no header row with a name column \
                 was found. Choose a CSV whose first row names the columns (Name or First \
                 Name and Last Name, Email, Company...) or a vCard (.vcf) file.",
            ))
        }
    }

    pub(super) fn parse(lines: &[&str]) -> Result<ParsedFile> {
        let (header_index, separator, columns) = find_header(lines)?;
        let format = if columns.is_connections_export() {
            ImportFormat::ConnectionsCsv
        } else {
            ImportFormat::Csv
        };
        let labels = columns.labels();
        let width = columns.headers.len();
        let mut rows = Vec::new();
        let mut index = header_index + 1;
        while index < lines.len() {
            if lines[index].trim().is_empty() {
                index += 1;
                continue;
            }
            let line = line_number(index);
            let (record, used) = read_record(lines, index, separator);
            let (outcome, next) = match record {
                // Empty rows (`,,,,`) are what spreadsheets leave below the data.
                Ok(fields) if fields.iter().all(|field| field.trim().is_empty()) => {
                    index += used;
                    continue;
                }
                Ok(fields) if fits(&fields, width) => {
                    (row_outcome(&fields, &columns, &labels), index + used)
                }
                // A row running over several lines with the wrong number of values is
                // most likely a stray quotation mark that swallowed the lines below.
                Ok(_) if used > 1 => (unbalanced(), index + 1),
                Ok(fields) => (wrong_width(fields.len(), width), index + used),
                Err(Malformed::TextAfterQuote) if used == 1 => (
                    RowOutcome::Invalid {
                        problem: "A value in this row has text after its closing quotation \
                                  mark. Put the whole value inside the quotation marks."
                            .to_string(),
                    },
                    index + 1,
                ),
                Err(_) => (unbalanced(), index + 1),
            };
            rows.push(ParsedRow { line, outcome });
            if rows.len() > MAX_ROWS {
                return Err(too_many_rows());
            }
            index = next;
        }
        Ok(ParsedFile { format, rows })
    }

    /// Whether a row has the header's number of values; extra empty values at the end
    /// (left by some spreadsheets) are fine.
    fn fits(fields: &[String], width: usize) -> bool {
        fields.len() == width
            || (fields.len() > width && fields[width..].iter().all(|f| f.trim().is_empty()))
    }

    fn unbalanced() -> RowOutcome {
        RowOutcome::Invalid {
            problem: "A quotation mark in this row is never closed, so the row can't be told \
                      apart from the lines below it. Check the quotation marks on this line."
                .to_string(),
        }
    }

    fn wrong_width(found: usize, width: usize) -> RowOutcome {
        let hint = if found > width {
            "; a value with a comma in it needs quotation marks around it"
        } else {
            ""
        };
        RowOutcome::Invalid {
            problem: format!(
                "This row has {} where the header has {}{hint}.",
                plural(found, "value", "values"),
                plural(width, "column", "columns"),
            ),
        }
    }

    fn row_outcome(fields: &[String], columns: &Columns, labels: &Labels) -> RowOutcome {
        let get = |column: Option<usize>| {
            column
                .and_then(|index| fields.get(index))
                .map(|value| value.trim())
                .unwrap_or("")
        };
        let full_name = get(columns.full_name);
        let name = if full_name.is_empty() {
            format!("{} {}", get(columns.first_name), get(columns.last_name))
                .trim()
                .to_string()
        } else {
            full_name.to_string()
        };
        let connected_on = match parse_date(get(columns.connected_on)) {
            Ok(date) => date,
            Err(()) => {
                return RowOutcome::Invalid {
                    problem: format!(
                        "{} isn't a date Mentor Circle can read; it should look like \
                         14 Mar 2023 or 2023-03-14.",
                        columns.label(columns.connected_on, "Connected On")
                    ),
                };
            }
        };
        let draft = ProspectDraft {
            name,
            organisation: get(columns.organisation).to_string(),
            position: get(columns.position).to_string(),
            email: get(columns.email).to_string(),
            profile_url: get(columns.profile_url).to_string(),
            connected_on,
            note: get(columns.note).to_string(),
            ..ProspectDraft::default()
        };
        checked(&draft, labels, "No name in this row.")
    }

    /// A "Connected On" date: the network writes `14 Mar 2023`; ISO dates are accepted
    /// too. Other shapes (`03/04/2023`) are refused rather than guessed: day and month
    /// order differ between countries.
    pub(super) fn parse_date(text: &str) -> std::result::Result<Option<NaiveDate>, ()> {
        if text.is_empty() {
            return Ok(None);
        }
        ["%d %b %Y", "%d %B %Y", "%Y-%m-%d"]
            .iter()
            .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
            .map(Some)
            .ok_or(())
    }
}

mod vcard_format {
    //! vCard 2.1, 3.0 and 4.0: folded lines, property groups (`item1.EMAIL`), parameters,
    //! escapes, and the quoted-printable text that phones still write in 2.1 cards.

    use super::*;

    /// A card being read.
    #[derive(Default)]
    struct Card {
        formatted_name: String,
        given_name: String,
        family_name: String,
        organisation: String,
        position: String,
        email: String,
        url: String,
        social_profile: String,
        note: String,
        is_group: bool,
        /// A value that couldn't be decoded (quoted-printable in another character set).
        unreadable: bool,
    }

    impl Card {
        fn outcome(self) -> RowOutcome {
            if self.is_group {
                return RowOutcome::Invalid {
                    problem: "This card is a group of contacts, not a person.".to_string(),
                };
            }
            if self.unreadable {
                return RowOutcome::Invalid {
                    problem: "Part of this card isn't UTF-8 text. Export the contacts as \
                              vCard 3.0 or 4.0 and try again."
                        .to_string(),
                };
            }
            let name = if self.formatted_name.trim().is_empty() {
                format!("{} {}", self.given_name.trim(), self.family_name.trim())
            } else {
                self.formatted_name
            };
            let profile_url = if self.url.trim().is_empty() {
                self.social_profile
            } else {
                self.url
            };
            let draft = ProspectDraft {
                name,
                organisation: self.organisation,
                position: self.position,
                email: self.email,
                profile_url,
                connected_on: None,
                note: self.note,
                ..ProspectDraft::default()
            };
            let labels = Labels {
                name: "The name on this card".into(),
                organisation: "The organisation on this card".into(),
                position: "The job title on this card".into(),
                email: "The e-mail address on this card".into(),
                profile_url: "The web address on this card".into(),
                note: "The note on this card".into(),
            };
            checked(&draft, &labels, "No name on this card.")
        }

        fn take(&mut self, property: &Property) {
            const USED: [&str; 10] = [
                "FN",
                "N",
                "ORG",
                "TITLE",
                "EMAIL",
                "URL",
                "X-SOCIALPROFILE",
                "NOTE",
                "KIND",
                "X-ADDRESSBOOKSERVER-KIND",
            ];
            // Only what a prospect uses is decoded: an address or photo in another
            // character set shouldn't cost the user the whole card.
            if !USED.contains(&property.name.as_str()) {
                return;
            }
            let decoded = match property.text() {
                Some(text) => text,
                None => {
                    self.unreadable = true;
                    return;
                }
            };
            let first_empty = |slot: &mut String, value: String| {
                if slot.trim().is_empty() {
                    *slot = value;
                }
            };
            match property.name.as_str() {
                "FN" => first_empty(&mut self.formatted_name, unescape(&decoded)),
                "N" => {
                    let parts = components(&decoded);
                    first_empty(
                        &mut self.family_name,
                        parts.first().cloned().unwrap_or_default(),
                    );
                    first_empty(
                        &mut self.given_name,
                        parts.get(1).cloned().unwrap_or_default(),
                    );
                }
                "ORG" => {
                    let parts = components(&decoded);
                    first_empty(
                        &mut self.organisation,
                        parts.first().cloned().unwrap_or_default(),
                    );
                }
                "TITLE" => first_empty(&mut self.position, unescape(&decoded)),
                "EMAIL" => first_empty(&mut self.email, unescape(&decoded)),
                "URL" => first_empty(&mut self.url, unescape(&decoded)),
                "X-SOCIALPROFILE" => first_empty(&mut self.social_profile, unescape(&decoded)),
                "NOTE" => first_empty(&mut self.note, unescape(&decoded)),
                "KIND" | "X-ADDRESSBOOKSERVER-KIND" => {
                    self.is_group = unescape(&decoded).trim().eq_ignore_ascii_case("group");
                }
                // Everything else (TEL, ADR, PHOTO, REV, UID...) isn't part of a prospect.
                _ => {}
            }
        }
    }

    /// One unfolded content line: `[group.]NAME[;param...]:value`.
    pub(super) struct Property {
        /// Upper case, without the group.
        pub(super) name: String,
        quoted_printable: bool,
        pub(super) value: String,
    }

    impl Property {
        pub(super) fn parse(line: &str) -> Option<Property> {
            let colon = outside_quotes(line, ':')?;
            let (head, value) = (&line[..colon], &line[colon + 1..]);
            let mut parts = head.split(';');
            let full_name = parts.next()?.trim();
            let name = full_name
                .rsplit_once('.')
                .map_or(full_name, |(_group, name)| name)
                .to_ascii_uppercase();
            let quoted_printable = parts.any(|param| {
                let param = param.trim().to_ascii_uppercase();
                param == "QUOTED-PRINTABLE" || param == "ENCODING=QUOTED-PRINTABLE"
            });
            Some(Property {
                name,
                quoted_printable,
                value: value.to_string(),
            })
        }

        /// The value as text (still escaped), or `None` if it can't be decoded.
        fn text(&self) -> Option<String> {
            if self.quoted_printable {
                String::from_utf8(quoted_printable(&self.value)).ok()
            } else {
                Some(self.value.clone())
            }
        }
    }

    /// Where `wanted` first occurs outside double quotes (parameter values may be quoted
    /// and contain `:`).
    fn outside_quotes(line: &str, wanted: char) -> Option<usize> {
        let mut quoted = false;
        line.char_indices().find_map(|(at, c)| {
            if c == '"' {
                quoted = !quoted;
            }
            (c == wanted && !quoted).then_some(at)
        })
    }

    fn quoted_printable(text: &str) -> Vec<u8> {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut at = 0;
        while at < bytes.len() {
            let hex = bytes
                .get(at + 1..at + 3)
                .and_then(|pair| std::str::from_utf8(pair).ok())
                .and_then(|pair| u8::from_str_radix(pair, 16).ok());
            match (bytes[at], hex) {
                (b'=', Some(byte)) => {
                    out.push(byte);
                    at += 3;
                }
                (byte, _) => {
                    out.push(byte);
                    at += 1;
                }
            }
        }
        out
    }

    /// A text value with its escapes undone: `\,` `\;` `\:` `\\` and `\n` (a new line).
    pub(super) fn unescape(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(escaped @ (',' | ';' | ':' | '\\')) => out.push(escaped),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        }
        out
    }

    /// A structured value (`N`, `ORG`) split at its unescaped `;`, each part unescaped.
    pub(super) fn components(text: &str) -> Vec<String> {
        let mut parts = Vec::new();
        let mut current = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    current.push('\\');
                    if let Some(next) = chars.next() {
                        current.push(next);
                    }
                }
                ';' => parts.push(unescape(&std::mem::take(&mut current))),
                other => current.push(other),
            }
        }
        parts.push(unescape(&current));
        parts
            .into_iter()
            .map(|part| part.trim().to_string())
            .collect()
    }

    /// The file's content lines, unfolded, each with the line it starts on. A line that
    /// starts with a space or tab continues the one before (3.0, 4.0); in 2.1, a
    /// quoted-printable value ending in `=` continues on the next line.
    pub(super) fn unfold(lines: &[&str]) -> Vec<(usize, String)> {
        let mut logical: Vec<(usize, String)> = Vec::new();
        let mut soft_break = false;
        for (index, line) in lines.iter().enumerate() {
            let folded = line.starts_with([' ', '\t']);
            match logical.last_mut() {
                Some((_, current)) if soft_break => {
                    current.pop();
                    current.push_str(line);
                }
                Some((_, current)) if folded => current.push_str(&line[1..]),
                _ if line.trim().is_empty() => {}
                _ => logical.push((index, (*line).to_string())),
            }
            soft_break = logical.last().is_some_and(|(_, current)| {
                current.ends_with('=')
                    && current
                        .split(':')
                        .next()
                        .is_some_and(|head| head.to_ascii_uppercase().contains("QUOTED-PRINTABLE"))
            });
        }
        logical
    }

    pub(super) fn parse(lines: &[&str]) -> Result<ParsedFile> {
        let mut rows = Vec::new();
        // The card being read and the line it started on.
        let mut open: Option<(usize, Card)> = None;
        // The first line of a run of lines found outside any card.
        let mut stray: Option<usize> = None;
        let push = |rows: &mut Vec<ParsedRow>, index: usize, outcome: RowOutcome| {
            rows.push(ParsedRow {
                line: line_number(index),
                outcome,
            });
            if rows.len() > MAX_ROWS {
                Err(too_many_rows())
            } else {
                Ok(())
            }
        };
        let outside = || RowOutcome::Invalid {
            problem: "These lines are outside any card: each contact should sit between \
                      BEGIN:VCARD and END:VCARD."
                .to_string(),
        };
        let unfinished = || RowOutcome::Invalid {
            problem: "This card isn't finished: its END:VCARD line is missing.".to_string(),
        };
        for (index, line) in unfold(lines) {
            let trimmed = line.trim();
            if trimmed.eq_ignore_ascii_case("BEGIN:VCARD") {
                if let Some(first) = stray.take() {
                    push(&mut rows, first, outside())?;
                }
                if let Some((start, _)) = open.take() {
                    push(&mut rows, start, unfinished())?;
                }
                open = Some((index, Card::default()));
            } else if trimmed.eq_ignore_ascii_case("END:VCARD") {
                match open.take() {
                    Some((start, card)) => push(&mut rows, start, card.outcome())?,
                    None => {
                        stray.get_or_insert(index);
                    }
                }
            } else {
                match (&mut open, Property::parse(&line)) {
                    (Some((_, card)), Some(property)) => card.take(&property),
                    // A line without a colon inside a card is noise some exporters leave.
                    (Some(_), None) => {}
                    (None, _) => {
                        stray.get_or_insert(index);
                    }
                }
            }
        }
        if let Some(first) = stray.take() {
            push(&mut rows, first, outside())?;
        }
        if let Some((start, _)) = open.take() {
            push(&mut rows, start, unfinished())?;
        }
        rows.sort_by_key(|row| row.line);
        Ok(ParsedFile {
            format: ImportFormat::VCard,
            rows,
        })
    }
}

/// What an import found in one row, after checking it against the circle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[ts(export)]
pub enum PreviewOutcome {
    /// Someone new: imported if the user accepts.
    New { prospect: ProspectDraft },
    /// Someone already known; `of` says who, in the user's words.
    Duplicate { prospect: ProspectDraft, of: String },
    /// The row cannot be imported; `problem` says why.
    Invalid { problem: String },
}

/// One row of an import preview, with the line to find it in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewRow {
    pub line: u32,
    pub outcome: PreviewOutcome,
}

/// What an import would do; nothing is written until the user accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportPreview {
    pub format: crate::contacts::ImportFormat,
    pub rows: Vec<PreviewRow>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        split_lines(text)
    }

    #[test]
    fn quoted_values_keep_their_commas_quotes_and_line_breaks() {
        let text = "Ana,\"Acme, Inc.\",\"She said \"\"hi\"\"\",\"two\nlines\"\nnext";
        let (record, used) = csv_format::read_record(&lines(text), 0, ',');
        assert_eq!(
            record.expect("well formed"),
            vec!["Ana", "Acme, Inc.", "She said \"hi\"", "two\nlines"],
            "quoted values are unwrapped"
        );
        assert_eq!(used, 2, "the record took two lines");
    }

    #[test]
    fn a_quote_left_open_or_followed_by_text_is_malformed() {
        let (record, _) = csv_format::read_record(&lines("Ana,\"Acme\nBob,x"), 0, ',');
        assert_eq!(
            record,
            Err(csv_format::Malformed::Unclosed),
            "runs to the end"
        );
        let (record, used) = csv_format::read_record(&lines("Ana,\"Acme\" Inc,x"), 0, ',');
        assert_eq!(
            record,
            Err(csv_format::Malformed::TextAfterQuote),
            "text after the quote"
        );
        assert_eq!(used, 1, "one line");
    }

    #[test]
    fn a_quote_inside_an_unquoted_value_is_just_a_character() {
        let (record, _) = csv_format::read_record(&lines("Ana,5'10\" tall,x"), 0, ',');
        assert_eq!(
            record.expect("well formed")[1],
            "5'10\" tall",
            "kept as written"
        );
    }

    #[test]
    fn headers_match_whatever_their_case_spacing_or_spelling() {
        assert_eq!(csv_format::normalised("  E-Mail Address "), "email address");
        assert_eq!(csv_format::normalised("first_name"), "first name");
        assert_eq!(csv_format::normalised("E-mail 1 - Value"), "email 1 value");
    }

    #[test]
    fn connection_dates_are_read_in_the_networks_shape_and_iso() {
        let expected = NaiveDate::from_ymd_opt(2023, 3, 14);
        assert_eq!(
            csv_format::parse_date("14 Mar 2023"),
            Ok(expected),
            "network shape"
        );
        assert_eq!(
            csv_format::parse_date("14 mar 2023"),
            Ok(expected),
            "any case"
        );
        assert_eq!(csv_format::parse_date("2023-03-14"), Ok(expected), "ISO");
        assert_eq!(csv_format::parse_date(""), Ok(None), "no date at all");
        assert_eq!(
            csv_format::parse_date("03/14/2023"),
            Err(()),
            "ambiguous shapes refused"
        );
        assert_eq!(
            csv_format::parse_date("31 Feb 2023"),
            Err(()),
            "impossible dates refused"
        );
    }

    #[test]
    fn vcard_escapes_and_structured_values_are_undone() {
        assert_eq!(
            vcard_format::unescape(r"Acme\, Inc\; Ltd\nline\\two\:x"),
            "Acme, Inc; Ltd\nline\\two:x"
        );
        assert_eq!(
            vcard_format::components(r"Álvarez;José;;Dr.;"),
            vec!["Álvarez", "José", "", "Dr.", ""],
            "N splits at each unescaped semicolon"
        );
        assert_eq!(
            vcard_format::components(r"Acme\; Co;Platform"),
            vec!["Acme; Co", "Platform"]
        );
    }

    #[test]
    fn vcard_lines_unfold_and_keep_their_first_line_number() {
        let text = "BEGIN:VCARD\r\nNOTE:one\r\n  two\r\n\t three\r\nFN;ENCODING=QUOTED-PRINTABLE:Jos=\r\n=C3=A9\r\nEND:VCARD\r\n";
        let unfolded = vcard_format::unfold(&lines(text));
        assert_eq!(
            unfolded[1],
            (1, "NOTE:one two three".to_string()),
            "folded note"
        );
        assert_eq!(
            unfolded[2].0, 4,
            "the quoted-printable name starts on line 5"
        );
        let property = vcard_format::Property::parse(&unfolded[2].1).expect("a property");
        assert_eq!(property.name, "FN");
        assert_eq!(property.value, "Jos=C3=A9", "soft break joined");
    }

    #[test]
    fn property_groups_and_parameters_are_set_aside() {
        let property =
            vcard_format::Property::parse("item1.URL;type=\"pref:x\":https://example.org/ana")
                .expect("a property");
        assert_eq!(property.name, "URL");
        assert_eq!(property.value, "https://example.org/ana");
    }

    #[test]
    fn sizes_and_counts_read_the_way_people_write_them() {
        assert_eq!(megabytes(12 * 1024 * 1024), "12 MB");
        assert_eq!(megabytes(MAX_FILE_BYTES), "5 MB");
        assert_eq!(
            megabytes(MAX_FILE_BYTES + 1),
            "5.1 MB",
            "never equal to the limit"
        );
        assert_eq!(thousands(20_000), "20,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_recognised() {
        let utf16: Vec<u8> = "Name,Email\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(looks_like_utf16_without_mark(&utf16), "little-endian");
        assert!(
            !looks_like_utf16_without_mark(b"Name,Email\n"),
            "plain text"
        );
    }
}
