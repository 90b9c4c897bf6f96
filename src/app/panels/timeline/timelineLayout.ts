import { scaleLinear } from 'd3';
import type { SimEvent, StreamEvent } from '../../../worker/api';
import { quorumCount } from '../../format';
import { sideName } from '../../trace/decidedValues';
import type { TraceIndex, TraceSection } from '../../trace/traceIndex';

/** The event kinds the timeline draws; the panel picks them out of the trace once per run. */
export const timelineKinds = new Set<StreamEvent['kind']>([
  'roundProposed', 'roundResolved', 'deliberated', 'committed', 'decidedNoAgreement', 'timedOut', 'viewChanged',
  'councilProposed', 'councilTallied', 'councilExpired', 'proofSubmitted', 'accusationTallied', 'quarantineExecuted',
  'quarantineWithheld',
]);

/** The run's `timelineKinds` events, in trace order, and their trace positions. */
interface Milestones {
  events: StreamEvent[];
  positions: number[];
}

/** The timeline's part of the run's trace index (`TraceIndex.section`). */
const milestonesSection: TraceSection<Milestones> = {
  name: 'timeline milestones',
  create: () => ({ events: [], positions: [] }),
  read(state, event, position) {
    if (!timelineKinds.has(event.kind)) return;
    state.events.push(event);
    state.positions.push(position);
  },
};

/**
 * The index's `timelineKinds` events, in trace order: the first `count` of `all`, an array
 * shared by the run's indexes (so a panel memoises on the pair, not on a new array per tick).
 */
export function milestonesOf(trace: TraceIndex): { all: readonly StreamEvent[]; count: number } {
  const { events, positions } = trace.section(milestonesSection);
  return { all: events, count: trace.countUpTo(positions, Infinity) };
}

export type MarkKind =
  | 'resolution' | 'commit' | 'noAgreement' | 'viewChange' | 'timeout' | 'proposal' | 'tally' | 'expired'
  /** Accountability: a proof put to a quarantine vote, on its round's lane; its status is the vote's. */
  | 'accusation';
export type MarkStatus = 'committed' | 'no-agreement' | 'aborted' | 'approved' | 'rejected' | 'no_quorum' | 'pending' | 'neutral';

export interface TimelineMark {
  key: string;
  kind: MarkKind;
  status: MarkStatus;
  /** The round (or council proposal, 1-based) the mark belongs to. */
  roundNo: number;
  tick: number;
  x: number;
  y: number;
  /** One or two characters drawn on the mark, so colour is never alone. */
  glyph: string;
  /** Short text beside the mark ("5/5"), or null when the marks around leave no room. */
  label: string | null;
  /** Where the label goes: right of the mark, or left when only that side has room. */
  labelSide: 'right' | 'left';
  /** Text under the mark (the consensus type), or null when absent or crowded. */
  note: string | null;
  /** Tampered records in a leader's resolution, drawn as a badge; 0 draws none. */
  tamperedCount: number;
  /** The full description: hover title and accessible name. */
  title: string;
}

export interface TimelineLane {
  /** Lane index, top to bottom. */
  index: number;
  y: number;
  label: string;
}

export interface TimelineGeometry {
  width: number;
  height: number;
  lanes: TimelineLane[];
  marks: TimelineMark[];
  axisTicks: { x: number; label: string }[];
  axisY: number;
  cursorX: number;
  /** The x of `markTick` (a compared pair's first difference); null without one. */
  markX: number | null;
  plotLeft: number;
  plotRight: number;
}

export interface TimelineInput {
  /** The run's trace (or only its `timelineKinds` events), in tick order. */
  events: readonly StreamEvent[];
  /** The time cursor: marks of later events are not drawn yet. */
  tick: number;
  /** The last tick of the run: the x axis spans the whole run, so marks never move. */
  endTick: number;
  /** Rounds (or proposals) the scenario asks for: one lane each, up to `lanesMax`. */
  roundCount: number;
  width: number;
  /** A tick to mark with a line across the lanes (Compare: the first difference); optional. */
  markTick?: number | null;
}

/** Policy: beyond this many rounds, rounds share lanes cyclically (they rarely overlap in time). */
export const lanesMax = 12;
const laneHeight = 46;
const plotLeft = 76;
const plotRight = 18;
/** Room between the lane labels and a mark at tick 0. */
const plotPad = 10;
const topPad = 16;
const axisHeight = 22;
/** Approximate width of one label character at the panel's 10 px label size. */
const charWidth = 6;
/** Within a lane: timeouts and view changes on the upper row, decisions on the lower. */
const viewRowY = 9;
const markRowY = 26;
/** The least distance between the centres of two marks on one row. */
const markGap = 16;

