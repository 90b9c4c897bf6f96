import {
  AXES,
  beliefDigest,
  checkRecords,
  faultBound,
  findEquivocations,
  reconciledSemantics,
  verifyEquivocationCertificate,
  type Outcome,
  type Round,
  type SealedRecord,
} from '../../resonance';
import { isBoxValid, trimmedMean } from '../../vec';
import { round4 } from './axisData';
import type { EngineView } from './engineView';

/** What the monitors reads of the engine. */
type MonitoredEngine = Pick<EngineView, 'emit' | 'events' | 'faults' | 'index' | 'indexOf' | 'scenario' | 'tick' | 'verifyMemo' | 'memo' | 'agents'>;
import type { Certificate, Value } from './replica/types';
import {
  accountabilityInvariantName,
  invariantNames,
  type InvariantName,
  type ValidityBox,
} from './traceEvents';
import { unsafeAt } from './unsafeAt';

/** The first honest decision of a round: what the run decided. */
export interface FirstCommit {
  agent: number;
  roundId: string;
  /** The committed winner; null when the round was decided as "no agreement". */
  winner: string | null;
  decision: Value['decision'];
  digest: string;
  /** The view whose commit certificate decided it. */
  view: number;
  tick: number;
  outcome: Outcome;
}

export interface InvariantStatus {
  name: InvariantName;
  ok: boolean;
  detail: string;
}

/** What the monitors have seen so far, as plain data. */
export interface MonitorsState {
  firstCommit: Map<number, FirstCommit>;
  /** Every record sent, by round id, as one-record evaluation sets. */
  sentRecords: Map<string, Record<string, SealedRecord>[]>;
  /** `roundId|commitment` → the first honest agent that received that record. */
  firstHolders: Map<string, number>;
  violations: Map<InvariantName, string>;
  /** `name:roundNo` of every violation recorded. */
  seen: Set<string>;
  lastCommitTick: number;
  viewTimeoutPeaks: { tick: number; ticks: number }[];
}

/** View timeouts after the last heal within which a connected quorum must commit. */
export const livenessTimeoutsMax = 4;

/**
 * The invariant monitors of SPEC §5, fed by the engine as events happen. A violation is
 * recorded as an `invariantViolated` event with its evidence, once per invariant and round.
 * Only honest replicas (no Byzantine fault) count: a Byzantine replica may "commit" anything.
 */
export class Monitors {
  private readonly firstCommit: Map<number, FirstCommit>;
  private readonly sentRecords: Map<string, Record<string, SealedRecord>[]>;
  /** `roundId|commitment` → the first honest agent that received that record. */
  private readonly firstHolders: Map<string, number>;
  private readonly violations: Map<InvariantName, string>;
  private readonly seen: Set<string>;
  private lastCommitTick: number;
  /** Each time a longer view timeout than any before was armed: (tick, ticks); at most a few. */
  private readonly viewTimeoutPeaks: { tick: number; ticks: number }[];

  /** `state`: what a restored engine's monitors had seen (taken over, not copied). */
  constructor(private readonly engine: MonitoredEngine, state?: MonitorsState) {
    this.firstCommit = state?.firstCommit ?? new Map();
    this.sentRecords = state?.sentRecords ?? new Map();
    this.firstHolders = state?.firstHolders ?? new Map();
    this.violations = state?.violations ?? new Map();
    this.seen = state?.seen ?? new Set();
    this.lastCommitTick = state?.lastCommitTick ?? -1;
    this.viewTimeoutPeaks = state?.viewTimeoutPeaks ?? [];
  }

  /** Everything seen so far, by reference (not a copy): for an engine snapshot, which copies it. */
  state(): MonitorsState {
    const { firstCommit, sentRecords, firstHolders, violations, seen, lastCommitTick, viewTimeoutPeaks } = this;
    return { firstCommit, sentRecords, firstHolders, violations, seen, lastCommitTick, viewTimeoutPeaks };
  }

  onEvaluationSent(roundId: string, record: SealedRecord): void {
    const list = this.sentRecords.get(roundId) ?? [];
    list.push({ [record.aid]: record });
    this.sentRecords.set(roundId, list);
  }

  /** An honest replica received a sealed record: the first such holder is named in a certificate. */
  onEvaluationDelivered(roundId: string, commitment: string, to: number): void {
    if (this.engine.faults.isByzantine(to)) return;
    const key = `${roundId}|${commitment}`;
    if (!this.firstHolders.has(key)) this.firstHolders.set(key, to);
  }

