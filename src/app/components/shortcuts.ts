/** The page's keyboard shortcuts, listed once: the help dialog shows this list. */
export const shortcutList: readonly { keys: string; action: string }[] = [
  { keys: 'Space', action: 'play or pause' },
  { keys: '→', action: 'step to the next event' },
  { keys: '←', action: 'back to the previous event' },
  { keys: 'P', action: 'presenter mode on or off' },
  { keys: '1 – 9', action: 'in presenter mode: open the first nine presets' },
  { keys: '[  ]', action: 'in presenter mode: the previous or next preset (reaches every preset)' },
  { keys: '?', action: 'this help' },
  { keys: 'Esc', action: 'close this help' },
];

export type Shortcut =
  | { kind: 'presenter' }
  | { kind: 'help' }
  | { kind: 'preset'; presetIndex: number }
  | { kind: 'presetStep'; delta: 1 | -1 };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * What a key press asks for, beyond the playback keys the playback bar answers. Policy:
 * number keys pick presets only in presenter mode, where the configuration is hidden; at
 * other times a stray digit must not throw away the scenario being edited.
 */
export function shortcutFor(press: KeyPress, presenter: boolean): Shortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'p' || press.key === 'P') return { kind: 'presenter' };
  if (press.key === '?') return { kind: 'help' };
  if (presenter && /^[1-9]$/.test(press.key)) {
    return { kind: 'preset', presetIndex: Number(press.key) - 1 };
  }
  if (presenter && (press.key === '[' || press.key === ']')) return { kind: 'presetStep', delta: press.key === ']' ? 1 : -1 };
  return null;
}

/** True when a key press belongs to what the user is typing in, or to an open dialog. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  return target.closest('input, select, textarea, [contenteditable], dialog') !== null;
}
