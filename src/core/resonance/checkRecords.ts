import type { Inspection } from './inspectRecord';
import type { ResolveMemo } from './ResolveMemo';
import type { Round } from './types';

/**
 * The tamper check of `resolve` (reference §2.3 `_compute_tampered`). A record is tampered
 * when any of these fails:
 * 1. it is well-formed (`inspectRecord`);
 * 2. its commitment is the hash of its own sealed contents (the seal);
 * 3. its ed25519 signature verifies over (commitment, evalText, round id, aid);
 * 4. its public key equals the key an identity layer bound to its aid, when there is one; with
 *    `requireIdentityBinding`, an aid without a bound key fails (fail closed).
 * The teaching switch `seal: 'off'` skips 2 and 3 and nothing else.
 */

export type TamperReason = 'malformed' | 'seal' | 'signature' | 'identity';

export interface RecordVerdict {
  aid: string;
  tampered: boolean;
  reason?: TamperReason;
  inspection: Inspection;
}

interface CheckContext {
  roundId: string;
  memo: ResolveMemo;
  sealChecks: boolean;
  bound: Record<string, unknown>;
  failClosed: boolean;
}

/** Verdicts for every record of `round`, sorted by agent id. */
export function checkRecords(
  round: Round,
  memo: ResolveMemo,
  sealChecks: boolean,
): RecordVerdict[] {
  const evaluations: Record<string, unknown> = isObject(round.evaluations) ? round.evaluations : {};
  const context: CheckContext = {
    roundId: String(round.id),
    memo,
    sealChecks,
    bound: isObject(round.identityPubkeys) ? round.identityPubkeys : {},
    failClosed: round.requireIdentityBinding === true,
  };
  return Object.keys(evaluations)
    .sort()
    .map((aid) => {
      const record = evaluations[aid];
      const inspection = memo.inspect(aid, record);
      const reason = tamperReason(aid, record, inspection, context);
      if (reason) return { aid, tampered: true, reason, inspection };
      return { aid, tampered: false, inspection };
    });
}

function tamperReason(
  aid: string,
  record: unknown,
  inspection: Inspection,
  context: CheckContext,
): TamperReason | undefined {
  if (!inspection.wellFormed) return 'malformed';
  // A well-formed record is an object with every text field, as a string.
  const { commitment, pubkey } = record as Record<string, string>;
  if (context.sealChecks) {
    if (commitment !== inspection.expectedCommitment) return 'seal';
    if (!context.memo.verifySignature(record as object, aid, context.roundId)) return 'signature';
  }
  if (Object.hasOwn(context.bound, aid)) {
    if (context.bound[aid] !== pubkey) return 'identity';
  } else if (context.failClosed) {
    return 'identity';
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