/**
 * The commit timeline at `tick` (SPEC §7, issue #6): x = tick over the whole run, one lane per
 * round, and a mark for every leader resolution, commit, timeout and view change (or council
 * proposal and tally) that has happened by the cursor. Marks of one kind and (round, view)
 * are merged into one, placed at the first such event and counting replicas so far.
 */
export function timelineLayout(input: TimelineInput): TimelineGeometry {
  const { events, tick, endTick, width } = input;
  const laneCount = Math.max(1, Math.min(input.roundCount, lanesMax));
  const right = Math.max(plotLeft + 1, width - plotRight);
  const x = scaleLinear().domain([0, Math.max(endTick, 1)]).range([plotLeft + plotPad, right]);
  const laneOf = (roundNo: number) => (Math.max(roundNo, 1) - 1) % laneCount;
  const laneY = (roundNo: number) => topPad + laneOf(roundNo) * laneHeight;
  const builder = new MarkBuilder((t) => x(t), laneY);
  const latestRound = new Map<number, number>();
  for (const event of events) {
    if (event.t > tick) break;
    builder.add(event);
    if ('roundNo' in event && typeof event.roundNo === 'number') {
      const lane = laneOf(event.roundNo);
      latestRound.set(lane, Math.max(latestRound.get(lane) ?? 0, event.roundNo));
    }
  }
  const marks = builder.marks();
  placeLabels(marks, right + plotRight);
  const council = marks.some((mark) => mark.kind === 'proposal' || mark.kind === 'tally');
  const lanes = Array.from({ length: laneCount }, (_, index) => ({
    index,
    y: topPad + index * laneHeight,
    label: `${council ? 'proposal' : 'round'} ${latestRound.get(index) ?? index + 1}`,
  }));
  const axisY = topPad + laneCount * laneHeight + 4;
  return {
    width,
    height: axisY + axisHeight,
    lanes,
    marks,
    axisTicks: x.ticks(Math.max(2, Math.floor((right - plotLeft) / 80))).map((t) => ({ x: x(t), label: String(t) })),
    axisY,
    cursorX: x(Math.min(Math.max(tick, 0), Math.max(endTick, 1))),
    markX: input.markTick == null ? null : x(Math.min(Math.max(input.markTick, 0), Math.max(endTick, 1))),
    plotLeft,
    plotRight: right,
  };
}

/** Merges the cursor's events into marks; keyed by kind and (round, view). */
class MarkBuilder {
  private readonly byKey = new Map<string, TimelineMark>();
  /** Distinct replicas per merged mark (commits, timeouts, view changes). */
  private readonly replicas = new Map<string, Set<number>>();
  /** The latest leader resolution of each (round, view), for its consensus type. */
  private readonly resolutions = new Map<string, TimelineMark>();

  constructor(
    private readonly x: (tick: number) => number,
    private readonly laneY: (roundNo: number) => number,
  ) {}

  marks(): TimelineMark[] {
    // A fork: more than one committed value in a round. Each value keeps its own mark, named
    // by its side, so the two conflicting commits are two marks and not one.
    const commitsByRound = new Map<number, TimelineMark[]>();
    for (const mark of this.byKey.values()) {
      if (mark.kind !== 'commit') continue;
      commitsByRound.set(mark.roundNo, [...(commitsByRound.get(mark.roundNo) ?? []), mark]);
    }
    for (const marks of commitsByRound.values()) {
      if (marks.length < 2) continue;
      marks.forEach((mark, side) => {
        const name = sideName(side);
        mark.label = `fork ${name}`;
        mark.title = `Fork, value ${name}: ${mark.title}`;
      });
    }
    return [...this.byKey.values()];
  }

  add(event: StreamEvent): void {
    switch (event.kind) {
      case 'roundResolved': return this.resolution(event);
      case 'deliberated': return this.deliberated(event);
      case 'committed': return this.merged(event, 'commit', `round ${event.roundNo} committed`);
      case 'decidedNoAgreement':
        return this.merged(event, 'noAgreement', `round ${event.roundNo} decided "no agreement"`);
      case 'timedOut': return this.merged(event, 'timeout', `round ${event.roundNo} timed out`);
      case 'viewChanged': return this.merged(event, 'viewChange', `round ${event.roundNo} moved`);
      case 'councilProposed': return this.proposal(event);
      case 'councilTallied': return this.tally(event);
      case 'councilExpired': return this.expired(event);
      case 'proofSubmitted': return this.accusation(event);
      case 'accusationTallied':
      case 'quarantineExecuted':
      case 'quarantineWithheld':
        return this.accusationOutcome(event);
      default: return;
    }
  }

