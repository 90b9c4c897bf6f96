import { VerifyMemo } from '../../crypto';
import { ResolveMemo, ResonanceAgent, type Outcome, type Round, type Task } from '../../resonance';
import type { ManualAction, ResolvedScenario } from '../scenario';
import { SimEngine, type EndReason } from './eventLoop';
import { FaultBook } from './faultBook';
import { Transport, type Delivery } from './Transport';
import { Monitors } from './monitors';
import type { OpinionSource } from './opinionSource';
import { ReplicaProtocol } from './replicaProtocol';
import { freshReplica, type Payload, type ReplicaState } from './replicaState';
import type { SimEvent } from './traceEvents';

type Scheduled =
  | ({ kind: 'deliver' } & Delivery<Payload>)
  | { kind: 'timer'; agent: number; roundNo: number; view: number }
  | { kind: 'restart'; agent: number };

/** One replica's state at a tick (plain data for the agent inspector). */
export interface AgentState {
  agent: number;
  roundNo: number;
  view: number;
  locked: { view: number; winner: number } | null;
  committedRounds: number;
  down: boolean;
  reputation: number;
  /** Its trust in each agent, by index. */
  trust: number[];
}

export interface EngineResult {
  events: SimEvent[];
  traceHash: string;
  ticks: number;
  outcomes: Outcome[];
}


/**
 * The discrete-event engine of a ResonanceBFT scenario (SPEC §5): a priority queue of
 * message deliveries and timers over integer ticks, the network model deciding every loss
 * and latency at send time, replicas following reference §2.7, and the invariant monitors
 * watching every commit. Deterministic in the scenario: the same scenario gives the same
 * trace and trace hash everywhere.
 */
export class ResonanceEngine extends SimEngine<Scheduled> {
  readonly agents: ResonanceAgent[];
  readonly replicas: ReplicaState[];
  readonly faults: FaultBook;
  readonly memo: ResolveMemo;
  readonly verifyMemo = new VerifyMemo();
  readonly monitors: Monitors;
  readonly roster: string[];
  readonly outcomes: Outcome[] = [];
  /** Rounds already deliberated (once per round, by the leader that first proposes a value). */
  readonly deliberatedRounds = new Set<number>();
  /** `roundNo:view` keys whose scores are in the trace (`roundScored`, once each). */
  readonly scoredRounds = new Set<string>();
  private readonly transport: Transport<Payload>;
  private readonly protocol: ReplicaProtocol;

  constructor(scenario: ResolvedScenario, readonly opinions: OpinionSource) {
    super(scenario);
    const { n, seed } = scenario;
    this.roster = Array.from({ length: n }, (_, index) => `a${index}`);
    const options = { seed, threshold: scenario.resonance.threshold, expectedN: n, embed: scenario.resonance.embed };
    this.agents = this.roster.map((id) => new ResonanceAgent(id, options));
    this.replicas = this.roster.map((_, index) => freshReplica(index));
    this.faults = new FaultBook(scenario);
    this.transport = new Transport<Payload>(scenario, this.faults, this.transportHooks());
    this.memo = new ResolveMemo({ verify: this.verifyMemo, immutableRecords: true });
    this.monitors = new Monitors(this);
    this.protocol = new ReplicaProtocol(this);
    for (const { agent, tick } of this.faults.restartTicks()) this.queue.push(tick, { kind: 'restart', agent });
    for (let index = 0; index < n; index++) this.protocol.start(index);
  }

  /**
   * A checkpoint: an independent copy of the whole engine at its current tick, which can run
   * on from there exactly as this one will. Caches that are pure functions of their keys (the
   * signature and outcome memos) and the immutable scenario and records are shared.
   */
  checkpoint(): ResonanceEngine {
    return this.checkpointWith([ResolveMemo, VerifyMemo], (copy) => copy.transport.rebind(copy.transportHooks()));
  }

