import { silentAt } from '../../../core/values';
import type { CouncilRunReport, Scenario, SimEvent, StreamEvent } from '../../../worker/api';
import type { TraceIndex } from '../../trace/traceIndex';

/**
 * What the trace already says about one agent at the time cursor (issue #6): a pure function
 * of (trace, cursor), so scrubbing back redraws the inspector like every other panel. Hidden
 * state (persona, nonce, signature checks) comes from the worker's `inspectAgent` instead.
 */

type Event<K extends StreamEvent['kind']> = Extract<SimEvent, { kind: K }>;

/** The events that concern one agent, picked out once per trace (see `indexAgentEvents`). */
export interface AgentEventIndex {
  agent: number;
  /** Events by or about the agent, and every resolve and trust update, in trace order. */
  events: StreamEvent[];
  /** Rejections of messages the agent sent, with the message's type. */
  rejections: { t: number; by: number; reason: string; type: string }[];
}

export interface SealedFact {
  t: number;
  roundNo: number;
  view: number;
  commitment: string;
  text: string;
  fault: string | null;
  /** How the leader that resolved this round and view treated the record, if it resolved. */
  verdict: { leader: number; counted: boolean; flagged: boolean; status: 'committed' | 'aborted' } | null;
}

export interface CouncilVoteFact {
  t: number;
  roundNo: number;
  proposalId: string;
  value: string;
  fault: string | null;
}

export interface InspectorFacts {
  agent: number;
  /** The agent's view (the latest it moved to) and whether it leads it. */
  view: number;
  isLeader: boolean;
  down: 'silent' | 'crashed' | null;
  /** Its prepare lock in the round it is working on, if any. */
  /** Winner null: locked on "no agreement". */
  locked: { roundNo: number; view: number; winner: number | null } | null;
  committedRounds: number[];
  faults: string[];
  sealed: SealedFact | null;
  /** Rejections of its messages so far, newest first (at most `rejectionsShownMax`). */
  rejections: AgentEventIndex['rejections'];
  rejectionCount: number;
  /** Its votes so far, newest first (at most `votesShownMax`). */
  votes: { t: number; roundNo: number; view: number; phase: 'prepare' | 'commit'; winner: number | null }[];
  /** Its own latest trust row (after its latest commit) and the round it learned it in. */
  trust: { roundNo: number; row: number[] } | null;
  /** The mean reputation the replicas hold for it, over their latest updates. */
  reputation: number | null;
  council: {
    weight: number;
    votes: CouncilVoteFact[];
    /** The detected voting bloc it belongs to (agent indices), if any. */
    bloc: number[] | null;
  } | null;
}

export const rejectionsShownMax = 5;
export const votesShownMax = 6;

const agentKinds = new Set<StreamEvent['kind']>([
  'evaluationSealed', 'voteCast', 'locked', 'committed', 'viewChanged', 'agentCrashed', 'agentRestarted',
  'roundProposed', 'councilVoteCast',
]);

/** Picks out the events that concern `agent`, once per trace and selection. */
export function indexAgentEvents(trace: TraceIndex, agent: number): AgentEventIndex {
  const events: StreamEvent[] = [];
  const rejections: AgentEventIndex['rejections'] = [];
  const sentBy = new Map<number, string>();
  for (let position = 0; position < trace.length; position++) {
    const event = trace.events[position]!;
    if (event.kind === 'messageSent') {
      if (event.from === agent) sentBy.set(event.id, event.type);
    } else if (event.kind === 'messageRejected') {
      const type = sentBy.get(event.id);
      if (type !== undefined) rejections.push({ t: event.t, by: event.agent, reason: event.reason, type });
    } else if (event.kind === 'roundResolved' || event.kind === 'trustUpdated') {
      events.push(event);
    } else if (agentKinds.has(event.kind) && 'agent' in event && event.agent === agent) {
      events.push(event);
    }
  }
  return { agent, events, rejections };
}

