import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../worker/api';
import { lanesMax, timelineLayout, type TimelineInput } from './timelineLayout';

const resolved = (t: number, roundNo: number, view: number, extra: Partial<Extract<SimEvent, { kind: 'roundResolved' }>> = {}): SimEvent => ({
  t, kind: 'roundResolved', agent: view, roundNo, view, status: 'committed', quorumSize: 5, quorumNeeded: 5,
  n: 7, f: 2, quorumAgents: [0, 1, 2, 3, 4], tamperedAgents: [], winner: 3, reason: null, ...extra,
});
const committed = (t: number, agent: number, roundNo: number, view = 0): SimEvent => ({
  t, kind: 'committed', agent, roundNo, view, roundId: `r${roundNo}`, winner: 3, quorumAgents: [], commitVoters: [], via: 'votes',
});

/** Two rounds of a run like crash-leader: round 1 times out in view 0 and commits in view 1. */
const events: SimEvent[] = [
  { t: 40, kind: 'timedOut', agent: 1, roundNo: 1, view: 0 },
  { t: 40, kind: 'viewChanged', agent: 1, roundNo: 1, view: 1, reason: 'timeout' },
  { t: 41, kind: 'timedOut', agent: 2, roundNo: 1, view: 0 },
  { t: 41, kind: 'viewChanged', agent: 2, roundNo: 1, view: 1, reason: 'timeout' },
  resolved(44, 1, 1, { tamperedAgents: [5, 6] }),
  { t: 44, kind: 'deliberated', roundNo: 1, view: 1, steps: 3, consensusType: 'genuine', agents: [], sycophancy: [] },
  committed(50, 2, 1, 1),
  committed(51, 3, 1, 1),
  resolved(56, 2, 1, { status: 'aborted', quorumSize: 4 }),
  committed(62, 1, 2, 1),
];

const input = (overrides: Partial<TimelineInput> = {}): TimelineInput => ({
  events, tick: 100, endTick: 100, roundCount: 2, width: 680, ...overrides,
});

describe('timelineLayout', () => {
  it('draws no mark at tick 0 and only the events the cursor has reached', () => {
    expect(timelineLayout(input({ tick: 0 })).marks).toEqual([]);
    const kinds = timelineLayout(input({ tick: 44 })).marks.map((mark) => mark.kind);
    expect(kinds).toEqual(['timeout', 'viewChange', 'resolution']);
  });

  it('marks a resolution committed with k/need, its tampered count and its consensus type', () => {
    const mark = timelineLayout(input()).marks.find((m) => m.kind === 'resolution' && m.roundNo === 1)!;
    expect(mark).toMatchObject({ status: 'committed', glyph: '✓', label: '5 ≥ 5', tamperedCount: 2, note: 'genuine' });
    expect(mark.title).toContain('tampered: a5, a6');
  });

  it('marks a round aborted when its leader resolved only 4 of the 5 needed', () => {
    const mark = timelineLayout(input()).marks.find((m) => m.kind === 'resolution' && m.roundNo === 2)!;
    expect(mark).toMatchObject({ status: 'aborted', glyph: '✗', label: '4 < 5' });
  });

  it('merges the replicas of one view into one mark at the first event, counting them so far', () => {
    const at50 = timelineLayout(input({ tick: 50 })).marks.filter((m) => m.kind === 'commit');
    const at60 = timelineLayout(input({ tick: 60 })).marks.filter((m) => m.kind === 'commit');
    expect(at50).toHaveLength(1);
    expect(at50[0]!.title).toContain('1 replica so far');
    expect(at60[0]!.tick).toBe(50);
    expect(at60[0]!.title).toContain('2 replicas so far');
    const view = timelineLayout(input()).marks.find((m) => m.kind === 'viewChange')!;
    expect(view).toMatchObject({ tick: 40, label: 'v1' });
  });

  it('places x by tick over the whole run, so a mark does not move as the cursor advances', () => {
    const early = timelineLayout(input({ tick: 45 })).marks.find((m) => m.kind === 'resolution')!;
    const late = timelineLayout(input({ tick: 100 })).marks.find((m) => m.kind === 'resolution')!;
    expect(early.x).toBe(late.x);
    const geometry = timelineLayout(input({ tick: 50 }));
    expect(geometry.cursorX).toBeCloseTo((timelineLayout(input({ tick: 0 })).cursorX + geometry.plotRight) / 2);
  });

  it('gives each round its own lane, and shares lanes cyclically beyond lanesMax rounds', () => {
    const geometry = timelineLayout(input());
    const y = (roundNo: number) => geometry.marks.find((m) => m.kind === 'resolution' && m.roundNo === roundNo)!.y;
    expect(y(2) - y(1)).toBeGreaterThan(30);
    const many = [resolved(1, 1, 0), resolved(2, lanesMax + 1, 0)];
    const shared = timelineLayout(input({ events: many, roundCount: 40 }));
    expect(shared.lanes).toHaveLength(lanesMax);
    expect(shared.marks[0]!.y).toBe(shared.marks[1]!.y);
    expect(shared.lanes[0]!.label).toBe(`round ${lanesMax + 1}`);
  });

  it('nudges apart marks that would cover each other, and drops a label that has no room', () => {
    const crowded = [resolved(10, 1, 0), resolved(11, 1, 1), resolved(12, 1, 2)];
    const marks = timelineLayout(input({ events: crowded, roundCount: 1 })).marks;
    expect(marks[1]!.x - marks[0]!.x).toBeGreaterThanOrEqual(16);
    expect(marks.map((mark) => [mark.label, mark.labelSide])).toEqual([
      ['5 ≥ 5', 'left'], [null, 'right'], ['5 ≥ 5', 'right'],
    ]);
  });

  it('puts a label left of a mark at the end of the run, where the right has no room', () => {
    const marks = timelineLayout(input({ events: [resolved(100, 1, 0)], roundCount: 1 })).marks;
    expect(marks[0]).toMatchObject({ label: '5 ≥ 5', labelSide: 'left' });
  });

  it('marks each council tally approved, rejected or without quorum, with the weights', () => {
    const tally = (t: number, roundNo: number, decision: 'approved' | 'rejected' | 'no_quorum'): SimEvent => ({
      t, kind: 'councilTallied', roundNo, proposalId: `prop-${roundNo}`, decision, approveWeight: 7, rejectWeight: 1.5,
      approveCount: 6, rejectCount: 1, abstainCount: 0, quorumRequired: 4, quorumMet: decision !== 'no_quorum',
      thresholdUsed: 0.5, critical: false, hashChainValid: true, trigger: 'all-votes',
    });
    const council: SimEvent[] = [
      { t: 0, kind: 'councilProposed', agent: 0, roundNo: 1, proposalId: 'prop-1', action: 'quarantine', target: 6,
        critical: false, expiresAt: null, deadline: 7, quorumRequired: 4, thresholdUsed: 0.5, totalVoters: 7 },
      tally(6, 1, 'approved'), tally(30, 2, 'rejected'), tally(60, 3, 'no_quorum'),
    ];
    const marks = timelineLayout(input({ events: council, roundCount: 3 })).marks;
    expect(marks.map((mark) => [mark.kind, mark.status, mark.glyph])).toEqual([
      ['proposal', 'pending', 'P'], ['tally', 'approved', '✓'], ['tally', 'rejected', '✗'], ['tally', 'no_quorum', '∅'],
    ]);
    expect(marks[2]!.label).toBe('7–1.5');
    expect(timelineLayout(input({ events: council, roundCount: 3 })).lanes[0]!.label).toBe('proposal 1');
  });
});
