import type { MessagesAggregated, SimEvent, StreamEvent } from '../../../worker/api';
import { formatNumber } from '../../format';

/** The filter groups of the event log. */
export const eventCategories = ['message', 'protocol', 'fault', 'invariant', 'council', 'run'] as const;
export type EventCategory = (typeof eventCategories)[number];

export interface Narration {
  /** One English sentence, without the tick (the row shows it in its own column). */
  text: string;
  /** Every agent the event involves, actor first; the agent filter and highlight use it. */
  agents: number[];
  category: EventCategory;
  /** False for the high-volume kinds the log hides unless "show messages" is on. */
  important: boolean;
}

/** Quoted agent text is cut to this many characters (the inspector shows all of it). */
export const quoteCharsMax = 80;

const messageTypeNames: Record<string, string> = {
  R: 'round',
  E: 'evaluation',
  P: 'proposal',
  V: 'vote',
  NV: 'new view',
  CP: 'council proposal',
  CV: 'council vote',
};

/** A listed event's narration (`important`: shown without "show messages"). */
function told(text: string, agents: number[], category: EventCategory): Narration {
  return { text, agents, category, important: true };
}

function assertNever(value: never): never {
  throw new Error(`narrate: unknown event ${JSON.stringify(value)}`);
}

export function agentName(agentIndex: number): string {
  return `a${agentIndex}`;
}

function agentList(agents: readonly number[]): string {
  return agents.length === 0 ? 'none' : agents.map(agentName).join(', ');
}

/** `sha256:3f2a…`: the scheme and the first four hex digits of a commitment. */
export function shortCommitment(commitment: string): string {
  const colon = commitment.indexOf(':');
  const scheme = colon >= 0 ? commitment.slice(0, colon + 1) : '';
  const hex = commitment.slice(colon + 1);
  return hex.length <= 8 ? commitment : `${scheme}${hex.slice(0, 4)}…`;
}

/**
 * The agent's own words in curly quotes, cut to `quoteCharsMax`. Policy: the result is plain
 * text; the panel renders it as a React text node, never as HTML.
 */
export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const cut = oneLine.length > quoteCharsMax ? `${oneLine.slice(0, quoteCharsMax - 1).trimEnd()}…` : oneLine;
  return `“${cut}”`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

type MessageSent = Extract<SimEvent, { kind: 'messageSent' }>;

function narrateMessage(event: MessageSent): string {
  const name = messageTypeNames[event.type] ?? event.type;
  const phase = event.phase ? ` ${event.phase}` : '';
  const head = `message ${event.type} (${name}${phase}) ${agentName(event.from)} → ${agentName(event.to)}`;
  const garbled = event.garbled ? ', garbled on the way' : '';
  if (event.deliverAt === null) return `${head} lost (${event.lost ?? 'drop'})${garbled}`;
  return `${head} sent, arrives at tick ${event.deliverAt}${garbled}`;
}

const aggregateKeyNames: Record<string, string> = {
  ...messageTypeNames,
  prepare: 'prepare vote',
  commit: 'commit vote',
};

/** A tick's messages, counted: the large-n stream's stand-in for one row per message. */
export function narrateAggregate(event: MessagesAggregated): string {
  const byKey = Object.entries(event.countsByKey)
    .map(([key, count]) => `${formatNumber(count ?? 0)} ${aggregateKeyNames[key] ?? key}`)
    .join(', ');
  const lost = Object.entries(event.lostByReason)
    .map(([reason, count]) => `${formatNumber(count ?? 0)} ${reason}`)
    .join(', ');
  const head = `${plural(event.count, 'message')} sent (${byKey})`;
  const garbled = event.garbledCount > 0 ? `, ${formatNumber(event.garbledCount)} garbled` : '';
  return `${head}${lost ? `, lost: ${lost}` : ', none lost'}${garbled}`;
}

type Resolved = Extract<SimEvent, { kind: 'roundResolved' }>;

