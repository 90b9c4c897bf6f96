import { AssertionError } from '../../assert';
import {
  ConsensusProtocol,
  isCritical,
  ProposalAction,
  ProposalStatus,
  type ConsensusProtocolState,
  type VoteValueT,
} from '../../council';
import { signHex, type KeyPair, type VerifyMemo } from '../../crypto';
import {
  beliefDigest,
  faultBound,
  inspectRecord,
  type EquivocationCertificate,
  type EquivocationEntry,
  type ResonanceAgent,
  type SealedRecord,
} from '../../resonance';
import { roundHalfEven } from '../../roundHalfEven';
import type { ResolvedScenario } from '../scenario';
import {
  accusationDigest,
  accusationVote,
  forgedProof,
  proofHolds,
  type AccusationMessage,
  type AccusationPayload,
} from './accusation';
import { councilLedger, tallyDeadline, voteDigest, type VoteMessage } from './councilVoting';
import type { FaultBook } from './faultBook';
import type { Payload } from './replica/types';
import type { SimEvent } from './traceEvents';

/** What accountability needs of the ResonanceBFT engine. */
export interface AccountabilityHost {
  readonly scenario: ResolvedScenario;
  /** The engine's tick now. */
  now(): number;
  readonly faults: FaultBook;
  readonly verifyMemo: VerifyMemo;
  readonly agents: readonly ResonanceAgent[];
  keysOf(agent: number): KeyPair;
  emit(event: SimEvent): void;
  send(from: number, to: number, payload: AccusationPayload): void;
  scheduleDeadline(tick: number, proposalId: string): void;
  /** The round the agent's replica is in now. */
  roundOf(agent: number): number;
  isDown(agent: number): boolean;
  onQuarantine(accused: number, accuser: number, proposalId: string, roundNo: number): void;
}

type ProofRecord = Extract<SimEvent, { kind: 'proofSubmitted' }>['records'][number];

/** One accusation put to the vote. */
export interface Accusation {
  proposalId: string;
  accuser: number;
  accused: number;
  roundNo: number;
  forged: boolean;
  tallied: boolean;
}

/** What changes in accountability during a run, as plain data. */
export interface AccountabilityState {
  ledger: ConsensusProtocolState;
  /** `roundId|aid` → each distinct verified record of that agent in that round, with its holders. */
  holdings: Map<string, { entry: EquivocationEntry; pubkey: string; holders: number[] }[]>;
  accusations: Accusation[];
  /** Accused agent → the round from which honest replicas ignore it. */
  quarantined: Map<number, number>;
  /** `accuse` agents that have made their accusation. */
  accusersDone: number[];
}

/**
 * Round ids whose records are kept for proofs. Policy: an equivocation shows within the round
 * it happens (the leader's proposal carries the other half), so older rounds are let go.
 */
export const proofRoundsKept = 8;

/**
 * Approvals a quarantine needs besides the Council's own rules: more than f, so at least one
 * approver is honest, and an honest voter approves only a proof it checked and found to hold.
 * Policy: the Council's rules weigh the votes that were cast, so when drops lose honest votes a
 * forger's approval can tie the accused's rejection and pass the majority line (hunt seed 877
 * with --accountability); a count above f is the bound no f Byzantine voters can reach alone,
 * whatever their weights.
 */
export function quarantineApproversNeeded(n: number): number {
  return faultBound(n) + 1;
}

/** Reputation an accuser loses in a voter's store when its proof fails: an outlier's loss. */
export const falseAccusationReputationLoss = 0.28;

