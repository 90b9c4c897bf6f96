import { exhaustive } from '../../assert';
import { faultBound } from '../../resonance';
import { Rng } from '../../rng';
import { parseScenario } from '../parseScenario';
import {
  faultKinds,
  faultProtocols,
  scenarioAxes,
  type Fault,
  type FaultKind,
  type Partition,
  type Scenario,
} from '../scenario';

/** A scenario of the fault-space search with the categories its verdict depends on. */
export interface HuntScenario {
  scenario: Scenario;
  /** The network drops messages: liveness is judged by the share of rounds decided. */
  drops: boolean;
  /** The scenario has partitions and every one of them heals. */
  healing: boolean;
}

/**
 * A fault kind the search draws for one agent: every kind but `accuse`, which acts only with
 * accountability on and is drawn on its own (`withAccountability`).
 */
export type HuntFaultKind = Exclude<FaultKind, 'accuse'>;

/**
 * Every fault kind that acts in ResonanceBFT (all but the Council's voting bloc), except
 * `accuse`. Policy: the list keeps its length and order, so every scenario the search drew
 * before accountability existed is drawn again unchanged.
 */
export const resonanceFaultKinds: readonly HuntFaultKind[] = faultKinds.filter(
  (kind): kind is HuntFaultKind => kind !== 'accuse' && faultProtocols[kind].includes('resonance'),
);

/** Bounds of the random space (SPEC §9). */
export const randomSpace = {
  agentCountMin: 4,
  agentCountMax: 13,
  latencyTicksMax: 8,
  dropMax: 0.15,
  roundsMax: 3,
  /** Ticks: partitions and crashes start within the first few views. */
  startTickMax: 120,
  /** Ticks: a partition lasts at most this long before it heals. */
  partitionTicksMax: 150,
} as const;

/**
 * The random ResonanceBFT scenario of `seed` (SPEC §9): 4 to 13 agents, at most f of them
 * faulty with faults drawn from every ResonanceBFT kind, random latency, drops in about half
 * of the scenarios and a healing partition in some. The same seed always gives the same
 * scenario, whose own `seed` is `seed`, so a run is named by one number.
 *
 * Policy: every draw comes from the stream `hunt` of `seed`, in a fixed order, so a change
 * to one part of the generator is visible as a change of the scenarios it draws.
 */
export function randomScenario(seed: number): HuntScenario {
  const rng = Rng.stream(seed, 'hunt');
  const n = rng.int(randomSpace.agentCountMin, randomSpace.agentCountMax);
  const faults = randomFaults(rng, n);
  const latencyTicksMin = rng.int(1, randomSpace.latencyTicksMax);
  const latency: [number, number] = [
    latencyTicksMin,
    rng.int(latencyTicksMin, randomSpace.latencyTicksMax),
  ];
  // The drop probability lies in (0, dropMax], rounded to 3 decimals but never to 0.
  const drawnDrop = randomSpace.dropMax * (1 - rng.next());
  const drop = rng.chance(0.5) ? Math.max(0.001, roundTo(drawnDrop, 3)) : 0;
  const partitions = rng.chance(0.35) ? [randomPartition(rng, n)] : [];
  const rounds = rng.int(1, randomSpace.roundsMax);
  const supportShare = roundTo(rng.next(), 2);
  const certaintyA = roundTo(rng.next(), 2);
  const certaintyB = roundTo(rng.next(), 2);
  const stance = rng.chance(0.3);
  const scenario: Scenario = {
    v: 1,
    name: `hunt seed ${seed}`,
    seed,
    protocol: 'resonance',
    n,
    rounds,
    network: { latency, drop, partitions },
    faults,
    opinions: {
      support: supportShare,
      certainty: [Math.min(certaintyA, certaintyB), Math.max(certaintyA, certaintyB)],
    },
    ...(stance ? { resonance: { embed: 'stance' as const } } : {}),
  };
  return validated({ scenario, drops: drop > 0, healing: partitions.length > 0 });
}

