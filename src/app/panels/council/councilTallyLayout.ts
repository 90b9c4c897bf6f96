import { scaleLinear } from 'd3';
import type { TallyView } from './councilState';

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
  /** Where approve weight must reach: threshold × (approve + reject weight); null if unknown. */
  thresholdX: number | null;
  thresholdLabel: string;
  /** Voters who took part (approve + reject) against the quorum count. */
  turnoutSegments: BarSegment[];
  /** The quorum of voters; null if unknown. */
  quorumX: number | null;
  quorumLabel: string;
}

/**
 * The geometry of one proposal's tally bars, a pure function of the tally (so far) and the
 * council's total weight (STYLE: a panel = a layout function plus a thin component).
 */
export function councilTallyLayout(tally: TallyView, totalWeight: number, width: number): TallyGeometry {
  const weightX = scaleLinear().domain([0, Math.max(totalWeight, 1e-9)]).range([0, width]);
  const cast = tally.approveWeight + tally.rejectWeight;
  const weightSegments: BarSegment[] = [
    { kind: 'approve', x: 0, width: weightX(tally.approveWeight), label: `approve weight ${round(tally.approveWeight)}` },
    {
      kind: 'reject',
      x: weightX(tally.approveWeight),
      width: weightX(tally.rejectWeight),
      label: `reject weight ${round(tally.rejectWeight)}`,
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
  const { thresholdUsed, quorumRequired } = tally;
  return {
    width,
    weightSegments,
    thresholdX: thresholdUsed === null ? null : weightX(thresholdUsed * cast),
    thresholdLabel:
      thresholdUsed === null
        ? `${thresholdName} line not known: the run stopped before the tally`
        : `${thresholdName} ${round(thresholdUsed * 100, 1)}% of cast weight`,
    turnoutSegments,
    quorumX: quorumRequired === null ? null : countX(quorumRequired),
    quorumLabel:
      quorumRequired === null
        ? 'quorum not known: the run stopped before the tally'
        : `quorum ${quorumRequired} of ${tally.totalVoters} voters`,
  };
}

function round(value: number, places = 2): string {
  return Number(value.toFixed(places)).toString();
}