/**
 * Accountability inside a ResonanceBFT run (SPEC §5): honest replicas that come to hold two
 * validly signed, different records of one agent for one round (an equivocation certificate)
 * propose its quarantine to the Council with the proof attached; every voter checks the proof
 * before it votes; the accuser coordinates and tallies with the Council's rules (one
 * `ConsensusProtocol` ledger, its weights, quorum, thresholds, expiry and audit chain); once a
 * quarantine executes, honest replicas ignore the accused from their next round on.
 *
 * Policy: one ledger for the whole run stands for the Council's shared log, as in the Council
 * engine; what is distributed is everything that reaches it (the accusation and the votes are
 * messages that can be late, lost or garbled). An agent is accused at most once at a time: a
 * new proof is put to the vote only when no accusation against it is open or executed.
 */
export class Accountability {
  readonly ledger: ConsensusProtocol;
  private readonly holdings: AccountabilityState['holdings'];
  private readonly accusations: Accusation[];
  private readonly quarantined: Map<number, number>;
  private readonly accusersDone: Set<number>;

  constructor(private readonly host: AccountabilityHost, state?: AccountabilityState) {
    this.ledger = councilLedger(host.scenario, () => host.now(), (event) => host.emit(event));
    if (state) this.ledger.adopt(state.ledger);
    this.holdings = state?.holdings ?? new Map();
    this.accusations = state?.accusations ?? [];
    this.quarantined = state?.quarantined ?? new Map();
    this.accusersDone = new Set(state?.accusersDone);
  }

  state(): AccountabilityState {
    return {
      ledger: this.ledger.state(),
      holdings: this.holdings,
      accusations: this.accusations,
      quarantined: this.quarantined,
      accusersDone: [...this.accusersDone],
    };
  }

  /** Whether an honest `recipient` ignores what `sender` sends now (quarantined, in force). */
  ignores(recipient: number, sender: number): boolean {
    const fromRound = this.quarantined.get(sender);
    if (fromRound === undefined || this.host.faults.isByzantine(recipient)) return false;
    return this.host.roundOf(recipient) >= fromRound;
  }

  /**
   * A ResonanceBFT message reached honest `to`: the signed records in it (an evaluation, or a
   * proposal's evidence) are what it holds. Two different ones of one agent and round are a
   * proof, which it submits.
   */
  onDelivered(to: number, payload: Payload): void {
    if (this.host.faults.isByzantine(to)) return;
    if (payload.type === 'E') {
      if (typeof payload.roundId === 'string' && isRecord(payload.record)) {
        this.hold(to, payload.roundId, payload.record);
      }
    } else if (payload.type === 'P') {
      const round = payload.value?.round;
      const evaluations: unknown = round?.evaluations;
      if (typeof round?.id !== 'string' || typeof evaluations !== 'object' || evaluations === null) return;
      for (const record of Object.values(round.evaluations)) {
        if (isRecord(record)) this.hold(to, round.id, record as SealedRecord);
      }
    }
  }

  /** An `accuse` agent sealed its evaluation: the first time, it submits its forged proof. */
  onAccuserSealed(agent: number, roundId: string, roundNo: number): void {
    const fault = this.host.faults.of(agent, 'accuse');
    if (fault === undefined || this.accusersDone.has(agent)) return;
    this.accusersDone.add(agent);
    const victim = fault.victim;
    const proof = forgedProof(
      this.host.keysOf(agent), `a${victim}`, this.host.agents[victim]!.publicKey, roundId,
    );
    this.submit(agent, victim, roundNo, proof, true);
  }

  onMessage(to: number, id: number, payload: AccusationPayload): void {
    if (payload.type === 'CP') this.onAccusation(to, id, payload);
    else this.onVote(to, id, payload);
  }

  onDeadline(proposalId: string): void {
    const accusation = this.accusations.find((a) => a.proposalId === proposalId);
    if (accusation) this.tally(accusation, 'deadline');
  }

  /** Every accusation so far, in the order made (plain data for the summary). */
  list(): readonly Accusation[] {
    return this.accusations;
  }

