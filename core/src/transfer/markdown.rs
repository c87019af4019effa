//! The circle as a folder of Markdown files: something the user can read in any editor,
//! print, or keep in their own notes long after the app is gone.
//!
//! Pure: the function returns paths and contents, and the caller writes them where the
//! user chose, after warning that they will not be encrypted. The paths come from
//! people's names, so they are made safe on every file system (no path separators, no
//! leading dots, no names Windows reserves) and unique even on case-insensitive ones.
//! User text is escaped just enough that a note cannot turn into a heading, a list or
//! raw HTML and break the page around it, and otherwise left as typed.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::{CircleExport, MentorExport, words};
use crate::goals::Goal;
use crate::journal::JournalEntry;
use crate::model::{CatchUp, Term};

/// The export's front page.
pub const INDEX_PATH: &str = "index.md";
/// The journal's file, written only when the user chose to include the journal.
pub const JOURNAL_PATH: &str = "journal.md";
/// The folder of mentor pages. Keeping them apart means a mentor called "Index" or
/// "Journal" cannot collide with the files above.
pub const MENTORS_DIR: &str = "mentors";

/// Longest file name stem, in characters: well under the 255 bytes most file systems
/// allow, even in a four-byte script with a "-12" suffix and ".md".
const MAX_SLUG_CHARS: usize = 60;

/// One file of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownFile {
    /// Relative to the folder the user chose, with `/` separators.
    pub path: String,
    pub contents: String,
}

/// Every file of the export: `index.md` first, then one page per mentor under
/// `mentors/`, then `journal.md` if (and only if) the export includes the journal.
pub fn markdown_files(export: &CircleExport) -> Vec<MarkdownFile> {
    let slugs = unique_slugs(
        export
            .mentors
            .iter()
            .map(|m| m.mentor.details.name.as_str()),
    );
    let pages: Vec<(&MentorExport, String)> = export
        .mentors
        .iter()
        .zip(slugs)
        .map(|(exported, slug)| (exported, format!("{MENTORS_DIR}/{slug}.md")))
        .collect();

    let mut files = vec![MarkdownFile {
        path: INDEX_PATH.into(),
        contents: index(export, &pages),
    }];
    files.extend(pages.iter().map(|(exported, path)| MarkdownFile {
        path: path.clone(),
        contents: mentor_page(exported),
    }));
    if let Some(journal) = &export.journal {
        files.push(MarkdownFile {
            path: JOURNAL_PATH.into(),
            contents: journal_page(journal, export.exported_at),
        });
    }
    files
}

