import type { VerifyMemo } from '../../crypto';
import { ResonanceAgent, TrustStore, type Outcome, type ResolveMemo, type Round } from '../../resonance';
import type { ManualAction, ResolvedScenario } from '../scenario';
import { Accountability } from './Accountability';
import { axisTrustRows, emitScored, round4 } from './axisData';
import { byzantineEvaluations, impersonation } from './byzantineEvaluations';
import { cloneSnapshot } from './cloneSnapshot';
import { deliberateRound } from './deliberation';
import { SimEngine, type EndReason, type RestoreSources } from './eventLoop';
import { FaultBook } from './faultBook';
import {
  machineFor,
  machineState,
  replicaOf,
  restoredMachine,
  runMachine,
  type Machine,
} from './machines';
import { Monitors } from './monitors';
import type { OpinionSource } from './opinionSource';
import { freshReplica } from './replica/out';
import type { Effect, Input, ReplicaContext, ReplicaState } from './replica/types';
import { replicaContext } from './replicaContext';
import {
  freshCaches,
  type EnginePayload,
  type ResonanceCaches,
  type ResonanceScheduled,
  type ResonanceSnapshot,
} from './resonanceSnapshot';
import { scenarioOpinions } from './scenarioOpinions';
import { stallDetail } from './stall';
import { distinctViewChanges, roundsCommitted } from './summarizeRun';
import type { SimEvent } from './traceEvents';
import { Transport } from './Transport';

type Scheduled = ResonanceScheduled;

/** One replica's state at a tick (plain data for the agent inspector). */
export interface AgentState {
  agent: number;
  roundNo: number;
  view: number;
  locked: { view: number; winner: number | null } | null;
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
}

/**
 * The discrete-event engine of a ResonanceBFT scenario (SPEC §5): a priority queue of message
 * deliveries and timers over integer ticks, the network model deciding every loss and latency
 * at send time, and one state machine per agent (`replica/`, wrapped by its fault's strategy).
 * The engine is the only place that applies the machines' effects: it sends, arms timers,
 * stamps events, seals evaluations and lets agents learn from decisions; the invariant
 * monitors watch every decision. Deterministic in the scenario.
 */
export class ResonanceEngine extends SimEngine<Scheduled> {
  readonly agents: ResonanceAgent[];
  readonly machines: Machine[];
  readonly faults: FaultBook;
  readonly memo: ResolveMemo;
  readonly verifyMemo: VerifyMemo;
  readonly caches: ResonanceCaches;
  readonly monitors: Monitors;
  readonly roster: string[];
  /** Rounds already deliberated (once per round, by the leader that first proposes a value). */
  readonly deliberatedRounds: Set<number>;
  /** `roundNo:view` keys whose scores are in the trace (`roundScored`, once each). */
  readonly scoredRounds: Set<string>;
  /** Proofs to Council quarantine votes (`resonance.accountability`); null when off. */
  readonly accountability: Accountability | null;
  private readonly transport: Transport<EnginePayload>;
  private readonly ctx: ReplicaContext;
  /** How many replicas, from index 0, are settled for good (see `afterItem`). */
  private settled = 0;
  private readonly quorumIndexCache = new WeakMap<readonly string[], number[]>();

