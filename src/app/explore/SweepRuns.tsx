import type { SweepDefinition, SweepRow } from '../../worker/poolApi';
import { useExplore } from '../store/exploreStore';
import { formatMetric } from './metricInfo';
import { paramLabel } from './sweepParams';
import { formatValue } from './valuesText';

interface SweepRunsProps {
  definition: SweepDefinition;
  rows: readonly SweepRow[];
  metric: string;
}

/**
 * The clicked cell's runs (UI.md Explore, right): each with its seed, its value and trace
 * hash, and a link (`#s=1.…`) that opens exactly that run in the simulator.
 */
export function SweepRuns({ definition, rows, metric }: SweepRunsProps) {
  const selected = useExplore((state) => state.selected);
  const runLinks = useExplore((state) => state.runLinks);
  const openRun = useExplore((state) => state.openRun);
  if (selected === null) {
    return (
      <aside className="sweep-runs" data-testid="sweep-runs">
        <h2>Runs</h2>
        <p className="empty-state">Click a cell to list its runs; each opens in the simulator.</p>
      </aside>
    );
  }
  const { xi, yi } = selected;
  const cellRows = rows.filter((row) => row.xi === xi && row.yi === yi);
  const where = `${paramLabel(definition.x.param)} ${formatValue(definition.x.values[xi] ?? null)}` +
    (definition.y ? `, ${paramLabel(definition.y.param)} ${formatValue(definition.y.values[yi] ?? null)}` : '');
  return (
    <aside className="sweep-runs" data-testid="sweep-runs" data-xi={xi} data-yi={yi}>
      <h2>Runs</h2>
      <p className="panel-caption">{where}</p>
      {cellRows.length === 0 && <p className="empty-state">No run of this cell has finished.</p>}
      <ol>
        {cellRows.map((row) => {
          const link = runLinks?.find((entry) => entry.seed === row.seed);
          const value = formatMetric(metric, (row.metrics as Record<string, number | null>)[metric] ?? null);
          return (
            <li key={row.seed}>
              {link?.link ? (
                <a href={link.link} data-testid="sweep-run-link" data-seed={row.seed} data-trace-hash={row.traceHash}
                  onClick={(event) => { event.preventDefault(); openRun(link.link!); }}>
                  seed {row.seed}
                </a>
              ) : (
                <span title={link?.message}>seed {row.seed}</span>
              )}
              {' · '}{value}{' · '}
              <code className="hash" title={row.traceHash}>{row.traceHash.slice(0, 8)}…</code>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
