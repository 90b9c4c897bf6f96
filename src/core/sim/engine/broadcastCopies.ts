import type { MessageBroadcast, SimEvent } from './traceEvents';

export type MessageSent = Extract<SimEvent, { kind: 'messageSent' }>;

/** The recipient of a broadcast's `copyIndex`-th copy: every agent but the sender, in order. */
export function broadcastRecipient(broadcast: Pick<MessageBroadcast, 'from'>, copyIndex: number): number {
  return copyIndex < broadcast.from ? copyIndex : copyIndex + 1;
}

/** The broadcast's `copyIndex`-th copy as the `messageSent` event a point-to-point send records. */
export function broadcastCopy(broadcast: MessageBroadcast, copyIndex: number): MessageSent {
  const { t, id, from, type, roundNo, view, phase } = broadcast;
  const to = broadcastRecipient(broadcast, copyIndex);
  const deliverAt = broadcast.deliverAt[copyIndex] ?? null;
  const lost = deliverAt === null ? broadcast.lost?.find(([agent]) => agent === to)?.[1] : undefined;
  const garbled = deliverAt !== null && broadcast.garbled?.includes(to);
  return {
    t, kind: 'messageSent', id: id + copyIndex, from, to, type, roundNo, view,
    ...(phase ? { phase } : {}),
    deliverAt,
    ...(lost ? { lost } : {}),
    ...(garbled ? { garbled: true as const } : {}),
  };
}

/** Every copy of a broadcast as `messageSent` events, in send order (per-message detail). */
export function broadcastCopies(broadcast: MessageBroadcast): MessageSent[] {
  return broadcast.deliverAt.map((_, copyIndex) => broadcastCopy(broadcast, copyIndex));
}

/** The trace with every broadcast expanded into its copies: the trace as per-message events. */
export function withBroadcastsExpanded(events: readonly SimEvent[]): SimEvent[] {
  return events.flatMap((event) => (event.kind === 'messageBroadcast' ? broadcastCopies(event) : [event]));
}
