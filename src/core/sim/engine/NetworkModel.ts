import { Rng, type RngState } from '../../rng';
import type { ResolvedScenario } from '../scenario';

/** Why a message never arrives. */
export type LossReason = 'drop' | 'partition';

/**
 * A message's fate as one number: its delivery tick (≥ 0), or a loss (`lostToPartition`,
 * `lostToDrop`). Policy: a number, not an object, since an all-to-all phase at n = 1000
 * decides 10⁶ of them.
 */
export type SendOutcome = number;
export const lostToPartition = -1;
export const lostToDrop = -2;

/** The reason of a loss outcome. */
export function lossReason(outcome: SendOutcome): LossReason {
  return outcome === lostToPartition ? 'partition' : 'drop';
}

/**
 * The simulated network (SPEC §5): every decision is taken at send time from the `net`
 * stream, so the same scenario always loses and delays the same messages. A message crossing
 * an active partition is lost; otherwise it is dropped with probability `drop`, else it
 * arrives after a uniform latency in [min, max] ticks.
 *
 * Policy: the latency is drawn even for a message that is then lost, so whether one message
 * is lost never shifts the latencies of the messages after it.
 */
export class NetworkModel {
  private readonly rng: Rng;
  private readonly groupOf: Int32Array[];

  /** `rng`: the `net` stream's state to resume from (a restored engine); default its start. */
  constructor(private readonly scenario: ResolvedScenario, rng?: RngState) {
    this.rng = rng ? Rng.restore(rng) : Rng.stream(scenario.seed, 'net');
    this.groupOf = scenario.network.partitions.map((partition) => {
      const groups = new Int32Array(scenario.n).fill(-1);
      partition.groups.forEach((group, index) => group.forEach((agent) => (groups[agent] = index)));
      return groups;
    });
  }

  send(from: number, to: number, tick: number): SendOutcome {
    const [latencyMin, latencyMax] = this.scenario.network.latency;
    const latency = this.rng.int(latencyMin, latencyMax);
    const dropped = this.scenario.network.drop > 0 && this.rng.chance(this.scenario.network.drop);
    if (from !== to && this.separated(from, to, tick)) return lostToPartition;
    if (from !== to && dropped) return lostToDrop;
    return tick + (from === to ? 0 : latency);
  }

  /** True when an active partition puts the two agents on different sides at `tick`. */
  separated(a: number, b: number, tick: number): boolean {
    const { partitions } = this.scenario.network;
    for (let index = 0; index < partitions.length; index++) {
      const partition = partitions[index]!;
      if (tick < partition.from || (partition.healAt !== null && tick >= partition.healAt)) continue;
      const groups = this.groupOf[index]!;
      if (groups[a] !== groups[b]) return true;
    }
    return false;
  }

  /** The tick after which no partition is active, or null if one never heals. */
  lastHealTick(): number | null {
    let last = 0;
    for (const partition of this.scenario.network.partitions) {
      if (partition.healAt === null) return null;
      last = Math.max(last, partition.healAt);
    }
    return last;
  }

  /** The only thing that changes during a run: the `net` stream's state. */
  state(): RngState {
    return this.rng.snapshot();
  }
}
