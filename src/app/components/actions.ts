/**
 * What a user can ask the page to do, once: each action's words and keys. The page's one key
 * handler (`usePageKeys`) finds the action a key press asks for here, the buttons perform the
 * same actions, and the help dialog lists this table, so keys, buttons and help cannot drift.
 */

export type Intent =
  | { id: 'play-pause' }
  | { id: 'step' }
  | { id: 'back' }
  | { id: 'run-end' }
  | { id: 'seek'; tick: number }
  | { id: 'share' }
  | { id: 'present' }
  | { id: 'help' }
  | { id: 'preset'; presetIndex: number }
  | { id: 'preset-step'; delta: 1 | -1 }
  | { id: 'tamper'; index: number; entryTick: number }
  | { id: 'lesson-next' }
  | { id: 'lesson-back' };

export type ActionId = Intent['id'];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface PageAction {
  id: ActionId;
  /** What it does, for the help dialog. */
  does: string;
  /** How the help dialog writes its keys; null when only a control or a click performs it. */
  keyLabel: string | null;
  /**
   * The intent a key press asks for, or null when the key is not this action's; `lessonOpen`
   * when a lesson is open (its arrows step through the lesson).
   */
  fromKey?(key: string, presenter: boolean, lessonOpen: boolean): Intent | null;
}

const digit = /^[1-9]$/;

/**
 * Policy: number and bracket keys pick presets only in presenter mode, where the configuration
 * is hidden; at other times a stray digit must not throw away the scenario being edited.
 */
export const pageActions: readonly PageAction[] = [
  {
    id: 'lesson-next',
    does: 'with a lesson open: its next step',
    keyLabel: '→',
    fromKey: (key, _presenter, lessonOpen) => (lessonOpen && key === 'ArrowRight' ? { id: 'lesson-next' } : null),
  },
  {
    id: 'lesson-back',
    does: 'with a lesson open: its previous step',
    keyLabel: '←',
    fromKey: (key, _presenter, lessonOpen) => (lessonOpen && key === 'ArrowLeft' ? { id: 'lesson-back' } : null),
  },
  { id: 'play-pause', does: 'play or pause', keyLabel: 'Space', fromKey: (key) => (key === ' ' ? { id: 'play-pause' } : null) },
  { id: 'step', does: 'step to the next event, one at a time also inside a tick', keyLabel: '→', fromKey: (key) => (key === 'ArrowRight' ? { id: 'step' } : null) },
  { id: 'back', does: 'back to the previous event, undoing the steps in order', keyLabel: '←', fromKey: (key) => (key === 'ArrowLeft' ? { id: 'back' } : null) },
  { id: 'run-end', does: 'simulate the run to its end and go there (the End button)', keyLabel: 'End', fromKey: (key) => (key === 'End' ? { id: 'run-end' } : null) },
  { id: 'seek', does: 'go to a tick: drag the scrubber, or click a timeline mark, a log row or an invariant', keyLabel: null },
  { id: 'share', does: 'copy a link that reproduces this run exactly (the Share button)', keyLabel: null },
  { id: 'present', does: 'presenter mode on or off', keyLabel: 'P', fromKey: (key) => (key === 'p' || key === 'P' ? { id: 'present' } : null) },
  {
    id: 'preset',
    does: 'in presenter mode: open the first nine presets',
    keyLabel: '1 – 9',
    fromKey: (key, presenter) => (presenter && digit.test(key) ? { id: 'preset', presetIndex: Number(key) - 1 } : null),
  },
  {
    id: 'preset-step',
    does: 'in presenter mode: the previous or next preset (reaches every preset)',
    keyLabel: '[  ]',
    fromKey: (key, presenter) =>
      presenter && (key === '[' || key === ']') ? { id: 'preset-step', delta: key === ']' ? 1 : -1 } : null,
  },
  { id: 'tamper', does: 'tamper with a Council audit entry: click it in the audit chain', keyLabel: null },
  { id: 'help', does: 'this help (Esc closes it)', keyLabel: '?', fromKey: (key) => (key === '?' ? { id: 'help' } : null) },
];

/** The intent a key press asks for, or null (browser shortcuts with Ctrl, ⌘ or Alt are left alone). */
export function intentForKey(press: KeyPress, presenter: boolean, lessonOpen = false): Intent | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  for (const action of pageActions) {
    const intent = action.fromKey?.(press.key, presenter, lessonOpen) ?? null;
    if (intent !== null) return intent;
  }
  return null;
}

/** Keys a focused slider (the scrubber, the speed) answers itself. */
const sliderKeys = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * True when a key press belongs to what the user is typing in, to a focused slider that moves
 * with it, or to an open dialog. Policy: a focused slider keeps its arrows, but P, ? and the
 * space bar still reach the page, so presenter mode can be left after dragging the scrubber.
 */
export function isTypingTarget(target: EventTarget | null, key = ''): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if (target.matches('input[type="range"]') && target.closest('dialog') === null) return sliderKeys.has(key);
  return target.closest('input, select, textarea, [contenteditable], dialog') !== null;
}
