import type { RngState } from '../../rng';
import type { ManualAction, ResolvedScenario } from '../scenario';
import type { FaultBook } from './faultBook';
import { lossReason, NetworkModel } from './NetworkModel';
import type { LostReason, MessageType, SimEvent } from './traceEvents';

/** What every message carries for the trace. */
export interface MessageHeader {
  type: MessageType;
  roundNo: number;
}

export interface Delivery<P> {
  kind: 'deliver';
  id: number;
  from: number;
  to: number;
  payload: P;
  /** Sent by a `garble` agent and corrupted on the way. */
  garbled: boolean;
}

export interface TransportHooks<P> {
  emit(event: SimEvent): void;
  /** Schedules the delivery of copy `id` at `tick` (the fields of a `Delivery`). */
  schedule(tick: number, id: number, from: number, to: number, payload: P, garbled: boolean): void;
  /** Extra fields of the `messageSent` event (the view, a vote's phase). */
  describe(payload: P): { view: number; phase?: 'prepare' | 'commit' };
  /** How a garbled payload arrives; absent: unchanged, flagged `garbled`. */
  garble?(payload: P): P;
}

/** What changes in a transport during a run, as plain data. */
export interface TransportState {
  network: RngState;
  /** Agents crashed by a manual action, in the order they crashed. */
  crashed: number[];
  /** Agents whose next message a `drop-next` action drops. */
  dropNext: number[];
  messageCount: number;
}

/**
 * What both engines share between their protocols and the network (SPEC §5): message ids,
 * the network model deciding every loss and latency at send time, garbling by `garble`
 * agents, agents being down (a `silent` fault or a manual crash), and the manual actions
 * `drop-next`, `crash` and `restart`. Every send is a `messageSent` event with its send and
 * delivery ticks, or the reason it was lost; a broadcast is one `messageBroadcast` event.
 */
export class Transport<P extends MessageHeader> {
  private readonly network: NetworkModel;
  private readonly crashed: Set<number>;
  private readonly dropNext: Set<number>;
  private messageCount: number;
  /** The fate of the copy `sendCopy` decided last. */
  private readonly last: { deliverAt: number | null; lost: LostReason | undefined; garbled: boolean } = {
    deliverAt: null, lost: undefined, garbled: false,
  };

  /** `state`: where a restored engine's transport resumes; default the start of a run. */
  constructor(
    scenario: ResolvedScenario,
    private readonly faults: FaultBook,
    private readonly hooks: TransportHooks<P>,
    state?: TransportState,
  ) {
    this.network = new NetworkModel(scenario, state?.network);
    this.crashed = new Set(state?.crashed);
    this.dropNext = new Set(state?.dropNext);
    this.messageCount = state?.messageCount ?? 0;
  }

  state(): TransportState {
    const { crashed, dropNext, messageCount } = this;
    const network = this.network.state();
    return { network, crashed: [...crashed], dropNext: [...dropNext], messageCount };
  }

  isDown(agent: number, tick: number): boolean {
    return this.crashed.has(agent) || this.faults.isSilentAt(agent, tick);
  }

  isCrashed(agent: number): boolean {
    return this.crashed.has(agent);
  }

  send(from: number, to: number, payload: P, tick: number): void {
    const { view, phase } = this.hooks.describe(payload);
    const id = this.sendCopy(from, to, payload, tick, this.faults.of(from, 'garble'));
    const { deliverAt, lost, garbled } = this.last;
    this.hooks.emit({
      t: tick, kind: 'messageSent', id, from, to, type: payload.type, roundNo: payload.roundNo, view,
      ...(phase ? { phase } : {}),
      deliverAt,
      ...(lost ? { lost } : {}),
      ...(garbled ? { garbled: true as const } : {}),
    });
  }

  /**
   * Sends one payload to every other agent, in index order, deciding each copy's fate exactly
   * as `send` would (the same draws from the `net` and fault streams, in the same order), but
   * records one `messageBroadcast` event instead of n − 1 `messageSent` events.
   */
  broadcast(from: number, payload: P, tick: number, n: number): void {
    const firstId = this.messageCount;
    const { view, phase } = this.hooks.describe(payload);
    const garble = this.faults.of(from, 'garble');
    const deliverAt: (number | null)[] = [];
    const lost: [number, LostReason][] = [];
    const garbledTo: number[] = [];
    const last = this.last;
    for (let to = 0; to < n; to++) {
      if (to === from) continue;
      this.sendCopy(from, to, payload, tick, garble);
      deliverAt.push(last.deliverAt);
      if (last.lost) lost.push([to, last.lost]);
      if (last.garbled) garbledTo.push(to);
    }
    this.hooks.emit({
      t: tick, kind: 'messageBroadcast', id: firstId, from, type: payload.type, roundNo: payload.roundNo, view,
      ...(phase ? { phase } : {}),
      deliverAt,
      ...(lost.length > 0 ? { lost } : {}),
      ...(garbledTo.length > 0 ? { garbled: garbledTo } : {}),
    });
  }

  /**
   * One copy's fate, decided at send time: a `drop-next` action, then the network (loss or
   * latency), then a `garble` sender's corruption; a delivered copy is scheduled. Returns the
   * copy's id; its fate is left in `last`.
   *
   * Policy: the fate goes in one reused object, not a new one per copy: a broadcast at
   * n = 1000 decides 999 of them, and an all-to-all phase 10⁶.
   */
  private sendCopy(from: number, to: number, payload: P, tick: number, garble: { rate: number } | undefined): number {
    const id = this.messageCount++;
    const last = this.last;
    last.deliverAt = null;
    last.lost = undefined;
    last.garbled = false;
    if (this.dropNext.size > 0 && this.dropNext.delete(from)) {
      last.lost = 'manual';
      return id;
    }
    const deliverAt = this.network.send(from, to, tick);
    if (deliverAt < 0) {
      last.lost = lossReason(deliverAt);
      return id;
    }
    const garbled = garble !== undefined && this.faults.stream(from).chance(garble.rate);
    const delivered = garbled && this.hooks.garble ? this.hooks.garble(payload) : payload;
    this.hooks.schedule(deliverAt, id, from, to, delivered, garbled);
    last.deliverAt = deliverAt;
    last.garbled = garbled;
    return id;
  }

  /**
   * Applies a `drop-next`, `crash` or `restart` action; returns the agent that came back
   * after a restart (its protocol re-arms), else null. Other actions are the engine's.
   */
  applyAgentAction(action: ManualAction, tick: number): number | null {
    const agent = action.agent ?? 0;
    if (action.do === 'drop-next') this.dropNext.add(agent);
    else if (action.do === 'crash' && !this.crashed.has(agent)) {
      this.crashed.add(agent);
      this.hooks.emit({ t: tick, kind: 'agentCrashed', agent });
    } else if (action.do === 'restart' && this.crashed.delete(agent)) {
      this.hooks.emit({ t: tick, kind: 'agentRestarted', agent });
      return agent;
    }
    return null;
  }
}
