import type { Fault } from './draftEdits';
import { toggleAgent, withFaultParam } from './draftEdits';
import { AgentPicker } from './AgentPicker';
import { NumberField, SelectField, SliderField } from './Fields';
import { axes, defaults, faultExplanations, limits, type Axis } from './scenarioDefaults';

export interface FaultCardProps {
  index: number;
  n: number;
  fault: Fault;
  onChange(next: Fault): void;
  onRemove(): void;
}

/** One fault: its kind and what it does, its agents as chips, and the kind's parameters. */
export function FaultCard({ index, n, fault, onChange, onRemove }: FaultCardProps) {
  const title = `Fault ${index + 1}: ${fault.kind}`;
  return (
    <fieldset className={`config-card fault-${fault.kind}`} data-testid={`config-fault-${index}`} data-kind={fault.kind}>
      <legend>
        {title} <code className="config-path">faults[{index}]</code>
      </legend>
      <button
        type="button"
        className="config-remove"
        aria-label={`Remove fault ${index + 1} (${fault.kind})`}
        onClick={onRemove}
      >
        ✕
      </button>
      <p className="config-hint">{faultExplanations[fault.kind]}</p>
      <AgentPicker
        n={n}
        label={`Agents of fault ${index + 1} (${fault.kind})`}
        selected={fault.agents}
        onToggle={(agent) => onChange({ ...fault, agents: toggleAgent(fault.agents, agent) })}
        onSet={(agents) => onChange({ ...fault, agents })}
        testId={`config-fault-${index}-agents`}
      />
      {fault.agents.length === 0 && <p className="config-hint config-warning">Click the agents this fault applies to.</p>}
      <FaultParams n={n} fault={fault} onChange={onChange} />
      {fault.kind !== 'silent' && fault.kind !== 'twin' && (
        <NumberField label="Acts from" value={fault.from} placeholder="0" min={0} max={limits.ticksMax} unit="tick"
          hint="before this tick the agent is honest (a “what if” fork sets it)"
          onChange={(value) => onChange(withFaultParam(fault, 'from', value, 0))} />
      )}
    </fieldset>
  );
}

function agentOptions(count: number): (readonly [string, string])[] {
  return Array.from({ length: count }, (_x, agent) => [String(agent), `a${agent}`] as const);
}

function FaultParams({ n, fault, onChange }: { n: number; fault: Fault; onChange(next: Fault): void }) {
  const set = (key: string, value: unknown, fallback?: unknown) => onChange(withFaultParam(fault, key, value, fallback));
  switch (fault.kind) {
    case 'silent':
      return (
        <div className="config-grid">
          <NumberField label="Silent from" value={fault.from} placeholder="0" min={0} max={limits.ticksMax} unit="tick"
            onChange={(value) => set('from', value, defaults.silentFrom)} />
          <NumberField label="Until" value={fault.until} placeholder="never" min={0} max={limits.ticksMax} unit="tick"
            onChange={(value) => set('until', value)} />
        </div>
      );
    case 'tamper':
      return (
        <div className="config-grid">
          <SelectField<Axis> label="Axis" value={fault.axis ?? defaults.tamperAxis}
            options={axes.map((axis) => [axis, axis] as const)}
            onChange={(axis) => set('axis', axis, defaults.tamperAxis)} />
          <NumberField label="Delta" value={fault.delta} placeholder={String(defaults.tamperDelta)}
            min={-limits.tamperDeltaAbsMax} max={limits.tamperDeltaAbsMax} hint="added to each coordinate"
            onChange={(value) => set('delta', value, defaults.tamperDelta)} />
        </div>
      );
    case 'garble':
      return (
        <SliderField label="Garble rate" value={fault.rate ?? defaults.garbleRate} min={0} max={1} step={0.01}
          format={(value) => `${Math.round(value * 100)}% of messages`}
          onChange={(value) => set('rate', value, defaults.garbleRate)} />
      );
    case 'impersonate':
    case 'accuse':
      return (
        <SelectField
          label={fault.kind === 'accuse' ? 'Victim (whom it accuses)' : 'Victim (whose id it forges)'}
          value={String(fault.victim)}
          options={agentOptions(Math.max(n, fault.victim + 1))}
          onChange={(victim) => set('victim', Number(victim))} />
      );
    case 'equivocate':
    case 'biased':
    case 'sycophant':
    case 'forge':
    case 'bloc':
    case 'twin':
      return null;
    default:
      return fault satisfies never;
  }
}
