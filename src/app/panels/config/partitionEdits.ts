import type { Scenario } from '../../../worker/api';
import { setPath, type Partition } from './draftEdits';

/**
 * Immutable edits of `network.partitions`. A partition's groups are disjoint; agents in no
 * group form one more side of their own (SPEC §4), so one group already splits the network.
 */

export function setPartitions(scenario: Scenario, partitions: readonly Partition[]): Scenario {
  const value = partitions.length > 0 ? [...partitions] : undefined;
  return setPath(scenario, ['network', 'partitions'], value);
}

/** A new partition: the lower half of the agents against the rest, from tick 0, never healing. */
export function newPartition(n: number): Partition {
  const half = Math.max(1, Math.floor(n / 2));
  return { groups: [Array.from({ length: half }, (_x, agent) => agent)], from: 0 };
}

export function addPartition(scenario: Scenario): Scenario {
  const partitions = scenario.network?.partitions ?? [];
  return setPartitions(scenario, [...partitions, newPartition(scenario.n)]);
}

export function replacePartition(scenario: Scenario, index: number, partition: Partition): Scenario {
  const partitions = scenario.network?.partitions ?? [];
  return setPartitions(scenario, partitions.map((p, i) => (i === index ? partition : p)));
}

export function removePartition(scenario: Scenario, index: number): Scenario {
  const partitions = scenario.network?.partitions ?? [];
  return setPartitions(scenario, partitions.filter((_p, i) => i !== index));
}

/** The group index of `agent` in the partition, or null when it is with the rest. */
export function groupOf(partition: Partition, agent: number): number | null {
  const index = partition.groups.findIndex((group) => group.includes(agent));
  return index === -1 ? null : index;
}

/**
 * Moves `agent` into group `groupIndex` (leaving any other group); if it is already there, back
 * to the rest. Groups stay sorted; a group left empty is kept for the user to fill, and the
 * validator names it if it is applied empty.
 */
export function assignToGroup(partition: Partition, agent: number, groupIndex: number): Partition {
  const leaving = groupOf(partition, agent) === groupIndex;
  const groups = partition.groups.map((group, index) => {
    const others = group.filter((a) => a !== agent);
    return index === groupIndex && !leaving ? [...others, agent].sort((a, b) => a - b) : others;
  });
  return { ...partition, groups };
}

/** The partition with one more, empty, group. */
export function addGroup(partition: Partition): Partition {
  return { ...partition, groups: [...partition.groups, []] };
}

/** The partition without group `groupIndex` (its agents rejoin the rest). */
export function removeGroup(partition: Partition, groupIndex: number): Partition {
  return { ...partition, groups: partition.groups.filter((_g, index) => index !== groupIndex) };
}

/** `from` and `healAt` set; `healAt` undefined means the partition never heals. */
export function withTicks(partition: Partition, from: number, healAt: number | undefined): Partition {
  const { healAt: _old, ...rest } = partition;
  return healAt === undefined ? { ...rest, from } : { ...rest, from, healAt };
}
