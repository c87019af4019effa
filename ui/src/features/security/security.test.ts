import { describe, expect, it } from 'vitest';
import { checkGroupLabel, checkNewPassphrase, keySourceText, lockView, lockedRestoreText, restoreOffer } from './security';

describe('the locked screen', () => {
  it('asks for a passphrase when the key is behind one', () => {
    expect(lockView('passphraseNeeded', 'passphrase')).toBe('passphrase');
    expect(lockView('lockedByYou', 'passphrase')).toBe('passphrase');
  });

  it('unlocks with one button when the key is in the keyring', () => {
    expect(lockView('lockedByYou', 'keyring')).toBe('unlock');
    expect(lockView('lockedByYou', null)).toBe('unlock');
  });

  it('offers the recovery key when the keyring lost or replaced the key', () => {
    expect(lockView('keyMissing', 'keyring')).toBe('recovery');
    expect(lockView('wrongKey', null)).toBe('recovery');
  });

  it('offers a passphrase on a first run without a keyring', () => {
    expect(lockView('noKeyringYet', null)).toBe('create');
  });

  it('offers the recovery key when the folder’s header is unreadable', () => {
    expect(lockView('headerDamaged', 'keyring')).toBe('recovery');
    expect(lockView('headerDamaged', null)).toBe('recovery');
  });

  it('offers a backup when the circle’s file is damaged or missing', () => {
    expect(lockView('damaged', 'keyring')).toBe('restore');
    expect(lockView('damaged', 'passphrase')).toBe('restore');
    expect(lockView('circleMissing', null)).toBe('restore');
  });

  it('offers nothing to do when another Mentor Circle has the folder', () => {
    expect(lockView('openElsewhere', null)).toBe('elsewhere');
    expect(lockView('openElsewhere', 'passphrase')).toBe('elsewhere');
  });

  it('asks to try again when the folder cannot be written', () => {
    expect(lockView('folderNotWritable', 'keyring')).toBe('retry');
  });

  it('asks to try again otherwise', () => {
    expect(lockView('keyringUnavailable', null)).toBe('retry');
    expect(lockView('newerVersion', 'keyring')).toBe('retry');
    expect(lockView('unreadable', null)).toBe('retry');
    expect(lockView(null, null)).toBe('retry');
  });
});

describe('restoring a backup from the locked screen', () => {
  it('is shown at once when the file is damaged or missing', () => {
    expect(restoreOffer('damaged')).toBe('shown');
    expect(restoreOffer('circleMissing')).toBe('shown');
  });

  it('waits behind a button when it may be the key rather than the file', () => {
    expect(restoreOffer('keyMissing')).toBe('behindButton');
    expect(restoreOffer('wrongKey')).toBe('behindButton');
    expect(restoreOffer('headerDamaged')).toBe('behindButton');
    expect(restoreOffer('unreadable')).toBe('behindButton');
  });

  it('is not offered when a backup would not help', () => {
    for (const reason of [
      'openElsewhere',
      'folderNotWritable',
      'keyringUnavailable',
      'newerVersion',
      'passphraseNeeded',
      'noKeyringYet',
      'lockedByYou',
    ] as const) {
      expect(restoreOffer(reason)).toBe('no');
    }
    expect(restoreOffer(null)).toBe('no');
  });

  it('says the file it replaces is kept', () => {
    expect(lockedRestoreText('damaged')).toContain('damaged file is kept with your backups');
    expect(lockedRestoreText('circleMissing')).toContain('kept with your backups');
    expect(lockedRestoreText('wrongKey')).toContain('as it is now is kept with your backups');
    expect(lockedRestoreText(null)).toContain('before a restore');
  });
});

describe('a new passphrase', () => {
  it('needs 12 characters', () => {
    expect(checkNewPassphrase('', '').first).toBe('Choose a passphrase.');
    expect(checkNewPassphrase('short one', 'short one').first).toBe('Use at least 12 characters; this one has 9.');
    expect(checkNewPassphrase('twelve chars', 'twelve chars')).toEqual({});
  });

  it('counts characters, not code units', () => {
    expect(checkNewPassphrase('🌱🌱🌱🌱🌱🌱', '🌱🌱🌱🌱🌱🌱').first).toContain('this one has 6');
  });

  it('must be typed the same twice', () => {
    expect(checkNewPassphrase('river lamp orbit', 'river lamp orbt').again).toBe('The two passphrases don’t match.');
    expect(checkNewPassphrase('river lamp orbit', '').again).toContain('Type the passphrase again');
    // One problem at a time: a short one is said first.
    expect(checkNewPassphrase('short', 'other')).toEqual({ first: 'Use at least 12 characters; this one has 5.' });
  });
});

describe('key words', () => {
  it('names where the key is kept', () => {
    expect(keySourceText('keyring')).toBe('the system keyring');
    expect(keySourceText('passphrase')).toBe('a passphrase you type');
  });

  it('asks for a group by number', () => {
    expect(checkGroupLabel(3)).toBe('To be sure you saved it, type group 3');
  });
});
