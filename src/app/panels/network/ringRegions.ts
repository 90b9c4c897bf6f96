/**
 * Partition sides drawn as soft tinted bands behind the ring (UI.md): one band per run of
 * consecutive agents of a group, so interleaved groups still read as separate sides.
 */
import { arc } from 'd3';
import type { Scenario } from '../../../worker/api';

/** Okabe–Ito, in the order UI.md gives partition groups. */
export const partitionFills = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

export interface RingRegion {
  key: string;
  partitionIndex: number;
  groupIndex: number;
  agents: number[];
  /** Annular sectors behind the group's runs of agents, relative to the ring's centre. */
  paths: string[];
  fill: string;
  label: string;
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'middle' | 'end';
}

type Partition = NonNullable<NonNullable<Scenario['network']>['partitions']>[number];

function activePartitions(scenario: Scenario, tick: number): { partition: Partition; index: number }[] {
  const partitions = scenario.network?.partitions ?? [];
  return partitions
    .map((partition, index) => ({ partition, index }))
    .filter(({ partition }) => partition.from <= tick && tick < (partition.healAt ?? Infinity));
}

/** The groups of a partition: the listed ones, then everyone unlisted as one more group. */
export function partitionGroups(partition: Partition, n: number): number[][] {
  const listed = partition.groups.map((group) => group.filter((agent) => agent >= 0 && agent < n));
  const seen = new Set(listed.flat());
  const rest: number[] = [];
  for (let agent = 0; agent < n; agent++) if (!seen.has(agent)) rest.push(agent);
  return (rest.length > 0 ? [...listed, rest] : listed).filter((group) => group.length > 0);
}

function sideName(groupIndex: number): string {
  return `side ${String.fromCharCode(65 + (groupIndex % 26))}`;
}

export function sidesAt(scenario: Scenario, tick: number): { sideOf: (number | undefined)[]; labels: string[] } {
  const first = activePartitions(scenario, tick)[0];
  const sideOf: (number | undefined)[] = [];
  const labels: string[] = [];
  if (!first) return { sideOf, labels };
  partitionGroups(first.partition, scenario.n).forEach((group, groupIndex) => {
    labels.push(sideName(groupIndex));
    for (const agent of group) sideOf[agent] = groupIndex;
  });
  return { sideOf, labels };
}

export function regionsAt(scenario: Scenario, tick: number, radius: number, band: number): RingRegion[] {
  const n = scenario.n;
  const step = (2 * Math.PI) / n;
  const pad = Math.min(step * 0.12, 0.03);
  const sector = arc<{ startAngle: number; endAngle: number }>()
    .innerRadius(radius - band)
    .outerRadius(radius + band)
    .cornerRadius(Math.min(band * 0.6, 10));
  const regions: RingRegion[] = [];
  for (const { partition, index: partitionIndex } of activePartitions(scenario, tick)) {
    partitionGroups(partition, n).forEach((agents, groupIndex) => {
      const runs = circularRuns(agents, n);
      const paths = runs.map(([start, length]) =>
        length === n
          ? (sector({ startAngle: 0, endAngle: 2 * Math.PI }) ?? '')
          : (sector({ startAngle: (start - 0.5) * step + pad, endAngle: (start + length - 0.5) * step - pad }) ?? ''),
      );
      const [start, length] = runs.reduce((best, run) => (run[1] > best[1] ? run : best));
      const mid = (start + (length - 1) / 2) * step;
      // Inside the band, where it cannot be clipped by the panel's edge.
      const labelRadius = radius - band - 10;
      const sin = Math.sin(mid);
      regions.push({
        key: `${partitionIndex}:${groupIndex}`,
        partitionIndex,
        groupIndex,
        agents,
        paths,
        fill: partitionFills[groupIndex % partitionFills.length]!,
        label: `${sideName(groupIndex)} · ${agents.length}`,
        labelX: labelRadius * sin,
        labelY: -labelRadius * Math.cos(mid) + 4,
        labelAnchor: Math.abs(sin) < 0.3 ? 'middle' : sin > 0 ? 'end' : 'start',
      });
    });
  }
  return regions;
}

/** Runs of consecutive agents around the ring, as [first agent, length]; wraps past n − 1. */
export function circularRuns(agents: readonly number[], n: number): [number, number][] {
  const member = new Array<boolean>(n).fill(false);
  for (const agent of agents) member[agent] = true;
  if (agents.length >= n && member.every(Boolean)) return [[0, n]];
  const runs: [number, number][] = [];
  for (let start = 0; start < n; start++) {
    if (!member[start] || member[(start - 1 + n) % n]) continue;
    let length = 1;
    while (member[(start + length) % n]) length++;
    runs.push([start, length]);
  }
  return runs;
}
