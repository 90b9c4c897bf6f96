import { silentAt } from '../../../core/values';
import type { Scenario } from '../../../worker/api';
import type { TraceIndex } from '../../trace/traceIndex';
import { byzantineAgents, forksAt } from '../../trace/decidedValues';
import { ringSection } from './ringEventIndex';
import { ringMessages, type RingMessages } from './ringFlight';
import { regionsAt, sidesAt, type RingRegion } from './ringRegions';

export type { RingRegion };
export { flightTick, lostVisibleTicks, placeFlight, ringFlight, ringMessages } from './ringFlight';
export type { DotPlace, RingFlight, RingMessage, RingMessages } from './ringFlight';

type Fault = NonNullable<Scenario['faults']>[number];
export type FaultKind = Fault['kind'];

export interface RingInput {
  scenario: Scenario;
  trace: TraceIndex;
  /** The time cursor in ticks; fractional between ticks while playing. */
  tick: number;
  /** The drawing's size in user units (the SVG viewBox). */
  width: number;
  height: number;
  /** Most message dots drawn at once; the rest are counted as aggregated. Default 400. */
  messagesMax?: number;
  /** False under `prefers-reduced-motion`: dots sit at their ends instead of travelling. */
  travel?: boolean;
}

export interface RingAgent {
  index: number;
  id: string;
  x: number;
  y: number;
  /** Radians clockwise from 12 o'clock. */
  angle: number;
  /** Unit vector from the centre through the agent, to place labels and badges outside. */
  outX: number;
  outY: number;
  showLabel: boolean;
  isLeader: boolean;
  isLocked: boolean;
  committedCount: number;
  /**
   * In a round with conflicting commits at this tick (a fork): the value this agent
   * committed (0, 1, …) and its name (A, B, …); null when it committed no forked round.
   */
  fork: { side: number; name: string; roundNo: number } | null;
  /** Why the agent sends nothing at this tick, or null while it is up. */
  down: 'silent' | 'crashed' | null;
  /**
   * Quarantined by a Council vote on a proof (accountability): the proposal and the round from
   * which honest replicas ignore the agent; null while it is not.
   */
  quarantine: { proposalId: string; fromRound: number } | null;
  /** Fault kinds other than silent (silent agents are drawn as down, not as Byzantine). */
  byzantineKinds: FaultKind[];
  isEquivocator: boolean;
  /** The agent's side (group index) in the first active partition, or null. */
  side: number | null;
  /**
   * The text alternative: every role in words. Read only: worded when read (a 1000-agent ring
   * is laid out every tick, and only a hovered agent's description is shown on the canvas).
   */
  readonly description: string;
}

export interface RingStatic {
  width: number;
  height: number;
  cx: number;
  cy: number;
  radius: number;
  agentRadius: number;
  /** Labels inside the circles when they fit, else beside them. */
  labelPlacement: 'inside' | 'outside';
  /** Badges (✓N, lock) are drawn only while they fit; the description still says them. */
  showBadges: boolean;
  agents: RingAgent[];
  regions: RingRegion[];
  leader: number | null;
  /** The latest view any replica moved to (0 before any view change). */
  view: number;
}

export type RingGeometry = RingStatic & RingMessages;

/** Above this many agents each label is drawn only every `labelEvery` agents. */
const labelAllMax = 64;
const labelEvery = 10;
/** Policy: the SVG panel stops labelling at 200 agents (SPEC §7: canvas above). */
export const svgAgentsMax = 200;

/** The whole picture at `tick`: the static layer and the messages overlay. */
export function ringLayout(input: RingInput): RingGeometry {
  const ring = ringStatic(input);
  return { ...ring, ...ringMessages(input, ring) };
}

/**
 * Agents, roles and partition regions at `tick`. Events carry integer ticks, so the result
 * changes only when `Math.floor(tick)` does: callers may memoise on it.
 */
/** The largest agent circle, in drawing units. */
const agentRadiusMax = 36;

export function ringStatic(input: RingInput): RingStatic {
  const { scenario, width, height } = input;
  const n = scenario.n;
  const margin = Math.min(width, height) * 0.115;
  const radius = Math.max(10, Math.min(width, height) / 2 - margin);
  const spacing = (2 * Math.PI * radius) / n;
  // Policy: up to 36 units (of a 560-unit drawing), so a few agents read from the back of a
  // room; labels and badges scale with the circle (RingAgents).
  const agentRadius = clamp(spacing * 0.36, n > svgAgentsMax ? 1.5 : 2.5, agentRadiusMax);
  const roles = rolesAt(input);
  const forkOf = forkSides(input.trace, input.tick, byzantineAgents(scenario));
  const sides = sidesAt(scenario, input.tick);
  const agents: RingAgent[] = [];
  for (let index = 0; index < n; index++) {
    const angle = (2 * Math.PI * index) / n;
    const outX = Math.sin(angle);
    const outY = -Math.cos(angle);
    let description: string | null = null;
    const agent: RingAgent = {
      index,
      id: `a${index}`,
      x: width / 2 + radius * outX,
      y: height / 2 + radius * outY,
      angle,
      outX,
      outY,
      showLabel: n <= labelAllMax || (n <= svgAgentsMax && index % labelEvery === 0),
      isLeader: roles.leader === index,
      isLocked: roles.lockedRound[index]! > roles.committedRoundMax[index]!,
      committedCount: roles.committedCount[index]!,
      fork: forkOf.get(index) ?? null,
      down: downAt(scenario, index, input.tick, roles.crashed[index]!),
      quarantine: roles.quarantine.get(index) ?? null,
      byzantineKinds: byzantineKinds(scenario, index, input.tick),
      isEquivocator: false,
      side: sides.sideOf[index] ?? null,
      get description() {
        description ??= describe(this, sides.labels);
        return description;
      },
    };
    agent.isEquivocator = agent.byzantineKinds.includes('equivocate');
    agents.push(agent);
  }
  const band = Math.max(agentRadius * 1.8, 9);
  return {
    width,
    height,
    cx: width / 2,
    cy: height / 2,
    radius,
    agentRadius,
    labelPlacement: agentRadius >= 11 ? 'inside' : 'outside',
    showBadges: n <= labelAllMax,
    agents,
    regions: regionsAt(scenario, input.tick, radius, band),
    leader: roles.leader,
    view: roles.view,
  };
}

