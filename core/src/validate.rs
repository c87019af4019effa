//! The rules input must meet before it is stored, with messages that say how to fix it:
//! a mentor's and a catch-up's here, and the rules every feature shares (an e-mail
//! address, a length) so that one kind of input is judged the same way everywhere.
//! Messages never repeat the input itself (it is private).

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{Agreement, CatchUpDraft, Check, Contact, MentorChecks, MentorDraft, Term};

/// Longest name or organisation, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest catch-up note, in characters: a short note, not a journal entry.
pub const MAX_NOTE_CHARS: usize = 4000;
/// Longest short text on a profile or agreement (expertise, how you met, a check's note,
/// the confidentiality note...), in characters.
pub const MAX_DETAIL_CHARS: usize = 1000;
/// Longest cadence: every two years. Anything longer is not a mentoring relationship.
pub const MAX_CADENCE_DAYS: u32 = 730;
/// Longest agreed gap: three years.
pub const MAX_GAP_DAYS: u32 = 1095;

/// A cleaned-up copy of `draft` (trimmed text, lists without repeats), or why not. The
/// error names the first field at fault, in the form's order.
pub fn mentor(draft: &MentorDraft) -> Result<MentorDraft> {
    let name = draft.name.trim().to_string();
    if name.is_empty() {
        return Err(Error::invalid("name", "Give your mentor a name."));
    }
    check_length("name", &name, MAX_NAME_CHARS, "The name")?;
    let organisation = trimmed(
        "organisation",
        &draft.organisation,
        MAX_NAME_CHARS,
        "The organisation",
    )?;
    let roles = without_repeats(&draft.roles);
    if roles.is_empty() {
        return Err(Error::invalid(
            "roles",
            "Pick at least one role this mentor plays in your circle.",
        ));
    }
    Ok(MentorDraft {
        name,
        organisation,
        roles,
        same_company: draft.same_company,
        expertise: trimmed(
            "expertise",
            &draft.expertise,
            MAX_DETAIL_CHARS,
            "Areas of expertise",
        )?,
        how_we_met: trimmed(
            "howWeMet",
            &draft.how_we_met,
            MAX_DETAIL_CHARS,
            "How you met",
        )?,
        contact: contact(&draft.contact)?,
        status: draft.status,
        checks: checks(&draft.checks)?,
        agreement: agreement(&draft.agreement)?,
    })
}

fn agreement(agreement: &Agreement) -> Result<Agreement> {
    match agreement.cadence_days {
        0 => {
            return Err(Error::invalid(
                "cadenceDays",
                "Choose how often to talk: at least every day.",
            ));
        }
        days if days > MAX_CADENCE_DAYS => {
            return Err(Error::invalid(
                "cadenceDays",
                format!("That is longer than two years; choose {MAX_CADENCE_DAYS} days or fewer."),
            ));
        }
        _ => {}
    }
    if agreement.max_gap_days < agreement.cadence_days {
        return Err(Error::invalid(
            "maxGapDays",
            format!(
                "The longest gap can't be shorter than how often you talk: choose {} days or more.",
                agreement.cadence_days
            ),
        ));
    }
    if agreement.max_gap_days > MAX_GAP_DAYS {
        return Err(Error::invalid(
            "maxGapDays",
            format!("That is longer than three years; choose {MAX_GAP_DAYS} days or fewer."),
        ));
    }
    let modes = without_repeats(&agreement.modes);
    if modes.is_empty() {
        return Err(Error::invalid(
            "modes",
            "Pick at least one way you like to talk.",
        ));
    }
    check_year("startsOn", agreement.starts_on, "The start date")?;
    if let Some(review_on) = agreement.review_on {
        check_year("reviewOn", review_on, "The end or review date")?;
        if review_on < agreement.starts_on {
            return Err(Error::invalid(
                "reviewOn",
                "The end or review date is before the start date: pick a later day.",
            ));
        }
    }
    let situation = trimmed(
        "situation",
        &agreement.situation,
        MAX_DETAIL_CHARS,
        "The situation",
    )?;
    match agreement.term {
        Term::FixedPeriod if agreement.review_on.is_none() => {
            return Err(Error::invalid(
                "reviewOn",
                "A fixed-period agreement needs an end or review date.",
            ));
        }
        Term::OneOff if situation.is_empty() => {
            return Err(Error::invalid(
                "situation",
                "Say which situation this one-off agreement is for.",
            ));
        }
        _ => {}
    }
    Ok(Agreement {
        modes,
        situation,
        purposes: without_repeats(&agreement.purposes),
        own_purpose: trimmed(
            "ownPurpose",
            &agreement.own_purpose,
            MAX_NAME_CHARS * 2,
            "Your own purpose",
        )?,
        confidentiality: trimmed(
            "confidentiality",
            &agreement.confidentiality,
            MAX_DETAIL_CHARS,
            "The confidentiality note",
        )?,
        ..agreement.clone()
    })
}