/** A vote's or lock's value: its winner, or "no agreement". */
function valueName(winner: number | null): string {
  return winner === null ? '"no agreement"' : agentName(winner);
}

function narrateResolved(event: Resolved): string {
  const parts = [
    `${agentName(event.agent)} resolved round ${event.roundNo}: ${event.status}`,
    `quorum ${event.quorumSize} of ${event.quorumNeeded} needed (n = ${event.n}, f = ${event.f})`,
  ];
  if (event.winner !== null) parts.push(`winner ${agentName(event.winner)}`);
  if (event.tamperedAgents.length > 0) parts.push(`tampered ${agentList(event.tamperedAgents)}`);
  if (event.reason) parts.push(event.reason);
  return parts.join(', ');
}

const viewChangeWords: Record<Extract<SimEvent, { kind: 'viewChanged' }>['reason'], string> = {
  timeout: 'after its timeout',
  'new-view': 'on a new-view certificate',
  proposal: "on the new leader's proposal",
  'next-round': 'where the last round was decided',
};

const runEndWords: Record<Extract<SimEvent, { kind: 'runEnded' }>['reason'], string> = {
  completed: 'every round decided',
  maxTicks: 'the tick limit was reached',
  stalled: 'no progress was possible',
  eventsMax: "the simulator's limit on trace events was reached",
};

type Tallied = Extract<SimEvent, { kind: 'councilTallied' }>;

const decisionWords: Record<Tallied['decision'], string> = {
  approved: 'approved',
  rejected: 'rejected',
  no_quorum: 'failed for lack of quorum',
  pending: 'still pending',
};

function narrateTally(event: Tallied): string {
  const critical = event.critical ? ' (critical)' : '';
  const trigger = event.trigger === 'all-votes' ? 'once every vote was in' : 'at the deadline';
  const chain = event.hashChainValid ? '' : '; the audit chain is broken';
  return (
    `${event.proposalId}${critical} ${decisionWords[event.decision]}, tallied ${trigger}: ` +
    `approve ${event.approveCount} (weight ${formatNumber(event.approveWeight)}), ` +
    `reject ${event.rejectCount} (weight ${formatNumber(event.rejectWeight)}), ` +
    `abstain ${event.abstainCount}; quorum ${event.quorumRequired} required, ` +
    `${event.quorumMet ? 'met' : 'not met'}; threshold ${formatNumber(event.thresholdUsed * 100, 1)}%${chain}`
  );
}

function narrateCouncil(event: Extract<SimEvent, { kind: `council${string}` }>): Narration {
  switch (event.kind) {
    case 'councilProposed': {
      const critical = event.critical ? ' (critical)' : '';
      const expiry = event.expiresAt === null ? '' : `, expires after tick ${event.expiresAt}`;
      return {
        text:
          `${agentName(event.agent)} proposed ${event.proposalId}${critical}: ${event.action} ` +
          `${agentName(event.target)}, tally at tick ${event.deadline}${expiry}`,
        agents: [event.agent, event.target],
        category: 'council',
        important: true,
      };
    }
    case 'councilVoteCast': {
      const vote = `${event.value} on ${event.proposalId}`;
      if (event.fault === 'impersonate') {
        return told(
          `${agentName(event.agent)} forged a vote as ${agentName(event.voter)}: ${vote}`,
          [event.agent, event.voter],
          'fault',
        );
      }
      if (event.fault === 'equivocate') {
        return told(
          `${agentName(event.agent)} equivocated: one of its two votes is ${vote}`,
          [event.agent],
          'fault',
        );
      }
      return told(`${agentName(event.agent)} voted ${vote}`, [event.agent], 'council');
    }
    case 'councilVoteRecorded':
      return told(
        `coordinator ${agentName(event.agent)} recorded ${agentName(event.voter)}'s ${event.value} vote on ${event.proposalId}`,
        [event.agent, event.voter],
        'council',
      );
    case 'councilVoteRejected': {
      const from = event.voter === null ? 'a vote naming no voter of the roster' : `${agentName(event.voter)}'s vote`;
      return told(
        `coordinator ${agentName(event.agent)} rejected ${from} on ${event.proposalId}: ${event.reason}`,
        event.voter === null ? [event.agent] : [event.agent, event.voter],
        'council',
      );
    }
    case 'councilTallied':
      return told(narrateTally(event), [], 'council');
    case 'councilExecuted':
      return told(
        `${event.proposalId} executed: ${event.action} ${agentName(event.target)}`,
        [event.target],
        'council',
      );
    case 'councilExpired':
      return told(`${event.proposalId} expired`, [], 'council');
    default:
      return assertNever(event);
  }
}

