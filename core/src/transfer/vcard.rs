//! Mentors and prospective mentors as vCards, for the user's address book.
//!
//! vCard 3.0 (RFC 2426) rather than 4.0: every address book in use reads it, and
//! several still mangle 4.0. A card carries how to reach the person and which part they
//! play in the circle; nothing from catch-up notes, the agenda or the journal, since an
//! address book syncs to places the user does not control.

use super::content_line::{escape_text, push_line};
use super::{MentorExport, words};
use crate::model::Role;
use crate::prospects::Prospect;

/// Every card is filed under this category, so the user can find or remove them as one.
pub const CATEGORY: &str = "Mentor Circle";

/// One vCard per mentor (whatever their status), then one per prospect.
pub fn contacts(mentors: &[MentorExport], prospects: &[Prospect]) -> String {
    let mut out = String::new();
    for exported in mentors {
        let mentor = &exported.mentor;
        let details = &mentor.details;
        push_card(
            &mut out,
            &Card {
                uid: format!("mentor-{}@mentor-circle.local", mentor.id),
                name: &details.name,
                fallback_name: "Unnamed mentor",
                organisation: &details.organisation,
                title: "",
                email: &details.contact.email,
                phone: &details.contact.phone,
                url: &details.contact.linkedin,
                note: roles_note(&details.roles),
            },
        );
    }
    for prospect in prospects {
        let details = &prospect.details;
        push_card(
            &mut out,
            &Card {
                uid: format!("prospect-{}@mentor-circle.local", prospect.id),
                name: &details.name,
                fallback_name: "Unnamed prospect",
                organisation: &details.organisation,
                title: &details.position,
                email: &details.email,
                phone: "",
                url: &details.profile_url,
                note: "Prospective mentor".into(),
            },
        );
    }
    out
}

/// "Mentor Circle: network connector, adviser".
fn roles_note(roles: &[Role]) -> String {
    let roles = words::roles(roles).to_lowercase();
    if roles.is_empty() {
        "Mentor Circle: mentor".into()
    } else {
        format!("Mentor Circle: {roles}")
    }
}

struct Card<'a> {
    uid: String,
    name: &'a str,
    fallback_name: &'a str,
    organisation: &'a str,
    title: &'a str,
    email: &'a str,
    phone: &'a str,
    url: &'a str,
    note: String,
}

fn push_card(out: &mut String, card: &Card<'_>) {
    let name = one_line(card.name);
    let name = if name.is_empty() {
        card.fallback_name.to_string()
    } else {
        name
    };
    push_line(out, "BEGIN:VCARD");
    push_line(out, "VERSION:3.0");
    push_line(out, &format!("UID:{}", card.uid));
    push_line(out, &format!("FN:{}", escape_text(&name)));
    let (family, given) = split_name(&name);
    push_line(
        out,
        &format!("N:{};{};;;", escape_text(family), escape_text(given)),
    );
    for (property, value) in [
        ("ORG", card.organisation),
        ("TITLE", card.title),
        ("EMAIL;TYPE=INTERNET", card.email),
        ("TEL", card.phone),
    ] {
        let value = one_line(value);
        if !value.is_empty() {
            push_line(out, &format!("{property}:{}", escape_text(&value)));
        }
    }
    let url = uri(card.url);
    if !url.is_empty() {
        push_line(out, &format!("URL:{url}"));
    }
    push_line(out, &format!("NOTE:{}", escape_text(&card.note)));
    push_line(out, &format!("CATEGORIES:{CATEGORY}"));
    push_line(out, "END:VCARD");
}

/// A one-line field with any stray line breaks turned into spaces: an address book
/// shows a name or an e-mail on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (family name, given names), best effort: the last word is the family name. Wrong for
/// "Maria da Silva" style names with particles, and for cultures that put the family
/// name first, but a contact with every word in "given" would sort worse; the user can
/// correct it in the address book. A single word is a given name.
fn split_name(name: &str) -> (&str, &str) {
    match name.rsplit_once(' ') {
        Some((given, family)) => (family, given),
        None => ("", name),
    }
}

/// A web address as a URI value: no escaping (a URI is not TEXT, and `\,` would corrupt
/// it), so anything that would break the line is percent-encoded instead.
fn uri(text: &str) -> String {
    let mut encoded = String::new();
    for ch in text.trim().chars() {
        if ch.is_whitespace() || ch.is_control() {
            let mut bytes = [0; 4];
            for byte in ch.encode_utf8(&mut bytes).bytes() {
                encoded.push_str(&format!("%{byte:02X}"));
            }
        } else {
            encoded.push(ch);
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_word_is_taken_as_the_family_name() {
        assert_eq!(split_name("Ana Sousa"), ("Sousa", "Ana"));
        assert_eq!(split_name("María José Núñez"), ("Núñez", "María José"));
        assert_eq!(split_name("Cher"), ("", "Cher"));
    }

    #[test]
    fn a_web_address_is_percent_encoded_where_it_would_break_the_line() {
        assert_eq!(
            uri(" https://example.org/in/ana sousa\n "),
            "https://example.org/in/ana%20sousa"
        );
        assert_eq!(
            uri("https://example.org/a,b;c"),
            "https://example.org/a,b;c"
        );
    }
}