  /**
   * The latest record sent under `aid` so far (the second, for an equivocator), with its
   * round id: what the agent inspector verifies. Null before the agent sealed anything.
   */
  lastSentRecord(aid: string): { roundId: string; record: SealedRecord } | null {
    let latest: { roundId: string; record: SealedRecord } | null = null;
    for (const [roundId, list] of this.sentRecords) {
      for (const evaluations of list) {
        const record = evaluations[aid];
        if (record !== undefined && Object.hasOwn(evaluations, aid)) latest = { roundId, record };
      }
    }
    return latest;
  }

  /**
   * An honest replica decided `value`. Agreement (SPEC §3): every honest replica that decides a
   * round decides the same proposal (its digest covers round id, evidence, decision and
   * winner); each decision is backed by 2f+1 verified commit votes; a committed centroid lies
   * in the honest box.
   */
  onDecide(agent: number, roundNo: number, value: Value, digest: string, outcome: Outcome, cert: Certificate): void {
    if (this.engine.faults.isByzantine(agent)) return;
    this.lastCommitTick = this.engine.tick;
    const first = this.firstCommit.get(roundNo);
    if (!first) {
      const { roundId, decision, winner } = value;
      this.firstCommit.set(roundNo, { agent, roundId, winner, decision, digest, outcome, view: cert.view, tick: this.engine.tick });
      if (decision === 'commit') this.checkValidity(roundNo, value.round, outcome);
    } else if (first.digest !== digest) {
      this.violate('agreement', roundNo,
        `round ${roundNo}: a${agent} decided ${describe(value.decision, value.winner, value.roundId)} but ` +
        `a${first.agent} decided ${describe(first.decision, first.winner, first.roundId)}`);
    }
    const n = this.engine.scenario.n;
    const needed = 2 * faultBound(n) + 1;
    const signed = new Uint8Array(n);
    let distinct = 0;
    for (const vote of cert.votes) {
      const index = this.engine.indexOf(vote.aid);
      if (index !== null && signed[index] === 0) {
        signed[index] = 1;
        distinct += 1;
      }
    }
    if (distinct < needed) {
      this.violate('certified-commits', roundNo,
        `round ${roundNo}: a${agent} decided on ${distinct} verified commit votes; 2f+1 = ${needed} for n = ${n}`);
    }
  }

  /** A replica armed a view timer (its timeout grows after unsuccessful leader rotations). */
  onViewTimerArmed(tick: number, ticks: number): void {
    if (ticks > (this.viewTimeoutPeaks.at(-1)?.ticks ?? 0)) this.viewTimeoutPeaks.push({ tick, ticks });
  }

  /**
   * A quarantine executed (accountability): no honest agent may ever be quarantined. Honest
   * here is "no Byzantine fault"; a crashed agent is honest.
   */
  onQuarantine(accused: number, accuser: number, proposalId: string, roundNo: number): void {
    if (this.engine.faults.isByzantine(accused)) return;
    this.violate(accountabilityInvariantName, roundNo,
      `round ${roundNo}: honest a${accused} was quarantined by proposal ${proposalId} ` +
      `on a proof from a${accuser} that does not verify`);
  }

  /** Equivocation certificates and liveness are judged once the run is over. */
  onRunEnd(): void {
    this.checkEquivocation();
    this.checkLiveness();
  }

  /** The first honest commit of each round, by round number. */
  commits(): ReadonlyMap<number, FirstCommit> {
    return this.firstCommit;
  }

  statuses(): InvariantStatus[] {
    // Policy: the accountability monitor is listed only when accountability is on, so the
    // summary of every run without it stays exactly as it was.
    const names: InvariantName[] = [...invariantNames];
    if (this.engine.scenario.resonance.accountability) names.push(accountabilityInvariantName);
    return names.map((name) => {
      const detail = this.violations.get(name);
      return { name, ok: detail === undefined, detail: detail ?? this.notJudged(name) ?? okDetail[name] };
    });
  }

  private checkValidity(roundNo: number, round: Round, outcome: Outcome): void {
    if (this.checkQuorumSigned(roundNo, round, outcome)) this.checkCentroid(roundNo, round, outcome);
  }