/** Up to f faulty agents, each with its own fault of a random kind. */
function randomFaults(rng: Rng, n: number): Fault[] {
  const faultyCount = rng.int(0, faultBound(n));
  const roster = Array.from({ length: n }, (_, agent) => agent);
  const faulty = rng.shuffle(roster).slice(0, faultyCount).sort((a, b) => a - b);
  return faulty.map((agent) => randomFault(rng, rng.pick(resonanceFaultKinds), agent, n));
}

function randomFault(rng: Rng, kind: HuntFaultKind, agent: number, n: number): Fault {
  const agents = [agent];
  switch (kind) {
    case 'silent': {
      // A third crash for the whole run, a third from some tick on, a third recover.
      const shape = rng.int(0, 2);
      if (shape === 0) return { kind, agents };
      const from = rng.int(0, randomSpace.startTickMax);
      if (shape === 1) return { kind, agents, from };
      return { kind, agents, from, until: from + rng.int(1, randomSpace.partitionTicksMax) };
    }
    case 'tamper':
      return rng.chance(0.5)
        ? { kind, agents }
        : { kind, agents, axis: rng.pick(scenarioAxes), delta: rng.pick([-999, -1, 0.5, 999]) };
    case 'garble':
      return rng.chance(0.5) ? { kind, agents } : { kind, agents, rate: roundTo(rng.next(), 2) };
    case 'impersonate': {
      const others = Array.from({ length: n - 1 }, (_, i) => (i >= agent ? i + 1 : i));
      return { kind, agents, victim: rng.pick(others) };
    }
    case 'equivocate':
    case 'biased':
    case 'sycophant':
    case 'forge':
    case 'bloc':
    case 'twin':
      return { kind, agents };
    default:
      return exhaustive(kind);
  }
}

/**
 * `hunt` with accountability on (SPEC §5, issue 15): a proof of equivocation goes to a Council
 * quarantine vote. Some faulty agents forge an accusation instead of their fault (`accuse`,
 * naming a random other agent, often an honest one), and a spare fault slot (fewer than f
 * faulty) may hold another accuser, so the faulty stay at most f.
 *
 * Policy: the draws come from their own stream of the seed, `hunt-accountability`, so the
 * scenario without accountability is the same one `randomScenario` draws.
 */
export function withAccountability(hunt: HuntScenario): HuntScenario {
  const { scenario } = hunt;
  const rng = Rng.stream(scenario.seed, 'hunt-accountability');
  const n = scenario.n;
  const accuse = (agent: number): Fault => {
    const others = Array.from({ length: n - 1 }, (_, i) => (i >= agent ? i + 1 : i));
    return { kind: 'accuse', agents: [agent], victim: rng.pick(others) };
  };
  const faults = (scenario.faults ?? []).map((fault) =>
    fault.agents.length === 1 && rng.chance(0.3) ? accuse(fault.agents[0]!) : fault,
  );
  const faulty = new Set(faults.flatMap((fault) => fault.agents));
  if (faulty.size < faultBound(n) && rng.chance(0.5)) {
    const spare = Array.from({ length: n }, (_, agent) => agent).filter((agent) => !faulty.has(agent));
    faults.push(accuse(rng.pick(spare)));
  }
  const resonance = { ...scenario.resonance, accountability: true };
  return validated({ ...hunt, scenario: { ...scenario, faults, resonance } });
}

/** A 2-way split (a random non-empty proper subset against the rest) that heals. */
function randomPartition(rng: Rng, n: number): Partition {
  const roster = Array.from({ length: n }, (_, agent) => agent);
  const size = rng.int(1, n - 1);
  const group = rng.shuffle(roster).slice(0, size).sort((a, b) => a - b);
  const from = rng.int(0, randomSpace.startTickMax);
  return { groups: [group], from, healAt: from + rng.int(1, randomSpace.partitionTicksMax) };
}

function roundTo(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(x * scale) / scale;
}

/**
 * The scenario as `parseScenario` returns it. A drawn scenario the validator refuses is a
 * bug of the generator, so it fails loudly with the seed rather than being skipped.
 */
export function validated(hunt: HuntScenario): HuntScenario {
  const parsed = parseScenario(hunt.scenario);
  if (!parsed.ok) {
    throw new Error(`hunt generator made an invalid scenario: ${parsed.error.message}`);
  }
  return { ...hunt, scenario: parsed.value };
}
