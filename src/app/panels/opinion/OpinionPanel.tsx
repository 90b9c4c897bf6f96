import { memo, useCallback, useMemo, useState } from 'react';
import type { TraceIndex } from '../../trace/traceIndex';
import { EmptyState, Panel } from '../../components/Panel';
import { AxisDiameterChart } from './AxisDiameterChart';
import { DiameterSparkline } from './DiameterSparkline';
import { HkChart } from './HkChart';
import { consensusBadge, sycophancyColorScale } from './opinionColors';
import { OpinionLegend } from './OpinionLegend';
import { signed } from '../../format';
import { deliberationsShown, type DeliberationRound } from './opinionLayout';
import { PcaScatter } from './PcaScatter';
import { usesCanvas } from './opinionCanvas';
import { useStepPlayer } from './useStepPlayer';
import './opinion.css';

export interface OpinionPanelProps {
  /** The run's agent count: above the ring's SVG limit the charts' marks are a canvas too. */
  agentCount: number;
  trace: TraceIndex;
  /** The shared time cursor: the panel shows what was deliberated at or before it. */
  tick: number;
  selectedAgent: number | null;
  onSelectAgent(agent: number | null): void;
}

type Chart = 'pca' | 'hk';

const captions: Record<Chart, string> = {
  pca: "Each dot is an agent's belief, projected to 2-D; trails show deliberation steps.",
  hk: "Each line is an agent's opinion in [0, 1] over the deliberation steps (classic 1-D HK).",
};

/** From this many agents the 1-D chart is the default: 2-D trails of hundreds of agents blur. */
const hkDefaultAgentsMin = 101;

/** Hegselmann–Krause deliberation of the round deliberated last at the cursor (SPEC §7). */
export const OpinionPanel = memo(OpinionPanelBody);

function OpinionPanelBody({ agentCount, trace, tick, selectedAgent, onSelectAgent }: OpinionPanelProps) {
  // The run's deliberated rounds (shared by its indexes) and how many the cursor shows: a tick
  // without a new deliberation redraws nothing here.
  const { all, count } = deliberationsShown(trace, tick);
  const rounds = useMemo(() => all.slice(0, count), [all, count]);
  const [chosenRound, setChosenRound] = useState<number | null>(null);
  const lastRoundNo = rounds.at(-1)?.roundNo;
  const onChooseRound = useCallback(
    (roundNo: number) => setChosenRound(roundNo === lastRoundNo ? null : roundNo),
    [lastRoundNo],
  );
  const round = rounds.find((r) => r.roundNo === chosenRound) ?? rounds.at(-1) ?? null;
  const [chartChoice, setChart] = useState<Chart | null>(null);
  const chart = chartChoice ?? (round !== null && round.agents.length >= hkDefaultAgentsMin ? 'hk' : 'pca');
  return (
    <Panel
      testId="opinion-view"
      title="Opinions"
      caption={captions[chart]}
      info={<HkExplanation />}
      legend={round && <OpinionLegend color={sycophancyColorScale(round.sycophancy)} chart={chart} />}
    >
      {round === null ? (
        <EmptyState>Deliberation runs when a leader proposes a committing value; press play.</EmptyState>
      ) : (
        // A round deliberated again (a later view) is a new picture on a new PCA basis, as for
        // the step player: its dots are drawn there at once, never moved from the other's.
        <RoundView
          key={`${round.roundNo}:${round.t}`}
          round={round}
          rounds={rounds}
          onChooseRound={onChooseRound}
          selectedAgent={selectedAgent}
          onSelectAgent={onSelectAgent}
          chart={chart}
          onChart={setChart}
          onCanvas={usesCanvas(Math.max(agentCount, round.agents.length))}
        />
      )}
    </Panel>
  );
}

interface RoundViewProps {
  round: DeliberationRound;
  rounds: readonly DeliberationRound[];
  onChooseRound(roundNo: number): void;
  selectedAgent: number | null;
  onSelectAgent(agent: number | null): void;
  chart: Chart;
  onChart(chart: Chart): void;
  /** Whether the charts paint their marks on a canvas (`usesCanvas`). */
  onCanvas: boolean;
}

