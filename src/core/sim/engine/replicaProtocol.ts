import { agentKeyPair, type VerifyMemo } from '../../crypto';
import { faultBound, quorumNeeded, sealEvaluation, type Outcome, type Round, type SealedRecord } from '../../resonance';
import { voteDigest } from '../../resonance/seal';
import type { ResonanceEngine } from './ResonanceEngine';
import { advanceRound, type AcceptedValue, type Payload, type ProposalPayload, type ReplicaState, type VotePayload } from './replicaState';
import { axisTrustRows, emitScored, round4 } from './axisData';
import { byzantineEvaluations } from './byzantineEvaluations';
import { deliberateRound } from './deliberation';
import { proposeTwoValues } from './equivocatingLeader';

type Phase = 'prepare' | 'commit';

/**
 * Verdicts by vote object. A broadcast vote is one payload object that all n receivers check;
 * its verdict is a pure function of its fields, so it is computed once, not n times (digest,
 * hex key and memo lookup each). Policy: outside engine state, so checkpoints never copy it;
 * a checkpoint's copied payloads simply miss and are verified again, with the same result.
 */
const voteVerdicts = new WeakMap<VotePayload, boolean>();

function verifiedVote(memo: VerifyMemo, vote: VotePayload): boolean {
  let verdict = voteVerdicts.get(vote);
  if (verdict === undefined) {
    verdict = memo.verify(vote.signature, voteDigest(vote.roundId, vote.view, vote.phase, vote.winner), vote.pubkey);
    voteVerdicts.set(vote, verdict);
  }
  return verdict;
}

/**
 * The replica rules of ResonanceBFT (reference §2.7), run by the engine for each agent:
 * leader = roster[view mod n]; R → E → the leader resolves at n−f records → P → replicas
 * re-resolve and check the winner → prepare votes (2f+1 → lock) → commit votes (2f+1 →
 * commit) → next round; a timeout moves to the next view; a new view is adopted after f+1
 * distinct NV senders; view changes per round are bounded. Replica state is plain data in
 * `engine.replicas`; the agents hold keys and trust stores.
 */
export class ReplicaProtocol {
  constructor(private readonly engine: ResonanceEngine) {}

  private get n(): number {
    return this.engine.scenario.n;
  }

  private get unsafe() {
    return this.engine.scenario.resonance.unsafe;
  }

  start(agent: number): void {
    this.engine.armTimer(agent, 1, 0);
    if (this.engine.leaderOf(0) === agent) this.propose(agent);
  }

  restart(agent: number): void {
    const state = this.engine.replicas[agent]!;
    if (state.roundNo > this.engine.scenario.rounds) return;
    this.engine.armTimer(agent, state.roundNo, state.view);
    if (this.engine.leaderOf(state.view) === agent) this.propose(agent);
  }

  onMessage(to: number, from: number, id: number, payload: Payload): void {
    switch (payload.type) {
      case 'R':
        return this.onRound(to, from, id, payload);
      case 'E':
        return this.onEvaluation(to, from, id, payload);
      case 'P':
        return this.onProposal(to, from, id, payload);
      case 'V':
        return this.onVote(to, from, payload);
      case 'NV':
        return this.onNewView(to, from, payload);
    }
  }

  onTimeout(agent: number, roundNo: number, view: number): void {
    const state = this.engine.replicas[agent]!;
    if (state.roundNo !== roundNo || state.view !== view || roundNo > this.engine.scenario.rounds) return;
    const t = this.engine.tick;
    this.reportAbortedView(agent);
    this.engine.emit({ t, kind: 'timedOut', agent, roundNo, view });
    const next = view + 1;
    if (next - state.roundStartView > this.engine.scenario.resonance.maxViewChanges) return;
    this.moveToView(state, next, 'timeout');
    this.addNewView(state, next, state.id);
    this.engine.broadcast(agent, { type: 'NV', roundNo, view: next, by: state.id });
    if (this.engine.leaderOf(next) === agent) this.propose(agent);
  }

  /** The leader of the current view opens the round: propose, seal its own evaluation, send R. */
  private propose(agent: number): void {
    const engine = this.engine;
    const state = engine.replicas[agent]!;
    if (state.proposedView === state.view || state.roundNo > engine.scenario.rounds) return;
    const task = engine.roundTask(state.roundNo);
    const round = engine.agents[agent]!.propose(task, { view: state.view, roster: engine.roster });
    round.identityPubkeys = Object.fromEntries(engine.agents.map((a) => [a.id, a.publicKey]));
    state.proposedView = state.view;
    state.proposalSent = false;
    state.leaderRound = round;
    const t = engine.tick;
    const forged = engine.faults.of(agent, 'forge') !== undefined;
    engine.emit({ t, kind: 'roundProposed', agent, roundNo: state.roundNo, view: state.view, roundId: round.id, topic: task.topic ?? '', ...(forged ? { forged: true as const } : {}) });
    const [own] = this.participate(agent, round, round.id);
    round.evaluations[state.id] = own!;
    state.round = round;
    state.participatedView = state.view;
    engine.broadcast(agent, { type: 'R', roundNo: state.roundNo, round: copyRound(round) });
    if (forged) this.forgeProposals(agent, round);
    else this.maybeResolve(agent);
  }

