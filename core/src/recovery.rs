//! The recovery key: the database key written so a person can copy, print and type it.
//!
//! Keyrings get wiped (a desktop switch, a reinstall, a new laptop) and passphrases get
//! forgotten; encryption that then locks the owner out is worse than none. The recovery
//! key *is* the database key, so it opens the circle and every backup of it on any
//! machine, with nothing else needed. It is 32 key bytes and a 2-byte checksum in
//! Crockford's base 32 (no I, L, O or U; case and dashes don't matter), shown as 11
//! groups of 5, so a typo is caught before it is tried against the database.

use crate::error::{Error, Result};
use crate::key::DbKey;

/// Crockford's base-32 alphabet: digits and letters without I, L, O and U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters per group, as shown.
pub const GROUP_CHARS: usize = 5;
/// Groups in a recovery key.
pub const GROUPS: usize = 11;

/// A recovery key as the user sees it: `XXXXX-XXXXX-…`. Wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq, zeroize::Zeroize, zeroize::ZeroizeOnDrop)]
pub struct RecoveryKey(String);

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(..)")
    }
}

impl RecoveryKey {
    /// The recovery key for a database key.
    pub fn of(key: &DbKey) -> RecoveryKey {
        let mut bytes = zeroize::Zeroizing::new([0u8; 34]);
        bytes[..32].copy_from_slice(key.as_bytes());
        bytes[32..].copy_from_slice(&checksum(key.as_bytes()).to_be_bytes());
        let mut text = String::with_capacity(GROUPS * (GROUP_CHARS + 1));
        // 34 bytes = 272 bits; 55 characters carry 275, the last 3 bits are zero.
        let mut buffer: u32 = 0;
        let mut bits = 0;
        let mut written = 0;
        let mut push = |text: &mut String, value: u32| {
            if written > 0 && written % GROUP_CHARS == 0 {
                text.push('-');
            }
            text.push(char::from(ALPHABET[value as usize & 31]));
            written += 1;
        };
        for byte in bytes.iter() {
            buffer = (buffer << 8) | u32::from(*byte);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                push(&mut text, buffer >> bits);
            }
            buffer &= (1 << bits) - 1;
        }
        if bits > 0 {
            push(&mut text, buffer << (5 - bits));
        }
        RecoveryKey(text)
    }

    /// The key as shown: 11 groups of 5 joined by dashes.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Group `index` (0-based), for the "type back a group" check.
    pub fn group(&self, index: usize) -> Option<&str> {
        self.0.split('-').nth(index)
    }

    /// Whether `typed` is group `index` (0-based), forgiving case, spaces and look-alikes
    /// as [`RecoveryKey::parse`] does: the check that the user really saved the key.
    pub fn group_matches(&self, index: usize, typed: &str) -> bool {
        let normal: String = typed
            .chars()
            .filter(|character| !character.is_whitespace() && *character != '-')
            .map(|character| match character.to_ascii_uppercase() {
                'I' | 'L' => '1',
                'O' => '0',
                other => other,
            })
            .collect();
        self.group(index) == Some(normal.as_str())
    }

    /// Reads a recovery key as typed: case, spaces and dashes don't matter, and the
    /// look-alikes I, L (→ 1) and O (→ 0) are forgiven. A wrong length or a typo is
    /// refused with a sentence saying which; the text typed is never quoted.
    pub fn parse(typed: &str) -> Result<DbKey> {
        let mut values = zeroize::Zeroizing::new(Vec::with_capacity(55));
        for character in typed.chars() {
            if character.is_whitespace() || character == '-' {
                continue;
            }
            let upper = match character.to_ascii_uppercase() {
                'I' | 'L' => '1',
                'O' => '0',
                other => other,
            };
            let value = ALPHABET
                .iter()
                .position(|&symbol| char::from(symbol) == upper);
            match value {
                Some(value) => values.push(value as u32),
                None => {
                    return Err(invalid(
                        "A recovery key has only digits and the letters A to Z (no U). Check for a stray character.",
                    ));
                }
            }
        }
        if values.len() != GROUPS * GROUP_CHARS {
            return Err(invalid(
                "A recovery key has 11 groups of 5 characters. Check that none is missing.",
            ));
        }
        let mut bytes = zeroize::Zeroizing::new(Vec::with_capacity(35));
        let mut buffer: u32 = 0;
        let mut bits = 0;
        for value in values.iter() {
            buffer = (buffer << 5) | value;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                bytes.push((buffer >> bits) as u8);
                buffer &= (1 << bits) - 1;
            }
        }
        let key = DbKey::from_bytes(&bytes[..32]).ok_or_else(|| invalid(TYPO))?;
        let expected = checksum(key.as_bytes()).to_be_bytes();
        if bytes[32..34] != expected || buffer != 0 {
            return Err(invalid(TYPO));
        }
        Ok(key)
    }
}

