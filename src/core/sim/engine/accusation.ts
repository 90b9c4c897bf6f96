import { canonicalJson } from '../../canonicalJson';
import { VoteValue, type VoteValueT } from '../../council';
import { sha256Bytes, sha256Hex, signHex, type KeyPair, type VerifyMemo } from '../../crypto';
import {
  beliefDigest,
  verifyEquivocationCertificate,
  type EquivocationCertificate,
} from '../../resonance';
import type { ResolvedScenario } from '../scenario';
import type { VoteMessage } from './councilVoting';
import type { FaultBook } from './faultBook';
import { unsafeAt } from './unsafeAt';

/**
 * The rules of an accountability vote (SPEC §5, `resonance.accountability`), as pure
 * functions: what travels, what is signed, how a voter checks a proof and how it votes.
 */

/** An accusation as it travels from its accuser to every voter: a quarantine with the proof. */
export interface AccusationMessage {
  type: 'CP';
  roundNo: number;
  proposalId: string;
  accuser: string;
  accused: string;
  proof: EquivocationCertificate;
  /** The tick the accusation was made. */
  tick: number;
  /** Hex ed25519 signature of the accuser over `accusationDigest`. */
  signature: string;
}

/** What travels in an accountability vote: the accusation out, the votes back (`CV`). */
export type AccusationPayload = AccusationMessage | VoteMessage;

/**
 * What an accuser signs. Policy: its own domain tag, so an accusation's signature can never
 * pass as a Council proposal, a vote or a ResonanceBFT record.
 */
export function accusationDigest(m: Omit<AccusationMessage, 'type' | 'signature'>): Uint8Array {
  const fields = {
    accused: m.accused,
    accuser: m.accuser,
    proof: m.proof,
    proposalId: m.proposalId,
    roundNo: m.roundNo,
    tick: m.tick,
  };
  return sha256Bytes('bft-lab:accusation:' + canonicalJson(fields));
}

/**
 * A voter's own check of a proof against `accused`: an equivocation certificate that names
 * the accused, carries the accused's roster key (not a key the accuser chose), and whose every
 * record verifies under it, with at least two distinct commitments. Never throws.
 */
export function proofHolds(
  proof: unknown,
  accused: string,
  rosterKeyHex: string,
  memo: VerifyMemo,
): boolean {
  if (typeof proof !== 'object' || proof === null) return false;
  const { aid, pubkey } = proof as Record<string, unknown>;
  if (aid !== accused || typeof pubkey !== 'string') return false;
  if (pubkey.toLowerCase() !== rosterKeyHex.toLowerCase()) return false;
  return verifyEquivocationCertificate(proof, memo);
}

/**
 * The forged proof an `accuse` agent submits: two records "of" the victim for `roundId`, under
 * the victim's roster key but signed with the accuser's own key, so no signature verifies.
 */
export function forgedProof(
  accuserKeys: KeyPair,
  victim: string,
  victimKeyHex: string,
  roundId: string,
): EquivocationCertificate {
  const entries = [1, 2].map((copy) => {
    const evalText = `forged record ${copy} of ${victim}`;
    const commitment = sha256Hex(`bft-lab:forged:${roundId}:${victim}:${copy}`);
    const signature = signHex(beliefDigest(commitment, evalText, roundId, victim), accuserKeys.secretKey);
    return { commitment, evalText, signature };
  });
  entries.sort((a, b) => (a.commitment < b.commitment ? -1 : a.commitment > b.commitment ? 1 : 0));
  return { kind: 'equivocation', roundId, aid: victim, pubkey: victimKeyHex, entries };
}

/** Why a voter votes as it does (the trace's `basis`). */
export type VoteBasis = 'proof' | 'unchecked' | 'accused' | 'accuser' | 'contrarian';

/**
 * How `voter` votes on an accusation (SPEC §5: every voter checks the proof itself; Byzantine
 * voters vote as their fault says): the accused rejects; an `accuse` agent approves its own
 * accusations; `biased` and `bloc` voters vote against the proof's verdict; everyone else
 * approves a proof that holds and rejects one that does not. With `unsafe.proofCheck: 'off'`
 * nobody checks, and every voter that would have checked approves.
 *
 * `proofValid` is called only when the voter checks (the check is the expensive part).
 */
export function accusationVote(
  voter: number,
  accuser: number,
  accused: number,
  scenario: ResolvedScenario,
  faults: FaultBook,
  proofValid: () => boolean,
  tick: number,
): { value: VoteValueT; basis: VoteBasis; proofValid: boolean | null } {
  if (voter === accused) return { value: VoteValue.REJECT, basis: 'accused', proofValid: null };
  if (voter === accuser && faults.of(voter, 'accuse') !== undefined) {
    return { value: VoteValue.APPROVE, basis: 'accuser', proofValid: null };
  }
  if (unsafeAt(scenario.resonance, tick).proofCheck === 'off') {
    return { value: VoteValue.APPROVE, basis: 'unchecked', proofValid: null };
  }
  const valid = proofValid();
  const contrarian = faults.of(voter, 'biased') ?? faults.of(voter, 'bloc');
  const approve = contrarian ? !valid : valid;
  const value = approve ? VoteValue.APPROVE : VoteValue.REJECT;
  return { value, basis: contrarian ? 'contrarian' : 'proof', proofValid: valid };
}
