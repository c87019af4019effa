//! Content lines as iCalendar (RFC 5545) and vCard 3.0 (RFC 2426) both write them:
//! escaped TEXT values, CRLF endings and lines folded at 75 octets.
//!
//! The two formats share these rules, and a calendar or address book that meets a
//! malformed line tends to drop the whole event or card silently, so they live in one
//! place with one set of tests.

/// The longest physical line either RFC allows, in octets, not counting the CRLF.
pub(crate) const MAX_LINE_OCTETS: usize = 75;

/// `text` as a TEXT value: backslash, semicolon and comma escaped, every kind of line
/// break written as `\n`, and other control characters dropped (neither RFC allows
/// them in a value, and some readers stop at the first one).
pub(crate) fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                escaped.push_str("\\n");
            }
            '\n' | '\u{2028}' | '\u{2029}' => escaped.push_str("\\n"),
            '\t' => escaped.push(' '),
            other if other.is_control() => {}
            other => escaped.push(other),
        }
    }
    escaped
}

/// Appends `line` (name, parameters and already escaped value) to `out`, folded so no
/// physical line is longer than [`MAX_LINE_OCTETS`], each ending in CRLF.
///
/// Folds fall on character boundaries, never inside a multibyte character or between
/// a backslash and the character it escapes. A fold never leaves a space at the end of a
/// physical line either: the space moves to the start of the next one instead, because
/// some readers (the `ical` crate among them) trim line ends before unfolding and would
/// silently join two words.
pub(crate) fn push_line(out: &mut String, line: &str) {
    let mut physical = String::new();
    let mut limit = MAX_LINE_OCTETS;
    for atom in atoms(line) {
        while !physical.is_empty() && physical.len() + atom.len() > limit {
            let kept = physical.trim_end_matches([' ', '\t']).len();
            // A line of nothing but spaces has nowhere better to break.
            let kept = if kept == 0 { physical.len() } else { kept };
            let carried = physical.split_off(kept);
            out.push_str(&physical);
            out.push_str("\r\n ");
            physical = carried;
            limit = MAX_LINE_OCTETS - 1;
        }
        physical.push_str(atom);
    }
    out.push_str(&physical);
    out.push_str("\r\n");
}

/// The pieces a fold may not split: single characters, and escape pairs like `\,`.
fn atoms(line: &str) -> Vec<&str> {
    let mut atoms = Vec::new();
    let mut indices = line.char_indices().peekable();
    while let Some((start, ch)) = indices.next() {
        let mut end = start + ch.len_utf8();
        if ch == '\\'
            && let Some((_, next)) = indices.next()
        {
            end += next.len_utf8();
        }
        atoms.push(&line[start..end]);
    }
    atoms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    #[test]
    fn text_values_escape_the_four_specials_and_every_line_break() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng"
        );
        assert_eq!(escape_text("bell\u{7}\ttab"), "bell tab");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let value = "é".repeat(100) + &"€".repeat(50) + "😀 done";
        let mut out = String::new();
        push_line(&mut out, &format!("DESCRIPTION:{value}"));
        assert!(out.ends_with("\r\n"), "ends in CRLF");
        for line in out.split("\r\n").filter(|line| !line.is_empty()) {
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line}",
                line.len()
            );
        }
        assert_eq!(unfold(&out), format!("DESCRIPTION:{value}\r\n"));
    }

    #[test]
    fn a_fold_never_ends_a_line_with_a_space_or_splits_an_escape() {
        let value = "word ".repeat(40) + &"\\,".repeat(60);
        let mut out = String::new();
        push_line(&mut out, &value);
        for line in out.split("\r\n").filter(|line| !line.is_empty()) {
            assert!(
                !line.ends_with(' '),
                "trailing space before a fold: {line:?}"
            );
            let backslashes = line.len() - line.trim_end_matches('\\').len();
            assert_eq!(backslashes % 2, 0, "escape split by a fold: {line:?}");
        }
        assert_eq!(unfold(&out), format!("{value}\r\n"));
    }

    #[test]
    fn a_short_line_is_left_whole() {
        let mut out = String::new();
        push_line(&mut out, "VERSION:2.0");
        assert_eq!(out, "VERSION:2.0\r\n");
    }
}