  private hold(to: number, roundId: string, record: SealedRecord): void {
    const aid = record.aid;
    const accused = agentIndex(aid, this.host.scenario.n);
    if (accused === null || accused === to || !this.verified(roundId, aid, record)) return;
    const key = `${roundId}|${aid}`;
    let list = this.holdings.get(key);
    if (list === undefined) {
      list = [];
      this.holdings.set(key, list);
      this.forgetOldRounds();
    }
    let mine = list.find((held) => held.entry.commitment === record.commitment);
    if (mine === undefined) {
      const entry = { commitment: record.commitment, evalText: record.evalText, signature: record.signature };
      mine = { entry, pubkey: record.pubkey.toLowerCase(), holders: [] };
      list.push(mine);
    }
    if (mine.holders.includes(to)) return;
    mine.holders.push(to);
    const other = list.find((held) => held !== mine && held.holders.includes(to));
    if (other === undefined || !this.mayAccuse(accused)) return;
    const entries = [other.entry, mine.entry].sort((a, b) => (a.commitment < b.commitment ? -1 : 1));
    const proof: EquivocationCertificate = { kind: 'equivocation', roundId, aid, pubkey: mine.pubkey, entries };
    this.submit(to, accused, this.host.roundOf(to), proof, false);
  }

  /** A well-formed record, sealed and signed under the roster key of the agent it names. */
  private verified(roundId: string, aid: string, record: SealedRecord): boolean {
    const index = agentIndex(aid, this.host.scenario.n);
    if (index === null || typeof record.pubkey !== 'string') return false;
    if (record.pubkey.toLowerCase() !== this.host.agents[index]!.publicKey.toLowerCase()) return false;
    const inspection = inspectRecord(aid, record);
    if (!inspection.wellFormed || record.commitment !== inspection.expectedCommitment) return false;
    const digest = beliefDigest(record.commitment, record.evalText, roundId, aid);
    return this.host.verifyMemo.verify(record.signature, digest, record.pubkey);
  }

  private forgetOldRounds(): void {
    const rounds = new Set([...this.holdings.keys()].map((key) => key.split('|')[0]));
    if (rounds.size <= proofRoundsKept) return;
    const oldest = rounds.values().next().value;
    for (const key of [...this.holdings.keys()]) if (key.startsWith(`${oldest}|`)) this.holdings.delete(key);
  }

  private mayAccuse(accused: number): boolean {
    if (this.quarantined.has(accused)) return false;
    return !this.accusations.some((a) => a.accused === accused && !a.tallied);
  }

  /** Opens the quarantine proposal, broadcasts it with the proof, and casts the accuser's vote. */
  private submit(
    accuser: number,
    accused: number,
    roundNo: number,
    proof: EquivocationCertificate,
    forged: boolean,
  ): void {
    const { host, ledger } = this;
    const accuserId = `a${accuser}`;
    const accusedId = `a${accused}`;
    let proposalId: string;
    try {
      proposalId = ledger.propose(accuserId, ProposalAction.QUARANTINE, {
        target: accusedId, evidence: { proof, forged },
      });
    } catch (error) {
      if (error instanceof AssertionError || !(error instanceof Error)) throw error;
      return; // The accuser has too many open proposals: it tries again with its next proof.
    }
    const accusation: Accusation = { proposalId, accuser, accused, roundNo, forged, tallied: false };
    this.accusations.push(accusation);
    const t = host.now();
    const { expiry } = host.scenario.council;
    const deadline = tallyDeadline(t, expiry, host.scenario.network.latency);
    host.emit({
      t, kind: 'proofSubmitted', accuser, accused, roundNo, proposalId, proofKind: 'equivocation',
      proofRoundId: proof.roundId, ...this.describeProof(proof, accused),
      ...(forged ? { forged: true as const } : {}),
      expiresAt: ledger.getProposal(proposalId)!.expiresAt, deadline,
      ...ledger.requirements(ProposalAction.QUARANTINE),
    });
    host.scheduleDeadline(deadline, proposalId);
    const unsigned = { roundNo, proposalId, accuser: accuserId, accused: accusedId, proof, tick: t };
    const signature = signHex(accusationDigest(unsigned), host.keysOf(accuser).secretKey);
    const message: AccusationMessage = { type: 'CP', ...unsigned, signature };
    for (let to = 0; to < host.scenario.n; to++) if (to !== accuser) host.send(accuser, to, message);
    this.castVote(accuser, message, accusation);
  }

