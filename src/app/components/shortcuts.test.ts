import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyPress } from './shortcuts';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers,
});

describe('shortcutFor', () => {
  it('toggles presenter mode with p and opens help with ?', () => {
    expect(shortcutFor(press('p'), false)).toEqual({ kind: 'presenter' });
    expect(shortcutFor(press('P'), true)).toEqual({ kind: 'presenter' });
    expect(shortcutFor(press('?'), false)).toEqual({ kind: 'help' });
  });

  it('picks the first nine presets with number keys only in presenter mode', () => {
    expect(shortcutFor(press('1'), true)).toEqual({ kind: 'preset', presetIndex: 0 });
    expect(shortcutFor(press('9'), true)).toEqual({ kind: 'preset', presetIndex: 8 });
    expect(shortcutFor(press('0'), true)).toBeNull();
    expect(shortcutFor(press('1'), false)).toBeNull();
  });

  it('steps to the previous or next preset with [ and ] in presenter mode', () => {
    expect(shortcutFor(press(']'), true)).toEqual({ kind: 'presetStep', delta: 1 });
    expect(shortcutFor(press('['), true)).toEqual({ kind: 'presetStep', delta: -1 });
    expect(shortcutFor(press(']'), false)).toBeNull();
  });

  it('leaves browser shortcuts such as Ctrl+P alone', () => {
    expect(shortcutFor(press('p', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(press('p', { metaKey: true }), false)).toBeNull();
    expect(shortcutFor(press('1', { altKey: true }), true)).toBeNull();
  });
});
