import { sha256Bytes, sha256Hex, signHex, type KeyPair } from '../crypto';
import type { SealedRecord } from './types';

/**
 * Seal and signature of an evaluation (reference §2.2 `_commitment`, `_belief_digest`).
 *
 * The commitment is sha256 over the five sealed axes, the nonce and, for bag-of-words, the
 * vocabulary basis the semantic coordinates are indexed by (so relabelling the basis breaks
 * the seal). The signature binds the commitment to the text, the round and the agent, so a
 * record cannot be edited, swapped between agents or replayed into another round.
 *
 * Policy: coordinates are quantised to 1e-9 before they are hashed (STYLE, "quantised
 * first"): each is written as the integer Math.round(x · 1e9). Python's list repr cannot be
 * reproduced and need not be; this form is exact, platform-independent and the same after a
 * JSON round trip. Sealed records store the quantised values, so what an agent sees is what
 * it sealed.
 */

export const quantumScale = 1e9;
export const commitmentPrefix = 'sha256:';

/** `x` rounded to the 1e-9 grid the seal uses; never −0. */
export function quantise(x: number): number {
  const q = Math.round(x * quantumScale) / quantumScale;
  return q === 0 ? 0 : q;
}

export function quantiseVector(v: readonly number[]): number[] {
  return v.map(quantise);
}

/** The five sealed axes, relational as sealed (the commit never reads the mutable copy). */
export interface SealedAxes {
  semantic: number[];
  affective: number[];
  relational: number[];
  epistemic: number[];
  behavioral: number[];
}

/**
 * The commitment's preimage: the belief semantic + affective + epistemic + behavioral +
 * relational (reference order, not AXES order), then the nonce, then the NUL-joined basis.
 */
export function commitmentPayload(
  axes: SealedAxes,
  nonce: string,
  basis?: readonly string[],
): string {
  const parts: number[] = [];
  let finite = true;
  const { semantic, affective, epistemic, behavioral, relational } = axes;
  for (const v of [semantic, affective, epistemic, behavioral, relational]) {
    for (let i = 0; i < v.length; i++) {
      const part = Math.round(v[i]! * quantumScale);
      finite &&= Number.isFinite(part);
      parts.push(part);
    }
  }
  // The serialiser writes a finite number as its ToString, as `String` does (−0 as "0"), in one
  // native pass; anything else (NaN in a forged record) keeps the reference's "NaN".
  const list = finite ? JSON.stringify(parts) : `[${parts.map(String).join(',')}]`;
  let payload = `${list}:${nonce}`;
  if (basis && basis.length > 0) payload += ':' + basis.join('\u0000');
  return payload;
}

/** `sha256:<hex>` of `commitmentPayload`. */
export function computeCommitment(
  axes: SealedAxes,
  nonce: string,
  basis?: readonly string[],
): string {
  return commitmentPrefix + sha256Hex(commitmentPayload(axes, nonce, basis));
}

/** What an agent signs: sha256(commitment ␀ evalText ␀ roundId ␀ aid). */
export function beliefDigest(
  commitment: string,
  evalText: string,
  roundId: string,
  aid: string,
): Uint8Array {
  return sha256Bytes([commitment, evalText, roundId, aid].join('\u0000'));
}

/**
 * What a replica signs for a prepare or commit vote. The reference leaves `_vote_digest`
 * open; this is sha256 over the NUL-joined fields, like the belief digest (reference §2).
 */
export function voteDigest(
  roundId: string,
  view: number,
  phase: string,
  winner: string,
): Uint8Array {
  return sha256Bytes(['vote', roundId, String(view), phase, winner].join('\u0000'));
}

/** The fields an agent fills in before sealing; `relational` is sealed as `relationalSealed`. */
export interface UnsealedRecord {
  aid: string;
  nonce: string;
  evalText: string;
  semantic: readonly number[];
  affective: readonly number[];
  relational: readonly number[];
  epistemic: readonly number[];
  behavioral: readonly number[];
  vocab?: readonly string[];
}

/** Quantises, seals and signs `fields` for round `roundId` with `keys`. */
export function sealRecord(fields: UnsealedRecord, keys: KeyPair, roundId: string): SealedRecord {
  const axes: SealedAxes = {
    semantic: quantiseVector(fields.semantic),
    affective: quantiseVector(fields.affective),
    relational: quantiseVector(fields.relational),
    epistemic: quantiseVector(fields.epistemic),
    behavioral: quantiseVector(fields.behavioral),
  };
  const commitment = computeCommitment(axes, fields.nonce, fields.vocab);
  const digest = beliefDigest(commitment, fields.evalText, roundId, fields.aid);
  const signature = signHex(digest, keys.secretKey);
  const record: SealedRecord = {
    aid: fields.aid,
    commitment,
    nonce: fields.nonce,
    signature,
    pubkey: keys.publicKeyHex,
    evalText: fields.evalText,
    semantic: axes.semantic,
    affective: axes.affective,
    relational: axes.relational.slice(),
    relationalSealed: axes.relational,
    epistemic: axes.epistemic,
    behavioral: axes.behavioral,
  };
  if (fields.vocab) record.vocab = [...fields.vocab];
  return record;
}