  private put(
    mark: Omit<TimelineMark, 'x' | 'y' | 'label' | 'labelSide' | 'note' | 'tamperedCount'> & Partial<TimelineMark>,
  ) {
    const row = mark.kind === 'timeout' || mark.kind === 'viewChange' || mark.kind === 'accusation' ? viewRowY : markRowY;
    const placed: TimelineMark = {
      label: null, labelSide: 'right', note: null, tamperedCount: 0, x: this.x(mark.tick), y: this.laneY(mark.roundNo) + row, ...mark,
    };
    this.byKey.set(mark.key, placed);
    return placed;
  }

  private resolution(event: Extract<SimEvent, { kind: 'roundResolved' }>) {
    const committed = event.status === 'committed';
    const tampered = event.tamperedAgents.length;
    const key = `resolution:${event.roundNo}:${event.view}:${event.t}:${event.agent}`;
    const mark = this.put({
      key, kind: 'resolution', status: event.status, roundNo: event.roundNo, tick: event.t,
      glyph: committed ? '✓' : '✗', label: quorumCount(event.quorumSize, event.quorumNeeded), tamperedCount: tampered,
      title:
        `Round ${event.roundNo}, view ${event.view}: leader a${event.agent} resolved at tick ${event.t}, ` +
        `${committed ? 'quorum reached' : 'aborted'} with ${event.quorumSize} of the ${event.quorumNeeded} needed` +
        ` (n=${event.n}, f=${event.f})` +
        (tampered > 0 ? `; ${tampered} tampered: ${event.tamperedAgents.map((a) => `a${a}`).join(', ')}` : '') +
        (event.reason ? `; ${event.reason}` : ''),
    });
    this.resolutions.set(`${event.roundNo}:${event.view}`, mark);
  }

  /** The consensus type annotates the leader's resolution of the same round and view. */
  private deliberated(event: Extract<SimEvent, { kind: 'deliberated' }>) {
    const target = this.resolutions.get(`${event.roundNo}:${event.view}`);
    if (target === undefined) return;
    target.note = event.consensusType;
    target.title += `; deliberation: ${event.consensusType} consensus after ${event.steps} steps`;
  }

  private merged(
    event: Extract<SimEvent, { kind: 'committed' | 'decidedNoAgreement' | 'timedOut' | 'viewChanged' }>,
    kind: 'commit' | 'noAgreement' | 'timeout' | 'viewChange',
    what: string,
  ) {
    // Commits of different values in one view (an equivocating leader) stay apart.
    const value = event.kind === 'committed' ? `:${event.roundId}:${event.winner}` : '';
    const key = `${kind}:${event.roundNo}:${event.view}${value}`;
    const agents = this.replicas.get(key) ?? new Set<number>();
    agents.add(event.agent);
    this.replicas.set(key, agents);
    const existing = this.byKey.get(key);
    const first = existing?.tick ?? event.t;
    const replicas = `${agents.size} replica${agents.size === 1 ? '' : 's'}`;
    const detail =
      kind === 'commit' || kind === 'noAgreement'
        ? `${what} in view ${event.view} from tick ${first}: ${replicas} so far` +
          ('winner' in event ? `, winner a${event.winner}` : '') +
          ('evidenceAgents' in event ? `: ${event.quorumSize} of ${event.evidenceAgents.length} records reached the threshold, ${event.quorumNeeded} needed` : '')
        : kind === 'timeout'
          ? `${what} in view ${event.view} from tick ${first}: ${replicas} so far`
          : `${what} to view ${event.view} from tick ${first}: ${replicas} so far` +
            ('reason' in event ? ` (${event.reason})` : '');
    this.put({
      key, kind, roundNo: event.roundNo, tick: first,
      status: kind === 'commit' ? 'committed' : kind === 'noAgreement' ? 'no-agreement' : 'neutral',
      glyph: kind === 'commit' ? '✓' : kind === 'noAgreement' ? '⊘' : kind === 'timeout' ? 'T' : 'V',
      label: kind === 'viewChange' ? `v${event.view}` : null,
      title: detail.charAt(0).toUpperCase() + detail.slice(1),
    });
  }

  private proposal(event: Extract<SimEvent, { kind: 'councilProposed' }>) {
    this.put({
      key: `proposal:${event.proposalId}`, kind: 'proposal', status: 'pending', roundNo: event.roundNo, tick: event.t,
      glyph: 'P', label: event.action,
      title:
        `${event.proposalId}: a${event.agent} proposed ${event.action} → a${event.target} at tick ${event.t}` +
        `${event.critical ? ' (critical: supermajority)' : ''}; tally by tick ${event.deadline}`,
    });
  }

