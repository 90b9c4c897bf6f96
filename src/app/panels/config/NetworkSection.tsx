import type { Scenario } from '../../../worker/api';
import { setPath } from './draftEdits';
import { NumberField, Section, SliderField } from './Fields';
import { PartitionEditor } from './PartitionEditor';
import { addPartition, removePartition, replacePartition } from './partitionEdits';
import { defaults, limits } from './scenarioDefaults';
import type { SectionProps } from './RunSection';

function setLatency(draft: Scenario, index: 0 | 1, value: number | undefined): Scenario {
  const latency: [number, number] = [...(draft.network?.latency ?? defaults.latency)];
  latency[index] = value ?? defaults.latency[index];
  return setPath(draft, ['network', 'latency'], latency, defaults.latency);
}

/** Message latency, drops and partitions (with the ticks they start and heal). */
export function NetworkSection({ draft, onChange }: SectionProps) {
  const latency = draft.network?.latency ?? defaults.latency;
  const partitions = draft.network?.partitions ?? [];
  const note = partitions.length > 0 ? `${partitions.length} partition${partitions.length > 1 ? 's' : ''}` : undefined;
  return (
    <Section title="Network" note={note}>
      <p className="config-hint">Each message takes a whole number of ticks, uniform in [min, max].</p>
      <div className="config-grid">
        <NumberField
          label="Latency min"
          value={latency[0]}
          min={1}
          max={limits.latencyTicksMax}
          unit="ticks"
          testId="config-latency-min"
          onChange={(value) => onChange(setLatency(draft, 0, value))}
        />
        <NumberField
          label="Latency max"
          value={latency[1]}
          min={1}
          max={limits.latencyTicksMax}
          unit="ticks"
          testId="config-latency-max"
          onChange={(value) => onChange(setLatency(draft, 1, value))}
        />
      </div>
      {latency[0] > latency[1] && (
        <p className="config-hint config-warning">The minimum latency is above the maximum.</p>
      )}
      <SliderField
        label="Drop rate"
        value={draft.network?.drop ?? defaults.drop}
        min={0}
        max={1}
        step={0.01}
        format={(value) => `${Math.round(value * 100)}% of messages`}
        testId="config-drop"
        onChange={(value) => onChange(setPath(draft, ['network', 'drop'], value, defaults.drop))}
      />
      <h4 className="config-subtitle">Partitions</h4>
      {partitions.length === 0 && (
        <p className="config-hint">None: every agent reaches every other. Add one to split the network.</p>
      )}
      {partitions.map((partition, index) => (
        <PartitionEditor
          key={index}
          index={index}
          n={draft.n}
          partition={partition}
          onChange={(next) => onChange(replacePartition(draft, index, next))}
          onRemove={() => onChange(removePartition(draft, index))}
        />
      ))}
      <button
        type="button"
        className="config-small-button"
        disabled={partitions.length >= limits.partitionsMax}
        data-testid="config-add-partition"
        onClick={() => onChange(addPartition(draft))}
      >
        + Add partition
      </button>
    </Section>
  );
}