fn contact(contact: &Contact) -> Result<Contact> {
    let email = contact.email.trim().to_string();
    email_address(&email)?;
    let phone = contact.phone.trim().to_string();
    if !phone.is_empty() && !looks_like_phone(&phone) {
        return Err(Error::invalid(
            "phone",
            "That phone number doesn't look right: use digits, spaces and + - ( ) only.",
        ));
    }
    let linkedin = contact.linkedin.trim().to_string();
    if !linkedin.is_empty() && !is_web_address(&linkedin) {
        return Err(Error::invalid(
            "linkedin",
            "That is not a web address: paste the whole link, starting with https://",
        ));
    }
    Ok(Contact {
        email,
        phone,
        linkedin,
    })
}

fn checks(checks: &MentorChecks) -> Result<MentorChecks> {
    let check = |field: &'static str, check: &Check| -> Result<Check> {
        Ok(Check {
            met: check.met,
            note: trimmed(field, &check.note, MAX_DETAIL_CHARS, "The note")?,
        })
    };
    Ok(MentorChecks {
        experience: check("checkExperience", &checks.experience)?,
        values: check("checkValues", &checks.values)?,
        accountability: check("checkAccountability", &checks.accountability)?,
        time: check("checkTime", &checks.time)?,
    })
}

/// An e-mail address, empty or plausible: a mentor's, a prospect's, an imported one.
pub(crate) fn email_address(email: &str) -> Result<()> {
    if !email.is_empty() && !looks_like_email(email) {
        return Err(Error::invalid(
            "email",
            "That e-mail address doesn't look right: it needs a name, an @ and a domain, like ana@example.com.",
        ));
    }
    Ok(())
}

/// At most `max` characters in `text`, or the message the forms show beside `field`.
pub(crate) fn at_most(field: &'static str, text: &str, max: usize) -> Result<()> {
    if text.chars().count() > max {
        return Err(Error::invalid(
            field,
            format!("Keep this under {max} characters."),
        ));
    }
    Ok(())
}

/// `name@domain.tld`, no spaces, one @. Deliberately loose: the address is only shown.
pub(crate) fn looks_like_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    text.len() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(char::is_whitespace)
}

fn looks_like_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    text.chars().count() <= 40
        && (5..=20).contains(&digits)
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
}

/// An `http(s)://` address with a host that has a dot in it, and no spaces.
fn is_web_address(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    text.len() <= 2000
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && host.contains('.')
        && host.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

fn without_repeats<T: PartialEq + Copy>(items: &[T]) -> Vec<T> {
    let mut unique = Vec::with_capacity(items.len());
    for item in items {
        if !unique.contains(item) {
            unique.push(*item);
        }
    }
    unique
}

fn trimmed(field: &'static str, text: &str, max: usize, what: &str) -> Result<String> {
    let text = text.trim().to_string();
    check_length(field, &text, max, what)?;
    Ok(text)
}

fn check_year(field: &'static str, date: NaiveDate, what: &str) -> Result<()> {
    if !(1900..=9999).contains(&chrono::Datelike::year(&date)) {
        return Err(Error::invalid(
            field,
            format!("{what} is too far from today; check the year."),
        ));
    }
    Ok(())
}

/// A cleaned-up copy of `draft`, or why not. `today` is the user's local day.
pub fn catch_up(draft: &CatchUpDraft, today: NaiveDate) -> Result<CatchUpDraft> {
    if draft.date > today {
        return Err(Error::invalid(
            "date",
            "That date is in the future: log a catch-up once it has happened.",
        ));
    }
    let oldest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
    if draft.date < oldest {
        return Err(Error::invalid(
            "date",
            "That date is too far in the past; check the year.",
        ));
    }
    let note = draft.note.trim().to_string();
    check_length("note", &note, MAX_NOTE_CHARS, "The note")?;
    Ok(CatchUpDraft {
        note,
        ..draft.clone()
    })
}

fn check_length(field: &'static str, text: &str, max: usize, what: &str) -> Result<()> {
    let length = text.chars().count();
    if length > max {
        return Err(Error::invalid(
            field,
            format!("{what} is {length} characters long; keep it to {max} at most."),
        ));
    }
    Ok(())
}