  /**
   * A run of `scenario` at tick 0, every agent started. `restoring` is how `restore` and
   * `checkpoint` rebuild an engine instead: it takes the snapshot over without copying it, so
   * call those rather than passing one here.
   */
  constructor(
    scenario: ResolvedScenario,
    readonly opinions: OpinionSource,
    restoring?: RestoreSources<ResonanceCaches> & { snapshot: ResonanceSnapshot },
  ) {
    const saved = restoring?.snapshot;
    super(scenario, saved && { loop: saved.loop, trace: restoring.trace });
    const { n, seed } = scenario;
    this.roster = Array.from({ length: n }, (_, index) => `a${index}`);
    TrustStore.expectPeers(this.roster);
    this.caches = restoring?.caches ?? freshCaches(seed, this.roster);
    this.verifyMemo = this.caches.verifyMemo;
    this.memo = this.caches.memo;
    const { threshold, embed } = scenario.resonance;
    const options = { seed, threshold, expectedN: n, embed };
    const keys = this.caches.keys;
    this.agents = this.roster.map(
      (id, index) => new ResonanceAgent(id, { ...options, keys: keys[index]! }),
    );
    this.faults = new FaultBook(scenario, () => this.tick, saved?.faults);
    const hooks = this.transportHooks();
    this.transport = new Transport<EnginePayload>(scenario, this.faults, hooks, saved?.transport);
    this.monitors = new Monitors(this, saved?.monitors);
    this.accountability = scenario.resonance.accountability
      ? new Accountability(this.accountabilityHost(), saved?.accountability ?? undefined)
      : null;
    this.deliberatedRounds = saved?.deliberatedRounds ?? new Set();
    this.scoredRounds = saved?.scoredRounds ?? new Set();
    if (saved) {
      const { machines, agents } = saved;
      const counted = machines.length === n && agents.length === n;
      this.check(counted, `a snapshot of ${agents.length} agents for n = ${n}`);
      agents.forEach((state, index) => this.agents[index]!.adopt(state));
      this.machines = machines.map((state, index) => restoredMachine(index, this.faults, state));
      this.ctx = this.makeContext();
      return;
    }
    this.machines = this.roster.map((_, index) => machineFor(index, this.faults, freshReplica(index)));
    this.ctx = this.makeContext();
    for (const { agent, tick } of this.faults.restartTicks()) this.queue.push(tick, { kind: 'restart', agent });
    // A crashed agent sends nothing: it starts only when it comes back (a restart).
    for (let index = 0; index < n; index++) if (!this.isDown(index)) this.step(index, { kind: 'start' });
  }

  /**
   * An engine at the snapshot's tick that runs on exactly as the one it was taken from: the
   * same events, the same trace hash. The snapshot is copied, never kept, so one snapshot
   * restores any number of independent engines. Opinions come from the scenario's source.
   */
  static restore(
    scenario: ResolvedScenario,
    snapshot: ResonanceSnapshot,
    from: RestoreSources<ResonanceCaches>,
  ): ResonanceEngine {
    const owned = cloneSnapshot(snapshot);
    const opinions = scenarioOpinions(scenario, owned.opinions);
    return new ResonanceEngine(scenario, opinions, { ...from, snapshot: owned });
  }

  /** The replica state of each agent (a twin: its first copy). */
  get replicas(): ReplicaState[] {
    return this.machines.map(replicaOf);
  }

  /**
   * Everything that changes during the run, as one plain-data copy (`ResonanceSnapshot`),
   * independent of this engine. structuredClone-safe; the trace is not in it.
   */
  snapshot(): ResonanceSnapshot {
    return cloneSnapshot(this.state());
  }

  /**
   * A checkpoint: an independent engine at this tick that runs on exactly as this one will
   * (`restore` of a snapshot, copied once), sharing this engine's caches and opinion source kind.
   */
  checkpoint(): ResonanceEngine {
    const owned = this.snapshot();
    const opinions = this.opinions.restored(owned.opinions);
    const { events: trace, caches } = this;
    return new ResonanceEngine(this.scenario, opinions, { snapshot: owned, trace, caches });
  }

  /** Every part's state by reference (not a copy); `snapshot` copies it whole. */
  private state(): ResonanceSnapshot {
    return {
      protocol: 'resonance',
      loop: this.loopState(),
      transport: this.transport.state(),
      faults: this.faults.state(),
      machines: this.machines.map(machineState),
      agents: this.agents.map((agent) => agent.state()),
      opinions: this.opinions.state(),
      monitors: this.monitors.state(),
      deliberatedRounds: this.deliberatedRounds,
      scoredRounds: this.scoredRounds,
      accountability: this.accountability?.state() ?? null,
    };
  }

  /** What each replica knows now, for the agent inspector at the time cursor. */
  inspect(): AgentState[] {
    return this.replicas.map((replica) => {
      const store = this.agents[replica.index]!.store;
      const lock = replica.current.lock;
      const winner = lock ? lock.value.winner : replica.current.lockedWinner?.winner ?? null;
      const lockView = lock?.view ?? replica.current.lockedWinner?.view ?? null;
      return {
        agent: replica.index,
        roundNo: replica.roundNo,
        view: replica.view,
        locked: lockView === null ? null : { view: lockView, winner: winner === null ? null : this.index(winner) },
        committedRounds: replica.committedRounds,
        down: this.isDown(replica.index),
        reputation: store.reputation(replica.id),
        trust: this.roster.map((peer) => store.trust(replica.id, peer)),
      };
    });
  }

