//! The database key and where it is kept.
//!
//! The key is 32 random bytes. The core never decides *where* it lives: the shell hands
//! it a [`SecretStore`] (the OS keyring), or the key is derived from a passphrase with
//! Argon2id ([`KdfParams`]) where no keyring is usable or the user prefers it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::error::{Error, Result};

/// A raw SQLCipher key. Wiped from memory when dropped; never printed.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct DbKey([u8; 32]);

impl DbKey {
    /// A new key from the OS's cryptographic random source.
    pub fn generate() -> Result<DbKey> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)
            .map_err(|_| Error::Internal("no random source for a new key".into()))?;
        Ok(DbKey(bytes))
    }

    /// Wraps bytes read back from a secret store; `None` unless exactly 32 bytes.
    pub fn from_bytes(bytes: &[u8]) -> Option<DbKey> {
        <[u8; 32]>::try_from(bytes).ok().map(DbKey)
    }

    /// The bytes to hand to a secret store.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key as 64 lowercase hex digits, for SQLCipher's `x'…'` raw-key syntax.
    pub(crate) fn hex(&self) -> zeroize::Zeroizing<String> {
        let mut text = zeroize::Zeroizing::new(String::with_capacity(64));
        for byte in self.0 {
            text.push(char::from(HEX[usize::from(byte >> 4)]));
            text.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
        text
    }

    /// A short, non-secret fingerprint of this key, kept in the data folder's header so
    /// that a key which fails to open the database can be told apart from a database
    /// that is damaged. It is a one-way hash: learning it gives nothing towards the key,
    /// and for a passphrase it is no cheaper to test a guess against than the database
    /// itself (the Argon2id derivation dominates either way).
    pub fn fingerprint(&self) -> String {
        use blake2::Digest;
        let digest = blake2::Blake2b512::new()
            .chain_update(b"mentor-circle key fingerprint v1")
            .chain_update(self.0)
            .finalize();
        digest[..16]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    /// The `PRAGMA key` statement for this key as a raw key (no KDF: the key is
    /// already uniformly random, so SQLCipher's PBKDF2 would only slow every open).
    pub(crate) fn pragma(&self) -> zeroize::Zeroizing<String> {
        let mut statement = zeroize::Zeroizing::new(String::with_capacity(80));
        statement.push_str("PRAGMA key = \"x'");
        statement.push_str(&self.hex());
        statement.push_str("'\";");
        statement
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Fewest characters in a new passphrase.
pub const PASSPHRASE_MIN_CHARS: usize = 12;

/// How a passphrase becomes the database key: Argon2id with these costs and salt. Not
/// secret; kept in the data folder's header so the same passphrase gives the same key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KdfParams {
    /// Always `argon2id`; named so a future change is visible in the header.
    pub algorithm: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    /// 16 random bytes as hex.
    pub salt: String,
}

/// Argon2id costs for new passphrases: 64 MiB, 3 passes, 1 lane, above OWASP's
/// minimum (19 MiB, 2 passes) so a stolen laptop's database resists guessing.
const MEMORY_KIB: u32 = 64 * 1024;
const ITERATIONS: u32 = 3;
/// Bounds on what a header may ask for: a tampered header must not make the app
/// allocate gigabytes or spin for minutes, nor weaken new keys below OWASP's minimum.
const MIN_MEMORY_KIB: u32 = 19 * 1024;
const MAX_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_ITERATIONS: u32 = 20;
const MAX_PARALLELISM: u32 = 8;

impl KdfParams {
    /// Fresh parameters with a new random salt.
    pub fn new() -> Result<KdfParams> {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt)
            .map_err(|_| Error::Internal("no random source for a salt".into()))?;
        Ok(KdfParams {
            algorithm: "argon2id".into(),
            memory_kib: MEMORY_KIB,
            iterations: ITERATIONS,
            parallelism: 1,
            salt: salt.iter().map(|byte| format!("{byte:02x}")).collect(),
        })
    }

    /// The database key for `passphrase`. Takes a few hundred milliseconds by design.
    pub fn derive(&self, passphrase: &str) -> Result<DbKey> {
        let unreadable = || Error::Locked(crate::error::LockReason::Unreadable);
        if self.algorithm != "argon2id"
            || !(MIN_MEMORY_KIB..=MAX_MEMORY_KIB).contains(&self.memory_kib)
            || !(2..=MAX_ITERATIONS).contains(&self.iterations)
            || !(1..=MAX_PARALLELISM).contains(&self.parallelism)
        {
            return Err(unreadable());
        }
        let salt = decode_hex(&self.salt).ok_or_else(unreadable)?;
        let params =
            argon2::Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
                .map_err(|_| unreadable())?;
        let argon =
            argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut bytes = zeroize::Zeroizing::new([0u8; 32]);
        argon
            .hash_password_into(passphrase.as_bytes(), &salt, bytes.as_mut())
            .map_err(|_| unreadable())?;
        Ok(DbKey(*bytes))
    }
}

/// Checks a new passphrase against the rules; the error names the `passphrase` field.
pub fn check_new_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < PASSPHRASE_MIN_CHARS {
        return Err(Error::invalid(
            "passphrase",
            format!(
                "Use at least {PASSPHRASE_MIN_CHARS} characters; a few unrelated words work well."
            ),
        ));
    }
    if passphrase.trim() != passphrase {
        return Err(Error::invalid(
            "passphrase",
            "Leave out spaces at the start and end: they are easy to forget.",
        ));
    }
    Ok(())
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || text.len() < 16 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|index| u8::from_str_radix(text.get(index..index + 2)?, 16).ok())
        .collect()
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(..)")
    }
}

