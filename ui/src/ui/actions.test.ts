import { describe, expect, it } from 'vitest';
import { ACTIONS, actionOf } from './actions';

describe('the app’s actions', () => {
  it('each have keys of their own', () => {
    const keys = ACTIONS.map((a) => a.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
  });

  it('include quitting and the palette, with the keys the guide gives them', () => {
    expect(actionOf('quit')).toMatchObject({ label: 'Quit Mentor Circle', keys: 'Ctrl+Q' });
    expect(actionOf('palette').keys).toBe('Ctrl+K');
    expect(actionOf('quickLog').keys).toBe('Ctrl+L');
    expect(actionOf('lock').keys).toBe('Ctrl+Shift+L');
  });

  it('say that closing the window quits where there is no tray', () => {
    const close = actionOf('closeWindow');
    expect(close.keys).toBe('Ctrl+W');
    expect(close.help).toMatch(/tray where your desktop shows one/);
    expect(close.help).toMatch(/quits/);
  });
});