  /** Runs to the end (every honest replica decided every round, or maxTicks). */
  run(): EngineResult {
    this.runUntil(Infinity);
    return this.result();
  }

  result(knownHash?: string): EngineResult {
    return this.traceResult(knownHash);
  }

  leaderOf(view: number): number {
    return view % this.scenario.n;
  }

  isDown(agent: number): boolean {
    return this.transport.isDown(agent, this.tick);
  }

  /** Follows the protocol and is up now. */
  isHonest(agent: number): boolean {
    return !this.faults.isByzantine(agent) && !this.isDown(agent);
  }

  private makeContext(): ReplicaContext {
    return replicaContext({
      scenario: this.scenario, agents: this.agents, memo: this.memo, verifyMemo: this.verifyMemo,
      indexOf: (id) => this.indexOf(id), now: () => this.tick,
    });
  }

  /** Gives one input to an agent's machine and applies the effects it returns, in order. */
  private step(agent: number, input: Input): void {
    const machine = this.machines[agent]!;
    const effects = runMachine(machine, input, this.ctx);
    const replica = replicaOf(machine);
    if (replica.roundNo > this.scenario.rounds + 1) this.fail(`a${agent} is in round ${replica.roundNo}`);
    for (const effect of effects) this.apply(agent, effect);
  }

  private apply(agent: number, effect: Effect): void {
    const t = this.tick;
    switch (effect.kind) {
      case 'send':
        return this.transport.send(agent, effect.to, effect.payload, t);
      case 'broadcast':
        return this.transport.broadcast(agent, effect.payload, t, this.scenario.n);
      case 'timer':
        this.check(effect.afterTicks > 0, 'a timer fires after its tick');
        if (effect.timer === 'view') this.monitors.onViewTimerArmed(t, effect.afterTicks);
        this.queue.push(t + effect.afterTicks, { kind: 'timer', agent, ...pick(effect) });
        return;
      case 'emit':
        return this.emit({ t, ...effect.event } as SimEvent);
      case 'propose':
        return this.propose(agent, effect.roundNo, effect.view, effect.copy);
      case 'seal': {
        const records = this.seal(agent, effect.round, effect.roundNo);
        return this.step(agent, { kind: 'sealed', round: effect.round, leader: effect.leader, records, copy: effect.copy });
      }
      case 'resolved':
        return this.emitResolved(agent, effect.roundNo, effect.view, effect.outcome);
      case 'deliberate':
        return deliberateRound(this, agent, effect.round, effect.roundNo);
      case 'decide':
        return this.decide(agent, effect);
    }
  }

  /** Mints the leader's round, seals its own evaluation and hands both back to its machine. */
  private propose(agent: number, roundNo: number, view: number, copy: 0 | 1 | undefined): void {
    const task = this.opinions.task(roundNo);
    const round = this.agents[agent]!.propose(task, { view, roster: this.roster });
    round.identityPubkeys = Object.fromEntries(this.agents.map((a) => [a.id, a.publicKey]));
    const forged = this.faults.of(agent, 'forge') !== undefined;
    this.emit({
      t: this.tick, kind: 'roundProposed', agent, roundNo, view, roundId: round.id, topic: task.topic ?? '',
      ...(forged ? { forged: true as const } : {}),
    });
    const records = this.seal(agent, round, roundNo);
    this.step(agent, { kind: 'proposed', round, records, copy });
  }

  /** What the agent seals for `round` (its fault's evaluation strategy), recorded for monitors. */
  private seal(agent: number, round: Round, roundNo: number) {
    const records = byzantineEvaluations(this, agent, round, roundNo);
    for (const record of records) {
      this.emit({
        t: this.tick, kind: 'evaluationSealed', agent, roundNo, view: round.view,
        commitment: record.commitment, text: record.evalText, ...(record.aid !== `a${agent}` ? { fault: `as ${record.aid}` } : {}),
      });
      this.monitors.onEvaluationSent(round.id, record);
    }
    const forged = impersonation(this, agent, round, roundNo);
    if (forged) records.push(forged);
    this.accountability?.onAccuserSealed(agent, round.id, roundNo);
    return records;
  }

