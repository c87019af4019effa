//! The ways in: passphrase, recovery key, first run without a keyring; and how the key
//! is kept (keyring or passphrase), with its recovery key shown once.

use mentor_core::key::KeySource;
use mentor_core::vault::{NewKey, RecoveryKeyView, Security};
use mentor_core::view::{AppStatus, RecoveryUnlock};
use tauri::{AppHandle, Manager, State};
use zeroize::Zeroizing;

use super::Reply;
use crate::circle::Circle;
use crate::confirm::{self, Ask};
use crate::platform::keyring::KeyringStore;

/// Unlocks a circle protected by a passphrase. Argon2id takes a moment by design; the
/// command runs off the main thread so the window stays responsive.
#[tauri::command]
pub async fn unlock_with_passphrase(app: AppHandle, passphrase: String) -> Reply<AppStatus> {
    let passphrase = Zeroizing::new(passphrase);
    let status = app
        .state::<Circle>()
        .unlock_with_secret(|vault| vault.open_with_passphrase(&passphrase, &KeyringStore))?;
    Ok(crate::record_nudges_sent_while_locked(&app, status))
}

/// Unlocks with the recovery key; in keyring mode the key goes back into the keyring.
#[tauri::command]
pub async fn unlock_with_recovery_key(
    app: AppHandle,
    recovery_key: String,
) -> Reply<RecoveryUnlock> {
    let recovery_key = Zeroizing::new(recovery_key);
    let mut key_back_in_keyring = false;
    let status = app.state::<Circle>().unlock_with_secret(|vault| {
        let (store, kept) = vault.open_with_recovery_key(&recovery_key, &KeyringStore)?;
        key_back_in_keyring = kept;
        Ok(store)
    })?;
    let status = crate::record_nudges_sent_while_locked(&app, status);
    Ok(RecoveryUnlock {
        status,
        key_back_in_keyring,
    })
}

/// First run without a usable keyring: a new circle protected by a passphrase.
#[tauri::command]
pub async fn create_with_passphrase(app: AppHandle, passphrase: String) -> Reply<AppStatus> {
    let passphrase = Zeroizing::new(passphrase);
    app.state::<Circle>()
        .unlock_with_secret(|vault| vault.create_with_passphrase(&passphrase))
}

/// How the circle is protected.
#[tauri::command]
pub async fn security(circle: State<'_, Circle>) -> Reply<Security> {
    circle.with_open_vault(|vault, store| vault.security(store))
}

/// The recovery key, while the user has not saved it yet, once they confirm in a native
/// dialog that they want it shown (see `confirm.rs`).
#[tauri::command]
pub async fn recovery_key(app: AppHandle, circle: State<'_, Circle>) -> Reply<RecoveryKeyView> {
    // Saved already: refused at once, with no question.
    let view = circle.with_open_vault(|vault, store| vault.recovery_key_to_save(store))?;
    let ask = Ask {
        title: "Show your recovery key?",
        message: "Mentor Circle will show your recovery key in its window, so you can write \
                  it down or print it. Anyone who sees it can open your circle: check that no \
                  one else can see your screen."
            .into(),
        yes: "Show it",
    };
    if !confirm::user_says_yes(&app, ask) {
        return Err(confirm::declined("your recovery key stays hidden"));
    }
    Ok(view)
}

/// The user typed back a group of the recovery key.
#[tauri::command]
pub async fn confirm_recovery_key(circle: State<'_, Circle>, typed: String) -> Reply<Security> {
    circle.with_open_vault(|vault, store| {
        vault.confirm_recovery_key_saved(store, &typed)?;
        vault.security(store)
    })
}

/// Moves the key to the keyring or behind a (new) passphrase, re-encrypting the circle:
/// behind a passphrase, only with the `current` one; from the keyring, where there is no
/// secret to ask for, only once the user confirms in a native dialog.
#[tauri::command]
pub async fn change_key(
    app: AppHandle,
    circle: State<'_, Circle>,
    to: KeySource,
    passphrase: Option<String>,
    current: Option<String>,
) -> Reply<Security> {
    let passphrase = Zeroizing::new(passphrase.unwrap_or_default());
    let current = current.map(Zeroizing::new);
    let from = circle.with_open_vault(|vault, store| vault.security(store))?;
    if from.key_source == KeySource::Keyring {
        if to == KeySource::Passphrase {
            // A passphrase the rules refuse is refused before the question.
            mentor_core::key::check_new_passphrase(&passphrase)
                .map_err(|error| mentor_core::ErrorPayload::from(&error))?;
        }
        let ask = Ask {
            title: "Use a passphrase instead?",
            message: "Mentor Circle will ask for the new passphrase each time it opens or \
                      unlocks, instead of using the system keyring. If you forget it, only \
                      your recovery key opens your circle."
                .into(),
            yes: "Use a passphrase",
        };
        if !confirm::user_says_yes(&app, ask) {
            return Err(confirm::declined("nothing was changed"));
        }
    }
    circle.with_vault(|vault, slot| {
        vault.check_current_secret(current.as_deref().map(String::as_str))?;
        let new_key = match to {
            KeySource::Keyring => NewKey::Keyring(&KeyringStore),
            KeySource::Passphrase => NewKey::Passphrase(&passphrase),
        };
        vault.change_key(slot, new_key, &KeyringStore, &mut |_| {})?;
        let store = slot.as_ref().ok_or(mentor_core::Error::Locked(
            mentor_core::LockReason::Unreadable,
        ))?;
        vault.security(store)
    })
}