  /** A `forge` leader claims a winner with no quorum, and a different one to half the peers. */
  private forgeProposals(agent: number, round: Round): void {
    const state = this.engine.replicas[agent]!;
    const base = { roundNo: state.roundNo, view: state.view, roundId: round.id, evaluations: { ...round.evaluations } };
    const other = `a${(agent + 1) % this.n}`;
    for (let to = 0; to < this.n; to++) {
      if (to === agent) continue;
      const winner = to < this.n / 2 ? state.id : other;
      this.engine.send(agent, to, { type: 'P', ...base, winner, round: copyRound(round) });
    }
    state.proposalSent = true;
  }

  private onRound(agent: number, from: number, id: number, payload: Extract<Payload, { type: 'R' }>): void {
    const engine = this.engine;
    const state = engine.replicas[agent]!;
    const round = payload.round;
    if (payload.roundNo > state.roundNo && payload.roundNo <= engine.scenario.rounds) {
      state.buffered.push({ from, payload });
      return;
    }
    const reason = this.roundRejection(state, from, payload);
    if (reason) {
      engine.emit({ t: engine.tick, kind: 'messageRejected', id, agent, reason });
      return;
    }
    if (round.view > state.view) this.moveToView(state, round.view, 'proposal');
    if (state.participatedView === round.view) return;
    const copy = copyRound(round);
    state.round = copy;
    state.participatedView = round.view;
    const records = this.participate(agent, copy, round.id);
    const leader = from;
    if (engine.faults.of(agent, 'equivocate')) {
      // An equivocator sends each of its two evaluations to half of the peers.
      for (let to = 0; to < this.n; to++) {
        if (to === agent) continue;
        const record = to < this.n / 2 ? records[0]! : records[1]!;
        engine.send(agent, to, { type: 'E', roundNo: state.roundNo, view: round.view, aid: record.aid, roundId: round.id, record });
      }
      return;
    }
    for (const record of records) {
      engine.send(agent, leader, { type: 'E', roundNo: state.roundNo, view: round.view, aid: record.aid, roundId: round.id, record });
    }
  }

  private roundRejection(state: ReplicaState, from: number, payload: Extract<Payload, { type: 'R' }>): string | null {
    const round = payload.round;
    if (payload.roundNo !== state.roundNo) return `round ${payload.roundNo} is not my current round ${state.roundNo}`;
    if (typeof round !== 'object' || round === null || typeof round.id !== 'string') return 'malformed round';
    if (!Number.isSafeInteger(round.view) || round.view < state.view) return `view ${round.view} is older than mine (${state.view})`;
    if (this.engine.leaderOf(round.view) !== from) return `a${from} is not the leader of view ${round.view}`;
    if (round.view - state.roundStartView > this.engine.scenario.resonance.maxViewChanges) return 'too many view changes';
    return null;
  }

  /** Seals this agent's evaluation(s) of `round`: one normally, two for an equivocator. */
  private participate(agent: number, round: Round, roundId: string): SealedRecord[] {
    const engine = this.engine;
    const state = engine.replicas[agent]!;
    const records = byzantineEvaluations(engine, agent, round, state.roundNo);
    for (const record of records) {
      engine.emit({
        t: engine.tick, kind: 'evaluationSealed', agent, roundNo: state.roundNo, view: round.view,
        commitment: record.commitment, text: record.evalText, ...(record.aid !== state.id ? { fault: `as ${record.aid}` } : {}),
      });
      engine.monitors.onEvaluationSent(roundId, record);
    }
    const impersonate = engine.faults.of(agent, 'impersonate');
    if (impersonate) records.push(this.impersonation(agent, round, impersonate.victim));
    return records;
  }

