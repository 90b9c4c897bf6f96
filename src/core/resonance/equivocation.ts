import { VerifyMemo } from '../crypto';
import { inspectRecord, type Inspection } from './inspectRecord';
import { beliefDigest } from './seal';
import type { Round } from './types';

/**
 * Equivocation evidence (reference §2.8, `build_/verify_/collect_equivocation_certificate`).
 *
 * Equivocation, signing two different beliefs for one (round, agent), is the Byzantine fault
 * that admits clean attribution: two validly signed records with distinct commitments under
 * one public key prove the key's holder signed contradictory statements. A certificate needs
 * nothing but itself to check, so a third party who saw none of the run can verify it.
 */

export interface EquivocationEntry {
  commitment: string;
  evalText: string;
  signature: string;
}

export interface EquivocationCertificate {
  kind: 'equivocation';
  roundId: string;
  aid: string;
  pubkey: string;
  /** At least two entries with distinct commitments, sorted by commitment. */
  entries: EquivocationEntry[];
}

/** A certificate with more entries than this is refused unread (a bound on the work). */
export const certificateEntriesMax = 64;

/**
 * Certificates for every (round id, agent, public key) that signed two or more distinct
 * commitments across `rounds` (e.g. the two sides of a partition each saw one).
 *
 * Policy: a record counts only if it is well-formed and its seal and signature verify
 * (SPEC §3): a forged or damaged record proves nothing about its key's holder. Records
 * under different keys for one agent are impersonation, not equivocation, so each key is
 * grouped on its own. The result is sorted by round id, agent and key. `inspect` may answer
 * from a memo of inspections (`ResolveMemo.inspect`): a run's records were inspected as they
 * were resolved.
 */
export function findEquivocations(
  rounds: readonly Round[],
  memo: VerifyMemo = new VerifyMemo(),
  inspect: (aid: string, record: unknown) => Inspection = inspectRecord,
): EquivocationCertificate[] {
  const groups = new Map<string, EquivocationCertificate>();
  for (const round of rounds) {
    const roundId = String(round.id);
    for (const [aid, record] of Object.entries(round.evaluations ?? {})) {
      const inspection = inspect(aid, record);
      if (!inspection.wellFormed || record.commitment !== inspection.expectedCommitment) continue;
      const digest = beliefDigest(record.commitment, record.evalText, roundId, aid);
      if (!memo.verify(record.signature, digest, record.pubkey)) continue;
      const pubkey = record.pubkey.toLowerCase();
      const key = JSON.stringify([roundId, aid, pubkey]);
      const group = groups.get(key) ?? { kind: 'equivocation', roundId, aid, pubkey, entries: [] };
      groups.set(key, group);
      if (!group.entries.some((entry) => entry.commitment === record.commitment)) {
        group.entries.push({
          commitment: record.commitment,
          evalText: record.evalText,
          signature: record.signature,
        });
      }
    }
  }
  return [...groups.entries()]
    .filter(([, group]) => group.entries.length >= 2)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => ({ ...group, entries: group.entries.sort(byCommitment) }));
}

/**
 * True when `cert` holds at least two distinct commitments, each validly signed under its
 * public key for its (round id, agent). Uses only the certificate; never throws, whatever
 * it is given.
 */
export function verifyEquivocationCertificate(
  cert: unknown,
  memo: VerifyMemo = new VerifyMemo(),
): boolean {
  try {
    if (typeof cert !== 'object' || cert === null) return false;
    const { kind, roundId, aid, pubkey, entries } = cert as Record<string, unknown>;
    if (kind !== 'equivocation') return false;
    if (typeof roundId !== 'string' || typeof aid !== 'string') return false;
    if (typeof pubkey !== 'string' || !Array.isArray(entries)) return false;
    if (entries.length < 2 || entries.length > certificateEntriesMax) return false;
    const commitments = new Set<string>();
    for (const entry of entries as unknown[]) {
      if (typeof entry !== 'object' || entry === null) return false;
      const { commitment, evalText, signature } = entry as Record<string, unknown>;
      if (typeof commitment !== 'string' || commitment === '') return false;
      if (typeof evalText !== 'string' || typeof signature !== 'string') return false;
      const digest = beliefDigest(commitment, evalText, roundId, aid);
      if (!memo.verify(signature, digest, pubkey)) return false;
      commitments.add(commitment);
    }
    return commitments.size >= 2;
  } catch {
    return false;
  }
}

function byCommitment(a: EquivocationEntry, b: EquivocationEntry): number {
  return a.commitment < b.commitment ? -1 : a.commitment > b.commitment ? 1 : 0;
}