  /**
   * Validity, first half: every record the committed quorum counts verifies, seal and
   * signature, under its agent's own roster key. A quorum that counts a record its agent never
   * signed (forged, impersonated, or edited after sealing) was not the agents' decision;
   * with the seal checks switched off (`unsafe.seal`) this is what breaks. Returns whether it held.
   */
  private checkQuorumSigned(roundNo: number, round: Round, outcome: Outcome): boolean {
    const { agents, memo } = this.engine;
    const keys = Object.fromEntries(agents.map((agent) => [agent.id, agent.publicKey]));
    const bound: Round = { ...round, identityPubkeys: keys, requireIdentityBinding: true };
    const verdicts = new Map(checkRecords(bound, memo, true).map((verdict) => [verdict.aid, verdict]));
    const unsigned = outcome.quorumAgents.filter((aid) => verdicts.get(aid)?.tampered !== false);
    if (unsigned.length === 0) return true;
    const why = unsigned.map((aid) => `${aid} (${verdicts.get(aid)?.reason ?? 'missing'})`).join(', ');
    this.violate('validity', roundNo,
      `round ${roundNo}: the committed quorum counts records their agents did not sign as sent: ${why}`);
    return false;
  }

  /** Validity, second half: the committed centroid lies in the box of the honest vectors. */
  private checkCentroid(roundNo: number, round: Round, outcome: Outcome): void {
    const { scenario, faults, memo } = this.engine;
    const unsafe = unsafeAt(scenario.resonance, this.engine.tick);
    const verdicts = checkRecords(round, memo, unsafe.seal !== 'off').filter((v) => v.inspection.wellFormed);
    const semantics = reconciledSemantics(verdicts, scenario.resonance.embed);
    const clean = verdicts.filter((v) => !v.tampered);
    const included = clean.length > 0 ? clean : verdicts;
    const honest = clean.filter((v) => !faults.isByzantine(this.engine.index(v.aid)));
    if (honest.length === 0) return;
    const f = unsafe.membership === 'present' ? outcome.f : faultBound(scenario.n);
    for (const axis of AXES) {
      const vectorOf = (v: (typeof verdicts)[number]) => (axis === 'semantic' ? semantics.get(v.aid)! : v.inspection.axes![axis]);
      const k = included.length;
      const trim = unsafe.centroid === 'mean' ? 0 : unsafe.trim === 'arrived' ? Math.floor((k - 1) / 3) : f;
      const centroid = trimmedMean(included.map(vectorOf), trim);
      if (!isBoxValid(honest.map(vectorOf), 0, centroid)) {
        const index = (v: (typeof verdicts)[number]) => this.engine.index(v.aid);
        const counted = included.map((v) => ({ agent: index(v), vector: vectorOf(v) }));
        const box = validityBox(axis, centroid, honest.map(vectorOf), counted, (agent) => faults.isByzantine(agent));
        this.violate('validity', roundNo,
          `round ${roundNo}: the committed ${axis} centroid lies outside the box of the honest agents' ${axis} vectors`,
          box);
        return;
      }
    }
  }

  private checkEquivocation(): void {
    const rounds: Round[] = [];
    for (const [roundId, list] of this.sentRecords) {
      for (const evaluations of list) rounds.push({ id: roundId, evaluations } as Round);
    }
    const { memo, verifyMemo } = this.engine;
    const certificates = findEquivocations(rounds, verifyMemo, (aid, record) => memo.inspect(aid, record));
    for (const cert of certificates) {
      const valid = verifyEquivocationCertificate(cert, this.engine.verifyMemo);
      const roundNo = this.roundNoOf(cert.roundId);
      const records = cert.entries.map((entry) => ({
        commitment: entry.commitment,
        says: entry.evalText,
        signature: entry.signature,
        verifies: this.engine.verifyMemo.verify(
          entry.signature, beliefDigest(entry.commitment, entry.evalText, cert.roundId, cert.aid), cert.pubkey,
        ),
        heldBy: this.firstHolders.get(`${cert.roundId}|${entry.commitment}`) ?? null,
      }));
      this.engine.emit({
        t: this.engine.tick, kind: 'certificateFound', accused: this.engine.index(cert.aid), roundNo,
        roundId: cert.roundId, valid, pubkey: cert.pubkey, records,
      });
      if (!valid) this.violate('equivocation', roundNo, `the certificate against ${cert.aid} does not verify`);
    }
  }