  /** The proof's records as the trace shows them, each checked under the accused's roster key. */
  private describeProof(proof: EquivocationCertificate, accused: number): { records: ProofRecord[]; holds: boolean } {
    const { host } = this;
    const rosterKey = host.agents[accused]!.publicKey;
    const records = proof.entries.map((entry) => ({
      commitment: entry.commitment,
      says: entry.evalText,
      signature: entry.signature,
      verifies: host.verifyMemo.verify(
        entry.signature, beliefDigest(entry.commitment, entry.evalText, proof.roundId, `a${accused}`), rosterKey,
      ),
    }));
    return { records, holds: proofHolds(proof, `a${accused}`, rosterKey, host.verifyMemo) };
  }

  private onAccusation(to: number, id: number, message: AccusationMessage): void {
    const { host } = this;
    const accuser = agentIndex(message.accuser, host.scenario.n);
    const signed = accuser !== null && host.verifyMemo.verify(
      message.signature, accusationDigest(message), host.agents[accuser]!.publicKey,
    );
    const accusation = this.accusations.find((a) => a.proposalId === message.proposalId);
    if (!signed || accusation === undefined) {
      const reason = `the accusation's signature does not verify under ${String(message.accuser)}'s key`;
      host.emit({ t: host.now(), kind: 'messageRejected', id, agent: to, reason });
      return;
    }
    this.castVote(to, message, accusation);
  }

  /** `voter` checks the proof (or votes as its fault says), signs its vote and sends it. */
  private castVote(voter: number, message: AccusationMessage, accusation: Accusation): void {
    const { host } = this;
    const { accuser, accused, proposalId, roundNo } = accusation;
    const rosterKey = host.agents[accused]!.publicKey;
    const check = () => proofHolds(message.proof, `a${accused}`, rosterKey, host.verifyMemo);
    const choice = accusationVote(voter, accuser, accused, host.scenario, host.faults, check, host.now());
    const t = host.now();
    host.emit({
      t, kind: 'accusationVoteCast', voter, accuser, accused, roundNo, proposalId,
      value: choice.value, proofValid: choice.proofValid, basis: choice.basis,
    });
    const unsigned = { roundNo, proposalId, voter: `a${voter}`, value: choice.value as VoteValueT, tick: t };
    const signature = signHex(voteDigest(unsigned), host.keysOf(voter).secretKey);
    const vote: VoteMessage = { type: 'CV', ...unsigned, signature };
    if (voter === accuser) this.record(accusation, null, vote);
    else host.send(voter, accuser, vote);
  }

  private onVote(to: number, id: number, vote: VoteMessage): void {
    const accusation = this.accusations.find((a) => a.proposalId === vote.proposalId);
    if (accusation === undefined || accusation.accuser !== to) return;
    this.record(accusation, id, vote);
  }

  /** The accuser's check and record of a vote, as the Council's coordinator does it. */
  private record(accusation: Accusation, id: number | null, vote: VoteMessage): void {
    const { host, ledger } = this;
    const { accuser, proposalId, roundNo } = accusation;
    const voter = agentIndex(vote.voter, host.scenario.n);
    if (voter === null) return;
    const t = host.now();
    const common = { t, kind: 'accusationVoteRecorded' as const, id, accuser, voter, roundNo, proposalId, value: vote.value };
    if (!host.verifyMemo.verify(vote.signature, voteDigest(vote), host.agents[voter]!.publicKey)) {
      host.emit({ ...common, rejected: `the signature does not verify under ${vote.voter}'s key` });
      return;
    }
    try {
      ledger.vote(proposalId, vote.voter, vote.value);
    } catch (error) {
      if (error instanceof AssertionError || !(error instanceof Error)) throw error;
      host.emit({ ...common, rejected: error.message });
      return;
    }
    host.emit(common);
    if (ledger.getProposal(proposalId)!.votes.length === host.scenario.n) this.tally(accusation, 'all-votes');
  }