  /** What each replica knows now, for the agent inspector at the time cursor. */
  inspect(): AgentState[] {
    return this.replicas.map((replica) => {
      const store = this.agents[replica.index]!.store;
      return {
        agent: replica.index,
        roundNo: replica.roundNo,
        view: replica.view,
        locked: replica.locked ? { view: replica.locked.view, winner: this.index(replica.locked.winner) } : null,
        committedRounds: replica.committedRounds,
        down: this.isDown(replica.index),
        reputation: store.reputation(replica.id),
        trust: this.roster.map((peer) => store.trust(replica.id, peer)),
      };
    });
  }

  /** Runs to the end (every honest replica committed every round, or maxTicks). */
  run(): EngineResult {
    this.runUntil(Infinity);
    return this.result();
  }

  result(knownHash?: string): EngineResult {
    return { ...this.traceResult(knownHash), outcomes: this.outcomes };
  }

  leaderOf(view: number): number {
    return view % this.scenario.n;
  }

  isDown(agent: number): boolean {
    return this.transport.isDown(agent, this.tick);
  }

  roundTask(roundNo: number): Task {
    return this.opinions.task(roundNo);
  }

  /** Sends one message through the shared transport (network model, losses, garbling). */
  send(from: number, to: number, payload: Payload): void {
    this.transport.send(from, to, payload, this.tick);
  }

  broadcast(from: number, payload: Payload, includeSelf = false): void {
    for (let to = 0; to < this.scenario.n; to++) if (to !== from || includeSelf) this.send(from, to, payload);
  }

  armTimer(agent: number, roundNo: number, view: number): void {
    this.queue.push(this.tick + this.scenario.resonance.viewTimeout, { kind: 'timer', agent, roundNo, view });
  }

  recordOutcome(outcome: Outcome): void {
    this.outcomes.push(outcome);
  }

  private transportHooks() {
    return {
      emit: (event: SimEvent) => this.emit(event),
      schedule: (tick: number, delivery: Delivery<Payload>) => this.queue.push(tick, { kind: 'deliver', ...delivery }),
      describe: (payload: Payload) => ({
        view: 'view' in payload ? payload.view : payload.round.view,
        ...(payload.type === 'V' ? { phase: payload.phase } : {}),
      }),
    };
  }

  protected dispatch(item: Scheduled): void {
    switch (item.kind) {
      case 'deliver':
        if (this.isDown(item.to)) {
          this.emit({ t: this.tick, kind: 'messageRejected', id: item.id, agent: item.to, reason: 'recipient is down' });
        } else if (item.garbled) {
          this.emit({ t: this.tick, kind: 'messageRejected', id: item.id, agent: item.to, reason: 'garbled payload' });
        } else {
          this.protocol.onMessage(item.to, item.from, item.id, item.payload);
        }
        return;
      case 'timer':
        if (!this.isDown(item.agent)) this.protocol.onTimeout(item.agent, item.roundNo, item.view);
        return;
      case 'restart':
        if (!this.isDown(item.agent)) this.protocol.restart(item.agent);
        return;
    }
  }

  protected applyAction(action: ManualAction): void {
    // 'tamper-audit' acts on the Council's audit chain; ResonanceBFT has none.
    if (action.do === 'tamper-audit') return;
    const restarted = this.transport.applyAgentAction(action, this.tick);
    if (restarted !== null) this.protocol.restart(restarted);
  }

  /** Complete when every replica that is not Byzantine and not down has committed every round. */
  protected afterItem(): boolean {
    return this.replicas.every(
      (replica) =>
        replica.committedRounds >= this.scenario.rounds ||
        this.faults.isByzantine(replica.index) ||
        this.faults.of(replica.index, 'silent') !== undefined ||
        this.transport.isCrashed(replica.index),
    );
  }

  protected onRunEnd(reason: EndReason): void {
    this.monitors.onRunEnd();
    const commits = this.events.filter((event) => event.kind === 'committed').length;
    const viewChanges = this.events.filter((event) => event.kind === 'viewChanged').length;
    this.emit({ t: this.tick, kind: 'runEnded', reason, commits, viewChanges });
  }
}

export type { Round };
