import { axisLengthMax, vocabTermsMax } from './constants';
import { computeCommitment, quantumScale, type SealedAxes } from './seal';

/**
 * Structural check of one record as it arrived (reference `_axes_well_formed`).
 *
 * A Byzantine agent can seal and sign a payload honestly over garbage: strings, NaN,
 * infinities, absurd lengths. Checking the shape first makes such a record *tampered*
 * rather than a crash or a poisoned centroid, and skips the hashing for it.
 *
 * Policy: beyond the reference, a record is also malformed when its `aid` differs from the key
 * it is filed under, when a coordinate's magnitude exceeds 1e6 (honest axes are unit vectors;
 * the bound keeps quantisation exact and norms finite), or when its vocabulary is not a list
 * of at most 4096 strings as long as its semantic axis (an honest agent embeds over exactly
 * the vocabulary it records, and the capped vocabulary is what the seal binds).
 */

export const coordinateAbsMax = 1e6;

export interface Inspection {
  wellFormed: boolean;
  /** Why a record is malformed, for the event log. */
  problem?: string;
  /** The sealed axes, quantised exactly as the seal reads them. */
  axes?: SealedAxes;
  vocab?: string[];
  /** The commitment the record's own contents hash to. */
  expectedCommitment?: string;
}

const textFields = ['commitment', 'nonce', 'signature', 'pubkey', 'evalText'] as const;
const sealedFields = [
  ['semantic', 'semantic'],
  ['affective', 'affective'],
  ['relationalSealed', 'relational'],
  ['epistemic', 'epistemic'],
  ['behavioral', 'behavioral'],
] as const;

/** Checks the shape of `record` filed under `aid` and computes the commitment it should carry. */
export function inspectRecord(aid: string, record: unknown): Inspection {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return malformed('not an object');
  }
  const fields = record as Record<string, unknown>;
  if (fields.aid !== aid) return malformed('aid does not match its slot');
  for (const name of textFields) {
    if (typeof fields[name] !== 'string') return malformed(`${name} is not a string`);
  }
  const axes: Partial<SealedAxes> = {};
  for (const [field, axis] of sealedFields) {
    const values = readAxis(fields[field], axis === 'semantic' || axis === 'relational' ? 0 : 2);
    if (typeof values === 'string') return malformed(`${field} ${values}`);
    axes[axis] = values;
  }
  const vocab = readVocab(fields.vocab, axes.semantic!.length);
  if (typeof vocab === 'string') return malformed(`vocab ${vocab}`);
  const sealed = axes as SealedAxes;
  return {
    wellFormed: true,
    axes: sealed,
    ...(vocab ? { vocab } : {}),
    expectedCommitment: computeCommitment(sealed, fields.nonce as string, vocab),
  };
}

/** The quantised coordinates, or what is wrong with them. `length` 0 means any length. */
function readAxis(value: unknown, length: number): number[] | string {
  if (!Array.isArray(value)) return 'is not a list';
  if (value.length === 0) return 'is empty';
  if (value.length > axisLengthMax) return `is longer than ${axisLengthMax}`;
  if (length > 0 && value.length !== length) {
    return `has ${value.length} coordinates, not ${length}`;
  }
  const out = new Array<number>(value.length);
  for (let i = 0; i < value.length; i++) {
    const x: unknown = value[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) return `has a non-finite value at ${i}`;
    if (Math.abs(x) > coordinateAbsMax) return `has a value beyond ±${coordinateAbsMax} at ${i}`;
    const q = Math.round(x * quantumScale) / quantumScale;
    out[i] = q === 0 ? 0 : q;
  }
  return out;
}

function readVocab(value: unknown, semanticLength: number): string[] | undefined | string {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return 'is not a list';
  if (value.length > vocabTermsMax) return `is longer than ${vocabTermsMax}`;
  if (value.length !== semanticLength) return 'does not match the semantic axis';
  for (const term of value) if (typeof term !== 'string') return 'has a non-string term';
  return value.slice() as string[];
}

function malformed(problem: string): Inspection {
  return { wellFormed: false, problem };
}
