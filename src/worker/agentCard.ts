import { verify } from '../core/crypto';
import { beliefDigest, inspectRecord } from '../core/resonance';
import type { CouncilEngine } from '../core/sim/engine/CouncilEngine';
import type { ResonanceEngine } from '../core/sim/engine/ResonanceEngine';

/**
 * The agent inspector's hidden state (issue #6): what the trace does not carry, read from an
 * engine rebuilt at the time cursor. Plain data, small enough to send on every selection.
 */

/** Who the agent is when it writes (a `Persona` without its seed). */
export interface PersonaCard {
  /** −1 … 1: above 0 leans approve. */
  stance: number;
  /** 0 … 1: how sure the agent sounds. */
  certainty: number;
  /** −1 … 1: the valence of its words. */
  mood: number;
  privateWords: string[];
}

/** The agent's latest sealed record as it was sent. */
export interface SealedRecordCard {
  roundId: string;
  /** The round it was sealed in, when the trace names it. */
  roundNo: number | null;
  nonce: string;
  commitment: string;
  signature: string;
  /** The public key the record carries (hex). */
  pubkey: string;
  /** The full text sealed and signed: the round description and the agent's evaluation. */
  evalText: string;
  /** The agent's own evaluation, without the round description (what `opinions.texts` holds). */
  ownText: string;
}

export type AgentCard =
  | {
      protocol: 'resonance';
      agent: number;
      /** The agent's roster public key (hex): what a leader checks its signature with. */
      publicKey: string;
      persona: PersonaCard | null;
      record: SealedRecordCard | null;
      /** The record's commitment is the hash of its own sealed contents; null: no record. */
      sealValid: boolean | null;
      /** Why the seal check failed (a malformed record), if it did. */
      sealProblem: string | null;
      /** Its ed25519 signature verifies with the agent's roster key; null: no record. */
      signatureValid: boolean | null;
      /** The key the record carries is the agent's roster key; null: no record. */
      keyMatches: boolean | null;
      /** The value it is locked on: its winner, or null for "no agreement". */
      lock: { view: number; winner: number | null } | null;
    }
  | { protocol: 'council'; agent: number; publicKey: string };

/** The reply of `inspectAgent`: tagged so the store can drop a stale one. */
export interface AgentCardReply {
  epoch: number;
  tick: number;
  agent: number;
  card: AgentCard;
}

/** The card of `agent` in `engine` as it stands now. */
export function agentCard(engine: ResonanceEngine | CouncilEngine, agent: number): AgentCard {
  if (!('replicas' in engine)) {
    return { protocol: 'council', agent, publicKey: engine.keyOf(agent).publicKeyHex };
  }
  const aid = `a${agent}`;
  const publicKey = engine.agents[agent]!.publicKey;
  const persona = engine.opinions.persona?.(agent);
  const base = {
    protocol: 'resonance' as const,
    agent,
    publicKey,
    persona: persona
      ? { stance: persona.stance, certainty: persona.certainty, mood: persona.mood, privateWords: [...persona.privateWords] }
      : null,
    lock: engine.inspect()[agent]!.locked,
  };
  const sent = engine.monitors.lastSentRecord(aid);
  if (sent === null) {
    return { ...base, record: null, sealValid: null, sealProblem: null, signatureValid: null, keyMatches: null };
  }
  const { roundId, record } = sent;
  // Policy: checked exactly as a leader's resolve does (checkRecords): the shape, then the
  // seal, then the signature, here with the agent's roster key rather than the one the record
  // names, so an impersonated or re-keyed record cannot vouch for itself.
  const inspection = inspectRecord(aid, record);
  const sealValid = inspection.wellFormed && inspection.expectedCommitment === record.commitment;
  const digest = beliefDigest(record.commitment, record.evalText, roundId, aid);
  const roundNo = sealedRoundNo(engine, agent, record.commitment);
  const description = roundNo === null ? null : engine.opinions.task(roundNo).description;
  return {
    ...base,
    record: {
      roundId,
      roundNo,
      nonce: record.nonce,
      commitment: record.commitment,
      signature: record.signature,
      pubkey: record.pubkey,
      evalText: record.evalText,
      ownText: ownText(record.evalText, description),
    },
    sealValid,
    sealProblem: inspection.wellFormed ? null : (inspection.problem ?? 'malformed'),
    signatureValid: verify(record.signature, digest, publicKey),
    keyMatches: record.pubkey === publicKey,
  };
}

/** The round of the latest `evaluationSealed` of `agent` with this commitment. */
function sealedRoundNo(engine: ResonanceEngine, agent: number, commitment: string): number | null {
  for (let index = engine.events.length - 1; index >= 0; index--) {
    const event = engine.events[index]!;
    if (event.kind === 'evaluationSealed' && event.agent === agent && event.commitment === commitment) {
      return event.roundNo;
    }
  }
  return null;
}

/** The sealed text without the round description it starts with (see `participate`). */
export function ownText(evalText: string, description: string | null): string {
  if (description === null || !evalText.startsWith(description)) return evalText;
  return evalText.slice(description.length).trim();
}
