import type { SimEvent, StreamEvent } from '../../worker/api';
import { narrate } from '../panels/eventLog/narrate';

/**
 * Presenter mode's sentence for one event: what happened and why, in plain words, with how
 * much it matters to the lesson (`weight`: 0 for the traffic nobody reads aloud, up to 6 for
 * an invariant turning red). Issue 12: the line must carry the lesson of each step ("a0
 * resolved round 1 … tampered a1, a2"), not the last vote of the tick.
 */
export interface KeyNarration {
  weight: number;
  text: string;
}

const names = (agents: readonly number[]) => agents.map((agent) => `a${agent}`).join(', ');

/** The key sentence of an event; `first` is false for a repeat (a second replica committing). */
export function keyNarration(event: StreamEvent, first: boolean): KeyNarration | null {
  switch (event.kind) {
    case 'invariantViolated':
      return { weight: 6, text: `The ${event.name} invariant turns red: ${event.detail}.` };
    case 'runEnded':
      return { weight: 6, text: `${capital(narrate(event)?.text ?? 'the run ended')}.` };
    case 'roundResolved':
      return { weight: 5, text: resolvedSentence(event) };
    case 'certificateFound':
      return { weight: 5, text: `${narrate(event)?.text ?? ''}: anyone with its public key can check both signatures.` };
    case 'committed':
      if (!first) return { weight: 1, text: narrate(event)?.text ?? '' };
      return {
        weight: 5,
        text:
          `a${event.agent} commits round ${event.roundNo} (winner a${event.winner}): it holds ` +
          `${event.commitVoters.length} signed commit votes for one value, enough that no other value can be ` +
          `committed in this view.`,
      };
    case 'decidedNoAgreement':
      if (!first) return { weight: 1, text: narrate(event)?.text ?? '' };
      return {
        weight: 5,
        text:
          `Round ${event.roundNo} is decided as "no agreement": only ${event.quorumSize} of the records reached ` +
          `the agreement threshold (${event.quorumNeeded} needed), and the replicas certify that outcome instead.`,
      };
    case 'viewChanged':
      if (!first) return { weight: 1, text: narrate(event)?.text ?? '' };
      return { weight: 4, text: viewChangeSentence(event) };
    case 'timedOut':
      return {
        weight: first ? 3 : 1,
        text:
          `a${event.agent} times out in view ${event.view}: round ${event.roundNo} was not decided in time, ` +
          `so it asks to move to view ${event.view + 1}.`,
      };
    case 'agentCrashed':
      return { weight: 4, text: `a${event.agent} crashes: from now on it sends nothing and answers nobody.` };
    case 'agentRestarted':
      return { weight: 4, text: `a${event.agent} restarts and catches up from its peers.` };
    case 'proofSubmitted':
      return {
        weight: 5,
        text: event.holds
          ? `a${event.accuser} holds two different records signed by a${event.accused} for one round, a proof anyone can check, and proposes its quarantine to the Council.`
          : `a${event.accuser} accuses a${event.accused} with a proof that does not hold: ` +
            `${event.records.filter((record) => record.verifies).length} of its ${event.records.length} signatures verify under a${event.accused}'s key.`,
      };
    case 'accusationTallied':
      return {
        weight: 5,
        text: `The Council ${event.decision === 'approved' ? 'approves' : event.decision === 'rejected' ? 'rejects' : 'does not decide'} the quarantine of a${event.accused}: approve weight ${event.approveWeight} against ${event.rejectWeight}.`,
      };
    case 'quarantineExecuted':
      return {
        weight: 6,
        text: `a${event.accused} is quarantined: from round ${event.fromRound} honest replicas ignore its messages; n and f stay the same.`,
      };
    case 'quarantineWithheld':
      return {
        weight: 5,
        text: `The quarantine of a${event.accused} is withheld: ${event.approveCount} approval${event.approveCount === 1 ? '' : 's'} cannot prove that an honest voter checked the proof; it needs ${event.approversNeeded}.`,
      };
    case 'accuserPenalised':
      return { weight: 4, text: `The forged accusation costs a${event.accuser} reputation in every honest voter's trust store.` };
    case 'councilTallied':
    case 'councilExecuted':
    case 'councilExpired':
    case 'auditTampered':
      return { weight: 5, text: `${capital(narrate(event)?.text ?? '')}.` };
    case 'roundProposed':
      return {
        weight: 3,
        text:
          `a${event.agent}, leader of view ${event.view}, opens round ${event.roundNo}: every agent seals and ` +
          `signs its evaluation and sends it in.`,
      };
    default: {
      const told = narrate(event);
      if (told === null) return null;
      return { weight: told.important ? 2 : 0, text: told.text };
    }
  }
}

function resolvedSentence(event: Extract<SimEvent, { kind: 'roundResolved' }>): string {
  const leader = `a${event.agent}`;
  if (event.status !== 'committed') {
    return `${leader} cannot resolve round ${event.roundNo}: ${event.reason ?? 'too few records'}.`;
  }
  const tampered =
    event.tamperedAgents.length > 0
      ? ` The seals of ${names(event.tamperedAgents)} do not match their vectors, so the leader leaves those ` +
        'records out: tampering is caught, not counted.'
      : '';
  return (
    `${leader} resolves round ${event.roundNo}: ${event.quorumSize} sealed evaluations count ` +
    `(${event.quorumNeeded} needed)` +
    (event.winner === null ? '' : ` and a${event.winner} wins`) +
    `; it proposes that value to everyone.${tampered}`
  );
}

function viewChangeSentence(event: Extract<SimEvent, { kind: 'viewChanged' }>): string {
  const next = `view ${event.view}`;
  switch (event.reason) {
    case 'timeout':
      return (
        `a${event.agent} gives up on the leader of view ${event.view - 1} (its timer ran out with round ` +
        `${event.roundNo} undecided) and moves to ${next}; the leader rotates.`
      );
    case 'new-view':
      return `a${event.agent} joins ${next}: enough peers asked for it, so the old leader is replaced.`;
    case 'proposal':
      return `a${event.agent} follows the new leader's proposal into ${next}.`;
    case 'next-round':
      return `a${event.agent} starts round ${event.roundNo} in ${next}, where the last round was decided.`;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