interface Roles {
  leader: number | null;
  view: number;
  lockedRound: number[];
  committedRoundMax: number[];
  committedCount: number[];
  crashed: boolean[];
  quarantine: Map<number, NonNullable<RingAgent['quarantine']>>;
}

/** Replays the role events up to `tick` (a few per agent per round: cheap per tick). */
function rolesAt({ scenario, trace, tick }: RingInput): Roles {
  const n = scenario.n;
  const index = trace.section(ringSection);
  const roles: Roles = {
    // Policy: before anything happens the leader of view 0 leads (view mod n); the Council
    // has no leader until its coordinator proposes.
    leader: scenario.protocol === 'resonance' ? 0 : null,
    view: 0,
    lockedRound: new Array<number>(n).fill(0),
    committedRoundMax: new Array<number>(n).fill(0),
    committedCount: new Array<number>(n).fill(0),
    crashed: new Array<boolean>(n).fill(false),
    quarantine: new Map(),
  };
  const end = trace.countUpTo(index.rolePositions, tick);
  for (let i = 0; i < end; i++) {
    const event = index.roles[i]!;
    if (event.kind === 'quarantineExecuted') {
      if (!roles.quarantine.has(event.accused)) {
        roles.quarantine.set(event.accused, { proposalId: event.proposalId, fromRound: event.fromRound });
      }
      continue;
    }
    if (event.agent >= n) continue;
    switch (event.kind) {
      case 'viewChanged':
        roles.view = event.view;
        roles.leader = event.view % n;
        break;
      case 'roundProposed':
      case 'councilProposed':
        roles.leader = event.agent;
        if (event.kind === 'roundProposed') roles.view = event.view;
        break;
      case 'locked':
        roles.lockedRound[event.agent] = Math.max(roles.lockedRound[event.agent]!, event.roundNo);
        break;
      case 'committed':
        roles.committedCount[event.agent]! += 1;
        roles.committedRoundMax[event.agent] = Math.max(roles.committedRoundMax[event.agent]!, event.roundNo);
        break;
      case 'agentCrashed':
        roles.crashed[event.agent] = true;
        break;
      case 'agentRestarted':
        roles.crashed[event.agent] = false;
        break;
    }
  }
  return roles;
}

/** Each agent's side in the latest forked round by `tick` (agents that committed there). */
function forkSides(
  trace: TraceIndex,
  tick: number,
  byzantine: ReadonlySet<number>,
): Map<number, NonNullable<RingAgent['fork']>> {
  const sides = new Map<number, NonNullable<RingAgent['fork']>>();
  for (const values of forksAt(trace, tick, byzantine)) {
    for (const value of values) {
      for (const commit of value.commits) {
        if (commit.t <= tick) sides.set(commit.agent, { side: value.side, name: value.sideName, roundNo: value.roundNo });
      }
    }
  }
  return sides;
}

/** Why the agent sends nothing at `tick`: its silent fault (as the engine applies it), or a crash. */
function downAt(scenario: Scenario, agent: number, tick: number, crashed: boolean): RingAgent['down'] {
  if (silentAt(scenario.faults, agent, tick)) return 'silent';
  return crashed ? 'crashed' : null;
}

/** The agent's faults acting at `tick` (a fault with a start tick, `from`, acts from it on). */
function byzantineKinds(scenario: Scenario, agent: number, tick: number): FaultKind[] {
  const kinds: FaultKind[] = [];
  for (const fault of scenario.faults ?? []) {
    const from = 'from' in fault ? (fault.from ?? 0) : 0;
    if (fault.kind !== 'silent' && tick >= from && fault.agents.includes(agent) && !kinds.includes(fault.kind)) {
      kinds.push(fault.kind);
    }
  }
  return kinds;
}

function describe(agent: RingAgent, sideLabels: string[]): string {
  const parts: string[] = [];
  if (agent.isLeader) parts.push('leader');
  if (agent.down) parts.push(agent.down === 'silent' ? 'silent (sends nothing)' : 'crashed');
  if (agent.byzantineKinds.length > 0) parts.push(`Byzantine: ${agent.byzantineKinds.join(', ')}`);
  if (agent.quarantine) {
    parts.push(`quarantined by Council vote ${agent.quarantine.proposalId} (honest replicas ignore it from round ${agent.quarantine.fromRound})`);
  }
  if (agent.isLocked) parts.push('locked');
  parts.push(`${agent.committedCount} committed`);
  if (agent.fork) parts.push(`committed value ${agent.fork.name} of the fork in round ${agent.fork.roundNo}`);
  if (agent.side !== null) parts.push(`partition ${sideLabels[agent.side] ?? ''}`);
  return `${agent.id}: ${parts.join(', ')}`;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