  /** Tallies an accusation once (all votes in, or its deadline), and executes an approved one. */
  private tally(accusation: Accusation, trigger: 'all-votes' | 'deadline'): void {
    if (accusation.tallied) return;
    accusation.tallied = true;
    const { host, ledger } = this;
    const { proposalId, accuser, accused } = accusation;
    const result = ledger.tally(proposalId);
    const t = host.now();
    const roundNo = host.roundOf(accuser);
    host.emit({
      t, kind: 'accusationTallied', accuser, accused, roundNo, proposalId,
      decision: result.decision, approveWeight: result.approveWeight, rejectWeight: result.rejectWeight,
      approveCount: result.approveCount, rejectCount: result.rejectCount,
      abstainCount: result.abstainCount, quorumRequired: result.quorumRequired,
      quorumMet: result.quorumMet, thresholdUsed: result.thresholdUsed,
      critical: isCritical(ProposalAction.QUARANTINE), hashChainValid: result.hashChainValid,
      trigger, auditEntries: ledger.auditLength,
    });
    const proposal = ledger.getProposal(proposalId)!;
    const approversNeeded = quarantineApproversNeeded(host.scenario.n);
    const withheld = result.approved && result.approveCount < approversNeeded;
    if (withheld) {
      host.emit({
        t, kind: 'quarantineWithheld', accuser, accused, roundNo, proposalId,
        approveCount: result.approveCount, approversNeeded,
      });
    }
    if (result.approved && !withheld && proposal.status !== ProposalStatus.EXPIRED && ledger.execute(proposalId)) {
      const fromRound = roundNo + 1;
      if (!this.quarantined.has(accused)) this.quarantined.set(accused, fromRound);
      host.emit({ t, kind: 'quarantineExecuted', accuser, accused, roundNo, proposalId, fromRound });
      host.onQuarantine(accused, accuser, proposalId, roundNo);
    } else if (!result.approved || withheld) {
      this.penalise(accusation);
    }
  }

  /**
   * A rejected accusation whose proof does not hold costs the accuser reputation in the store
   * of every honest agent whose vote was recorded.
   */
  private penalise(accusation: Accusation): void {
    const { host } = this;
    const accuserId = `a${accusation.accuser}`;
    const proposal = this.ledger.getProposal(accusation.proposalId)!;
    const check = () => proofHolds(proposal.evidence['proof'], `a${accusation.accused}`,
      host.agents[accusation.accused]!.publicKey, host.verifyMemo);
    if (check()) return;
    let penalised = false;
    for (const vote of proposal.votes) {
      const voter = agentIndex(vote.voterId, host.scenario.n);
      if (voter === null || host.faults.isByzantine(voter)) continue;
      host.agents[voter]!.store.updateReputation(accuserId, -falseAccusationReputationLoss);
      penalised = true;
    }
    if (!penalised) return;
    host.emit({
      t: host.now(), kind: 'accuserPenalised', accuser: accusation.accuser, accused: accusation.accused,
      proposalId: accusation.proposalId,
      reputation: host.agents.map((agent) => roundHalfEven(agent.store.reputation(accuserId), 4)),
    });
  }
}

function isRecord(value: unknown): value is SealedRecord {
  return typeof value === 'object' && value !== null && typeof (value as SealedRecord).aid === 'string';
}

/** The roster index of an agent id `aK` (K < n), or null. */
function agentIndex(id: unknown, n: number): number | null {
  if (typeof id !== 'string' || !/^a(0|[1-9][0-9]*)$/.test(id)) return null;
  const index = Number(id.slice(1));
  return index < n ? index : null;
}
