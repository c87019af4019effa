//! The rules a mentor or catch-up must meet before it is stored, with messages that say
//! how to fix the input. Messages never repeat the input itself (it is private).

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{CatchUpDraft, MentorDraft};

/// Longest name or organisation, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest catch-up note, in characters: a short note, not a journal entry.
pub const MAX_NOTE_CHARS: usize = 4000;
/// Longest cadence: every two years. Anything longer is not a mentoring relationship.
pub const MAX_CADENCE_DAYS: u32 = 730;

/// A cleaned-up copy of `draft` (trimmed text, roles without repeats), or why not.
pub fn mentor(draft: &MentorDraft) -> Result<MentorDraft> {
    let name = draft.name.trim().to_string();
    if name.is_empty() {
        return Err(Error::invalid("name", "Give your mentor a name."));
    }
    check_length("name", &name, MAX_NAME_CHARS, "The name")?;
    let organisation = draft.organisation.trim().to_string();
    check_length(
        "organisation",
        &organisation,
        MAX_NAME_CHARS,
        "The organisation",
    )?;
    let mut roles = Vec::with_capacity(draft.roles.len());
    for role in &draft.roles {
        if !roles.contains(role) {
            roles.push(*role);
        }
    }
    if roles.is_empty() {
        return Err(Error::invalid(
            "roles",
            "Pick at least one role this mentor plays in your circle.",
        ));
    }
    match draft.cadence_days {
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
    Ok(MentorDraft {
        name,
        organisation,
        roles,
        ..draft.clone()
    })
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
