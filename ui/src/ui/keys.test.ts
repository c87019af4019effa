import { describe, expect, it } from 'vitest';
import { shortcutText } from './keys';

describe('shortcut text', () => {
  it('reads Ctrl+ on Windows and Linux', () => {
    expect(shortcutText('L', false)).toBe('Ctrl+L');
    expect(shortcutText('Shift+L', false)).toBe('Ctrl+Shift+L');
    expect(shortcutText('Enter', false)).toBe('Ctrl+Enter');
  });

  it('reads like the Mac’s own menus on macOS', () => {
    expect(shortcutText('L', true)).toBe('⌘L');
    expect(shortcutText('Shift+L', true)).toBe('⇧⌘L');
    expect(shortcutText('Enter', true)).toBe('⌘Enter');
  });
});
