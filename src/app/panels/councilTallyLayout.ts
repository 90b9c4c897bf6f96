import { scaleLinear } from 'd3';
import type { TallyResult } from '../../worker/api';

export interface BarSegment {
  kind: 'approve' | 'reject' | 'abstain' | 'absent';
  x: number;
  width: number;
  label: string;
}

export interface TallyGeometry {
  width: number;
  /** Weighted votes: approve then reject, over the whole council's weight. */
  weightSegments: BarSegment[];
  /** Where approve weight must reach: threshold × (approve + reject weight). */
  thresholdX: number;
  thresholdLabel: string;
  /** Voters who took part (approve + reject) against the quorum count. */
  turnoutSegments: BarSegment[];
  quorumX: number;
  quorumLabel: string;
}

/**
 * The geometry of one proposal's tally bars, a pure function of the tally and the council's
 * total weight (STYLE: a panel = a layout function plus a thin component that draws it).
 */
export function councilTallyLayout(tally: TallyResult, totalWeight: number, width: number): TallyGeometry {
  const weightX = scaleLinear().domain([0, Math.max(totalWeight, 1e-9)]).range([0, width]);
  const cast = tally.approveWeight + tally.rejectWeight;
  const weightSegments: BarSegment[] = [
    { kind: 'approve', x: 0, width: weightX(tally.approveWeight), label: `approve weight ${tally.approveWeight}` },
    {
      kind: 'reject',
      x: weightX(tally.approveWeight),
      width: weightX(tally.rejectWeight),
      label: `reject weight ${tally.rejectWeight}`,
    },
  ];
  const thresholdName = tally.isCritical ? 'supermajority' : 'majority';

  const countX = scaleLinear().domain([0, Math.max(tally.totalVoters, 1)]).range([0, width]);
  const participated = tally.approveCount + tally.rejectCount;
  const turnoutSegments: BarSegment[] = [
    { kind: 'approve', x: 0, width: countX(tally.approveCount), label: `${tally.approveCount} approve` },
    { kind: 'reject', x: countX(tally.approveCount), width: countX(tally.rejectCount), label: `${tally.rejectCount} reject` },
    {
      kind: 'abstain',
      x: countX(participated),
      width: countX(tally.abstainCount),
      label: `${tally.abstainCount} abstain`,
    },
  ];
  return {
    width,
    weightSegments,
    thresholdX: weightX(tally.thresholdUsed * cast),
    thresholdLabel: `${thresholdName} ${Math.round(tally.thresholdUsed * 1000) / 10}% of cast weight`,
    turnoutSegments,
    quorumX: countX(tally.quorumRequired),
    quorumLabel: `quorum ${tally.quorumRequired} of ${tally.totalVoters} voters`,
  };
}
