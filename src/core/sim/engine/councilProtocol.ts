import { AssertionError } from '../../assert';
import { isCritical, ProposalStatus, VoteValue, type VoteValueT } from '../../council';
import { signHex } from '../../crypto';
import { Rng, type RngState } from '../../rng';
import type { CouncilEngineView } from './councilEngineView';
import {
  againstMajority,
  drawLeans,
  equivocationValue,
  proposalDigest,
  tallyDeadline,
  voteDigest,
  type ProposalMessage,
  type RoundLeans,
  type VoteMessage,
} from './councilVoting';

/** The round being voted on, and whether it was tallied yet. */
interface OpenRound {
  roundNo: number;
  proposalId: string;
  tallied: boolean;
}

/** What changes in the Council's protocol during a run, as plain data. */
export interface CouncilProtocolState {
  roundsTallied: number;
  current: OpenRound | null;
  leansByRound: Map<number, RoundLeans>;
  /** By agent index: the last round it voted in (0: none). */
  lastVotedRound: number[];
  /** The `council:aX` streams, by agent index. */
  streams: RngState[];
  /** The `council:targets` stream. */
  targets: RngState;
  nextProposer: number;
}

/**
 * Rounds whose opinions are kept for proposals that arrive late. A proposal older than this
 * is ignored by its recipient: the council has long moved on, and the vote would only be
 * rejected as not open.
 */
export const leansRoundsKept = 64;

/**
 * The Council's roles inside the network (SPEC §5), run by the engine: the proposer
 * broadcasts a signed proposal and acts as coordinator; each voter, when the proposal
 * arrives, decides from its persona and faults and sends a signed vote; the coordinator
 * verifies each vote's signature against the roster key of the voter it claims to be from
 * and records the valid ones in the ledger; it tallies once every voter's vote is in, or at
 * the deadline, executes an approved proposal, and the next round starts one tick later.
 */
export class CouncilProtocol {
  roundsTallied: number;
  private current: OpenRound | null;
  private readonly leansByRound: Map<number, RoundLeans>;
  private readonly lastVotedRound: Int32Array;
  private readonly streams: Rng[];
  private readonly targets: Rng;
  private nextProposer: number;

  /** `state`: where a restored engine's protocol resumes (taken over); default round 0. */
  constructor(private readonly engine: CouncilEngineView, state?: CouncilProtocolState) {
    const { n, seed } = engine.scenario;
    this.roundsTallied = state?.roundsTallied ?? 0;
    this.current = state?.current ?? null;
    this.leansByRound = state?.leansByRound ?? new Map();
    this.lastVotedRound = state ? Int32Array.from(state.lastVotedRound) : new Int32Array(n);
    this.streams = state
      ? state.streams.map((stream) => Rng.restore(stream))
      : Array.from({ length: n }, (_, agent) => Rng.stream(seed, `council:a${agent}`));
    this.targets = state ? Rng.restore(state.targets) : Rng.stream(seed, 'council:targets');
    this.nextProposer = state?.nextProposer ?? 0;
  }

  /**
   * Who counts toward the honest majority of a round opened now: no fault acting, no crash
   * begun (faults with a start tick join from it, so a fork's rounds before it are its base's).
   */
  private honestNow(): boolean[] {
    const faults = this.engine.faults;
    return Array.from(
      { length: this.n },
      (_, agent) => !faults.isByzantine(agent) && !faults.silentStarted(agent),
    );
  }

  /** Everything that changes, by reference where it can be (not a copy): for a snapshot. */
  state(): CouncilProtocolState {
    return {
      roundsTallied: this.roundsTallied,
      current: this.current,
      leansByRound: this.leansByRound,
      lastVotedRound: Array.from(this.lastVotedRound),
      streams: this.streams.map((stream) => stream.snapshot()),
      targets: this.targets.snapshot(),
      nextProposer: this.nextProposer,
    };
  }

  private get n(): number {
    return this.engine.scenario.n;
  }

  /** Opens round `roundNo`, or retries when an agent may be back if every agent is down. */
  startRound(roundNo: number): void {
    const engine = this.engine;
    if (roundNo > engine.scenario.rounds) return;
    if (!this.leansByRound.has(roundNo)) {
      const support = engine.scenario.opinions.support;
      this.leansByRound.set(roundNo, drawLeans(this.streams, support, this.honestNow()));
      this.leansByRound.delete(roundNo - leansRoundsKept);
    }
    const proposer = this.pickProposer();
    if (proposer === null) {
      // Everyone is down: try again when someone may be back; if nobody ever is, the run
      // ends as stalled.
      const wake = engine.nextRecoveryTick();
      if (wake !== null) engine.schedule(wake, { kind: 'startRound', roundNo });
      return;
    }
    this.propose(roundNo, proposer);
  }

