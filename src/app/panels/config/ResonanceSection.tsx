import { setPath } from './draftEdits';
import { NumberField, Section, SelectField, SliderField } from './Fields';
import { defaultMaxViewChanges, defaults, limits } from './scenarioDefaults';
import type { SectionProps } from './RunSection';

const embedOptions = [
  ['bow', 'bag of words (default)'],
  ['stance', 'topic + stance (demo embedding)'],
] as const;

const classicStartOptions = [
  ['stances', "the agents' stances (default)"],
  ['uniform', 'uniform opinions in [0, 1] (textbook)'],
] as const;

/** The commit threshold, the semantic axis, view changes and HK deliberation. */
export function ResonanceSection({ draft, onChange }: SectionProps) {
  const resonance = draft.resonance ?? {};
  const deliberation = resonance.deliberation ?? {};
  const set = (path: string[], value: unknown, fallback?: unknown) =>
    onChange(setPath(draft, ['resonance', ...path], value, fallback));
  return (
    <Section title="ResonanceBFT">
      <SliderField
        label="Commit threshold"
        value={resonance.threshold ?? defaults.threshold}
        min={0.01}
        max={1}
        step={0.01}
        hint="pentadic agreement a commit needs"
        testId="config-threshold"
        onChange={(value) => set(['threshold'], value, defaults.threshold)}
      />
      <SelectField
        label="Semantic axis"
        value={resonance.embed ?? defaults.embed}
        options={embedOptions}
        onChange={(value) => set(['embed'], value, defaults.embed)}
      />
      <div className="config-grid">
        <NumberField
          label="View timeout"
          value={resonance.viewTimeout}
          placeholder={String(defaults.viewTimeout)}
          min={1}
          max={limits.viewTimeoutTicksMax}
          unit="ticks"
          onChange={(value) => set(['viewTimeout'], value, defaults.viewTimeout)}
        />
        <NumberField
          label="Max view changes"
          value={resonance.maxViewChanges}
          placeholder={String(defaultMaxViewChanges(draft.n))}
          min={0}
          max={limits.viewChangesMax}
          hint="default 2n"
          onChange={(value) => set(['maxViewChanges'], value)}
        />
      </div>
      <h4 className="config-subtitle">Deliberation (Hegselmann–Krause)</h4>
      <div className="config-grid">
        <NumberField
          label="Steps per round"
          value={deliberation.steps}
          placeholder={String(defaults.steps)}
          min={0}
          max={limits.deliberationStepsMax}
          onChange={(value) => set(['deliberation', 'steps'], value, defaults.steps)}
        />
        <NumberField
          label="Confidence ε"
          value={deliberation.epsilon}
          placeholder={String(defaults.epsilon)}
          min={limits.epsilonMin}
          max={limits.epsilonMax}
          step={0.01}
          hint="< 0: everyone listens to everyone"
          onChange={(value) => set(['deliberation', 'epsilon'], value, defaults.epsilon)}
        />
      </div>
      <SliderField
        label="Step size"
        value={deliberation.stepSize ?? defaults.stepSize}
        min={0}
        max={1}
        step={0.01}
        hint="share of the way to the neighbours' mean"
        onChange={(value) => set(['deliberation', 'stepSize'], value, defaults.stepSize)}
      />
      <SelectField
        label="1-D chart starts from"
        value={deliberation.classicStart ?? defaults.classicStart}
        options={classicStartOptions}
        onChange={(value) => set(['deliberation', 'classicStart'], value, defaults.classicStart)}
      />
    </Section>
  );
}
