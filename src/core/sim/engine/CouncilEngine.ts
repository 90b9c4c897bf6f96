import { ConsensusProtocol, type ConsensusProtocolState } from '../../council';
import { agentKeyPair, VerifyMemo, type KeyPair } from '../../crypto';
import type { ManualAction, ResolvedScenario } from '../scenario';
import { cloneSnapshot } from './cloneSnapshot';
import { CouncilMonitors, type CouncilMonitorsState } from './councilMonitors';
import type { CouncilEngineView, CouncilScheduled } from './councilEngineView';
import { CouncilProtocol, type CouncilProtocolState } from './councilProtocol';
import { councilLedger, garbledPayload, type CouncilPayload } from './councilVoting';
import { SimEngine, type EndReason, type LoopState, type RestoreSources } from './eventLoop';
import { FaultBook, type FaultBookState } from './faultBook';
import { Transport, type TransportState } from './Transport';
import type { SimEvent } from './traceEvents';

type Scheduled = CouncilScheduled;

export interface CouncilEngineResult {
  events: SimEvent[];
  traceHash: string;
  ticks: number;
}

/**
 * Everything of a Council engine that changes during a run, as plain data: what `restore`
 * rebuilds an engine from. The trace is not in it, only its length (see `SimEngine`).
 */
export interface CouncilSnapshot {
  protocol: 'council';
  loop: LoopState<Scheduled>;
  transport: TransportState;
  faults: FaultBookState;
  /** The ledger: proposals, votes and the audit chain (tampered entries included). */
  ledger: ConsensusProtocolState;
  /** Rounds, leans and the voters' and targets' streams. */
  council: CouncilProtocolState;
  monitors: CouncilMonitorsState;
}

/**
 * Work an engine restored from a snapshot may share with the one it came from, each a pure
 * function of its keys (never state): signature verdicts and the key pairs derived so far.
 */
export interface CouncilCaches {
  verifyMemo: VerifyMemo;
  /** By agent index, each `agentKeyPair(seed, id)` once first used. */
  keys: (KeyPair | undefined)[];
}

/**
 * The discrete-event engine of a Council scenario (SPEC §3, §5): each round a proposer
 * broadcasts a signed proposal, voters decide from their persona and faults and send signed
 * votes through the network model, the coordinator records the valid ones in the council
 * ledger and tallies when every vote is in or at the deadline, and an approved proposal is
 * executed. Every step is a trace event and an audit-chain entry. Deterministic in the
 * scenario, like the ResonanceBFT engine whose queue, network and fault book it shares.
 *
 * Policy: one ledger, a single `ConsensusProtocol` whose clock is the engine's tick, stands
 * for the council's shared log; each round's proposer acts as its coordinator. The Council
 * (reference §1.3) is one object with one audit chain and sequential proposal ids; giving each
 * voter its own replica would need a replication protocol the Council does not have (that is
 * ResonanceBFT's job), and replicas recording votes at different ticks would hold different
 * chains. What is distributed is everything that reaches the ledger: proposals and votes are
 * messages that can be late, lost, garbled or forged, and only votes whose signature verifies
 * are recorded.
 */
export class CouncilEngine extends SimEngine<Scheduled> implements CouncilEngineView {
  readonly roster: string[];
  readonly ledger: ConsensusProtocol;
  readonly faults: FaultBook;
  readonly verifyMemo: VerifyMemo;
  readonly caches: CouncilCaches;
  readonly monitors: CouncilMonitors;
  private readonly protocol: CouncilProtocol;
  private readonly transport: Transport<CouncilPayload>;

