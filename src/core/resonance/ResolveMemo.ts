import { setBounded } from '../boundedMap';
import { VerifyMemo } from '../crypto';
import { memoOutcomesMax } from './constants';
import { inspectRecord, type Inspection } from './inspectRecord';
import { beliefDigest } from './seal';
import type { Outcome, RoundAbort } from './types';

/** A memoised resolution: the outcome and the effect it has on the round. */
export interface MemoEntry {
  outcome: Outcome;
  /** Present when the outcome aborts for lack of a quorum (early aborts only bump the view). */
  abort?: RoundAbort;
  /**
   * Set for an abort before scoring (no records, n < 4, a partition): no deliberation
   * describes it, so a carried trajectory's diagnostics are not reported for it.
   */
  early?: true;
}

export interface ResolveMemoOptions {
  /** Share one signature memo across every resolver of a run (SPEC §3). */
  verify?: VerifyMemo;
  /**
   * Treat records as immutable and remember each record object's inspection, so n replicas
   * re-resolving the same records hash each one once. See the policy on `ResolveMemo`.
   */
  immutableRecords?: boolean;
}

/**
 * Work `resolve` can share across calls and across resolvers (SPEC §3):
 * - signature checks, through a `VerifyMemo` keyed by (public key, message, signature);
 * - outcomes, keyed by a hash of everything the outcome depends on (the resolver config, the
 *   round id, view and membership, and each record's id, verdict and the commitment its
 *   contents hash to). Resolver independence makes this exact: a different resolver with the
 *   same config and the same sealed records computes the same outcome.
 *
 * Policy: with `immutableRecords`, an inspection is remembered per record *object* and the
 * record is deep-frozen, so an in-place edit after it was first resolved throws instead of
 * being silently missed. Without it (the default), every record is re-hashed on every call.
 */
export class ResolveMemo {
  readonly verify: VerifyMemo;
  private readonly immutableRecords: boolean;
  private readonly inspections = new WeakMap<object, RecordMemo>();
  private readonly outcomes = new Map<string, MemoEntry>();
  private outcomeHitCount = 0;

  constructor({ verify = new VerifyMemo(), immutableRecords = false }: ResolveMemoOptions = {}) {
    this.verify = verify;
    this.immutableRecords = immutableRecords;
  }

  /** `inspectRecord`, remembered per record object when records are immutable. */
  inspect(aid: string, record: unknown): Inspection {
    if (!this.immutableRecords || typeof record !== 'object' || record === null) {
      return inspectRecord(aid, record);
    }
    const known = this.inspections.get(record);
    if (known && known.aid === aid) return known.inspection;
    const inspection = inspectRecord(aid, record);
    deepFreeze(record);
    this.inspections.set(record, { aid, inspection, signatures: new Map() });
    return inspection;
  }

  /**
   * Whether a well-formed record's signature verifies for (round id, aid), through the
   * signature memo; with immutable records, also remembered per record object and round.
   */
  verifySignature(record: object, aid: string, roundId: string): boolean {
    const known = this.immutableRecords ? this.inspections.get(record) : undefined;
    const remembered = known?.aid === aid ? known.signatures.get(roundId) : undefined;
    if (remembered !== undefined) return remembered;
    const { commitment, evalText, signature, pubkey } = record as Record<string, string>;
    const digest = beliefDigest(commitment!, evalText!, roundId, aid);
    const valid = this.verify.verify(signature!, digest, pubkey!);
    if (known?.aid === aid) known.signatures.set(roundId, valid);
    return valid;
  }

  outcome(key: string): MemoEntry | undefined {
    const entry = this.outcomes.get(key);
    if (entry) this.outcomeHitCount++;
    return entry;
  }

  remember(key: string, entry: MemoEntry): void {
    setBounded(this.outcomes, key, entry, memoOutcomesMax);
  }

  /** Outcomes answered from the memo. */
  get outcomeHits(): number {
    return this.outcomeHitCount;
  }
}

interface RecordMemo {
  aid: string;
  inspection: Inspection;
  /** Signature verdicts by round id. */
  signatures: Map<string, boolean>;
}

function deepFreeze(value: object): void {
  Object.freeze(value);
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) deepFreeze(child);
  }
}
