//! The database key in the OS keyring: Secret Service on Linux, Keychain on macOS,
//! Credential Manager on Windows (the `keyring` crate's real stores, never its mock).

#[cfg(not(target_os = "linux"))]
use ::keyring::{Entry, Error as KeyringError};
#[cfg(target_os = "linux")]
use keyring_core::Error as KeyringError;
use mentor_core::{DbKey, SecretStore, SecretStoreError};
use zeroize::Zeroizing;

/// Linux: an entry in the Secret Service through libdbus, one of the same items the
/// `keyring` crate's default store reads and writes (service and account attributes).
#[cfg(target_os = "linux")]
fn entry(service: &str, account: &str) -> keyring_core::Result<keyring_core::Entry> {
    // Until a store is set, every call tries again: a keyring that was not there at
    // start (no session bus yet, the daemon still starting) is found on "Try again".
    static STORE_SET: std::sync::Mutex<bool> = std::sync::Mutex::new(false);
    let mut set = STORE_SET
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if !*set {
        // Without it, `Entry::new` says there is no store, and the window says what to do.
        if let Ok(store) = dbus_secret_service_keyring_store::Store::new() {
            keyring_core::set_default_store(store);
            *set = true;
        }
    }
    drop(set);
    keyring_core::Entry::new(service, account)
}

#[cfg(not(target_os = "linux"))]
fn entry(service: &str, account: &str) -> keyring::Result<Entry> {
    Entry::new(service, account)
}

/// The keyring "service" every Mentor Circle key is filed under; the account is the
/// data folder's random vault id, so several data folders never share a key.
pub const SERVICE: &str = "Mentor Circle";

/// The OS keyring as a [`SecretStore`].
pub struct KeyringStore;

impl SecretStore for KeyringStore {
    fn load(&self, vault_id: &str) -> Result<Option<DbKey>, SecretStoreError> {
        let entry = entry(SERVICE, vault_id).map_err(unavailable)?;
        match entry.get_secret() {
            Ok(secret) => {
                let secret = Zeroizing::new(secret);
                DbKey::from_bytes(&secret)
                    .map(Some)
                    .ok_or(SecretStoreError::Malformed)
            }
            Err(KeyringError::NoEntry) => Ok(None),
            Err(error) => Err(unavailable(error)),
        }
    }

    fn save(&self, vault_id: &str, key: &DbKey) -> Result<(), SecretStoreError> {
        let entry = entry(SERVICE, vault_id).map_err(unavailable)?;
        entry.set_secret(key.as_bytes()).map_err(unavailable)
    }

    fn forget(&self, vault_id: &str) -> Result<(), SecretStoreError> {
        let entry = entry(SERVICE, vault_id).map_err(unavailable)?;
        match entry.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(error) => Err(unavailable(error)),
        }
    }
}

fn unavailable(error: KeyringError) -> SecretStoreError {
    // Keyring errors describe the platform failure; they never contain the secret.
    SecretStoreError::Unavailable(error.to_string())
}
