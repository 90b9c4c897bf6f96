import { useId, useState } from 'react';
import type { Partition } from './draftEdits';
import { AgentListInput, AgentPicker } from './AgentPicker';
import { chipAgentsMax } from './agentList';
import { NumberField } from './Fields';
import { addGroup, assignToGroup, groupOf, removeGroup, withTicks } from './partitionEdits';
import { limits } from './scenarioDefaults';

export interface PartitionEditorProps {
  index: number;
  n: number;
  partition: Partition;
  onChange(next: Partition): void;
  onRemove(): void;
}

/**
 * One partition: pick a group, then click agents to put them in it (click again to send
 * them back to the rest). Agents in no group form one more side of their own.
 */
export function PartitionEditor({ index, n, partition, onChange, onRemove }: PartitionEditorProps) {
  const [active, setActive] = useState(0);
  const radioName = useId();
  const groupIndex = Math.min(active, Math.max(0, partition.groups.length - 1));
  const title = `Partition ${index + 1}`;
  const setGroup = (group: number, agents: number[]) =>
    onChange({ ...partition, groups: partition.groups.map((g, i) => (i === group ? agents : g)) });
  return (
    <fieldset className="config-card" data-testid={`config-partition-${index}`}>
      <legend>
        {title} <code className="config-path">network.partitions[{index}]</code>
      </legend>
      <button type="button" className="config-remove" aria-label={`Remove ${title.toLowerCase()}`} onClick={onRemove}>
        ✕
      </button>
      <div className="config-groups" role="radiogroup" aria-label={`Group to fill in ${title.toLowerCase()}`}>
        {partition.groups.map((group, g) => (
          <span key={g} className={`group-choice group-${g % 6}`}>
            <label>
              <input type="radio" name={radioName} checked={g === groupIndex} onChange={() => setActive(g)} />
              Group {g + 1} <span className="config-hint">({group.length})</span>
            </label>
            {partition.groups.length > 1 && (
              <button
                type="button"
                className="config-remove-inline"
                aria-label={`Remove group ${g + 1} of ${title.toLowerCase()}`}
                onClick={() => onChange(removeGroup(partition, g))}
              >
                ✕
              </button>
            )}
          </span>
        ))}
        <button
          type="button"
          className="config-small-button"
          onClick={() => {
            onChange(addGroup(partition));
            setActive(partition.groups.length);
          }}
        >
          + Group
        </button>
      </div>
      {n > chipAgentsMax ? (
        partition.groups.map((group, g) => (
          <AgentListInput
            key={g}
            label={`Group ${g + 1} agents`}
            agents={group}
            onSet={(agents) => setGroup(g, agents)}
          />
        ))
      ) : (
        <AgentPicker
          n={n}
          label={`Agents of group ${groupIndex + 1}, ${title.toLowerCase()}`}
          selected={partition.groups[groupIndex] ?? []}
          onToggle={(agent) => onChange(assignToGroup(partition, agent, groupIndex))}
          onSet={(agents) => setGroup(groupIndex, agents)}
          look={(agent) => {
            const group = groupOf(partition, agent);
            return group === null
              ? { className: 'in-rest', description: 'with the rest' }
              : {
                  suffix: String(group + 1),
                  className: `in-group group-${group % 6}`,
                  description: `group ${group + 1}`,
                };
          }}
        />
      )}
      {partition.groups.some((group) => group.length === 0) && (
        <p className="config-hint config-warning">An empty group separates no one: fill it or remove it.</p>
      )}
      <div className="config-grid">
        <NumberField
          label="From"
          value={partition.from}
          min={0}
          max={limits.ticksMax}
          unit="tick"
          onChange={(from) => onChange(withTicks(partition, from ?? 0, partition.healAt))}
        />
        <NumberField
          label="Heals at"
          value={partition.healAt}
          min={0}
          max={limits.ticksMax}
          unit="tick"
          placeholder="never"
          onChange={(healAt) => onChange(withTicks(partition, partition.from, healAt))}
        />
      </div>
    </fieldset>
  );
}
