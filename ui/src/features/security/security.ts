// The ways into a locked circle and how its key is kept, in words; pure, so it can be tested.
import type { KeySource } from '../../bindings/KeySource';
import type { LockReason } from '../../bindings/LockReason';

/** What the locked screen offers. */
export type LockView =
  /** Locked by the user, key in the keyring: one Unlock button. */
  | 'unlock'
  /** The key is behind a passphrase: type it (or the recovery key). */
  | 'passphrase'
  /**
   * The keyring lost or replaced the key, or the folder's header (vault.json) is unreadable:
   * the recovery key, or try again; restoring a backup is offered behind a button.
   */
  | 'recovery'
  /** First run without a keyring: a passphrase for a new circle, or try again. */
  | 'create'
  /**
   * The key is right but the circle's file is damaged, or the file is gone: restore a
   * backup (listed, or a file elsewhere), or try again.
   */
  | 'restore'
  /** Another Mentor Circle holds the data folder: nothing to do here but close this window. */
  | 'elsewhere'
  /** Something to fix outside the app (the keyring, a full or read-only disk…), then try again. */
  | 'retry';

/** `reason` null: not known yet (a command found the circle locked). */
export function lockView(reason: LockReason | null, keySource: KeySource | null): LockView {
  switch (reason) {
    case 'passphraseNeeded':
      return 'passphrase';
    case 'lockedByYou':
      return keySource === 'passphrase' ? 'passphrase' : 'unlock';
    case 'keyMissing':
    case 'wrongKey':
    case 'headerDamaged':
      return 'recovery';
    case 'noKeyringYet':
      return 'create';
    case 'damaged':
    case 'circleMissing':
      return 'restore';
    case 'openElsewhere':
      return 'elsewhere';
    default:
      return 'retry';
  }
}

/**
 * Whether the locked screen offers restoring a backup: `shown` at once (the file is damaged
 * or gone), `behindButton` ("Restore from a backup instead": when it may be the key, or may
 * be the file), or `no`.
 */
export function restoreOffer(reason: LockReason | null): 'shown' | 'behindButton' | 'no' {
  switch (reason) {
    case 'damaged':
    case 'circleMissing':
      return 'shown';
    case 'keyMissing':
    case 'wrongKey':
    case 'headerDamaged':
    case 'unreadable':
      return 'behindButton';
    default:
      return 'no';
  }
}

/** Before restoring from the locked screen: what happens to the circle's file as it is. */
export function lockedRestoreText(reason: LockReason | null): string {
  switch (reason) {
    case 'damaged':
      return 'Your circle’s damaged file is kept with your backups, as a “before a restore” copy; nothing is deleted.';
    case 'circleMissing':
      return 'Your circle’s file is missing, so this backup takes its place; anything left of the old one is kept with your backups, as a “before a restore” copy.';
    default:
      return 'Your circle’s file as it is now is kept with your backups, as a “before a restore” copy; nothing is deleted.';
  }
}

export const MIN_PASSPHRASE = 12;

export const PASSPHRASE_HINT =
  'At least 12 characters. A few unrelated words are easy to remember and hard to guess. If you forget it, only your recovery key gets you back in.';

export interface NewPassphraseErrors {
  /** Under the first field. */
  first?: string;
  /** Under "again". */
  again?: string;
}

/** Length in characters as people count them (an emoji is one). */
function characters(text: string): number {
  return [...text].length;
}

/** Checks a new passphrase typed twice; empty when it can be sent. */
export function checkNewPassphrase(first: string, again: string): NewPassphraseErrors {
  const errors: NewPassphraseErrors = {};
  if (first.length === 0) errors.first = 'Choose a passphrase.';
  else if (characters(first) < MIN_PASSPHRASE)
    errors.first = `Use at least ${MIN_PASSPHRASE} characters; this one has ${characters(first)}.`;
  if (!errors.first) {
    if (again.length === 0) errors.again = 'Type the passphrase again, to be sure it’s the one you meant.';
    else if (again !== first) errors.again = 'The two passphrases don’t match.';
  }
  return errors;
}

export function keySourceText(source: KeySource): string {
  return source === 'keyring' ? 'the system keyring' : 'a passphrase you type';
}

/** The question under the recovery key. */
export function checkGroupLabel(group: number): string {
  return `To be sure you saved it, type group ${group}`;
}

/** A typed recovery key or group as the backend compares it: no spaces around it. */
export function cleanKey(typed: string): string {
  return typed.trim();
}

/** After the key changed: what it is now, and what to do next. */
export function keyChangedText(to: KeySource): string {
  return to === 'passphrase'
    ? 'Your circle is now protected by your passphrase. Save your new recovery key.'
    : 'Your circle’s key is now in the system keyring. Save your new recovery key.';
}