  /**
   * Policy: liveness after a heal is judged only on a network that loses no message at random.
   * Messages are not retransmitted, so with random loss no protocol commits within a bounded
   * number of timeouts (four live agents of five must each hear all three others in three
   * phases: about 0.5% of views succeed at drop 0.15); there the share of rounds decided
   * measures liveness instead (SPEC §9), and the monitor says it did not judge.
   */
  private notJudged(name: InvariantName): string | null {
    const drop = this.engine.scenario.network.drop;
    if (name !== 'liveness-after-heal' || drop === 0) return null;
    return `not judged: messages are lost at random (drop ${drop}); the share of rounds decided measures liveness`;
  }

  private checkLiveness(): void {
    const { scenario } = this.engine;
    const partitions = scenario.network.partitions;
    if (scenario.network.drop > 0) return;
    if (partitions.length === 0 || partitions.some((p) => p.healAt === null)) return;
    const healTick = Math.max(...partitions.map((p) => p.healAt as number));
    // The view timeout in force at the heal: the longest any replica had armed by then.
    let timeoutTicks = scenario.resonance.viewTimeout;
    for (const peak of this.viewTimeoutPeaks) if (peak.tick <= healTick) timeoutTicks = peak.ticks;
    const deadline = healTick + livenessTimeoutsMax * timeoutTicks;
    const allDone = this.firstCommit.size >= scenario.rounds;
    if (this.engine.tick > deadline && this.lastCommitTick < healTick && !allDone) {
      this.violate('liveness-after-heal', null,
        `no commit within ${livenessTimeoutsMax} view timeouts (${deadline - healTick} ticks) of the heal at tick ${healTick}`);
    }
  }

  private roundNoOf(roundId: string): number {
    for (const event of this.engine.events) {
      if (event.kind === 'roundProposed' && event.roundId === roundId) return event.roundNo;
    }
    return 0;
  }

  private violate(name: InvariantName, roundNo: number | null, detail: string, box?: ValidityBox): void {
    const key = `${name}:${roundNo}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (!this.violations.has(name)) this.violations.set(name, detail);
    this.engine.emit({ t: this.engine.tick, kind: 'invariantViolated', name, detail, roundNo, ...(box ? { box } : {}) });
  }
}

/** The coordinate where `centroid` lies farthest outside the honest box, with what to draw. */
function validityBox(
  axis: string,
  centroid: readonly number[],
  honest: readonly (readonly number[])[],
  counted: readonly { agent: number; vector: readonly number[] }[],
  isByzantine: (agent: number) => boolean,
): ValidityBox {
  let worst = { coordinate: 0, outside: -Infinity, min: 0, max: 0 };
  for (let coordinate = 0; coordinate < centroid.length; coordinate++) {
    const column = honest.map((vector) => vector[coordinate] ?? 0);
    const min = Math.min(...column);
    const max = Math.max(...column);
    const value = centroid[coordinate] ?? 0;
    const outside = Math.max(min - value, value - max);
    if (outside > worst.outside) worst = { coordinate, outside, min, max };
  }
  const { coordinate } = worst;
  return {
    axis,
    coordinate,
    box: [round4(worst.min), round4(worst.max)],
    centroid: round4(centroid[coordinate] ?? 0),
    values: counted
      .map(({ agent, vector }): [number, number] => [agent, round4(vector[coordinate] ?? 0)])
      .sort((a, b) => a[0] - b[0]),
    byzantine: counted.map(({ agent }) => agent).filter(isByzantine).sort((a, b) => a - b),
  };
}

function describe(decision: Value['decision'], winner: string | null, roundId: string): string {
  const what = decision === 'commit' ? `commit of ${winner}` : '"no agreement"';
  return `${what} (round ${roundId.slice(0, 8)})`;
}

const okDetail: Record<InvariantName, string> = {
  agreement: 'no two honest replicas decided different values for a round',
  validity: 'every committed quorum was signed by its agents and its centroid lies inside the honest box',
  integrity: 'no audit chain in this protocol was broken',
  equivocation: 'every equivocation produced a certificate that verifies',
  'certified-commits': 'every honest commit was backed by 2f+1 verified commit votes',
  'liveness-after-heal': 'a connected quorum committed after every heal',
  'no-honest-quarantine': 'no honest agent was quarantined: every executed quarantine named a Byzantine agent',
};
