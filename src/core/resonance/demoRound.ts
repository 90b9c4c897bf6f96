import { agentKeyPair, sha256Hex } from '../crypto';
import { ResonanceAgent, type ResonanceAgentOptions } from './ResonanceAgent';
import { sealRecord } from './seal';
import type { Round, Task } from './types';

/**
 * A cluster of agents a0 … a{n−1} and one sealed round, for examples, benchmarks and tests:
 * a0 proposes (with the roster unless `roster: false`) and every agent participates with its
 * text, in id order.
 */
export interface DemoRoundOptions extends Partial<ResonanceAgentOptions> {
  /** Evaluation text of agent i. */
  text?: (index: number) => string;
  task?: Task;
  /** Propose with the roster (default true). */
  roster?: boolean;
}

export const demoTask: Task = {
  description: 'ratify the budget change for the next release',
  requirements: ['cost', 'latency'],
};

/** A supportive evaluation that varies a little with the agent's index. */
export function demoText(index: number): string {
  const emphasis = ['clearly', 'definitely', 'certainly'][index % 3]!;
  return `approve: the budget change is ${emphasis} effective and reliable for cost and latency`;
}

export function demoCluster(
  n: number,
  options: Partial<ResonanceAgentOptions> = {},
): ResonanceAgent[] {
  const config = { seed: 42, ...options, expectedN: options.expectedN ?? n };
  return Array.from({ length: n }, (_, index) => new ResonanceAgent(`a${index}`, config));
}

export function demoRound(
  n: number,
  { text = demoText, task = demoTask, roster = true, ...agentOptions }: DemoRoundOptions = {},
): { agents: ResonanceAgent[]; round: Round } {
  const agents = demoCluster(n, agentOptions);
  const round = agents[0]!.propose(task, roster ? { roster: agents.map((agent) => agent.id) } : {});
  agents.forEach((agent, index) => agent.participate(round, text(index)));
  return { agents, round };
}

/** The axes of one agent of `craftedRound`; relational defaults to uniform over the roster. */
export interface CraftedAxes {
  semantic: number[];
  affective: number[];
  epistemic: number[];
  behavioral: number[];
  relational?: number[];
}

/**
 * A round whose agents a0 … a{k−1} seal and sign exactly the given axis vectors (no text
 * embedding): for tests and benchmarks that need particular opinions. Keys derive from
 * `seed` as the agents' own would.
 */
export function craftedRound(axes: readonly CraftedAxes[], seed: number | string = 42): Round {
  const roster = axes.map((_, index) => `a${index}`);
  const round: Round = {
    id: sha256Hex(`bft-lab:crafted:${seed}:${axes.length}`).slice(0, 32),
    view: 0,
    viewChange: false,
    proposer: 'a0',
    description: 'crafted round',
    roster,
    vocab: ['task'],
    threshold: 0.6,
    expectedN: axes.length,
    evaluations: {},
    aborts: [],
  };
  axes.forEach((vectors, index) => {
    const aid = roster[index]!;
    const relational = vectors.relational ?? roster.map(() => 1 / Math.sqrt(roster.length));
    const fields = { aid, nonce: `n${index}`, evalText: `crafted ${aid}`, ...vectors, relational };
    round.evaluations[aid] = sealRecord(fields, agentKeyPair(seed, aid), round.id);
  });
  return round;
}