const TYPO: &str = "This recovery key has a typo: compare each group with the one you saved.";

fn invalid(message: &str) -> Error {
    Error::invalid("recoveryKey", message)
}

/// Fletcher-16: two running sums catch a changed character and two swapped ones.
fn checksum(bytes: &[u8]) -> u16 {
    let (mut low, mut high) = (0u16, 0u16);
    for byte in bytes {
        low = (low + u16::from(*byte)) % 255;
        high = (high + low) % 255;
    }
    (high << 8) | low
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_key_is_11_groups_of_5_and_reads_back_to_the_same_key() {
        let key = DbKey::generate().expect("key");
        let recovery = RecoveryKey::of(&key);
        let groups: Vec<&str> = recovery.as_str().split('-').collect();
        assert_eq!(groups.len(), GROUPS, "{recovery:?} has 11 groups");
        assert!(groups.iter().all(|group| group.len() == GROUP_CHARS));
        assert!(RecoveryKey::parse(recovery.as_str()).expect("parses") == key);
        assert_eq!(format!("{recovery:?}"), "RecoveryKey(..)", "never printed");
    }

    #[test]
    fn case_spaces_and_look_alike_letters_are_forgiven() {
        let key = DbKey::from_bytes(&[0u8; 32]).expect("key");
        let recovery = RecoveryKey::of(&key);
        let sloppy = recovery
            .as_str()
            .replace('-', "  ")
            .replace('0', "o")
            .to_lowercase();
        assert!(RecoveryKey::parse(&sloppy).expect("forgiving") == key);
    }

    #[test]
    fn a_typo_or_a_missing_group_is_refused_with_a_reason() {
        let recovery = RecoveryKey::of(&DbKey::generate().expect("key"));
        let text = recovery.as_str().to_string();
        let first = text.chars().next().expect("non-empty");
        let changed = if first == '7' { '8' } else { '7' };
        let typo = format!("{changed}{}", &text[1..]);
        match RecoveryKey::parse(&typo) {
            Err(Error::Invalid { field, message }) => {
                assert_eq!(field, "recoveryKey");
                assert!(message.contains("typo"), "{message}");
            }
            other => panic!("a typo must be refused, got {:?}", other.map(|_| ())),
        }
        let short = &text[..text.len() - 6];
        assert!(matches!(
            RecoveryKey::parse(short),
            Err(Error::Invalid { message, .. }) if message.contains("11 groups")
        ));
        assert!(RecoveryKey::parse(&format!("{text}!")).is_err());
    }

    #[test]
    fn typing_back_a_group_forgives_case_and_look_alikes() {
        let recovery = RecoveryKey::of(&DbKey::from_bytes(&[0u8; 32]).expect("key"));
        let third = recovery.group(2).expect("group").to_string();
        assert!(recovery.group_matches(2, &third.to_lowercase().replace('0', "o")));
        assert!(!recovery.group_matches(3, "ZZZZZ"));
        assert!(
            !recovery.group_matches(11, &third),
            "there is no 12th group"
        );
    }

    #[test]
    fn two_swapped_characters_are_caught() {
        let recovery = RecoveryKey::of(&DbKey::generate().expect("key"));
        let mut chars: Vec<char> = recovery.as_str().chars().collect();
        let (a, b) = (6, 7);
        if chars[a] != chars[b] {
            chars.swap(a, b);
            let swapped: String = chars.into_iter().collect();
            assert!(RecoveryKey::parse(&swapped).is_err());
        }
    }
}