  onProposal(agent: number, id: number, proposal: ProposalMessage): void {
    const engine = this.engine;
    const proposer = engine.indexOf(proposal.proposer);
    const digest = proposalDigest(proposal);
    const signed = (agentIndex: number) =>
      engine.verifyMemo.verify(proposal.signature, digest, engine.keyOf(agentIndex).publicKeyHex);
    if (proposer === null || !signed(proposer)) {
      const claimed = String(proposal.proposer);
      const reason = `the proposal's signature does not verify under ${claimed}'s key`;
      engine.emit({ t: engine.tick, kind: 'messageRejected', id, agent, reason });
      return;
    }
    this.castVotes(agent, proposal);
  }

  /**
   * A vote reaching an agent. Only the proposal's coordinator records votes; any other
   * recipient (the far half of an equivocator's split) keeps it as evidence and does nothing.
   */
  onVote(agent: number, id: number, vote: VoteMessage): void {
    const proposal = this.engine.ledger.getProposal(vote.proposalId);
    if (proposal === undefined || proposal.proposerId !== this.engine.roster[agent]) return;
    this.receiveVote(agent, id, vote);
  }

  onDeadline(roundNo: number): void {
    if (this.current?.roundNo === roundNo) this.tally('deadline');
  }

  /**
   * Policy: proposers rotate over the roster, skipping every agent that is down (silent or
   * crashed) when the round starts, so a dead agent never holds up the council.
   */
  private pickProposer(): number | null {
    for (let step = 0; step < this.n; step++) {
      const agent = (this.nextProposer + step) % this.n;
      if (this.engine.isDown(agent)) continue;
      this.nextProposer = agent + 1;
      return agent;
    }
    return null;
  }

  private propose(roundNo: number, proposer: number): void {
    const engine = this.engine;
    const { scenario, ledger, roster } = engine;
    const proposerId = roster[proposer]!;
    const actions = scenario.council.actions;
    const action = actions[(roundNo - 1) % actions.length]!;
    const others = roster.filter((id) => id !== proposerId);
    const target = others.length > 0 ? this.targets.pick(others) : proposerId;
    const proposalId = ledger.propose(proposerId, action, { target });
    const tick = engine.tick;
    const deadline = tallyDeadline(tick, scenario.council.expiry, scenario.network.latency);
    engine.emit({
      t: tick,
      kind: 'councilProposed',
      agent: proposer,
      roundNo,
      proposalId,
      action,
      target: engine.index(target),
      critical: isCritical(action),
      expiresAt: ledger.getProposal(proposalId)!.expiresAt,
      deadline,
      ...ledger.requirements(action),
    });
    this.current = { roundNo, proposalId, tallied: false };
    engine.schedule(deadline, { kind: 'deadline', roundNo });
    const unsigned = { roundNo, proposalId, proposer: proposerId, action, target, tick };
    const signature = signHex(proposalDigest(unsigned), engine.keyOf(proposer).secretKey);
    const message: ProposalMessage = { type: 'CP', ...unsigned, signature };
    for (let to = 0; to < this.n; to++) if (to !== proposer) engine.send(proposer, to, message);
    this.castVotes(proposer, message);
  }

  /**
   * What `agent` sends on `proposal` (SPEC §4 faults): honest, `garble` and `impersonate`
   * agents vote their own lean; `biased` and `bloc` voters vote against the honest majority;
   * an `equivocate` voter signs both values and splits them over the roster; an
   * `impersonate` agent also sends a vote under its victim's id, signed with its own key.
   *
   * Policy: a voter votes once per round and never on a round older than its last vote.
   */
  private castVotes(agent: number, proposal: ProposalMessage): void {
    const engine = this.engine;
    const leans = this.leansByRound.get(proposal.roundNo);
    if (leans === undefined || proposal.roundNo <= this.lastVotedRound[agent]!) return;
    this.lastVotedRound[agent] = proposal.roundNo;
    const coordinator = engine.indexOf(proposal.proposer)!;
    const faults = engine.faults;
    if (faults.of(agent, 'equivocate')) {
      this.equivocate(agent, coordinator, proposal);
    } else {
      const contrarian = faults.of(agent, 'biased') ?? faults.of(agent, 'bloc');
      const value = contrarian ? againstMajority(leans) : leans.leans[agent]!;
      this.sendVote(agent, coordinator, this.signVote(agent, agent, proposal, value));
    }
    const impersonate = faults.of(agent, 'impersonate');
    if (impersonate) {
      const value = againstMajority(leans);
      const forged = this.signVote(agent, impersonate.victim, proposal, value, 'impersonate');
      this.sendVote(agent, coordinator, forged);
    }
  }

  private equivocate(agent: number, coordinator: number, proposal: ProposalMessage): void {
    const engine = this.engine;
    const approve = this.signVote(agent, agent, proposal, VoteValue.APPROVE, 'equivocate');
    const reject = this.signVote(agent, agent, proposal, VoteValue.REJECT, 'equivocate');
    const voteFor = (to: number) =>
      equivocationValue(to, this.n) === VoteValue.APPROVE ? approve : reject;
    for (let to = 0; to < this.n; to++) if (to !== agent) engine.send(agent, to, voteFor(to));
    if (agent === coordinator) this.receiveVote(agent, null, voteFor(agent));
  }

