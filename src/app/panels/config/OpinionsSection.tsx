import type { Scenario } from '../../../worker/api';
import { setPath } from './draftEdits';
import { NumberField, Section, SliderField } from './Fields';
import { defaults, limits } from './scenarioDefaults';
import type { SectionProps } from './RunSection';

function setCertainty(draft: Scenario, index: 0 | 1, value: number): Scenario {
  const certainty: [number, number] = [...(draft.opinions?.certainty ?? defaults.certainty)];
  certainty[index] = value;
  return setPath(draft, ['opinions', 'certainty'], certainty, defaults.certainty);
}

/** How the generated personas lean, how sure they are, and how much they carry over. */
export function OpinionsSection({ draft, onChange }: SectionProps) {
  const opinions = draft.opinions ?? {};
  const certainty = opinions.certainty ?? defaults.certainty;
  const texts = Object.keys(opinions.texts ?? {}).length;
  const set = (key: string, value: unknown, fallback: unknown) =>
    onChange(setPath(draft, ['opinions', key], value, fallback));
  return (
    <Section title="Opinions">
      <SliderField label="Support" value={opinions.support ?? defaults.support} min={0} max={1} step={0.01}
        format={(value) => `${Math.round(value * 100)}% lean to approve`}
        onChange={(value) => set('support', value, defaults.support)} />
      <SliderField label="Certainty, lowest" value={certainty[0]} min={0} max={1} step={0.01}
        onChange={(value) => onChange(setCertainty(draft, 0, value))} />
      <SliderField label="Certainty, highest" value={certainty[1]} min={0} max={1} step={0.01}
        onChange={(value) => onChange(setCertainty(draft, 1, value))} />
      {certainty[0] > certainty[1] && (
        <p className="config-hint config-warning">The lowest certainty is above the highest.</p>
      )}
      <div className="config-grid">
        <NumberField label="Private words" value={opinions.privateWords} placeholder={String(defaults.privateWords)}
          min={0} max={limits.privateWordsMax} hint="per agent, 0 .. 8"
          onChange={(value) => set('privateWords', value, defaults.privateWords)} />
      </div>
      <SliderField label="Carry-over" value={opinions.carryOver ?? defaults.carryOver} min={0} max={1} step={0.01}
        hint="drift toward the deliberated position between rounds"
        onChange={(value) => set('carryOver', value, defaults.carryOver)} />
      {texts > 0 && <p className="config-hint">Fixed evaluation texts for {texts} agents (kept as they are).</p>}
    </Section>
  );
}
