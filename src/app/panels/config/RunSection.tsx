import { useId } from 'react';
import type { Scenario } from '../../../worker/api';
import { setPath } from './draftEdits';
import { NumberField, Section, SelectField } from './Fields';
import { defaultMaxTicks, defaults, limits, type Protocol } from './scenarioDefaults';

export interface SectionProps {
  draft: Scenario;
  onChange(next: Scenario): void;
}

const protocolOptions: readonly (readonly [Protocol, string])[] = [
  ['resonance', 'ResonanceBFT'],
  ['council', 'Council (weighted vote)'],
];

/** A fresh seed from the browser's generator: any 32-bit integer, as the schema allows. */
function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** Protocol, agent count, rounds, seed and the hard stop. */
export function RunSection({ draft, onChange }: SectionProps) {
  const nameId = useId();
  const council = draft.protocol === 'council';
  const rounds = draft.rounds ?? defaults.rounds;
  return (
    <Section title="Run" defaultOpen note={`n = ${draft.n}`}>
      <div className="config-field">
        <label htmlFor={nameId}>Name</label>
        <input
          id={nameId}
          type="text"
          maxLength={limits.nameCharsMax}
          value={draft.name ?? ''}
          placeholder="Custom scenario"
          data-testid="config-name"
          onChange={(event) => onChange(setPath(draft, ['name'], event.target.value || undefined))}
        />
      </div>
      <SelectField
        label="Protocol"
        value={draft.protocol}
        options={protocolOptions}
        testId="config-protocol"
        onChange={(protocol) => onChange(setPath(draft, ['protocol'], protocol))}
      />
      <div className="config-grid">
        <NumberField
          label="Agents n"
          value={draft.n}
          min={1}
          max={limits.agentCountMax}
          hint={`1 .. ${limits.agentCountMax}`}
          testId="config-n"
          onChange={(n) => n !== undefined && onChange(setPath(draft, ['n'], n))}
        />
        <NumberField
          label={council ? 'Proposals' : 'Rounds'}
          value={draft.rounds}
          placeholder={String(defaults.rounds)}
          min={1}
          max={limits.roundsMax}
          hint={council ? 'one vote each' : 'decisions to reach'}
          testId="config-rounds"
          onChange={(value) => onChange(setPath(draft, ['rounds'], value, defaults.rounds))}
        />
      </div>
      <div className="config-grid">
        <div className="config-field">
          <NumberField
            label="Seed"
            value={draft.seed}
            min={0}
            max={limits.seedMax}
            testId="config-seed"
            onChange={(seed) => seed !== undefined && onChange(setPath(draft, ['seed'], seed))}
          />
          <button
            type="button"
            className="config-small-button"
            onClick={() => onChange(setPath(draft, ['seed'], randomSeed()))}
          >
            New seed
          </button>
        </div>
        <NumberField
          label="Hard stop"
          value={draft.maxTicks}
          placeholder={String(defaultMaxTicks(rounds))}
          min={1}
          max={limits.ticksMax}
          unit="ticks"
          hint="default 2000 × rounds"
          testId="config-max-ticks"
          onChange={(value) => onChange(setPath(draft, ['maxTicks'], value))}
        />
      </div>
    </Section>
  );
}
