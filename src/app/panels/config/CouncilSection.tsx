import { useEffect, useId, useState } from 'react';
import type { Scenario } from '../../../worker/api';
import { setPath } from './draftEdits';
import { CheckField, NumberField, Section, SliderField } from './Fields';
import { defaults, limits } from './scenarioDefaults';
import type { SectionProps } from './RunSection';

/** Above this many agents the weights are not edited one by one (they stay as they are). */
const weightAgentsMax = 64;

const shares = [
  ['quorumFraction', 'Quorum', defaults.quorumFraction, 'share of the total weight that must vote'],
  ['majorityThreshold', 'Majority', defaults.majorityThreshold, 'approve share for an ordinary action'],
  ['supermajorityThreshold', 'Supermajority', defaults.supermajorityThreshold, 'approve share for a grave action'],
] as const;

function setWeight(draft: Scenario, agent: number, weight: number | undefined): Scenario {
  const weights = Array.from({ length: draft.n }, (_x, a) => draft.council?.weights?.[a] ?? defaults.weight);
  weights[agent] = weight ?? defaults.weight;
  return setPath(draft, ['council', 'weights'], weights);
}

/** Quorum and thresholds of the weighted vote, expiry, vote changes, weights and actions. */
export function CouncilSection({ draft, onChange }: SectionProps) {
  const council = draft.council ?? {};
  const set = (key: string, value: unknown, fallback?: unknown) =>
    onChange(setPath(draft, ['council', key], value, fallback));
  return (
    <Section title="Council">
      {shares.map(([key, label, fallback, hint]) => (
        <SliderField key={key} label={label} value={council[key] ?? fallback} min={0.01} max={1} step={0.01}
          hint={hint} format={(value) => `${Math.round(value * 100)}%`}
          onChange={(value) => set(key, value, fallback)} />
      ))}
      <NumberField label="Proposal expiry" value={council.expiry} placeholder="0 (never)" min={0} max={limits.ticksMax}
        unit="ticks" onChange={(value) => set('expiry', value, defaults.expiry)} />
      <CheckField label="Voters may change their vote" checked={council.allowVoteChange ?? defaults.allowVoteChange}
        onChange={(checked) => set('allowVoteChange', checked, defaults.allowVoteChange)} />
      <ActionsField
        actions={council.actions ?? defaults.councilActions}
        onChange={(actions) => set('actions', actions, defaults.councilActions)}
      />
      <h4 className="config-subtitle">Voting weights</h4>
      {draft.n > weightAgentsMax ? (
        <p className="config-hint">
          Weights are edited one by one for up to {weightAgentsMax} agents; they are kept as they are.
        </p>
      ) : (
        <div className="config-weights">
          {Array.from({ length: draft.n }, (_x, agent) => (
            <NumberField key={agent} label={`a${agent}`} value={council.weights?.[agent]} placeholder="1"
              min={0} step={0.5}
              max={limits.weightMax} onChange={(value) => onChange(setWeight(draft, agent, value))} />
          ))}
        </div>
      )}
      {council.weights && (
        <button type="button" className="config-small-button" onClick={() => set('weights', undefined)}>
          Equal weights
        </button>
      )}
    </Section>
  );
}

/** The proposals' actions, one per round and cycling, as a comma-separated list. */
function ActionsField({ actions, onChange }: { actions: readonly string[]; onChange(actions: string[]): void }) {
  const id = useId();
  const joined = actions.join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => {
    setText((current) => (splitActions(current).join(', ') === joined ? current : joined));
  }, [joined]);
  return (
    <div className="config-field">
      <label htmlFor={id}>Actions (one proposal each, cycling)</label>
      <input id={id} type="text" value={text} onChange={(event) => {
        setText(event.target.value);
        onChange(splitActions(event.target.value));
      }} />
      <span className="config-hint">comma-separated, at most {limits.councilActionCharsMax} characters each</span>
    </div>
  );
}

function splitActions(text: string): string[] {
  return text.split(',').map((item) => item.trim()).filter((item) => item !== '');
}