  private tally(event: Extract<SimEvent, { kind: 'councilTallied' }>) {
    const decision = event.decision === 'pending' ? 'pending' : event.decision;
    const glyph = { approved: '✓', rejected: '✗', no_quorum: '∅', pending: '…' }[decision];
    const weights = `${round2(event.approveWeight)}–${round2(event.rejectWeight)}`;
    this.put({
      key: `tally:${event.proposalId}`, kind: 'tally', status: decision, roundNo: event.roundNo, tick: event.t,
      glyph, label: weights,
      title:
        `${event.proposalId} tallied at tick ${event.t}: ${decision.replace('_', ' ')}, approve weight ` +
        `${round2(event.approveWeight)} vs reject ${round2(event.rejectWeight)}, ` +
        `${event.approveCount + event.rejectCount} voters of quorum ${event.quorumRequired}` +
        ` (${event.quorumMet ? 'met' : 'missed'})`,
    });
  }

  private accusation(event: Extract<SimEvent, { kind: 'proofSubmitted' }>) {
    this.put({
      key: `accusation:${event.proposalId}`, kind: 'accusation', status: 'pending', roundNo: event.roundNo, tick: event.t,
      glyph: '!', label: `accuses a${event.accused}`,
      title:
        `a${event.accuser} submitted ${event.forged ? 'a forged' : 'an'} equivocation proof against a${event.accused} ` +
        `at tick ${event.t} (${event.holds ? 'it holds' : 'it does not hold'}) and proposed its quarantine (${event.proposalId})`,
    });
  }

  /** The vote's outcome recolours the accusation's mark; an executed quarantine names the agent. */
  private accusationOutcome(event: Extract<SimEvent, { kind: 'accusationTallied' | 'quarantineExecuted' | 'quarantineWithheld' }>) {
    const mark = this.byKey.get(`accusation:${event.proposalId}`);
    if (mark === undefined) return;
    if (event.kind === 'quarantineWithheld') {
      mark.status = 'rejected';
      mark.glyph = '✗';
      mark.label = `a${event.accused} not quarantined`;
      mark.title += `; withheld: ${event.approveCount} approval(s), ${event.approversNeeded} needed (more than f)`;
      return;
    }
    if (event.kind === 'quarantineExecuted') {
      mark.label = `a${event.accused} quarantined`;
      mark.title += `; quarantine executed at tick ${event.t}: honest replicas ignore a${event.accused} from round ${event.fromRound}`;
      return;
    }
    mark.status = event.decision;
    mark.glyph = { approved: '!', rejected: '✗', no_quorum: '∅', pending: '!' }[event.decision];
    if (event.decision !== 'approved') mark.label = `a${event.accused} not quarantined`;
    mark.title += `; tallied at tick ${event.t}: ${event.decision.replace('_', ' ')} (approve weight ${round2(event.approveWeight)} vs reject ${round2(event.rejectWeight)})`;
  }

  private expired(event: Extract<SimEvent, { kind: 'councilExpired' }>) {
    this.put({
      key: `expired:${event.proposalId}`, kind: 'expired', status: 'neutral', roundNo: event.roundNo, tick: event.t,
      glyph: '⌛', title: `${event.proposalId} expired at tick ${event.t} without a tally`,
    });
  }
}

function round2(value: number): string {
  return Number(value.toFixed(2)).toString();
}

/**
 * Nudges marks that would cover one another apart (the title keeps the exact tick), then keeps a
 * label only where the marks around leave room for it, so text never overlaps; the hover title
 * and the list beneath still say everything.
 */
function placeLabels(marks: TimelineMark[], width: number): void {
  const rows = new Map<number, TimelineMark[]>();
  for (const mark of marks) rows.set(mark.y, [...(rows.get(mark.y) ?? []), mark]);
  for (const row of rows.values()) {
    row.sort((a, b) => a.x - b.x);
    row.forEach((mark, i) => {
      const previous = row[i - 1];
      if (previous !== undefined && mark.x < previous.x + markGap) mark.x = previous.x + markGap;
    });
    let freeFrom = 0;
    row.forEach((mark, i) => {
      const labelWidth = mark.label === null ? 0 : mark.label.length * charWidth + 12;
      const right = (row[i + 1]?.x ?? width) - mark.x;
      const left = mark.x - freeFrom;
      if (labelWidth > right) {
        if (labelWidth <= left) mark.labelSide = 'left';
        else mark.label = null;
      }
      freeFrom = mark.x + (mark.label !== null && mark.labelSide === 'right' ? labelWidth : markGap / 2);
      // Notes sit under the mark, centred on it: they need room on both sides.
      const around = Math.min(right, mark.x - (row[i - 1]?.x ?? 0));
      if (mark.note !== null && mark.note.length * charWidth > 2 * around - 4) mark.note = null;
    });
  }
}