  private emitResolved(agent: number, roundNo: number, view: number, outcome: Outcome): void {
    const index = (id: string) => this.index(id);
    this.check(outcome.quorumSize <= this.scenario.n, `a quorum of ${outcome.quorumSize} exceeds n`);
    this.emit({
      t: this.tick, kind: 'roundResolved', agent, roundNo, view,
      status: outcome.status, quorumSize: outcome.quorumSize, quorumNeeded: outcome.quorumNeeded, n: outcome.n, f: outcome.f,
      quorumAgents: outcome.quorumAgents.map(index), tamperedAgents: outcome.tamperedAgents.map(index),
      winner: outcome.winner ? index(outcome.winner) : null, reason: outcome.reason ?? null,
      ...(outcome.falseAgreementRate === undefined ? {} : {
        stanceAudit: {
          rate: outcome.falseAgreementRate,
          pairs: (outcome.falseAgreementPairs ?? []).map(([a, b]): [number, number] => [index(a), index(b)]),
          stances: Object.entries(outcome.stances ?? {})
            .map(([id, stance]): [number, number] => [index(id), stance])
            .sort((a, b) => a[0] - b[0]),
        },
      }),
    });
    emitScored(this, agent, roundNo, view, outcome);
  }

  private decide(agent: number, effect: Extract<Effect, { kind: 'decide' }>): void {
    const { value, outcome, cert, roundNo, view, via } = effect;
    const voters = this.indices(cert.votes.map((vote) => vote.aid));
    const common = { t: this.tick, agent, roundNo, view, roundId: value.round.id };
    if (value.decision === 'commit') {
      this.agents[agent]!.commit(outcome);
      // Integers only; the quorum's indices are one array for every replica committing it.
      this.emitRounded({
        ...common, kind: 'committed', winner: this.index(value.winner!),
        quorumAgents: this.quorumIndices(outcome.quorumAgents), commitVoters: voters, via,
      });
    } else {
      this.emit({
        ...common, kind: 'decidedNoAgreement', evidenceAgents: this.indices(Object.keys(value.round.evaluations)),
        quorumSize: outcome.quorumSize, quorumNeeded: outcome.quorumNeeded, commitVoters: voters, via,
      });
    }
    this.monitors.onDecide(agent, roundNo, value, this.ctx.valueDigest(value), outcome, cert);
    if (value.decision === 'commit') this.emitTrust(agent, roundNo);
  }

  /**
   * The roster indices of an outcome's quorum, in its order: one array per quorum list, shared
   * by the `committed` events of every replica committing that outcome (events are never
   * edited). A pure cache by the list's identity.
   */
  private quorumIndices(ids: readonly string[]): number[] {
    let indices = this.quorumIndexCache.get(ids);
    if (indices === undefined) {
      indices = ids.map((id) => this.index(id));
      this.quorumIndexCache.set(ids, indices);
    }
    return indices;
  }

  /** Sorted roster indices of ids the engine itself wrote. */
  private indices(ids: readonly string[]): number[] {
    return ids.map((id) => this.index(id)).sort((a, b) => a - b);
  }

  /** What the replica learned from the commit: its trust row and everyone's reputation. */
  private emitTrust(agent: number, roundNo: number): void {
    const store = this.agents[agent]!.store;
    const me = this.roster[agent]!;
    const axisTrust = axisTrustRows(store, me, this.roster);
    // Fresh rows of values rounded to 4 places (`round4`): nothing for `emit` to round or copy.
    this.emitRounded({
      t: this.tick, kind: 'trustUpdated', agent, roundNo,
      trust: this.roster.map((peer) => round4(store.trust(me, peer))),
      reputation: this.roster.map((peer) => round4(store.reputation(peer))),
      ...(axisTrust ? { axisTrust } : {}),
    });
  }

  private transportHooks() {
    return {
      emit: (event: SimEvent) => this.emit(event),
      schedule: (tick: number, id: number, from: number, to: number, payload: EnginePayload, garbled: boolean) => {
        if (tick <= this.tick) this.fail(`a message sent at tick ${this.tick} is delivered at ${tick}`);
        this.queue.pushDelivery(tick, id, from, to, payload, garbled);
      },
      describe: (payload: EnginePayload) => {
        if (payload.type === 'CP' || payload.type === 'CV') return { view: 0 };
        return {
          view: 'view' in payload ? payload.view : payload.type === 'R' ? payload.round.view : payload.cert.view,
          ...(payload.type === 'V' ? { phase: payload.phase } : {}),
        };
      },
    };
  }