fn exported_on(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

fn index(export: &CircleExport, pages: &[(&MentorExport, String)]) -> String {
    let mut out = String::from("# Mentor Circle\n\n");
    out.push_str(&format!(
        "Exported on {} by Mentor Circle. This folder is not encrypted: keep it \
         somewhere private, and delete it when you no longer need it.\n\n",
        exported_on(export.exported_at)
    ));

    out.push_str("## Mentors\n\n");
    if pages.is_empty() {
        out.push_str("No mentors yet.\n\n");
    } else {
        for (exported, path) in pages {
            let details = &exported.mentor.details;
            let mut about = vec![words::status(details.status).to_string()];
            let roles = words::roles(&details.roles);
            if !roles.is_empty() {
                about.insert(0, roles);
            }
            out.push_str(&format!(
                "- {} ({})\n",
                link(mentor_name(exported), path),
                about.join(" · ")
            ));
        }
        out.push('\n');
    }

    out.push_str("## Goals\n\n");
    if export.goals.is_empty() {
        out.push_str("No goals yet.\n\n");
    }
    for goal in &export.goals {
        out.push_str(&goal_section(goal, pages));
    }

    out.push_str("## Journal\n\n");
    if export.journal.is_some() {
        out.push_str(&format!(
            "The journal is in {}.\n",
            link("journal.md", JOURNAL_PATH)
        ));
    } else {
        out.push_str("The journal was not included in this export.\n");
    }
    out
}

fn goal_section(goal: &Goal, pages: &[(&MentorExport, String)]) -> String {
    let mut out = format!("### {}\n\n", inline(&goal.title));
    out.push_str(&format!("- Status: {}\n", words::goal_status(goal.status)));
    if let Some(target) = goal.target_on {
        out.push_str(&format!("- Target date: {target}\n"));
    }
    let mentors: Vec<String> = goal
        .mentor_ids
        .iter()
        .filter_map(|id| pages.iter().find(|(exported, _)| exported.mentor.id == *id))
        .map(|(exported, path)| link(mentor_name(exported), path))
        .collect();
    if !mentors.is_empty() {
        out.push_str(&format!("- With: {}\n", mentors.join(", ")));
    }
    out.push('\n');
    let why = block(&goal.why);
    if !why.is_empty() {
        out.push_str(&why);
        out.push_str("\n\n");
    }
    out
}

fn mentor_page(exported: &MentorExport) -> String {
    let details = &exported.mentor.details;
    let mut out = format!("# {}\n\n", inline(mentor_name(exported)));
    out.push_str(&format!(
        "{}\n\n",
        link("Back to the circle", "../index.md")
    ));

    let mut about = Vec::new();
    push_item(&mut about, "Organisation", &details.organisation);
    push_item(&mut about, "Roles", &words::roles(&details.roles));
    about.push(format!("- Status: {}", words::status(details.status)));
    if details.same_company {
        about.push("- Works at my company".into());
    }
    push_item(&mut about, "Expertise", &details.expertise);
    push_item(&mut about, "How we met", &details.how_we_met);
    out.push_str(&about.join("\n"));
    out.push_str("\n\n## Contact\n\n");

    let contact = &details.contact;
    let mut reach = Vec::new();
    push_item(&mut reach, "Email", &contact.email);
    push_item(&mut reach, "Phone", &contact.phone);
    push_item(&mut reach, "Profile", &contact.linkedin);
    if reach.is_empty() {
        out.push_str("No contact details.\n\n");
    } else {
        out.push_str(&reach.join("\n"));
        out.push_str("\n\n");
    }

    out.push_str("## Agreement\n\n");
    out.push_str(&agreement_items(exported).join("\n"));
    out.push_str("\n\n## For your next catch-up\n\n");
    let agenda: Vec<String> = exported
        .agenda
        .iter()
        .filter(|agenda_item| agenda_item.discussed_on.is_none())
        .map(|agenda_item| item(&agenda_item.text))
        .filter(|text| !text.is_empty())
        .map(|text| format!("- {text}"))
        .collect();
    if agenda.is_empty() {
        out.push_str("Nothing yet.\n\n");
    } else {
        out.push_str(&agenda.join("\n"));
        out.push_str("\n\n");
    }

    let advice: Vec<String> = exported
        .advice
        .iter()
        .map(|advice| {
            let mut line = format!(
                "- {} ({}): {}",
                item(&advice.text),
                advice.given_on,
                words::advice_status(advice.progress.status)
            );
            if !advice.progress.reason.is_empty() {
                line.push_str(&format!(", because {}", inline(&advice.progress.reason)));
            }
            if !advice.progress.outcome.is_empty() {
                line.push_str(&format!(
                    ". What came of it: {}",
                    inline(&advice.progress.outcome)
                ));
            }
            line
        })
        .collect();
    if !advice.is_empty() {
        out.push_str("## Advice\n\n");
        out.push_str(&advice.join("\n"));
        out.push_str("\n\n");
    }
    let gives: Vec<String> = exported
        .gives
        .iter()
        .map(|give| {
            let mut line = format!(
                "- {} · {} · {}",
                give.details.on,
                words::give_kind(give.details.kind),
                words::give_state(give.details.state)
            );
            if !give.details.note.is_empty() {
                line.push_str(&format!(": {}", inline(&give.details.note)));
            }
            line
        })
        .collect();
    if !gives.is_empty() {
        out.push_str("## Thanks and giving back\n\n");
        out.push_str(&gives.join("\n"));
        out.push_str("\n\n");
    }

    out.push_str("## Catch-ups\n\n");
    let mut catch_ups: Vec<&CatchUp> = exported.catch_ups.iter().collect();
    // Newest first, as the mentor page lists them; the export is usually in this order
    // already, but the file should not depend on it.
    catch_ups.sort_by(|a, b| b.date.cmp(&a.date).then(b.id.cmp(&a.id)));
    if catch_ups.is_empty() {
        out.push_str("No catch-ups logged yet.\n");
    }
    for catch_up in catch_ups {
        out.push_str(&format!(
            "### {} · {}\n\n",
            catch_up.date,
            words::mode(catch_up.mode)
        ));
        let note = block(&catch_up.note);
        if note.is_empty() {
            out.push_str("No note.\n\n");
        } else {
            out.push_str(&note);
            out.push_str("\n\n");
        }
    }
    trim_to_one_newline(out)
}

fn agreement_items(exported: &MentorExport) -> Vec<String> {
    let agreement = &exported.mentor.details.agreement;
    let mut items = vec![format!("- {}", words::cadence(agreement))];
    let ways = words::modes(&agreement.modes);
    if !ways.is_empty() {
        items.push(format!("- Ways to talk: {ways}"));
    }
    let term = words::term(agreement.term);
    if agreement.term == Term::OneOff && !agreement.situation.trim().is_empty() {
        items.push(format!(
            "- Term: {term}, for {}",
            inline(&agreement.situation)
        ));
    } else {
        items.push(format!("- Term: {term}"));
    }
    items.push(format!("- Started: {}", agreement.starts_on));
    if let Some(review_on) = agreement.review_on {
        items.push(format!("- Review: {review_on}"));
    }
    let mut purposes: Vec<String> = agreement
        .purposes
        .iter()
        .map(|purpose| words::purpose(*purpose).to_string())
        .collect();
    let own = inline(&agreement.own_purpose);
    if !own.is_empty() {
        purposes.push(own);
    }
    if !purposes.is_empty() {
        items.push(format!("- Purposes: {}", purposes.join("; ")));
    }
    push_item(&mut items, "Confidentiality", &agreement.confidentiality);
    items
}

fn journal_page(entries: &[JournalEntry], exported_at: DateTime<Utc>) -> String {
    let mut out = String::from("# Journal\n\n");
    out.push_str(&format!(
        "Exported on {} by Mentor Circle. This file is not encrypted, and it is the \
         most private part of the export.\n\n",
        exported_on(exported_at)
    ));
    if entries.is_empty() {
        out.push_str("No entries.\n");
    }
    for entry in entries {
        let content = &entry.content;
        out.push_str(&format!("## {}\n\n", entry.written_on));
        let mut facts = Vec::new();
        if let Some(mood) = content.mood {
            facts.push(format!("Mood: {mood} of {}", crate::journal::SCALE_TOP));
        }
        if let Some(energy) = content.energy {
            facts.push(format!("Energy: {energy} of {}", crate::journal::SCALE_TOP));
        }
        let tags: Vec<String> = content
            .tags
            .iter()
            .map(|tag| inline(tag))
            .filter(|tag| !tag.is_empty())
            .collect();
        if !tags.is_empty() {
            facts.push(format!("Tags: {}", tags.join(", ")));
        }
        if !facts.is_empty() {
            out.push_str(&facts.join(" · "));
            out.push_str("\n\n");
        }
        let body = block(&content.body);
        if !body.is_empty() {
            out.push_str(&body);
            out.push_str("\n\n");
        }
    }
    trim_to_one_newline(out)
}

fn trim_to_one_newline(mut text: String) -> String {
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

fn mentor_name(exported: &MentorExport) -> &str {
    let name = exported.mentor.details.name.trim();
    if name.is_empty() {
        "Unnamed mentor"
    } else {
        name
    }
}

/// `- Label: value`, unless the value is empty.
fn push_item(items: &mut Vec<String>, label: &str, value: &str) {
    let value = inline(value);
    if !value.is_empty() {
        items.push(format!("- {label}: {value}"));
    }
}

/// A link to another file of the export. Paths are our own slugs (letters, digits and
/// hyphens), so they need no escaping; the label is user text and does.
fn link(label: &str, path: &str) -> String {
    format!("[{}]({path})", inline(label))
}

// --- file names ------------------------------------------------------------------------

/// A file name stem for each name, in order: safe everywhere and unique, the second
/// "Ana" becoming `ana-2`. Uniqueness is checked on the lowercased stem, so two files
/// never collide on a case-insensitive file system.
fn unique_slugs<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut taken = HashSet::new();
    let mut slugs = Vec::new();
    for name in names {
        let base = slug(name);
        let mut candidate = base.clone();
        let mut n = 2;
        while taken.contains(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(candidate.clone());
        slugs.push(candidate);
    }
    slugs
}

/// A lowercase file name stem from a person's name: common accents folded to ASCII
/// ("José Núñez" → `jose-nunez`), other letters kept ("Юлия" → `юлия`), and everything
/// else — spaces, dots, slashes, control characters, the characters Windows forbids —
/// a single hyphen between words. Never empty, never a name Windows reserves.
fn slug(name: &str) -> String {
    let mut slug = String::new();
    let mut length = 0;
    let mut gap = false;
    for ch in name.chars().flat_map(char::to_lowercase) {
        if length >= MAX_SLUG_CHARS {
            break;
        }
        // Decomposed accents ("e" + U+0301, as macOS file names and some pastes have
        // them) simply drop, leaving the base letter.
        if is_combining_mark(ch) {
            continue;
        }
        let piece = if let Some(folded) = fold_accent(ch) {
            folded.to_string()
        } else if ch.is_ascii_alphanumeric() || (ch.is_alphabetic() && !ch.is_ascii()) {
            ch.to_string()
        } else {
            gap = true;
            continue;
        };
        if gap && !slug.is_empty() {
            slug.push('-');
            length += 1;
        }
        gap = false;
        length += piece.chars().count();
        slug.push_str(&piece);
    }
    // A folded "ß" or "æ" may have gone one past the limit.
    let mut slug: String = slug.chars().take(MAX_SLUG_CHARS).collect();
    slug.truncate(slug.trim_end_matches('-').len());
    if slug.is_empty() {
        return "mentor".into();
    }
    if is_reserved_on_windows(&slug) {
        slug.push_str("-mentor");
    }
    slug
}

/// CON, PRN, AUX, NUL, COM0–9 and LPT0–9 name devices on Windows, with any extension:
/// a file called `con.md` cannot be created there.
fn is_reserved_on_windows(stem: &str) -> bool {
    match stem {
        "con" | "prn" | "aux" | "nul" => true,
        _ => {
            let bytes = stem.as_bytes();
            bytes.len() == 4
                && (stem.starts_with("com") || stem.starts_with("lpt"))
                && bytes[3].is_ascii_digit()
        }
    }
}

fn is_combining_mark(ch: char) -> bool {
    matches!(
        ch,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// The ASCII spelling of the accented Latin letters people's names commonly carry.
fn fold_accent(ch: char) -> Option<&'static str> {
    const TABLE: [(&str, &str); 28] = [
        ("àáâãäåāăą", "a"),
        ("æ", "ae"),
        ("çćĉċč", "c"),
        ("ďđð", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"),
        ("ĳ", "ij"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"),
        ("œ", "oe"),
        ("ŕŗř", "r"),
        ("śŝşšș", "s"),
        ("ß", "ss"),
        ("ţťŧț", "t"),
        ("þ", "th"),
        ("ùúûüũūŭůűų", "u"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
        ("ǎ", "a"),
        ("ǐ", "i"),
        ("ǒ", "o"),
        ("ǔ", "u"),
    ];
    TABLE
        .iter()
        .find(|(accented, _)| accented.contains(ch))
        .map(|(_, plain)| *plain)
}

// --- escaping ------------------------------------------------------------------------

/// User text within a line (a heading, a link's label, the value after "Email: "): line
/// breaks and runs of spaces become one space, then it is escaped.
fn inline(text: &str) -> String {
    escape(&one_line(text), false)
}

/// User text that starts a list item (an agenda item after "- "), where a "- " or "1. "
/// of its own would open a nested list.
fn item(text: &str) -> String {
    escape(&one_line(text), true)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// User text of several lines (a note, a goal's "why", a journal entry): each line is
/// escaped and trimmed (leading spaces would make a code block), lines of one paragraph
/// end in a hard break so they stay lines, and blank lines separate paragraphs.
fn block(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut paragraph = Vec::new();
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            if !paragraph.is_empty() {
                paragraphs.push(std::mem::take(&mut paragraph));
            }
        } else {
            paragraph.push(escape(line, true));
        }
    }
    if !paragraph.is_empty() {
        paragraphs.push(paragraph);
    }
    paragraphs
        .iter()
        .map(|lines| lines.join("  \n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Escapes user text of one line (no line breaks, no leading spaces) so it renders as
/// typed and cannot change the page's structure: when it starts a line
/// (`at_line_start`), nothing at its start can open a heading, list, quote, fence or
/// table; and nothing in it can open raw HTML (which could hide the rest of the page), a
/// link or a code span. Backslashes go only before punctuation, where CommonMark reads
/// them as escapes and plain-text readers barely notice them.
fn escape(line: &str, at_line_start: bool) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 4);
    for (i, &ch) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let escape = match ch {
            '\\' | '`' | '*' | '[' | ']' | '<' | '|' => true,
            // Intraword underscores ("first_last@example.org") are never emphasis.
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            // At the start a heading, or after a space a heading's closing sequence.
            '#' => prev.is_none_or(char::is_whitespace),
            // Block markers, harmless anywhere but at the start.
            '-' | '+' | '=' | '>' | '~' => at_line_start && prev.is_none(),
            // "1." or "2)" at the start would begin a numbered list.
            '.' | ')' => at_line_start && i > 0 && chars[..i].iter().all(char::is_ascii_digit),
            '&' => starts_entity(&chars[i + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Whether the text after an `&` would make it an entity like `&amp;` or `&#169;`.
fn starts_entity(after: &[char]) -> bool {
    let name = after
        .iter()
        .take_while(|ch| ch.is_ascii_alphanumeric() || **ch == '#')
        .count();
    name > 0 && after.get(name) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_accents_and_keep_other_letters() {
        assert_eq!(slug("José Núñez"), "jose-nunez");
        assert_eq!(slug("Jose\u{301} Nu\u{303}n\u{303}ez"), "jose-nunez");
        assert_eq!(slug("Jürgen Groß-Öztürk"), "jurgen-gross-ozturk");
        assert_eq!(slug("Lǔ Ǒu"), "lu-ou");
        assert_eq!(slug("Юлия Петрова"), "юлия-петрова");
        assert_eq!(slug("李 小龙"), "李-小龙");
    }

    #[test]
    fn slugs_are_never_empty_hidden_or_a_path() {
        assert_eq!(slug(""), "mentor");
        assert_eq!(slug("..."), "mentor");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug(".hidden"), "hidden");
        assert_eq!(slug("a/b\\c:d*e?f\"g<h>i|j"), "a-b-c-d-e-f-g-h-i-j");
        assert_eq!(slug("tab\tand\u{0}nul"), "tab-and-nul");
        assert_eq!(slug("CON"), "con-mentor");
        assert_eq!(slug("Lpt1"), "lpt1-mentor");
        assert_eq!(slug("Connie"), "connie");
        assert_eq!(slug(&"x".repeat(500)).chars().count(), MAX_SLUG_CHARS);
        assert_eq!(slug(&"ß".repeat(500)).chars().count(), MAX_SLUG_CHARS);
        let cut = slug(&format!("{} b", "a".repeat(MAX_SLUG_CHARS - 1)));
        assert!(
            !cut.ends_with('-'),
            "no hyphen left dangling by the cut: {cut}"
        );
    }

    #[test]
    fn equal_slugs_are_numbered_in_order() {
        let names = ["Ana", "ana", "ANA", "Ana 2"];
        assert_eq!(
            unique_slugs(names.into_iter()),
            vec!["ana", "ana-2", "ana-3", "ana-2-2"]
        );
    }

    fn escape_at_start(line: &str) -> String {
        escape(line, true)
    }

    #[test]
    fn a_line_that_looks_like_markdown_structure_is_escaped() {
        assert_eq!(escape_at_start("# not a heading"), "\\# not a heading");
        assert_eq!(escape_at_start("- not a list"), "\\- not a list");
        assert_eq!(escape_at_start("12. not a list"), "12\\. not a list");
        assert_eq!(escape_at_start("> not a quote"), "\\> not a quote");
        assert_eq!(
            escape_at_start("<!-- hides the rest"),
            "\\<!-- hides the rest"
        );
        assert_eq!(escape_at_start("```"), "\\`\\`\\`");
        assert_eq!(escape_at_start("Title #"), "Title \\#");
        assert_eq!(escape_at_start("[x](http://e)"), "\\[x\\](http://e)");
        assert_eq!(escape_at_start("&amp; &co"), "\\&amp; &co");
    }

    #[test]
    fn block_markers_are_left_alone_within_a_line() {
        assert_eq!(inline("+34 600 000 000"), "+34 600 000 000");
        assert_eq!(inline("1. Lead"), "1. Lead");
        assert_eq!(item("1. Lead"), "1\\. Lead");
        assert_eq!(item("- nested?"), "\\- nested?");
        assert_eq!(inline("# still not a heading"), "\\# still not a heading");
    }

    #[test]
    fn ordinary_text_is_left_readable() {
        let typed = "Asked about the lead role - she said: apply (really!), e.g. 3.5 years in; a_b@example.org";
        assert_eq!(escape_at_start(typed), typed);
    }

    #[test]
    fn a_block_keeps_its_lines_and_paragraphs() {
        assert_eq!(
            block("  first\r\n# second\n\n\n- third  "),
            "first  \n\\# second\n\n\\- third"
        );
        assert_eq!(block(" \n \n"), "");
    }
}
