//! The database key and where it is kept.
//!
//! The key is 32 random bytes. The core never decides *where* it lives: the shell hands
//! it a [`SecretStore`] (the OS keyring today; a passphrase-derived key or a recovery key
//! are other stores later), so the rules in [`crate::vault`] stay the same for all of them.

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

    /// The `PRAGMA key` statement for this key as a raw key (no KDF: the key is
    /// already uniformly random, so SQLCipher's PBKDF2 would only slow every open).
    pub(crate) fn pragma(&self) -> zeroize::Zeroizing<String> {
        let mut statement = zeroize::Zeroizing::new(String::with_capacity(80));
        statement.push_str("PRAGMA key = \"x'");
        for byte in self.0 {
            statement.push(char::from(HEX[usize::from(byte >> 4)]));
            statement.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
        statement.push_str("'\";");
        statement
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

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
