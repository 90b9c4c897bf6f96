import type { SweepDefinition, SweepRow } from '../../worker/poolApi';

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rows as CSV: one line per run, `xi, yi, x, y, seed, traceHash`, then every metric (empty
 * when n/a), in the command line's order.
 */
export function sweepCsv(rows: readonly SweepRow[]): string {
  const metricNames = rows.length === 0 ? [] : Object.keys(rows[0]!.metrics);
  const header = ['xi', 'yi', 'x', 'y', 'seed', 'traceHash', ...metricNames];
  const lines = rows.map((row) => {
    const metrics = row.metrics as Record<string, number | null>;
    return [row.xi, row.yi, row.x, row.y, row.seed, row.traceHash, ...metricNames.map((name) => metrics[name])]
      .map(csvField).join(',');
  });
  return [header.join(','), ...lines].join('\n') + '\n';
}

/** The sweep and its rows as one JSON document: the definition reproduces the rows. */
export function sweepJson(definition: SweepDefinition, rows: readonly SweepRow[], link: string | null): string {
  return `${JSON.stringify({ definition, link, rows }, null, 2)}\n`;
}

/** A file name from the sweep's name: `sweep-drop-rate.csv`. */
export function sweepFileName(definition: SweepDefinition, extension: string): string {
  const slug = (definition.name ?? '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '').slice(0, 40);
  return `sweep-${slug || 'results'}.${extension}`;
}