/** Memoised: redrawn for a new round, a step, a selection, not for every tick of the run. */
const RoundView = memo(function RoundView(props: RoundViewProps) {
  const { round, rounds, onChooseRound, selectedAgent, onSelectAgent, chart: shownChart, onChart: setChart, onCanvas } = props;
  const player = useStepPlayer(`${round.roundNo}:${round.t}`, round.steps);
  const color = useMemo(() => sycophancyColorScale(round.sycophancy), [round]);
  const diameters = round.planeDiameters;
  const badge = consensusBadge(round.consensusType);
  const sycophants = round.sycophants;
  const label = describeRound(round, player.step, diameters, sycophants, shownChart);
  return (
    <div className="opinion-round" data-round={round.roundNo} data-step={player.step}>
      <div className="opinion-toolbar">
        {rounds.length > 1 ? (
          <label>
            <span className="visually-hidden">Round shown</span>
            <select value={round.roundNo} onChange={(event) => onChooseRound(Number(event.target.value))}>
              {rounds.map((r) => (
                <option key={`${r.roundNo}:${r.t}`} value={r.roundNo}>
                  round {r.roundNo} · view {r.view}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="opinion-round-name">round {round.roundNo} · view {round.view}</span>
        )}
        <span
          className={`consensus-badge consensus-${badge.family}`}
          data-testid="consensus-type"
          title={`${badge.family}: ${badge.explanation}`}
        >
          <span aria-hidden="true">{badge.glyph}</span> consensus: {round.consensusType}
          <span className="visually-hidden"> ({badge.family}: {badge.explanation})</span>
        </span>
        <div className="segmented" role="group" aria-label="Chart">
          <button type="button" aria-pressed={shownChart === 'pca'} onClick={() => setChart('pca')}>
            2-D projection
          </button>
          <button type="button" aria-pressed={shownChart === 'hk'} onClick={() => setChart('hk')}>
            1-D HK
          </button>
        </div>
      </div>
      {shownChart === 'pca' ? (
        <PcaScatter
          round={round}
          stepShown={player.step}
          color={color}
          selectedAgent={selectedAgent}
          onSelectAgent={onSelectAgent}
          label={label}
          onCanvas={onCanvas}
        />
      ) : (
        <HkChart
          round={round}
          stepShown={player.step}
          color={color}
          selectedAgent={selectedAgent}
          label={label}
          onCanvas={onCanvas}
        />
      )}
      <div className="opinion-footer">
        <div className="step-control">
          <button
            type="button"
            onClick={player.toggle}
            disabled={round.steps === 0}
            aria-label={player.playing ? 'Pause the deliberation steps' : 'Play the deliberation steps'}
          >
            <span aria-hidden="true">{player.playing ? '⏸' : '▶'}</span>
          </button>
          <input
            type="range"
            min={0}
            max={round.steps}
            step={1}
            value={player.step}
            aria-label="Deliberation step"
            aria-valuetext={`step ${player.step} of ${round.steps}`}
            onChange={(event) => player.setStep(Number(event.target.value))}
          />
          <span className="tabular" data-testid="opinion-step">
            step {player.step} of {round.steps}
          </span>
        </div>
        {round.axisDiameters ? (
          <AxisDiameterChart diameters={round.axisDiameters} stepShown={player.step} />
        ) : (
          <DiameterSparkline series={diameters} stepShown={player.step} />
        )}
      </div>
      <SycophancyNote round={round} />
    </div>
  );
});

/** The lowest scores shown as quantities under the chart. */
const lowestScoresShown = 3;

/**
 * What the sycophancy score measures, the lowest scores of the round as numbers, and the
 * agents the audit flagged. Policy: only flagged agents are called sycophants; a negative score
 * alone is common among honest agents whose peers are less certain than they are.
 */
function SycophancyNote({ round }: { round: DeliberationRound }) {
  const lowest = round.agents
    .map((agent, row) => ({ agent, score: round.sycophancy[row] ?? 0 }))
    .filter(({ score }) => score < 0)
    .sort((a, b) => a.score - b.score || a.agent - b.agent)
    .slice(0, lowestScoresShown);
  const scoreOf = (agent: number) => round.sycophancy[round.agents.indexOf(agent)] ?? 0;
  const flagged = round.sycophants;
  return (
    <p className="sycophant-note" data-testid="sycophancy-note">
      <strong>Sycophancy score</strong> (mean evidence delta): how far each agent's confidence moved
      toward its peers' during deliberation, negative toward less confident peers.{' '}
      {lowest.length > 0
        ? `Lowest: ${lowest.map(({ agent, score }) => `a${agent} ${signed(score)}`).join(', ')}. `
        : 'No agent moved toward less confident peers. '}
      {flagged.length > 0 ? (
        <span data-testid="sycophants-flagged">
          <strong>Flagged as sycophants:</strong>{' '}
          {flagged.slice(0, 12).map((agent) => `a${agent} (${signed(scoreOf(agent))})`).join(', ')}
          {flagged.length > 12 ? ` and ${flagged.length - 12} more` : ''}: each repeated the leader&apos;s
          evaluation word for word and then moved toward less confident peers.
        </span>
      ) : (
        'The audit flags no sycophant: nobody copied the leader.'
      )}
    </p>
  );
}

function describeRound(
  round: DeliberationRound,
  step: number,
  diameters: readonly number[],
  sycophants: readonly number[],
  chart: Chart,
): string {
  const what = chart === 'pca' ? "agents' opinions projected to 2-D" : 'agents\' 1-D opinions over the steps';
  const names = sycophants.length > 0 ? `sycophants ${sycophants.map((a) => `a${a}`).join(', ')}` : 'no sycophants';
  const semantic = round.axisDiameters?.map((row) => row[0] ?? 0);
  const spread = semantic
    ? `semantic diameter ${(semantic[step] ?? 0).toFixed(2)} (from ${(semantic[0] ?? 0).toFixed(2)})`
    : `diameter in the projected plane ${(diameters[step] ?? 0).toFixed(2)} (from ${(diameters[0] ?? 0).toFixed(2)})`;
  return (
    `Round ${round.roundNo}, step ${step} of ${round.steps}: ${round.agents.length} ${what}; ` +
    `${spread}; consensus ${round.consensusType}; ${names}.`
  );
}

function HkExplanation() {
  return (
    <p>
      <strong>Hegselmann–Krause</strong> bounded-confidence deliberation: at each step every agent
      moves toward the mean of the opinions within ε of its own (here weighted by trust), and
      ignores the rest. Clusters that no longer see each other stop merging, so a round ends in
      one consensus or several camps. The 2-D picture is a PCA projection of each agent's opinion
      vector, on one basis for all steps. The diameter lines show, for each of the five axes, the
      largest distance between two agents on that axis of the full vectors; with more than 200
      agents the trace leaves them out and the diameter in the plane is shown. The 1-D chart is
      the classic HK model in [0, 1]: it starts from the agents' stances, or, when the
      scenario says so (deliberation.classicStart 'uniform', as in hk-classic), from opinions
      drawn uniformly, the textbook setting in which ε sets the number of clusters. Sycophancy is an agent's mean
      evidence delta: negative when it was pulled toward less confident peers.
    </p>
  );
}