  /** What accountability reads of this engine and asks of it. */
  private accountabilityHost() {
    return {
      scenario: this.scenario,
      now: () => this.tick,
      faults: this.faults,
      verifyMemo: this.verifyMemo,
      agents: this.agents,
      keysOf: (agent: number) => this.caches.keys[agent]!,
      emit: (event: SimEvent) => this.emit(event),
      send: (from: number, to: number, payload: EnginePayload) => this.transport.send(from, to, payload, this.tick),
      scheduleDeadline: (tick: number, proposalId: string) => {
        this.queue.push(tick, { kind: 'accusationDeadline', proposalId });
      },
      roundOf: (agent: number) => replicaOf(this.machines[agent]!).roundNo,
      isDown: (agent: number) => this.isDown(agent),
      onQuarantine: (accused: number, accuser: number, proposalId: string, roundNo: number) =>
        this.monitors.onQuarantine(accused, accuser, proposalId, roundNo),
    };
  }

  protected dispatch(item: Scheduled): void {
    switch (item.kind) {
      case 'deliver':
        if (this.isDown(item.to)) {
          this.emit({ t: this.tick, kind: 'messageRejected', id: item.id, agent: item.to, reason: 'recipient is down' });
        } else if (item.garbled) {
          this.emit({ t: this.tick, kind: 'messageRejected', id: item.id, agent: item.to, reason: 'garbled payload' });
        } else if (this.accountability?.ignores(item.to, item.from)) {
          this.emit({ t: this.tick, kind: 'messageRejected', id: item.id, agent: item.to, reason: 'sender is quarantined' });
        } else if (item.payload.type === 'CP' || item.payload.type === 'CV') {
          this.accountability?.onMessage(item.to, item.id, item.payload);
        } else {
          const { payload } = item;
          this.accountability?.onDelivered(item.to, payload);
          if (payload.type === 'E' && typeof payload.record?.commitment === 'string') {
            this.monitors.onEvaluationDelivered(payload.roundId, payload.record.commitment, item.to);
          }
          this.step(item.to, { kind: 'message', from: item.from, id: item.id, payload });
        }
        return;
      case 'timer':
        if (!this.isDown(item.agent)) this.step(item.agent, { kind: 'timer', timer: item.timer, roundNo: item.roundNo, view: item.view });
        return;
      case 'restart':
        if (!this.isDown(item.agent)) this.step(item.agent, { kind: 'restart' });
        return;
      case 'accusationDeadline':
        this.accountability?.onDeadline(item.proposalId);
        return;
    }
  }

  protected applyAction(action: ManualAction): void {
    // 'tamper-audit' acts on the Council's audit chain; ResonanceBFT has none.
    if (action.do === 'tamper-audit') return;
    const restarted = this.transport.applyAgentAction(action, this.tick);
    if (restarted !== null) this.step(restarted, { kind: 'restart' });
  }

  /** Complete when every replica that is not Byzantine and not down has decided every round. */
  protected afterItem(): boolean {
    // Policy: this runs after every event of the run (2·10⁶ at n = 1000), so the replicas
    // that are settled for good (every round decided, Byzantine or silenced: none of these
    // ever reverts) are skipped from the front once, and the scan stops at the first replica
    // still owed a decision. A crash can end, so crashed replicas are never settled for good.
    const { machines } = this;
    while (this.settled < machines.length && this.settledForGood(replicaOf(machines[this.settled]!))) {
      this.settled += 1;
    }
    for (let index = this.settled; index < machines.length; index++) {
      const replica = replicaOf(machines[index]!);
      if (this.settledForGood(replica)) continue;
      if (!this.transport.isCrashed(index)) return false;
    }
    return true;
  }

  /** The replica owes no decision now or later: it decided every round, or is faulty. */
  private settledForGood(replica: ReplicaState): boolean {
    if (replica.committedRounds >= this.scenario.rounds) return true;
    return this.faults.isByzantine(replica.index) || this.faults.silentStarted(replica.index);
  }

  protected onRunEnd(reason: EndReason): void {
    this.monitors.onRunEnd();
    const commits = roundsCommitted(this.events);
    const viewChanges = distinctViewChanges(this.events);
    const stall = reason === 'completed' ? null : stallDetail(this, reason);
    this.emit({ t: this.tick, kind: 'runEnded', reason, commits, viewChanges, ...(stall ?? {}) });
  }
}

function pick(effect: Extract<Effect, { kind: 'timer' }>) {
  return { timer: effect.timer, roundNo: effect.roundNo, view: effect.view };
}

export type { ResonanceCaches, ResonanceSnapshot, Round };
