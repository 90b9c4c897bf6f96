import { describe, expect, it } from 'vitest';
import { parseThemeChoice, useUi } from './uiStore';

describe('uiStore', () => {
  it('reads a stored theme choice, and anything unknown as the system theme', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('purple')).toBe('system');
    expect(parseThemeChoice(null)).toBe('system');
  });

  it('keeps a theme choice even where there is no storage to remember it in', () => {
    useUi.getState().setTheme('dark');
    expect(useUi.getState().theme).toBe('dark');
    useUi.getState().setTheme('system');
    expect(useUi.getState().theme).toBe('system');
  });

  it('toggles presenter mode on and off', () => {
    useUi.getState().togglePresenter();
    expect(useUi.getState().presenter).toBe(true);
    useUi.getState().togglePresenter();
    expect(useUi.getState().presenter).toBe(false);
  });
});
