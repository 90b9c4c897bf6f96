import { computeAuditHash, type AuditEntry } from './auditEntry';

export interface ChainVerdict {
  valid: boolean;
  /** Index of the first entry that fails, or null when the whole chain verifies. */
  firstInvalid: number | null;
}

/**
 * Verifies a whole chain. Stricter than the reference, which only recomputes each hash:
 * this also requires `sequence === index` and that each stored `prevHash` equals the previous
 * entry's hash (SPEC §3), and reports the first broken index so a panel can turn every later
 * link red. Malformed entries (wrong types, non-JSON data) are invalid, never a crash.
 */
export function verifyChain(entries: readonly AuditEntry[]): ChainVerdict {
  return verifyChainFrom(entries, 0);
}

/**
 * Verifies entries[start..] assuming entries[0..start) are already known to be valid.
 * This is what lets a protocol re-verify only what was appended since its last check.
 */
export function verifyChainFrom(entries: readonly AuditEntry[], start: number): ChainVerdict {
  for (let index = start; index < entries.length; index++) {
    const expectedPrev = index === 0 ? '' : (entries[index - 1]?.hash ?? '');
    if (!entryIsValid(entries[index], index, expectedPrev)) {
      return { valid: false, firstInvalid: index };
    }
  }
  return { valid: true, firstInvalid: null };
}

function entryIsValid(entry: AuditEntry | undefined, index: number, expectedPrev: string): boolean {
  if (typeof entry !== 'object' || entry === null) return false;
  if (entry.sequence !== index || entry.prevHash !== expectedPrev) return false;
  if (typeof entry.hash !== 'string') return false;
  try {
    return entry.hash === computeAuditHash(entry, expectedPrev);
  } catch {
    return false;
  }
}