  /** A record filed under the victim's id but sealed and signed with the impersonator's key. */
  private impersonation(agent: number, round: Round, victim: number): SealedRecord {
    const engine = this.engine;
    const store = engine.agents[agent]!.store;
    const { record } = sealEvaluation({
      aid: `a${victim}`,
      keys: agentKeyPair(engine.scenario.seed, `a${agent}`),
      nonce: `imp${engine.tick}a${agent}`,
      round,
      evalText: engine.opinions.biased(agent, engine.replicas[agent]!.roundNo),
      embed: engine.scenario.resonance.embed,
      behavior: store.behaviorOf(`a${agent}`),
      pastSemantics: [],
      trustIn: () => 1,
    });
    return record;
  }

  private onEvaluation(agent: number, from: number, id: number, payload: Extract<Payload, { type: 'E' }>): void {
    const engine = this.engine;
    const state = engine.replicas[agent]!;
    const round = state.leaderRound;
    if (!round || state.proposedView !== state.view || payload.roundId !== round.id || payload.roundNo !== state.roundNo) return;
    if (payload.aid !== `a${from}` || typeof payload.record !== 'object' || payload.record === null) {
      engine.emit({ t: engine.tick, kind: 'messageRejected', id, agent, reason: `sender a${from} does not match record ${String(payload.aid)}` });
      return;
    }
    if (Object.hasOwn(round.evaluations, payload.aid)) return;
    round.evaluations[payload.aid] = payload.record;
    this.maybeResolve(agent);
  }

  /**
   * A leader that held n−f records but could not commit (too few of them reached the threshold)
   * keeps waiting for more, as in the reference; when its view times out it reports the
   * aborted resolution, so the trace says why the view failed instead of showing no quorum.
   */
  private reportAbortedView(agent: number): void {
    const state = this.engine.replicas[agent]!;
    const round = state.leaderRound;
    if (!round || state.proposalSent || state.proposedView !== state.view) return;
    if (this.engine.faults.of(agent, 'equivocate')) return;
    const needed = this.unsafe.membership === 'present' ? 1 : quorumNeeded(this.n, this.unsafe);
    if (Object.keys(round.evaluations).length < needed) return;
    const outcome = this.resolve(agent, round);
    if (outcome.status !== 'committed') this.emitResolved(agent, state, outcome);
  }

  /** The leader resolves once it holds n−f records, and proposes the value if it commits. */
  private maybeResolve(agent: number): void {
    const engine = this.engine;
    const state = engine.replicas[agent]!;
    const round = state.leaderRound;
    if (!round || state.proposalSent) return;
    const present = Object.keys(round.evaluations).length;
    const needed = this.unsafe.membership === 'present' ? 0 : quorumNeeded(this.n, this.unsafe);
    if (present < Math.max(needed, 1)) return;
    if (engine.faults.of(agent, 'equivocate')) {
      if (present < this.n) return;
      const values = proposeTwoValues(engine, agent, round, (r) => this.resolve(agent, r));
      if (values) {
        state.proposalSent = true;
        for (const value of values) {
          this.castVote(agent, 'prepare', value.view, value.roundId, value.winner);
          this.castVote(agent, 'commit', value.view, value.roundId, value.winner);
        }
        return;
      }
    }
    const outcome = this.resolve(agent, round);
    if (outcome.status !== 'committed' && present < this.n) return;
    this.emitResolved(agent, state, outcome);
    if (outcome.status !== 'committed') return;
    deliberateRound(engine, agent, round, state.roundNo);
    state.proposalSent = true;
    const proposal: ProposalPayload = {
      roundNo: state.roundNo, view: state.view, roundId: round.id, winner: outcome.winner!, evaluations: { ...round.evaluations },
    };
    engine.broadcast(agent, { type: 'P', ...proposal, round: copyRound(round) });
    this.acceptValue(agent, agent, -1, { ...proposal, round });
  }

  private resolve(agent: number, round: Round): Outcome {
    const copy: Round = { ...round, evaluations: { ...round.evaluations }, aborts: [...round.aborts] };
    return this.engine.agents[agent]!.resolve(copy, { memo: this.engine.memo, unsafe: this.unsafe });
  }

  private emitResolved(agent: number, state: ReplicaState, outcome: Outcome): void {
    const index = (id: string) => this.engine.index(id);
    this.engine.emit({
      t: this.engine.tick, kind: 'roundResolved', agent, roundNo: state.roundNo, view: state.view,
      status: outcome.status, quorumSize: outcome.quorumSize, quorumNeeded: outcome.quorumNeeded, n: outcome.n, f: outcome.f,
      quorumAgents: outcome.quorumAgents.map(index), tamperedAgents: outcome.tamperedAgents.map(index),
      winner: outcome.winner ? index(outcome.winner) : null, reason: outcome.reason ?? null,
    });
    emitScored(this.engine, agent, state.roundNo, state.view, outcome);
  }