type Scored = Extract<SimEvent, { kind: 'roundScored' }>;

/** The resolver's per-axis scores: how many pass the threshold, and the weakest. */
function narrateScored(event: Scored): string {
  const passing = event.rows.filter((row) => (row[6] ?? 0) >= event.threshold).length;
  const weakest = event.rows.reduce<number[] | null>((low, row) => (!low || row[6]! < low[6]! ? row : low), null);
  const part = event.from > 0 ? ` (rows from ${event.from + 1})` : '';
  const low = weakest ? `; lowest ${agentName(weakest[0]!)} at ${weakest[6]!.toFixed(3)}` : '';
  return (
    `${agentName(event.agent)} scored round ${event.roundNo} on five axes${part}: ` +
    `${passing} of ${plural(event.rows.length, 'agent')} at or above the threshold ` +
    `${event.threshold.toFixed(2)}${low}`
  );
}

/**
 * One readable sentence per event, with the agents it involves and its filter category;
 * null for the events the log never lists (deliberation steps: the opinion panel draws them).
 */
export function narrate(event: StreamEvent): Narration | null {
  if (event.kind === 'messagesAggregated') {
    return { text: narrateAggregate(event), agents: [], category: 'message', important: false };
  }
  const a = 'agent' in event && typeof event.agent === 'number' ? agentName(event.agent) : '';
  switch (event.kind) {
    case 'messageSent':
      return { text: narrateMessage(event), agents: [event.from, event.to], category: 'message', important: false };
    case 'messageBroadcast': {
      // The page's stream sends a broadcast as its copies; an imported core trace has it whole.
      const name = messageTypeNames[event.type] ?? event.type;
      const lost = event.lost?.length ?? 0;
      const text = `message ${event.type} (${name}${event.phase ? ` ${event.phase}` : ''}) ` +
        `${agentName(event.from)} → all ${event.deliverAt.length} others${lost > 0 ? `, ${lost} lost` : ''}`;
      return { text, agents: [event.from], category: 'message', important: false };
    }
    case 'messageRejected':
      return told(`${a} rejected message #${event.id}: ${event.reason}`, [event.agent], 'message');
    case 'roundProposed': {
      const topic = event.topic ? ` on the ${event.topic} change` : '';
      const verb = event.forged ? 'forged a proposal for' : 'proposed';
      return told(
        `${a} (leader of view ${event.view}) ${verb} round ${event.roundNo}${topic}`,
        [event.agent],
        event.forged ? 'fault' : 'protocol',
      );
    }
    case 'evaluationSealed': {
      const seal = `(${shortCommitment(event.commitment)})`;
      const text = event.fault
        ? `${a} sealed an evaluation ${seal} under a forged identity (${event.fault}) and signed it: ${quote(event.text)}`
        : `${a} sealed its evaluation ${seal} and signed it: ${quote(event.text)}`;
      return { text, agents: [event.agent], category: event.fault ? 'fault' : 'protocol', important: true };
    }
    case 'roundResolved':
      return told(
        narrateResolved(event),
        [event.agent, ...event.tamperedAgents.filter((t) => t !== event.agent)],
        'protocol',
      );
    case 'roundScored':
      return told(narrateScored(event), [event.agent], 'protocol');
    case 'deliberationStep':
      return null;
    case 'deliberated':
      return {
        text:
          `round ${event.roundNo} deliberated in ${plural(event.steps, 'step')} among ` +
          `${plural(event.agents.length, 'agent')}: ${event.consensusType} consensus`,
        agents: [...event.agents],
        category: 'protocol',
        important: true,
      };
    case 'voteCast':
      return told(
        `${a} cast a ${event.phase} vote for ${valueName(event.winner)} in view ${event.view} (round ${event.roundNo})`,
        [event.agent],
        'protocol',
      );
    case 'locked':
      return told(`${a} locked on ${valueName(event.winner)} in view ${event.view}`, [event.agent], 'protocol');
    case 'committed':
      return {
        text:
          `${a} committed round ${event.roundNo}: winner ${agentName(event.winner)}, ` +
          `certified by ${plural(event.commitVoters.length, 'commit vote')}` +
          (event.via === 'certificate' ? ' (a peer\'s commit certificate: it was lagging)' : ''),
        agents: [event.agent],
        category: 'protocol',
        important: true,
      };
    case 'decidedNoAgreement':
      return {
        text:
          `${a} decided round ${event.roundNo}: no agreement (${event.quorumSize} of ` +
          `${plural(event.evidenceAgents.length, 'record')} reached the threshold, ${event.quorumNeeded} needed), ` +
          `certified by ${plural(event.commitVoters.length, 'commit vote')}`,
        agents: [event.agent],
        category: 'protocol',
        important: true,
      };
    case 'viewsExhausted':
      return told(`${a} used up its view changes in round ${event.roundNo} and waits`, [event.agent], 'protocol');
    case 'trustUpdated': {
      // Trust adapts after every commit; too frequent to list unless messages are shown.
      const lowest = Math.min(...event.trust);
      const text = `${a} updated its trust after round ${event.roundNo} (lowest trust ${lowest.toFixed(2)})`;
      return { text, agents: [event.agent], category: 'protocol', important: false };
    }
    case 'timedOut':
      return told(
        `${a} timed out in view ${event.view} and moves to view ${event.view + 1}`,
        [event.agent],
        'protocol',
      );
    case 'viewChanged': {
      const why = viewChangeWords[event.reason];
      return told(`${a} entered view ${event.view} ${why} (round ${event.roundNo})`, [event.agent], 'protocol');
    }
    case 'agentCrashed':
      return told(`${a} crashed`, [event.agent], 'fault');
    case 'agentRestarted':
      return told(`${a} restarted`, [event.agent], 'fault');
    case 'certificateFound': {
      const accused = agentName(event.accused);
      const holders = event.records.map((record) => record.heldBy).filter((agent) => agent !== null);
      const held = holders.length > 0 ? ` (held by ${holders.map(agentName).join(' and ')})` : '';
      return {
        text:
          `The equivocation monitor put ${plural(event.records.length, 'record')} signed by ${accused} ` +
          `for round ${event.roundNo} side by side${held}: ${event.valid ? 'a valid' : 'an invalid'} ` +
          `certificate that ${accused} equivocated`,
        agents: [event.accused, ...holders],
        category: event.valid ? 'protocol' : 'fault',
        important: true,
      };
    }
    case 'invariantViolated':
      return told(`invariant ${event.name} violated: ${event.detail}`, [], 'invariant');
    case 'runEnded': {
      const why = event.detail ?? runEndWords[event.reason];
      return told(
        `run ended (${why}): ${event.commits} committed, ${plural(event.viewChanges, 'view change')}`,
        [],
        'run',
      );
    }
    case 'auditTampered': {
      const copy = event.agent === null ? '' : ` in ${agentName(event.agent)}'s copy`;
      const text = !event.applied
        ? `tampering audit entry ${event.index}${copy} changed nothing: the log has no such entry yet`
        : `audit entry ${event.index} tampered${copy} (manual action): ` +
          (event.firstInvalid === null ? 'the chain still verifies' : `the chain breaks from entry ${event.firstInvalid}`);
      return { text, agents: event.agent === null ? [] : [event.agent], category: 'fault', important: true };
    }
    case 'auditAppended': {
      const { entry } = event;
      const actor = /^a\d+$/.test(entry.actorId) ? agentName(Number(entry.actorId.slice(1))) : entry.actorId;
      // Policy: one entry per proposal, vote, tally and execution doubles the council's rows,
      // so entries are listed with the high-volume events ("show messages").
      return {
        text:
          `audit entry ${entry.sequence} appended: ${entry.eventType} of ${entry.proposalId} by ${actor} ` +
          `(hash ${entry.hash.slice(0, 8)}…, linked to ${entry.prevHash === '' ? 'nothing: the first' : `${entry.prevHash.slice(0, 8)}…`})`,
        agents: [],
        category: 'council',
        important: false,
      };
    }
    case 'proofSubmitted':
    case 'accusationVoteCast':
    case 'accusationVoteRecorded':
    case 'accusationTallied':
    case 'quarantineExecuted':
    case 'quarantineWithheld':
    case 'accuserPenalised':
      return narrateAccountability(event);
    default:
      return narrateCouncil(event);
  }
}

