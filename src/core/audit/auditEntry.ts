import { canonicalJson } from '../canonicalJson';
import { sha256Hex } from '../crypto';

/**
 * One link of the tamper-evident audit chain (reference §1.2), as plain data: it survives
 * `structuredClone` and JSON, so entries can cross the worker boundary and sit in a trace.
 */
export interface AuditEntry {
  sequence: number;
  eventType: string;
  proposalId: string;
  actorId: string;
  data: Record<string, unknown>;
  /** Virtual time in ticks. */
  timestamp: number;
  prevHash: string;
  hash: string;
}

/** Hex characters kept from the sha256 digest, as in the reference. */
export const auditHashLength = 32;

/**
 * The entry's hash given the previous entry's hash: sha256 over
 * `sequence:eventType:proposalId:actorId:canonicalJson(data):timestamp:prevHash`, first 32
 * hex characters. Self-consistent with the reference's layout (not byte-compatible with
 * Python's json.dumps spacing, which the reference allows).
 */
export function computeAuditHash(
  entry: Pick<AuditEntry, 'sequence' | 'eventType' | 'proposalId' | 'actorId' | 'data' | 'timestamp'>,
  prevHash: string,
): string {
  return hashAuditPayload(entry, canonicalJson(entry.data), prevHash);
}

/** `computeAuditHash` with the canonical JSON of `data` already computed. */
export function hashAuditPayload(
  entry: Pick<AuditEntry, 'sequence' | 'eventType' | 'proposalId' | 'actorId' | 'timestamp'>,
  dataJson: string,
  prevHash: string,
): string {
  const payload =
    `${entry.sequence}:${entry.eventType}:${entry.proposalId}:${entry.actorId}:` +
    `${dataJson}:${entry.timestamp}:${prevHash}`;
  return sha256Hex(payload).slice(0, auditHashLength);
}

/** A deep copy of an entry; `data` is JSON-shaped by construction, so a JSON round trip is exact. */
export function copyAuditEntry(entry: AuditEntry): AuditEntry {
  return { ...entry, data: JSON.parse(JSON.stringify(entry.data)) as Record<string, unknown> };
}