  private onProposal(agent: number, from: number, id: number, payload: Extract<Payload, { type: 'P' }>): void {
    const state = this.engine.replicas[agent]!;
    if (this.engine.faults.of(agent, 'equivocate') && payload.roundNo === state.roundNo) {
      // An equivocator votes for every value it is shown, in both phases at once.
      this.castVote(agent, 'prepare', payload.view, payload.roundId, payload.winner);
      this.castVote(agent, 'commit', payload.view, payload.roundId, payload.winner);
      return;
    }
    this.acceptValue(agent, from, id, payload);
  }

  /** Checks a proposed value and, if it holds, casts this replica's prepare vote. */
  private acceptValue(agent: number, from: number, id: number, p: ProposalPayload & { round: Round }): void {
    const engine = this.engine;
    const state = engine.replicas[agent]!;
    const reject = (reason: string) => id >= 0 && engine.emit({ t: engine.tick, kind: 'messageRejected', id, agent, reason });
    if (p.roundNo !== state.roundNo) return;
    if (engine.leaderOf(p.view) !== from) return void reject(`a${from} is not the leader of view ${p.view}`);
    if (p.view < state.view) return void reject(`proposal for old view ${p.view}`);
    const known = state.accepted[String(p.view)];
    if (known && (known.roundId !== p.roundId || known.winner !== p.winner)) {
      return void reject(`a second value in view ${p.view}: the leader equivocated`);
    }
    if (known) return;
    if (state.locked && this.unsafe.lock !== 'off' && state.locked.winner !== p.winner) {
      return void reject(`locked on ${state.locked.winner} since view ${state.locked.view}`);
    }
    const round: Round = { ...p.round, id: p.roundId, view: p.view, evaluations: p.evaluations, aborts: [] };
    const outcome = this.resolve(agent, round);
    if (outcome.status !== 'committed' || outcome.winner !== p.winner) {
      return void reject(`my resolve gives ${outcome.status === 'committed' ? outcome.winner : 'no commit'}, not ${p.winner}`);
    }
    if (p.view > state.view) this.moveToView(state, p.view, 'proposal');
    state.accepted[String(p.view)] = { roundId: p.roundId, winner: p.winner, evaluations: p.evaluations, round, outcome };
    this.castVote(agent, 'prepare', p.view, p.roundId, p.winner);
    this.checkVotes(agent, p.view);
  }

  private castVote(agent: number, phase: Phase, view: number, roundId: string, winner: string): void {
    const engine = this.engine;
    const state = engine.replicas[agent]!;
    // Policy: one vote per (view, phase); an equivocator's key includes the value it votes for.
    const equivocating = engine.faults.of(agent, 'equivocate') !== undefined;
    const key = equivocating ? `${view}:${phase}:${winner}` : `${view}:${phase}`;
    if (state.voted[key]) return;
    state.voted[key] = true;
    const { signature, pubkey } = engine.agents[agent]!.signVote(roundId, view, phase, winner);
    const vote: VotePayload = { roundNo: state.roundNo, view, roundId, phase, winner, aid: state.id, signature, pubkey };
    engine.emit({ t: engine.tick, kind: 'voteCast', agent, roundNo: state.roundNo, view, phase, winner: engine.index(winner) });
    engine.broadcast(agent, { type: 'V', ...vote });
    this.addVote(state, vote);
  }

  private onVote(agent: number, from: number, vote: VotePayload): void {
    const engine = this.engine;
    const state = engine.replicas[agent]!;
    if (vote.roundNo !== state.roundNo || vote.aid !== `a${from}`) return;
    if (vote.phase !== 'prepare' && vote.phase !== 'commit') return;
    if (vote.pubkey !== engine.agents[from]!.publicKey) return;
    if (!verifiedVote(engine.verifyMemo, vote)) return;
    this.addVote(state, vote);
    this.checkVotes(agent, vote.view);
  }

  private addVote(state: ReplicaState, vote: VotePayload): void {
    const key = `${vote.view}:${vote.phase}:${vote.roundId}:${vote.winner}`;
    (state.votes[key] ??= new Set()).add(vote.aid);
  }

  /** 2f+1 matching prepares lock the value and send a commit vote; 2f+1 commits commit. */
  private checkVotes(agent: number, view: number): void {
    const state = this.engine.replicas[agent]!;
    const accepted = state.accepted[String(view)];
    if (!accepted) return;
    const needed = this.voteQuorum(accepted);
    const suffix = `${accepted.roundId}:${accepted.winner}`;
    const prepares = state.votes[`${view}:prepare:${suffix}`]?.size ?? 0;
    if (prepares >= needed && !state.voted[`${view}:commit`]) {
      state.locked = { view, winner: accepted.winner };
      this.engine.emit({ t: this.engine.tick, kind: 'locked', agent, roundNo: state.roundNo, view, winner: this.engine.index(accepted.winner) });
      this.castVote(agent, 'commit', view, accepted.roundId, accepted.winner);
    }
    const commits = state.votes[`${view}:commit:${suffix}`];
    if (commits !== undefined && commits.size >= needed && state.roundNo <= this.engine.scenario.rounds) {
      this.commit(agent, view, [...commits]);
    }
  }

