import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../worker/api';
import { proposalRows, roundRows, roundRowsMax } from './timelineRows';
import { TraceIndex } from '../../trace/traceIndex';

const resolved = (t: number, roundNo: number, view: number, status: 'committed' | 'aborted', quorumSize = 5): SimEvent => ({
  t, kind: 'roundResolved', agent: view, roundNo, view, status, quorumSize, quorumNeeded: 5, n: 7, f: 2,
  quorumAgents: [], tamperedAgents: view === 1 ? [1, 2] : [], winner: null, reason: null,
});

const events: SimEvent[] = [
  { t: 0, kind: 'roundProposed', agent: 0, roundNo: 1, view: 0, roundId: 'r1', topic: 'budget' },
  resolved(6, 1, 0, 'aborted', 4),
  { t: 40, kind: 'viewChanged', agent: 1, roundNo: 1, view: 1, reason: 'timeout' },
  resolved(44, 1, 1, 'committed'),
  { t: 44, kind: 'deliberated', roundNo: 1, view: 1, steps: 3, consensusType: 'coalitional', agents: [], sycophancy: [] },
  { t: 50, kind: 'committed', agent: 2, roundNo: 1, view: 1, roundId: 'r1', winner: 5, quorumAgents: [], commitVoters: [], via: 'votes' },
  { t: 51, kind: 'roundProposed', agent: 1, roundNo: 2, view: 1, roundId: 'r2', topic: 'rollout' },
];

describe('roundRows', () => {
  it('lists every round of the scenario, pending until the cursor reaches its commit', () => {
    const rows = roundRows(TraceIndex.of(events), 45, false, 3);
    expect(rows.map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);
    expect(rows[0]!.resolution).toMatchObject({ view: 1, quorumSize: 5, tamperedAgents: [1, 2] });
    expect(rows[0]!.view).toBe(1);
  });

  it('shows a committed round with the committing view’s quorum, consensus type and commit tick', () => {
    const [first] = roundRows(TraceIndex.of(events), 60, false, 3);
    expect(first).toMatchObject({ status: 'committed', commitTick: 50, winner: 5, consensusType: 'coalitional' });
    expect(first!.resolution).toMatchObject({ view: 1, quorumSize: 5, quorumNeeded: 5 });
  });

  it('gives a round started after a view change the view it started in', () => {
    expect(roundRows(TraceIndex.of(events), 60, false, 3)[1]).toMatchObject({ roundNo: 2, view: 1, status: 'pending' });
  });

  it('calls the rounds without a commit aborted only once the run has ended', () => {
    expect(roundRows(TraceIndex.of(events), 60, true, 3).map((row) => row.status)).toEqual(['committed', 'aborted', 'aborted']);
  });

  it('keeps the list to roundRowsMax rounds, the latest the cursor has reached', () => {
    const late: SimEvent[] = [{ t: 5, kind: 'roundProposed', agent: 0, roundNo: 250, view: 0, roundId: 'x', topic: 't' }];
    const rows = roundRows(TraceIndex.of(late), 10, false, 1000);
    expect(rows).toHaveLength(roundRowsMax);
    expect(rows.at(-1)!.roundNo).toBe(250);
    expect(roundRows(TraceIndex.of([]), 0, false, 1000)[0]!.roundNo).toBe(1);
  });
});

describe('proposalRows', () => {
  const council: SimEvent[] = [
    { t: 0, kind: 'councilProposed', agent: 0, roundNo: 1, proposalId: 'p1', action: 'quarantine', target: 6,
      critical: false, expiresAt: null, deadline: 7, quorumRequired: 4, thresholdUsed: 0.5, totalVoters: 7 },
    { t: 6, kind: 'councilTallied', roundNo: 1, proposalId: 'p1', decision: 'rejected', approveWeight: 2,
      rejectWeight: 5, approveCount: 2, rejectCount: 5, abstainCount: 0, quorumRequired: 4, quorumMet: true,
      thresholdUsed: 0.5, critical: false, hashChainValid: true, trigger: 'all-votes' },
    { t: 7, kind: 'councilProposed', agent: 1, roundNo: 2, proposalId: 'p2', action: 'release', target: 2,
      critical: false, expiresAt: 9, deadline: 14, quorumRequired: 4, thresholdUsed: 0.5, totalVoters: 7 },
    { t: 10, kind: 'councilExpired', roundNo: 2, proposalId: 'p2' },
  ];

  it('shows a proposal from its tick, voting until the cursor reaches its tally', () => {
    expect(proposalRows(TraceIndex.of(council), 3).map((row) => [row.proposalId, row.decision])).toEqual([['p1', 'pending']]);
    expect(proposalRows(TraceIndex.of(council), 6)[0]).toMatchObject({ decision: 'rejected', approveWeight: 2, rejectWeight: 5, decidedTick: 6 });
  });

  it('marks a proposal expired when its ledger expiry comes before any tally', () => {
    expect(proposalRows(TraceIndex.of(council), 10)[1]).toMatchObject({ decision: 'expired', decidedTick: 10 });
  });
});
