import { memo, useMemo, useState } from 'react';
import type { Scenario } from '../../../worker/api';
import type { TraceIndex } from '../../trace/traceIndex';
import { EmptyState, Panel } from '../../components/Panel';
import { TrustHeatmap } from './TrustHeatmap';
import { TrustSourceSelect } from './TrustSourceSelect';
import {
  agreementMatrix,
  axisTrustMissing,
  trustAt,
  trustColour,
  type TrustMatrix,
  type TrustSource,
} from './trustLayout';
import './trust.css';


export interface TrustPanelProps {
  scenario: Scenario | null;
  trace: TraceIndex;
  tick: number;
  /** The council's agreement matrix, for a council scenario. */
  agreement: Record<string, Record<string, number>> | null;
  /** Council voting blocs detected over the whole run (agent ids), outlined in the matrix. */
  blocs?: readonly (readonly string[])[];
  selectedAgent: number | null;
  onSelectAgent(agent: number | null): void;
}

/** n×n heat map of trust (ResonanceBFT) or agreement (Council), with reputation bars. */
export const TrustPanel = memo(TrustPanelBody);

function TrustPanelBody({ scenario, trace, tick, agreement, blocs = [], selectedAgent, onSelectAgent }: TrustPanelProps) {
  const n = scenario?.n ?? 0;
  const council = scenario?.protocol === 'council';
  // The run's trust updates (an array shared by its indexes) and how many the cursor shows:
  // the matrix is rebuilt only when another update passes under the cursor.
  const updates = trace.ofKind('trustUpdated').events;
  const shownCount = trace.countOf('trustUpdated', tick);
  const [chosen, setSource] = useState<TrustSource>('scalar');
  // Whether the run's trace carries per-axis trust at all (it does not above its bound on n):
  // read from every update simulated so far, so the choice is offered or not from the start.
  const updateCount = updates.length;
  const axesMissing = useMemo(() => axisTrustMissing(updates.slice(0, updateCount)), [updates, updateCount]);
  const source: TrustSource = axesMissing ? 'scalar' : chosen;
  const matrix = useMemo(() => {
    if (council) return agreement ? agreementMatrix(agreement, n) : null;
    return trustAt(updates.slice(0, shownCount), Infinity, n, source);
  }, [council, agreement, updates, shownCount, n, source]);
  const what = council ? 'agreement' : source === 'scalar' ? 'trust' : `${source} trust`;
  return (
    <Panel
      testId="trust-matrix"
      title={council ? 'Agreement matrix' : 'Trust matrix'}
      caption={
        council
          ? 'Row i, column j: how often voters i and j voted the same way over the whole run. ' +
            'Detected blocs are outlined.'
          : 'Row i, column j: how much agent i trusts agent j after its latest commit. It never enters the commit.'
      }
      info={
        <p>
          Trust is layer 3 of ResonanceBFT: each agent raises its trust in the quorum it committed with and
          lowers it for outliers and tamperers (loss is 2.25 × gain). It weights deliberation, never the commit,
          so resolvers stay independent. Reputation bars show the mean reputation the replicas hold for each agent.
          Trust is also kept per axis (semantic, affective, relational, epistemic, behavioral): an agent rewarded
          for agreeing on one axis need not be trusted on another. Every source shares one colour scale.
        </p>
      }
      legend={
        matrix && (
          <>
            <Legend matrix={matrix} label={what} />
            {council && blocs.length > 0 && (
              <p className="bloc-legend" data-testid="bloc-legend">
                <span className="bloc-swatch" aria-hidden="true" /> voting bloc:{' '}
                {blocs.map((bloc) => bloc.join(', ')).join('; ')}
              </p>
            )}
          </>
        )
      }
    >
      {n > 0 && (
        <TrustSourceSelect council={council} source={source} onSource={setSource} axesMissing={axesMissing} n={n} />
      )}
      {matrix === null || n === 0 ? (
        <EmptyState>Run the scenario: the matrix fills as agents commit and learn whom to trust.</EmptyState>
      ) : (
        <>
          <TrustHeatmap
            matrix={matrix}
            label={what}
            blocs={council ? blocs : []}
            selectedAgent={selectedAgent}
            onSelectAgent={onSelectAgent}
          />
          {!council && <ReputationBars reputation={matrix.reputation} />}
        </>
      )}
    </Panel>
  );
}

/** One bar per agent (1000 at most): redrawn only with a new matrix, not with every tick. */
const ReputationBars = memo(function ReputationBars({ reputation }: { reputation: (number | null)[] }) {
  const known = reputation.filter((value): value is number => value !== null);
  if (known.length === 0) return null;
  const max = Math.max(...known, 1);
  return (
    <div className="reputation" aria-label="Reputation by agent">
      {reputation.map((value, agent) => (
        <div key={agent} className="reputation-bar" title={`a${agent}: reputation ${value?.toFixed(2) ?? 'unknown'}`}>
          <span style={{ height: `${((value ?? 0) / max) * 100}%` }} />
        </div>
      ))}
    </div>
  );
});

function Legend({ matrix, label }: { matrix: TrustMatrix; label: string }) {
  const colour = trustColour(matrix);
  const stops = [0, 0.25, 0.5, 0.75, 1].map((f) => matrix.min + f * (matrix.max - matrix.min));
  return (
    <div className="trust-legend">
      <span>{label} {matrix.min.toFixed(2)}</span>
      {stops.map((value) => (
        <span key={value} className="trust-swatch" style={{ background: colour(value) }} />
      ))}
      <span>{matrix.max.toFixed(2)}</span>
      <span className="trust-swatch unknown" /> <span>self, or not known yet</span>
    </div>
  );
}
