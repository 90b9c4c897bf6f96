import { memo, useMemo, useState } from 'react';
import type { TraceIndex } from '../../trace/traceIndex';
import { EmptyState, Panel } from '../../components/Panel';
import {
  axisLabels,
  axisNames,
  pentadicTable,
  scoreColour,
  scoredRoundsUpTo,
  type PentadicRow,
} from './pentadicLayout';
import './pentadic.css';

export interface PentadicPanelProps {
  trace: TraceIndex;
  tick: number;
  selectedAgent: number | null;
  onSelectAgent(agent: number | null): void;
}

/** Rows shown before "show all": a table of hundreds of agents would bury the page. */
const rowsShownMax = 25;

/** The pentadic alignment report of the latest scored round at the cursor (or a chosen one). */
export const PentadicPanel = memo(PentadicPanelBody);

function PentadicPanelBody({ trace, tick, selectedAgent, onSelectAgent }: PentadicPanelProps) {
  // Scores and resolutions are a small share of the trace: pick them out once per trace.
  const scoring = useMemo(
    () => trace.ofKinds(['roundScored', 'roundResolved'] as const),
    [trace],
  );
  const rounds = useMemo(() => scoredRoundsUpTo(scoring, tick), [scoring, tick]);
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const round = rounds.find((r) => r.key === chosenKey) ?? rounds.at(-1) ?? null;
  const table = round && pentadicTable(round, showAll ? Infinity : rowsShownMax);
  return (
    <Panel
      testId="pentadic-report"
      title="Pentadic report"
      caption="How close each agent's sealed evaluation lies to the committed centroid, axis by axis."
      info={<PentadicExplanation />}
      legend={table && <PentadicLegend threshold={table.round.threshold} />}
    >
      {table === null ? (
        <EmptyState>The first round's scores appear here once its leader resolves it; press play.</EmptyState>
      ) : (
        <>
          <div className="pentadic-toolbar">
            <label>
              <span className="visually-hidden">Round and view shown</span>
              <select
                data-testid="pentadic-round"
                value={table.round.key}
                onChange={(event) => {
                  const key = event.target.value;
                  setChosenKey(key === rounds.at(-1)?.key ? null : key);
                }}
              >
                {rounds.map((r) => (
                  <option key={r.key} value={r.key}>
                    round {r.roundNo} · view {r.view}
                  </option>
                ))}
              </select>
            </label>
            <span className="muted">
              resolved by a{table.round.agent}
              {table.round.status && `: ${table.round.status}`} · threshold {table.round.threshold.toFixed(2)}
            </span>
          </div>
          <div className="pentadic-scroll">
            <table className="pentadic-table">
              <thead>
                <tr>
                  <th scope="col">agent</th>
                  {axisLabels.map((label, a) => (
                    <th key={label} scope="col" title={axisNames[a]}>
                      {label}
                    </th>
                  ))}
                  <th scope="col">Overall</th>
                  <th scope="col">
                    <span aria-hidden="true">✓</span>
                    <span className="visually-hidden">at or above the threshold</span>
                  </th>
                  <th scope="col">alignment</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <Row
                    key={row.agentIndex}
                    row={row}
                    selected={row.agentIndex === selectedAgent}
                    onSelect={() => onSelectAgent(row.agentIndex === selectedAgent ? null : row.agentIndex)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {(table.hiddenCount > 0 || showAll) && (
            <button type="button" className="link-button" onClick={() => setShowAll((all) => !all)}>
              {showAll ? `show the first ${rowsShownMax} only` : `show all ${table.rows.length + table.hiddenCount} agents`}
            </button>
          )}
        </>
      )}
    </Panel>
  );
}

function Row({ row, selected, onSelect }: { row: PentadicRow; selected: boolean; onSelect(): void }) {
  const name = `a${row.agentIndex}`;
  return (
    <tr
      data-testid={`pentadic-row-${row.agentIndex}`}
      data-tampered={row.tampered || undefined}
      className={`${row.tampered ? 'tampered' : ''}${selected ? ' selected' : ''}`}
    >
      <th scope="row">
        <button type="button" className="link-button" aria-pressed={selected} onClick={onSelect}>
          {name}
        </button>
        {row.tampered && (
          <span className="tamper-flag" title="Its record failed the seal check: it never counts toward a quorum">
            <span aria-hidden="true">⚠</span> tampered
          </span>
        )}
      </th>
      {row.axes.map((score, a) => (
        <td key={axisLabels[a]}>
          <ScoreCell score={score} label={`${name} ${axisNames[a]}`} />
        </td>
      ))}
      <td className="overall tabular">{row.overall === null ? '—' : row.overall.toFixed(3)}</td>
      <td className="pass">
        {row.passes ? (
          <span aria-label="at or above the threshold" title="at or above the threshold">✓</span>
        ) : (
          <span aria-label="below the threshold" title="below the threshold" className="muted">·</span>
        )}
      </td>
      <td>{row.band && <span className={`band band-${row.band}`}>{row.band}</span>}</td>
    </tr>
  );
}

function ScoreCell({ score, label }: { score: number | null; label: string }) {
  if (score === null) return <span className="score-cell empty" title={`${label}: not scored`}>—</span>;
  const { fill, text } = scoreColour(score);
  return (
    <span className="score-cell tabular" style={{ background: fill, color: text }} title={`${label}: ${score.toFixed(4)}`}>
      {score.toFixed(3)}
    </span>
  );
}

function PentadicLegend({ threshold }: { threshold: number }) {
  const stops = [0, 0.25, 0.5, 0.75, 1];
  return (
    <div className="pentadic-legend">
      <span>similarity 0</span>
      {stops.map((value) => (
        <span key={value} className="pentadic-swatch" style={{ background: scoreColour(value).fill }} />
      ))}
      <span>1</span>
      <span>✓ overall ≥ {threshold.toFixed(2)}</span>
      <span>bands: strong ≥ 0.9 · moderate ≥ 0.75 · borderline ≥ 0.6 · weak</span>
      <span className="tamper-flag">
        <span aria-hidden="true">⚠</span> tampered
      </span>
    </div>
  );
}

function PentadicExplanation() {
  return (
    <p>
      Each belief has five axes: <strong>semantic</strong> (what the evaluation says),{' '}
      <strong>affective</strong> (its tone), <strong>relational</strong> (whom it trusts),{' '}
      <strong>epistemic</strong> (how sure it is) and <strong>behavioral</strong> (its record of
      taking part). The leader compares every sealed record with the trimmed-mean centroid of each
      axis (cosine similarity) and weights the five into the overall score. Agents at or above the
      threshold can form the quorum; a tampered record fails its seal and never counts.
    </p>
  );
}