  private commit(agent: number, view: number, commitVoters: string[]): void {
    const engine = this.engine;
    const state = engine.replicas[agent]!;
    const accepted = state.accepted[String(view)]!;
    engine.agents[agent]!.commit(accepted.outcome);
    const index = (id: string) => engine.index(id);
    engine.emit({
      t: engine.tick, kind: 'committed', agent, roundNo: state.roundNo, view, roundId: accepted.roundId,
      winner: index(accepted.winner), quorumAgents: accepted.outcome.quorumAgents.map(index),
      commitVoters: [...commitVoters].map(index).sort((a, b) => a - b),
    });
    engine.monitors.onCommit(agent, state.roundNo, accepted, commitVoters);
    this.emitTrust(agent, state.roundNo);
    state.committedRounds += 1;
    advanceRound(state);
    if (state.roundNo > engine.scenario.rounds) return;
    engine.armTimer(agent, state.roundNo, state.view);
    if (engine.leaderOf(state.view) === agent) this.propose(agent);
    const buffered = state.buffered.filter((item) => item.payload.roundNo === state.roundNo);
    state.buffered = state.buffered.filter((item) => item.payload.roundNo > state.roundNo);
    for (const item of buffered) this.onRound(agent, item.from, -1, item.payload);
  }

  /**
   * Votes needed to lock and to commit: n−f, like the records a commit needs.
   * Policy: not the reference's 2f+1, which equals n−f only at n = 3f+1; for larger n two 2f+1
   * vote quorums may share only Byzantine agents (preset `unsafe-2f1-fork`). The switch
   * `quorum: '2f+1'` restores it; `membership: 'present'` takes n from the outcome (the
   * records present), so a partitioned minority finishes what its resolve started.
   */
  private voteQuorum(accepted: AcceptedValue): number {
    const n = this.unsafe.membership === 'present' ? accepted.outcome.n : this.n;
    return quorumNeeded(n, this.unsafe);
  }

  /** What this replica learned from the commit: its trust row and everyone's reputation. */
  private emitTrust(agent: number, roundNo: number): void {
    const engine = this.engine;
    const store = engine.agents[agent]!.store;
    const me = engine.roster[agent]!;
    const axisTrust = axisTrustRows(store, me, engine.roster);
    engine.emit({
      t: engine.tick, kind: 'trustUpdated', agent, roundNo,
      trust: engine.roster.map((peer) => round4(store.trust(me, peer))),
      reputation: engine.roster.map((peer) => round4(store.reputation(peer))),
      ...(axisTrust ? { axisTrust } : {}),
    });
  }

  private onNewView(agent: number, from: number, payload: Extract<Payload, { type: 'NV' }>): void {
    const state = this.engine.replicas[agent]!;
    if (payload.roundNo !== state.roundNo || payload.by !== `a${from}` || !Number.isSafeInteger(payload.view)) return;
    this.addNewView(state, payload.view, payload.by);
    const senders = state.newViews[String(payload.view)]!.size;
    const bound = payload.view - state.roundStartView <= this.engine.scenario.resonance.maxViewChanges;
    if (payload.view > state.view && senders >= faultBound(this.n) + 1 && bound) {
      this.moveToView(state, payload.view, 'new-view');
      if (this.engine.leaderOf(payload.view) === agent) this.propose(agent);
    }
  }

  private addNewView(state: ReplicaState, view: number, by: string): void {
    (state.newViews[String(view)] ??= new Set()).add(by);
  }

  private moveToView(state: ReplicaState, view: number, reason: 'timeout' | 'new-view' | 'proposal'): void {
    state.view = view;
    this.engine.emit({ t: this.engine.tick, kind: 'viewChanged', agent: state.index, roundNo: state.roundNo, view, reason });
    this.engine.armTimer(state.index, state.roundNo, view);
  }
}

/** Rounds travel as JSON-shaped data; each replica works on its own copy of the metadata. */
function copyRound(round: Round): Round {
  return { ...round, roster: [...round.roster], vocab: [...round.vocab], evaluations: { ...round.evaluations }, aborts: [...round.aborts] };
}
