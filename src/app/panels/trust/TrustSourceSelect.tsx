import { trustSources, type TrustSource } from './trustLayout';

export interface TrustSourceSelectProps {
  council: boolean;
  source: TrustSource;
  onSource(source: TrustSource): void;
  /** The trace carries no per-axis trust (too many agents): the axes are disabled, and why. */
  axesMissing: boolean;
  n: number;
}

const sourceLabels: Record<TrustSource, string> = {
  scalar: 'scalar trust',
  semantic: 'semantic',
  affective: 'affective',
  relational: 'relational',
  epistemic: 'epistemic',
  behavioral: 'behavioral',
};

/** What the heat map draws: scalar trust, one axis of trust, or (Council) agreement. */
export function TrustSourceSelect({ council, source, onSource, axesMissing, n }: TrustSourceSelectProps) {
  const why = `not in the trace at n = ${n}: per-axis trust is recorded up to 200 agents`;
  return (
    <div className="trust-source">
      <label>
        <span>Heat map</span>{' '}
        <select
          data-testid="trust-source"
          value={council ? 'agreement' : source}
          onChange={(event) => onSource(event.target.value as TrustSource)}
        >
          {council ? (
            <option value="agreement">council agreement</option>
          ) : (
            trustSources.map((option) => (
              <option key={option} value={option} disabled={option !== 'scalar' && axesMissing}>
                {sourceLabels[option]}
                {option !== 'scalar' && axesMissing ? ` (${why})` : ''}
              </option>
            ))
          )}
        </select>
      </label>
      {!council && axesMissing && <p className="muted trust-source-note">Per-axis trust is {why}.</p>}
    </div>
  );
}
