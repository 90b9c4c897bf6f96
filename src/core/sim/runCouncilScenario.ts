import type { ChainVerdict } from '../audit';
import {
  ConsensusProtocol,
  VoteValue,
  type AuditEntry,
  type TallyResult,
  type VoteValueT,
} from '../council';
import { Rng } from '../rng';
import { withDefaults, type ResolvedScenario, type Scenario } from './scenario';

export interface CouncilVoteReport {
  voterId: string;
  value: VoteValueT;
  tick: number;
}

export interface CouncilProposalReport {
  id: string;
  round: number;
  action: string;
  target: string;
  proposerId: string;
  votes: CouncilVoteReport[];
  tally: TallyResult;
  executed: boolean;
}

/** Everything a panel needs to draw a council run, as plain data. */
export interface CouncilRunReport {
  name: string;
  seed: number;
  voterIds: string[];
  weights: number[];
  /** Agent indices by fault kind, for legends and highlighting. */
  byzantine: number[];
  silent: number[];
  proposals: CouncilProposalReport[];
  audit: AuditEntry[];
  auditChain: ChainVerdict;
  agreement: Record<string, Record<string, number>>;
  blocs: string[][];
  ticks: number;
}

/** Ticks between the proposals of consecutive rounds; votes take one tick each. */
const roundTicks = 1000;

/**
 * Runs a council scenario round by round: a proposer (rotating over voters who are not
 * silent) puts the round's action to the vote against a target; honest voters follow their
 * persona (approve with probability `support`, from the `opinions` stream); Byzantine voters
 * (`biased`, `bloc`) vote together against the honest majority; silent voters never vote;
 * then the proposal is tallied and, if approved, executed. Deterministic in the seed.
 *
 * TODO(issue 5): proposals and votes travel as signed messages through the network model.
 */
export function runCouncilScenario(input: Scenario): CouncilRunReport {
  const scenario = withDefaults(input);
  const { n, seed, rounds } = scenario;
  const voterIds = Array.from({ length: n }, (_, index) => `a${index}`);
  const weights = scenario.council.weights;
  const byzantine = agentsOf(scenario, ['biased', 'bloc']);
  const silent = agentsOf(scenario, ['silent']);
  const actions = scenario.council.actions;
  const support = scenario.opinions.support;

  let tick = 0;
  const council = new ConsensusProtocol(voterIds, {
    weights: Object.fromEntries(voterIds.map((id, index) => [id, weights[index]!])),
    config: councilConfig(scenario),
    clock: () => tick,
  });
  const opinions = Rng.stream(seed, 'opinions');
  const targets = Rng.stream(seed, 'council:targets');
  const speakers = voterIds.filter((_, index) => !silent.includes(index));
  const proposals: CouncilProposalReport[] = [];

  for (let round = 0; round < rounds && speakers.length > 0; round++) {
    tick = round * roundTicks;
    const proposerId = speakers[round % speakers.length]!;
    const action = actions[round % actions.length]!;
    const target = targets.pick(voterIds.filter((id) => id !== proposerId));
    const id = council.propose(proposerId, action, { target });

    const honestValues = new Map<number, VoteValueT>();
    for (let index = 0; index < n; index++) {
      if (byzantine.includes(index) || silent.includes(index)) continue;
      honestValues.set(index, opinions.chance(support) ? VoteValue.APPROVE : VoteValue.REJECT);
    }
    const approvals = [...honestValues.values()].filter((value) => value === VoteValue.APPROVE).length;
    const byzantineValue = approvals * 2 >= honestValues.size ? VoteValue.REJECT : VoteValue.APPROVE;

    const votes: CouncilVoteReport[] = [];
    for (let index = 0; index < n; index++) {
      if (silent.includes(index)) continue;
      tick += 1;
      const value = honestValues.get(index) ?? byzantineValue;
      council.vote(id, voterIds[index]!, value);
      votes.push({ voterId: voterIds[index]!, value, tick });
    }
    tick += 1;
    const tally = council.tally(id);
    const executed = council.execute(id);
    proposals.push({ id, round, action, target, proposerId, votes, tally, executed });
  }

  return {
    name: scenario.name || 'council',
    seed,
    voterIds,
    weights,
    byzantine,
    silent,
    proposals,
    audit: council.auditLog(),
    auditChain: council.verifyAuditChainDetailed(),
    agreement: council.voterAgreementMatrix(),
    blocs: council.detectVotingBlocs(),
    ticks: tick,
  };
}

function agentsOf(scenario: ResolvedScenario, kinds: string[]): number[] {
  const agents = scenario.faults.filter((fault) => kinds.includes(fault.kind)).flatMap((fault) => fault.agents);
  return [...new Set(agents)].sort((a, b) => a - b);
}

function councilConfig(scenario: ResolvedScenario) {
  const { quorumFraction, majorityThreshold, supermajorityThreshold, expiry, allowVoteChange } = scenario.council;
  return { quorumFraction, majorityThreshold, supermajorityThreshold, defaultExpiry: expiry, allowVoteChange };
}
