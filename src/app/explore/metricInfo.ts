/**
 * The metrics of a sweep in words (SPEC §4, issue 13). The names are core's `metricNames`
 * (a test keeps the two lists equal); the app holds only the words and how to show a value.
 */
export type MetricKind = 'share' | 'count' | 'ticks' | 'trust';

export interface MetricInfo {
  name: string;
  label: string;
  kind: MetricKind;
  /** Which protocol the metric is about; null: both. */
  protocol: 'resonance' | 'council' | null;
}

const invariantLabels: [string, string][] = [
  ['agreement', 'Runs breaking agreement'],
  ['validity', 'Runs breaking validity'],
  ['integrity', 'Runs breaking integrity'],
  ['equivocation', 'Runs with an undetected equivocation'],
  ['certified-commits', 'Runs with an uncertified commit'],
  ['liveness-after-heal', 'Runs not live after a heal'],
];

const consensusTypeNames = [
  'genuine', 'fragile', 'capitulated', 'coerced', 'logrolled', 'coalitional', 'deadlock', 'polarized', 'unknown',
];

export const metricInfos: readonly MetricInfo[] = [
  { name: 'decided', label: 'Share of rounds decided', kind: 'share', protocol: null },
  { name: 'committed', label: 'Rounds committed', kind: 'count', protocol: 'resonance' },
  { name: 'ticksToCommit', label: 'Mean ticks to commit', kind: 'ticks', protocol: 'resonance' },
  { name: 'viewChangesPerRound', label: 'View changes per round', kind: 'count', protocol: 'resonance' },
  { name: 'anyInvariantRed', label: 'Runs with any invariant red', kind: 'share', protocol: null },
  ...invariantLabels.map(([name, label]): MetricInfo => ({
    name: `invariant.${name}`, label, kind: 'share', protocol: null,
  })),
  { name: 'falseAgreementRate', label: 'False-agreement rate', kind: 'share', protocol: 'resonance' },
  ...consensusTypeNames.map((type): MetricInfo => ({
    name: `consensus.${type}`, label: `Commits of consensus type ${type}`, kind: 'share', protocol: 'resonance',
  })),
  { name: 'opinionClusters', label: 'Opinion clusters after deliberation', kind: 'count', protocol: 'resonance' },
  { name: 'trustInFaulty', label: 'Mean trust in faulty agents', kind: 'trust', protocol: null },
  { name: 'approvals', label: 'Council approvals', kind: 'count', protocol: 'council' },
  { name: 'criticalApprovals', label: 'Council critical approvals', kind: 'count', protocol: 'council' },
];

export function metricInfo(name: string): MetricInfo {
  return metricInfos.find((info) => info.name === name) ?? { name, label: name, kind: 'count', protocol: null };
}

/** A metric value for people: shares as percentages, the rest to two decimals at most. */
export function formatMetric(name: string, value: number | null): string {
  if (value === null) return 'n/a';
  const { kind } = metricInfo(name);
  if (kind === 'share') return `${round(value * 100, 1)}%`;
  return String(round(value, 2));
}

function round(value: number, places: number): number {
  const scale = 10 ** places;
  return Math.round(value * scale) / scale;
}

/** The metric a new sweep draws first, by protocol. */
export function defaultMetric(protocol: 'resonance' | 'council'): string {
  return protocol === 'council' ? 'approvals' : 'decided';
}
