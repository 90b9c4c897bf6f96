import { describe, expect, it } from 'vitest';
import { intentForKey, pageActions, type KeyPress } from './actions';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers,
});

describe('the actions table', () => {
  it('maps the playback, presenter and help keys to their actions', () => {
    expect(intentForKey(press(' '), false)).toEqual({ id: 'play-pause' });
    expect(intentForKey(press('ArrowRight'), false)).toEqual({ id: 'step' });
    expect(intentForKey(press('ArrowLeft'), true)).toEqual({ id: 'back' });
    expect(intentForKey(press('End'), false)).toEqual({ id: 'run-end' });
    expect(intentForKey(press('p'), false)).toEqual({ id: 'present' });
    expect(intentForKey(press('P'), true)).toEqual({ id: 'present' });
    expect(intentForKey(press('?'), false)).toEqual({ id: 'help' });
    expect(intentForKey(press('x'), true)).toBeNull();
  });

  it('picks presets with number and bracket keys only in presenter mode', () => {
    expect(intentForKey(press('1'), true)).toEqual({ id: 'preset', presetIndex: 0 });
    expect(intentForKey(press('9'), true)).toEqual({ id: 'preset', presetIndex: 8 });
    expect(intentForKey(press('0'), true)).toBeNull();
    expect(intentForKey(press('1'), false)).toBeNull();
    expect(intentForKey(press(']'), true)).toEqual({ id: 'preset-step', delta: 1 });
    expect(intentForKey(press('['), true)).toEqual({ id: 'preset-step', delta: -1 });
    expect(intentForKey(press(']'), false)).toBeNull();
  });

  it('steps through an open lesson with the arrows, and through the run otherwise', () => {
    expect(intentForKey(press('ArrowRight'), false, true)).toEqual({ id: 'lesson-next' });
    expect(intentForKey(press('ArrowLeft'), true, true)).toEqual({ id: 'lesson-back' });
    expect(intentForKey(press('ArrowRight'), false, false)).toEqual({ id: 'step' });
    expect(intentForKey(press(' '), false, true)).toEqual({ id: 'play-pause' });
  });

  it('leaves browser shortcuts such as Ctrl+P alone', () => {
    expect(intentForKey(press('p', { ctrlKey: true }), false)).toBeNull();
    expect(intentForKey(press('p', { metaKey: true }), false)).toBeNull();
    expect(intentForKey(press('1', { altKey: true }), true)).toBeNull();
  });

  it('lists each action once, and every action with a key label answers a key press', () => {
    const ids = pageActions.map((action) => action.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['play-pause', 'step', 'seek', 'share', 'present', 'preset', 'tamper']));
    for (const action of pageActions) {
      expect(action.keyLabel !== null, action.id).toBe(action.fromKey !== undefined);
    }
  });
});