  /**
   * A run of `scenario` at tick 0. `restoring` is how `restore` and `checkpoint` rebuild an
   * engine instead: it takes the snapshot over without copying it, so call those rather than
   * passing one here.
   */
  constructor(
    scenario: ResolvedScenario,
    restoring?: RestoreSources<CouncilCaches> & { snapshot: CouncilSnapshot },
  ) {
    const saved = restoring?.snapshot;
    super(scenario, saved && { loop: saved.loop, trace: restoring.trace });
    const { n } = scenario;
    this.roster = Array.from({ length: n }, (_, index) => `a${index}`);
    this.caches = restoring?.caches ?? { verifyMemo: new VerifyMemo(), keys: new Array(n) };
    this.verifyMemo = this.caches.verifyMemo;
    this.faults = new FaultBook(scenario, () => this.tick, saved?.faults);
    const hooks = this.transportHooks();
    this.transport = new Transport<CouncilPayload>(scenario, this.faults, hooks, saved?.transport);
    this.ledger = councilLedger(scenario, () => this.tick, (event) => this.emit(event));
    if (saved) this.ledger.adopt(saved.ledger);
    this.monitors = new CouncilMonitors(this, saved?.monitors);
    this.protocol = new CouncilProtocol(this, saved?.council);
    if (!saved && scenario.rounds > 0) this.schedule(0, { kind: 'startRound', roundNo: 1 });
  }

  /**
   * An engine at the snapshot's tick that runs on exactly as the one it was taken from (the
   * same events, the same trace hash), ledger and audit chain included. The snapshot is
   * copied, never kept, so one snapshot restores any number of independent engines.
   */
  static restore(
    scenario: ResolvedScenario,
    snapshot: CouncilSnapshot,
    from: RestoreSources<CouncilCaches>,
  ): CouncilEngine {
    return new CouncilEngine(scenario, { ...from, snapshot: cloneSnapshot(snapshot) });
  }

  /**
   * Everything that changes during the run, as one plain-data copy (`CouncilSnapshot`),
   * independent of this engine. structuredClone-safe; the trace is not in it.
   */
  snapshot(): CouncilSnapshot {
    return cloneSnapshot(this.state());
  }

  /**
   * A checkpoint: an independent engine at this tick that runs on exactly as this one will
   * (`restore` of a snapshot, copied once), sharing this engine's caches.
   */
  checkpoint(): CouncilEngine {
    const { events: trace, caches } = this;
    return new CouncilEngine(this.scenario, { snapshot: this.snapshot(), trace, caches });
  }

  /** Every part's state by reference (not a copy); `snapshot` copies it whole. */
  private state(): CouncilSnapshot {
    return {
      protocol: 'council',
      loop: this.loopState(),
      transport: this.transport.state(),
      faults: this.faults.state(),
      ledger: this.ledger.state(),
      council: this.protocol.state(),
      monitors: this.monitors.state(),
    };
  }

  /** The ledger now: proposals by status and the audit chain's verdict, for the panels. */
  inspect(): { proposals: number; open: number; auditEntries: number; firstInvalid: number | null } {
    const { firstInvalid } = this.ledger.verifyAuditChainDetailed();
    return {
      proposals: this.ledger.listProposals().length,
      open: this.ledger.listProposals('open').length,
      auditEntries: this.ledger.auditLength,
      firstInvalid,
    };
  }

  /** Runs to the end: every round tallied, or maxTicks, or nothing left to happen. */
  run(): CouncilEngineResult {
    this.runUntil(Infinity);
    return this.result();
  }

  result(knownHash?: string): CouncilEngineResult {
    return this.traceResult(knownHash);
  }

  /** The agent's key pair (secret = sha256(`bft-lab:key:{seed}:a{i}`)), derived on first use. */
  keyOf(agent: number): KeyPair {
    const keys = this.caches.keys;
    let pair = keys[agent];
    if (pair === undefined) {
      pair = agentKeyPair(this.scenario.seed, this.roster[agent]!);
      keys[agent] = pair;
    }
    return pair;
  }

  /** The roster's public key of a voter id, or null when the id is not a voter. */
  pubkeyOf(voterId: string): string | null {
    const agent = this.indexOf(voterId);
    return agent === null ? null : this.keyOf(agent).publicKeyHex;
  }