/// Why a secret store could not give or keep a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretStoreError {
    /// No store to talk to (no keyring service, no session bus) or it refused access
    /// (locked, denied). The text is for developers and never contains the secret.
    #[error("secret store unavailable: {0}")]
    Unavailable(String),
    /// The store holds something that is not a key of ours.
    #[error("the stored key is malformed")]
    Malformed,
}

/// Somewhere to keep one database's key between runs.
pub trait SecretStore: Send + Sync {
    /// The key for the database named `vault_id`, or `None` if there is none.
    fn load(&self, vault_id: &str) -> Result<Option<DbKey>, SecretStoreError>;
    /// Keeps `key` for the database named `vault_id`, replacing any earlier key.
    fn save(&self, vault_id: &str, key: &DbKey) -> Result<(), SecretStoreError>;
    /// Forgets the key for `vault_id`; forgetting a key that is not there is no error.
    fn forget(&self, vault_id: &str) -> Result<(), SecretStoreError>;
}

/// A secret store that lives in memory: for unit tests of the rules, never for the app.
#[derive(Default)]
pub struct MemorySecretStore {
    keys: std::sync::Mutex<std::collections::HashMap<String, DbKey>>,
    /// When set, every call fails as an unreachable keyring would.
    pub unavailable: std::sync::atomic::AtomicBool,
}

impl MemorySecretStore {
    fn check(&self) -> Result<(), SecretStoreError> {
        if self.unavailable.load(std::sync::atomic::Ordering::SeqCst) {
            Err(SecretStoreError::Unavailable(
                "test store switched off".into(),
            ))
        } else {
            Ok(())
        }
    }
}

impl SecretStore for MemorySecretStore {
    fn load(&self, vault_id: &str) -> Result<Option<DbKey>, SecretStoreError> {
        self.check()?;
        let keys = self.keys.lock().map_err(|_| SecretStoreError::Malformed)?;
        Ok(keys.get(vault_id).cloned())
    }

    fn save(&self, vault_id: &str, key: &DbKey) -> Result<(), SecretStoreError> {
        self.check()?;
        let mut keys = self.keys.lock().map_err(|_| SecretStoreError::Malformed)?;
        keys.insert(vault_id.to_string(), key.clone());
        Ok(())
    }

    fn forget(&self, vault_id: &str) -> Result<(), SecretStoreError> {
        self.check()?;
        let mut keys = self.keys.lock().map_err(|_| SecretStoreError::Malformed)?;
        keys.remove(vault_id);
        Ok(())
    }
}

/// How the key of a data folder is obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum KeySource {
    /// A random key kept in the OS keyring.
    Keyring,
    /// A key derived from a passphrase the user types to unlock.
    Passphrase,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_are_random_and_never_printed() {
        let (a, b) = (
            DbKey::generate().expect("key"),
            DbKey::generate().expect("key"),
        );
        assert_ne!(a, b, "two generated keys must differ");
        assert_eq!(format!("{a:?}"), "DbKey(..)");
    }

    #[test]
    fn a_passphrase_gives_the_same_key_with_the_same_salt_and_another_with_a_new_one() {
        let params = KdfParams::new().expect("params");
        let key = params.derive("correct horse battery").expect("derive");
        assert!(params.derive("correct horse battery").expect("again") == key);
        assert!(params.derive("correct horse battery!").expect("other") != key);
        let other_salt = KdfParams::new().expect("params");
        assert!(other_salt.derive("correct horse battery").expect("salted") != key);
    }

    #[test]
    fn a_tampered_header_cannot_ask_for_weak_or_huge_costs() {
        let mut params = KdfParams::new().expect("params");
        params.memory_kib = 8;
        assert!(params.derive("whatever it is").is_err(), "too weak");
        params.memory_kib = 64 * 1024 * 1024;
        assert!(params.derive("whatever it is").is_err(), "too big");
    }

    #[test]
    fn a_short_passphrase_is_refused_with_the_field_named() {
        assert!(matches!(
            check_new_passphrase("short"),
            Err(Error::Invalid {
                field: "passphrase",
                ..
            })
        ));
        assert!(check_new_passphrase("four unrelated plain words").is_ok());
    }

    #[test]
    fn pragma_spells_the_key_as_64_hex_digits() {
        let key = DbKey::from_bytes(&[0xab; 32]).expect("32 bytes");
        let pragma = key.pragma();
        assert_eq!(
            pragma.as_str(),
            format!("PRAGMA key = \"x'{}'\";", "ab".repeat(32))
        );
        assert!(
            DbKey::from_bytes(&[1; 31]).is_none(),
            "31 bytes is not a key"
        );
    }
}
