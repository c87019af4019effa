import { describe, expect, it } from 'vitest';
import { checkGroupLabel, checkNewPassphrase, keySourceText, lockView } from './security';

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

  it('asks to try again otherwise', () => {
    expect(lockView('keyringUnavailable', null)).toBe('retry');
    expect(lockView('newerVersion', 'keyring')).toBe('retry');
    expect(lockView('unreadable', null)).toBe('retry');
    expect(lockView(null, null)).toBe('retry');
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