/** The agent's facts at `tick`, from its event index and the scenario (and council report). */
export function inspectorFacts(
  index: AgentEventIndex,
  tick: number,
  scenario: Scenario,
  report: CouncilRunReport | null = null,
): InspectorFacts {
  const { agent } = index;
  const n = scenario.n;
  let view = 0;
  let crashed = false;
  let locked: InspectorFacts['locked'] = null;
  let sealedEvent: Event<'evaluationSealed'> | null = null;
  const committedRounds: number[] = [];
  const votes: InspectorFacts['votes'] = [];
  const councilVotes: CouncilVoteFact[] = [];
  const resolved: Event<'roundResolved'>[] = [];
  let trust: InspectorFacts['trust'] = null;
  const reputations = new Map<number, number>();
  for (const event of index.events) {
    if (event.t > tick) break;
    switch (event.kind) {
      case 'viewChanged': view = event.view; break;
      case 'roundProposed': view = event.view; break;
      case 'agentCrashed': crashed = true; break;
      case 'agentRestarted': crashed = false; break;
      case 'locked': locked = { roundNo: event.roundNo, view: event.view, winner: event.winner }; break;
      case 'committed': committedRounds.push(event.roundNo); break;
      case 'evaluationSealed': sealedEvent = event; break;
      case 'voteCast': votes.push({ t: event.t, roundNo: event.roundNo, view: event.view, phase: event.phase, winner: event.winner }); break;
      case 'roundResolved': resolved.push(event); break;
      case 'trustUpdated':
        if (event.agent === agent) trust = { roundNo: event.roundNo, row: event.trust };
        if (agent < event.reputation.length) reputations.set(event.agent, event.reputation[agent]!);
        break;
      case 'councilVoteCast':
        councilVotes.push({
          t: event.t, roundNo: event.roundNo, proposalId: event.proposalId, value: event.value, fault: event.fault ?? null,
        });
        break;
      default:
        // Policy: the index holds only this agent's kinds and every resolve and trust update;
        // the other kinds never reach here.
        break;
    }
  }
  // A replica's lock is per round: it is cleared when the replica commits that round.
  if (locked !== null && committedRounds.includes(locked.roundNo)) locked = null;
  const rejections = index.rejections.filter((rejection) => rejection.t <= tick);
  const council = scenario.protocol === 'council';
  return {
    agent,
    view,
    isLeader: !council && view % n === agent,
    down: downAt(scenario, agent, tick, crashed),
    locked,
    committedRounds,
    faults: faultNotes(scenario, agent),
    sealed: sealedEvent === null ? null : sealedFact(sealedEvent, resolved, agent),
    rejections: rejections.slice(-rejectionsShownMax).reverse(),
    rejectionCount: rejections.length,
    votes: votes.slice(-votesShownMax).reverse(),
    trust,
    reputation: reputations.size === 0 ? null : mean([...reputations.values()]),
    council: council ? councilFacts(scenario, agent, councilVotes, report) : null,
  };
}

function sealedFact(event: Event<'evaluationSealed'>, resolved: Event<'roundResolved'>[], agent: number): SealedFact {
  const { roundNo, view } = event;
  let resolve: Event<'roundResolved'> | undefined;
  for (const candidate of resolved) if (candidate.roundNo === roundNo && candidate.view === view) resolve = candidate;
  return {
    t: event.t,
    roundNo,
    view,
    commitment: event.commitment,
    text: event.text,
    fault: event.fault ?? null,
    verdict: resolve
      ? {
          leader: resolve.agent,
          counted: resolve.quorumAgents.includes(agent),
          flagged: resolve.tamperedAgents.includes(agent),
          status: resolve.status,
        }
      : null,
  };
}

function councilFacts(
  scenario: Scenario,
  agent: number,
  votes: CouncilVoteFact[],
  report: CouncilRunReport | null,
): NonNullable<InspectorFacts['council']> {
  const id = `a${agent}`;
  const bloc = report?.blocs.find((members) => members.includes(id));
  return {
    weight: scenario.council?.weights?.[agent] ?? 1,
    votes: votes.reverse(),
    bloc: bloc ? bloc.map((member) => Number(member.slice(1))) : null,
  };
}

/** One line per configured fault of the agent, e.g. "tamper (semantic +999)". */
export function faultNotes(scenario: Scenario, agent: number): string[] {
  const notes: string[] = [];
  for (const fault of scenario.faults ?? []) {
    if (!fault.agents.includes(agent)) continue;
    switch (fault.kind) {
      case 'silent':
        notes.push(`silent from tick ${fault.from ?? 0}${fault.until === undefined ? '' : ` until tick ${fault.until}`}`);
        break;
      case 'tamper':
        notes.push(`tamper (${fault.axis ?? 'semantic'} ${signed(fault.delta ?? 999)})`);
        break;
      case 'garble':
        notes.push(`garble (rate ${fault.rate ?? 0.3})`);
        break;
      case 'impersonate':
        notes.push(`impersonate a${fault.victim}`);
        break;
      default:
        notes.push(fault.kind);
    }
  }
  return notes;
}

/** Why the agent sends nothing at `tick`: its silent fault (as the engine applies it), or a crash. */
function downAt(scenario: Scenario, agent: number, tick: number, crashed: boolean): InspectorFacts['down'] {
  if (silentAt(scenario.faults, agent, tick)) return 'silent';
  return crashed ? 'crashed' : null;
}

function signed(value: number): string {
  return value >= 0 ? `+${value}` : String(value);
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
