import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../core/sim/parseScenario';
import type { Scenario } from '../../../worker/api';
import {
  addGroup, addPartition, assignToGroup, groupOf, removeGroup, removePartition, withTicks,
} from './partitionEdits';

const seven: Scenario = { v: 1, seed: 1, protocol: 'resonance', n: 7 };

describe('partition edits', () => {
  it('adds a partition that splits the lower half from the rest, valid as it stands', () => {
    const draft = addPartition(seven);
    expect(draft.network?.partitions).toEqual([{ groups: [[0, 1, 2]], from: 0 }]);
    expect(parseScenario(draft).ok).toBe(true);
  });

  it('moves an agent between groups, and back to the rest on a second click', () => {
    let partition = addGroup({ groups: [[0, 1, 2]], from: 0 });
    partition = assignToGroup(partition, 1, 1);
    expect(partition.groups).toEqual([[0, 2], [1]]);
    expect(groupOf(partition, 1)).toBe(1);
    partition = assignToGroup(partition, 1, 1);
    expect(groupOf(partition, 1)).toBeNull();
  });

  it('lets the rest of the agents rejoin when a group is removed', () => {
    const partition = removeGroup({ groups: [[0], [1, 2]], from: 0 }, 1);
    expect(partition.groups).toEqual([[0]]);
  });

  it('sets the ticks, and a missing heal means it never heals', () => {
    const healing = withTicks({ groups: [[0]], from: 0 }, 10, 200);
    expect(healing).toEqual({ groups: [[0]], from: 10, healAt: 200 });
    expect(withTicks(healing, 10, undefined)).toEqual({ groups: [[0]], from: 10 });
  });

  it('removes the network section with its last partition', () => {
    expect(removePartition(addPartition(seven), 0)).not.toHaveProperty('network');
  });
});