  /** Signs a vote under `voter`'s id with `agent`'s key, and records that it was cast. */
  private signVote(
    agent: number,
    voter: number,
    proposal: ProposalMessage,
    value: VoteValueT,
    fault?: 'equivocate' | 'impersonate',
  ): VoteMessage {
    const engine = this.engine;
    const { roundNo, proposalId } = proposal;
    const t = engine.tick;
    const voterId = engine.roster[voter]!;
    const unsigned = { roundNo, proposalId, voter: voterId, value, tick: t };
    const signature = signHex(voteDigest(unsigned), engine.keyOf(agent).secretKey);
    const tag = fault ? { fault } : {};
    engine.emit({ t, kind: 'councilVoteCast', agent, voter, roundNo, proposalId, value, ...tag });
    engine.monitors.onVoteSent({ proposalId, voter: voterId, value, tick: t, signature });
    return { type: 'CV', ...unsigned, signature };
  }

  /** The coordinator's own vote is recorded on the spot; anyone else's travels. */
  private sendVote(agent: number, coordinator: number, vote: VoteMessage): void {
    if (agent === coordinator) this.receiveVote(agent, null, vote);
    else this.engine.send(agent, coordinator, vote);
  }

  /**
   * The coordinator's check and record. A vote counts only if its signature verifies under
   * the roster key of the voter it names (a forged or garbled vote fails here) and the ledger
   * accepts it (open, not expired, first vote); the ledger's own error is the reason given.
   */
  private receiveVote(coordinator: number, id: number | null, vote: VoteMessage): void {
    const engine = this.engine;
    const { roundNo, proposalId } = vote;
    const voter = engine.indexOf(vote.voter);
    const t = engine.tick;
    const agent = coordinator;
    const reject = (reason: string) => {
      engine.emit({ t, kind: 'councilVoteRejected', id, agent, voter, roundNo, proposalId, reason });
    };
    if (voter === null) return reject(`${String(vote.voter)} is not a voter`);
    const pubkey = engine.keyOf(voter).publicKeyHex;
    if (!engine.verifyMemo.verify(vote.signature, voteDigest(vote), pubkey)) {
      return reject(`the signature does not verify under ${vote.voter}'s key`);
    }
    try {
      engine.ledger.vote(proposalId, vote.voter, vote.value);
    } catch (error) {
      if (error instanceof AssertionError || !(error instanceof Error)) throw error;
      return reject(error.message);
    }
    const value = vote.value;
    engine.emit({ t, kind: 'councilVoteRecorded', id, agent, voter, roundNo, proposalId, value });
    const votes = engine.ledger.getProposal(proposalId)!.votes;
    const allIn = Object.keys(votes).length === this.n;
    if (this.current?.proposalId === proposalId && allIn) this.tally('all-votes');
  }

  /**
   * Tallies the open round, executes it if approved, and schedules the next round.
   *
   * Policy: the coordinator waits for every voter's vote (or the deadline), not for the first
   * quorum's worth (SPEC §5 "when the quorum's votes arrive"). A tally at the first quorum
   * would let latency choose which voters decide; waiting for all of them makes the decision
   * depend only on who voted what, and the deadline still bounds every round.
   */
  private tally(trigger: 'all-votes' | 'deadline'): void {
    const engine = this.engine;
    const round = this.current;
    if (round === null || round.tallied) return;
    round.tallied = true;
    const { roundNo, proposalId } = round;
    const result = engine.ledger.tally(proposalId);
    const proposal = engine.ledger.getProposal(proposalId)!;
    const t = engine.tick;
    if (proposal.status === ProposalStatus.EXPIRED) {
      engine.emit({ t, kind: 'councilExpired', roundNo, proposalId });
    }
    engine.emit({
      t,
      kind: 'councilTallied',
      roundNo,
      proposalId,
      decision: result.decision,
      approveWeight: result.approveWeight,
      rejectWeight: result.rejectWeight,
      approveCount: result.approveCount,
      rejectCount: result.rejectCount,
      abstainCount: result.abstainCount,
      quorumRequired: result.quorumRequired,
      quorumMet: result.quorumMet,
      thresholdUsed: result.thresholdUsed,
      critical: result.isCritical,
      hashChainValid: result.hashChainValid,
      trigger,
    });
    if (result.approved && engine.ledger.execute(proposalId)) {
      const target = engine.indexOf(proposal.target) ?? -1;
      const action = proposal.action;
      engine.emit({ t, kind: 'councilExecuted', roundNo, proposalId, action, target });
    }
    this.roundsTallied++;
    if (roundNo < engine.scenario.rounds) {
      engine.schedule(t + 1, { kind: 'startRound', roundNo: roundNo + 1 });
    }
  }
}
