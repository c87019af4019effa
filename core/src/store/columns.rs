//! How the key enums are kept in a column: as their stable key text (`"network"`,
//! `"video"`, `"active"`), never as the Rust name or a number, so a rename in code cannot
//! change what a row means. A key this build does not know (a newer app wrote it) is a
//! conversion error, so row readers are plain `rusqlite::Result`s.

use rusqlite::ToSql;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};

use crate::advice::AdviceStatus;
use crate::error::UnknownKey;
use crate::gives::{GiveKind, GiveState};
use crate::goals::GoalStatus;
use crate::model::{MentorStatus, Mode, Purpose, Role, Term};
use crate::nudges::NudgeOutcome;
use crate::prospects::{ProspectSource, Stage};

/// A value kept in a column as one of a fixed set of keys.
pub(super) trait Key: Sized + Copy {
    /// What the key names, for the error when a stored key is unknown.
    const WHAT: &'static str;
    fn to_key(self) -> &'static str;
    fn from_stored(key: &str) -> Option<Self>;
}

fn read_key<T: Key>(value: ValueRef<'_>) -> FromSqlResult<T> {
    T::from_stored(value.as_str()?)
        .ok_or_else(|| FromSqlError::Other(Box::new(UnknownKey(T::WHAT))))
}

macro_rules! stored_as_key {
    ($($ty:ty: $what:literal, $to:ident, $from:ident;)*) => {$(
        impl Key for $ty {
            const WHAT: &'static str = $what;
            fn to_key(self) -> &'static str {
                self.$to()
            }
            fn from_stored(key: &str) -> Option<Self> {
                <$ty>::$from(key)
            }
        }
        impl ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.to_key()))
            }
        }
        impl FromSql for $ty {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                read_key(value)
            }
        }
    )*};
}

stored_as_key! {
    Role: "role", key, from_key;
    Mode: "mode", key, from_key;
    MentorStatus: "mentor status", key, from_key;
    Term: "term", key, from_key;
    Purpose: "purpose", key, from_key;
    AdviceStatus: "advice status", key, from_key;
    GiveKind: "kind of give", key, from_key;
    GiveState: "state of a give", key, from_key;
    GoalStatus: "goal status", as_str, parse;
    NudgeOutcome: "nudge outcome", key, from_key;
    ProspectSource: "prospect source", key, from_key;
    Stage: "prospect stage", key, from_key;
}

/// Several keys in one column, comma-separated in order (a mentor's roles, modes and
/// purposes; the roles a prospect could fill).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Keys<T>(pub Vec<T>);

impl<T: Key> Keys<T> {
    pub(super) fn text(items: &[T]) -> String {
        items
            .iter()
            .map(|item| item.to_key())
            .collect::<Vec<_>>()
            .join(",")
    }
}

impl<T: Key> FromSql for Keys<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = match value {
            ValueRef::Null => "",
            other => other.as_str()?,
        };
        text.split(',')
            .filter(|key| !key.is_empty())
            .map(|key| {
                T::from_stored(key)
                    .ok_or_else(|| FromSqlError::Other(Box::new(UnknownKey(T::WHAT))))
            })
            .collect::<FromSqlResult<Vec<T>>>()
            .map(Keys)
    }
}

/// Row ids joined with commas in one column (`group_concat`): the mentors a goal or a
/// journal entry is linked to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Ids(pub Vec<i64>);

impl FromSql for Ids {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = match value {
            ValueRef::Null => "",
            other => other.as_str()?,
        };
        text.split(',')
            .filter(|id| !id.is_empty())
            .map(|id| {
                id.parse()
                    .map_err(|_| FromSqlError::Other(Box::new(UnknownKey("row id"))))
            })
            .collect::<FromSqlResult<Vec<i64>>>()
            .map(Ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    #[test]
    fn a_key_is_stored_as_its_text_and_read_back() {
        let conn = Connection::open_in_memory().expect("memory");
        let text: String = conn
            .query_row("SELECT ?1", [Role::NetworkConnector], |row| row.get(0))
            .expect("write");
        assert_eq!(text, Role::NetworkConnector.key());
        let role: Role = conn
            .query_row("SELECT ?1", [Role::NetworkConnector.key()], |row| {
                row.get(0)
            })
            .expect("read");
        assert_eq!(role, Role::NetworkConnector);
    }

    #[test]
    fn an_unknown_key_is_an_error_that_names_only_its_kind() {
        let conn = Connection::open_in_memory().expect("memory");
        let error = conn
            .query_row("SELECT 'astrologer'", [], |row| row.get::<_, Role>(0))
            .expect_err("unknown");
        let error = crate::Error::from(error).to_string();
        assert!(error.contains("unknown role"), "{error}");
        assert!(!error.contains("astrologer"), "{error}");
    }

    #[test]
    fn a_list_of_keys_reads_back_in_order_and_empty_as_none() {
        let conn = Connection::open_in_memory().expect("memory");
        let text = Keys::text(&[Mode::Video, Mode::Phone]);
        let Keys(modes): Keys<Mode> = conn
            .query_row("SELECT ?1", [&text], |row| row.get(0))
            .expect("read");
        assert_eq!(modes, vec![Mode::Video, Mode::Phone]);
        let Keys(none): Keys<Role> = conn
            .query_row("SELECT NULL", [], |row| row.get(0))
            .expect("read");
        assert!(none.is_empty());
        let error = conn.query_row("SELECT 'video,séance'", [], |row| {
            row.get::<_, Keys<Mode>>(0)
        });
        assert!(error.is_err());
    }
}