/** Accountability (SPEC §5): a proof against an agent, put to a Council quarantine vote. */
function narrateAccountability(event: Extract<SimEvent, { kind: AccountabilityKind }>): Narration {
  const accuser = agentName(event.accuser);
  switch (event.kind) {
    case 'proofSubmitted':
      return told(
        `${accuser} submitted ${event.forged ? 'a forged' : 'an'} equivocation proof against ` +
          `${agentName(event.accused)} and proposed its quarantine (${event.proposalId})`,
        [event.accuser, event.accused],
        'council',
      );
    case 'accusationVoteCast':
      return told(
        `${agentName(event.voter)} voted ${event.value} on quarantining ${agentName(event.accused)}` +
          (event.proofValid === null ? '' : ` (the proof ${event.proofValid ? 'holds' : 'does not hold'})`),
        [event.voter],
        'council',
      );
    case 'accusationVoteRecorded':
      return told(
        `${accuser} ${event.rejected ? `refused ${agentName(event.voter)}'s vote: ${event.rejected}` : `recorded ${agentName(event.voter)}'s ${event.value}`}`,
        [event.voter],
        'council',
      );
    case 'accusationTallied':
      return told(
        `quarantine of ${agentName(event.accused)} ${event.decision} ` +
          `(approve ${event.approveWeight}, reject ${event.rejectWeight})`,
        [event.accused],
        'council',
      );
    case 'quarantineExecuted':
      return told(
        `${agentName(event.accused)} quarantined: honest replicas ignore it from round ${event.fromRound}`,
        [event.accused],
        'council',
      );
    case 'quarantineWithheld':
      return told(
        `quarantine of ${agentName(event.accused)} withheld: only ${plural(event.approveCount, 'voter')} approved, ` +
          `and a quarantine needs ${event.approversNeeded} (more than f) so that one of them is surely honest`,
        [event.accused],
        'council',
      );
    case 'accuserPenalised':
      return told(`${accuser} lost reputation for a false accusation`, [event.accuser], 'council');
    default:
      return event satisfies never;
  }
}

type AccountabilityKind =
  | 'proofSubmitted'
  | 'accusationVoteCast'
  | 'accusationVoteRecorded'
  | 'accusationTallied'
  | 'quarantineExecuted'
  | 'quarantineWithheld'
  | 'accuserPenalised';

// Policy: narrations are cached per event object. The trace only grows and its events are
// never mutated, so an event is narrated once however often the cursor moves or steps.
const narrationCache = new WeakMap<StreamEvent, Narration | null>();

/** `narrate`, remembered per event: what the event log and stepping read. */
export function narrateCached(event: StreamEvent): Narration | null {
  let narration = narrationCache.get(event);
  if (narration === undefined) {
    narration = narrate(event);
    narrationCache.set(event, narration);
  }
  return narration;
}