  isDown(agent: number): boolean {
    return this.transport.isDown(agent, this.tick);
  }

  /**
   * The first tick after now at which a down agent may come back: the end of a `silent`
   * fault or the next manual action (a restart). Null when no such tick is ahead.
   */
  nextRecoveryTick(): number | null {
    let wake = this.nextActionTick();
    for (const fault of this.scenario.faults) {
      if (fault.kind !== 'silent' || fault.until === null || fault.until <= this.tick) continue;
      wake = Math.min(wake, fault.until);
    }
    return wake === Infinity ? null : wake;
  }

  schedule(tick: number, item: Scheduled): void {
    this.queue.push(tick, item);
  }

  /** Sends one message through the shared transport (network model, losses, garbling). */
  send(from: number, to: number, payload: CouncilPayload): void {
    this.transport.send(from, to, payload, this.tick);
  }

  private transportHooks() {
    return {
      emit: (event: SimEvent) => this.emit(event),
      schedule: (tick: number, id: number, from: number, to: number, payload: CouncilPayload, garbled: boolean) =>
        this.queue.pushDelivery(tick, id, from, to, payload, garbled),
      // Council messages belong to no view; a garbled one arrives with a broken signature.
      describe: () => ({ view: 0 }),
      garble: garbledPayload,
    };
  }

  protected dispatch(item: Scheduled): void {
    switch (item.kind) {
      case 'deliver':
        if (this.isDown(item.to)) {
          const reason = 'recipient is down';
          this.emit({ t: this.tick, kind: 'messageRejected', id: item.id, agent: item.to, reason });
        } else if (item.payload.type === 'CP') {
          this.protocol.onProposal(item.to, item.id, item.payload);
        } else {
          this.protocol.onVote(item.to, item.id, item.payload);
        }
        return;
      case 'startRound':
        this.protocol.startRound(item.roundNo);
        return;
      case 'deadline':
        this.protocol.onDeadline(item.roundNo);
        return;
    }
  }

  /** A manual action (SPEC §4), applied before anything else due that tick. */
  protected applyAction(action: ManualAction): void {
    if (action.do === 'tamper-audit') this.tamperAudit(action.index ?? 0, action.agent ?? null);
    else this.transport.applyAgentAction(action, this.tick);
  }

  /** Monitors after every item; complete once every round is tallied. */
  protected afterItem(): boolean {
    this.monitors.afterEvent();
    return this.protocol.roundsTallied >= this.scenario.rounds;
  }

  /**
   * Edits one stored audit entry without re-hashing it, as a teacher does from the audit
   * panel. Policy: a vote entry gets its value flipped (someone rewrote a vote after the
   * fact); any other entry gets a `tamperedBy` field in its data. Either way the entry's
   * stored hash no longer matches, so verification fails at `index`. An index the log does
   * not hold yet changes nothing and is recorded as not applied.
   */
  private tamperAudit(index: number, agent: number | null): void {
    const entry = this.ledger.auditEntry(index);
    if (entry !== undefined) {
      const data = { ...entry.data };
      if (entry.eventType === 'vote') {
        data['value'] = data['value'] === 'approve' ? 'reject' : 'approve';
      } else {
        data['tamperedBy'] = agent === null ? 'user' : this.roster[agent]!;
      }
      this.ledger.tamperAudit(index, { data });
    }
    const { firstInvalid } = this.ledger.verifyAuditChainDetailed();
    const applied = entry !== undefined;
    this.emit({ t: this.tick, kind: 'auditTampered', index, agent, applied, firstInvalid });
  }

  protected onRunEnd(reason: EndReason): void {
    this.monitors.onRunEnd();
    const executed = this.events.filter((event) => event.kind === 'councilExecuted').length;
    // Policy: for the Council, `commits` counts executed proposals (decisions acted on).
    this.emit({ t: this.tick, kind: 'runEnded', reason, commits: executed, viewChanges: 0 });
  }
}
