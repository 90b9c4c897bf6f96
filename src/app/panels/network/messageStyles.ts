import type { SimEvent } from '../../../worker/api';

type MessageSent = Extract<SimEvent, { kind: 'messageSent' }>;

/** What a moving dot stands for: the message type, with V split by its phase. */
export type MessageKey = 'R' | 'E' | 'P' | 'prepare' | 'commit' | 'V' | 'NV' | 'C' | 'CP' | 'CV';

export interface MessageStyle {
  /** The letter drawn on the dot (UI.md: never colour alone). */
  label: string;
  /** Okabe–Ito fill; the same in light and dark themes. */
  fill: string;
  /** Letter colour chosen for contrast against `fill`. */
  ink: string;
  /** Legend and hover name. */
  name: string;
}

/**
 * Policy: one Okabe–Ito colour per message type. Vermillion and gold are kept for roles
 * (Byzantine, leader), so proposals use orange only on the dot, always with their letter.
 */
export const messageStyles: Readonly<Record<MessageKey, MessageStyle>> = {
  R: { label: 'R', fill: '#56B4E9', ink: '#10222e', name: 'round' },
  E: { label: 'E', fill: '#0072B2', ink: '#ffffff', name: 'evaluation' },
  P: { label: 'P', fill: '#E69F00', ink: '#1d1400', name: 'proposal' },
  prepare: { label: '✓p', fill: '#009E73', ink: '#0b1f19', name: 'prepare vote' },
  commit: { label: '✓c', fill: '#F0E442', ink: '#1d1a00', name: 'commit vote' },
  V: { label: 'V', fill: '#009E73', ink: '#0b1f19', name: 'vote' },
  NV: { label: 'NV', fill: '#CC79A7', ink: '#1f0a16', name: 'new view' },
  C: { label: 'C', fill: '#000000', ink: '#ffffff', name: 'commit certificate (to a lagging replica)' },
  CP: { label: 'CP', fill: '#E69F00', ink: '#1d1400', name: 'council proposal' },
  CV: { label: 'CV', fill: '#3b4252', ink: '#ffffff', name: 'council vote' },
};

/** The keys the legend lists, in protocol order. */
export const legendMessageKeys: readonly MessageKey[] = ['R', 'E', 'P', 'prepare', 'commit', 'NV', 'C', 'CP', 'CV'];

export function messageKey(message: MessageSent): MessageKey {
  if (message.type !== 'V') return message.type;
  return message.phase ?? 'V';
}
