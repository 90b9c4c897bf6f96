import { canonicalJson } from '../canonicalJson';
import { copyAuditEntry, hashAuditPayload, type AuditEntry } from './auditEntry';
import { verifyChainFrom, type ChainVerdict } from './verifyChain';

/** A chain as plain data: its entries and how many leading ones are known to verify. */
export interface AuditChainState {
  log: AuditEntry[];
  verifiedCount: number;
}

/**
 * An append-only, tamper-evident log shared by both protocols (reference §1.3).
 *
 * Verification is incremental: the chain remembers how many leading entries it has already
 * verified and checks only what was appended since, so verifying after every tally is linear
 * over a run instead of quadratic (SPEC §3). The only way to change a stored entry is
 * `tamper`, which is how a teacher demonstrates detection; it moves the verified prefix back.
 */
export class AuditChain {
  private log: AuditEntry[] = [];
  private verifiedCount = 0;

  /**
   * `onAppend`, when given, receives a copy of each entry as it is appended: what an engine
   * records in its trace (a later `tamper` edits the stored entry, never that copy).
   */
  constructor(private readonly onAppend?: (entry: AuditEntry) => void) {}

  /** A chain holding copies of existing entries, none of them trusted until verified. */
  static from(entries: readonly AuditEntry[]): AuditChain {
    const chain = new AuditChain();
    for (const entry of entries) chain.log.push(copyAuditEntry(entry));
    return chain;
  }

  /** The entries and the verified prefix, by reference (not a copy): for a snapshot. */
  state(): AuditChainState {
    return { log: this.log, verifiedCount: this.verifiedCount };
  }

  /**
   * Takes `state` over (not a copy), verified prefix included: for a caller restoring its own
   * copy of a `state()`. Entries of unknown origin go through `from`, which trusts none.
   */
  adopt(state: AuditChainState): void {
    this.log = state.log;
    this.verifiedCount = state.verifiedCount;
  }

  get length(): number {
    return this.log.length;
  }

  /**
   * Appends an entry linked to the last one and returns its hash; `data` is copied, never
   * aliased: a flat record directly, anything nested through its canonical JSON (computed
   * once, for the hash too).
   *
   * Policy: an entry the chain builds itself is valid by construction, so when everything
   * before it is verified it joins the verified prefix without being hashed a second time.
   * Only `tamper` can change a stored entry, and it rewinds the prefix.
   */
  append(
    eventType: string,
    proposalId: string,
    actorId: string,
    data: Record<string, unknown>,
    timestamp: number,
  ): string {
    const sequence = this.log.length;
    const prevHash = this.log[sequence - 1]?.hash ?? '';
    const dataJson = canonicalJson(data);
    const entry: AuditEntry = {
      sequence,
      eventType,
      proposalId,
      actorId,
      data: flatCopy(data) ?? (JSON.parse(dataJson) as Record<string, unknown>),
      timestamp,
      prevHash,
      hash: '',
    };
    entry.hash = hashAuditPayload(entry, dataJson, prevHash);
    if (this.verifiedCount === sequence) this.verifiedCount = sequence + 1;
    this.log.push(entry);
    this.onAppend?.(copyAuditEntry(entry));
    return entry.hash;
  }

  /** Deep copies of every entry. */
  entries(): AuditEntry[] {
    return this.log.map(copyAuditEntry);
  }

  /** A deep copy of entry `index`, or undefined where the chain holds none. */
  entry(index: number): AuditEntry | undefined {
    const entry = this.log[index];
    return entry === undefined ? undefined : copyAuditEntry(entry);
  }

  verify(): ChainVerdict {
    const verdict = verifyChainFrom(this.log, this.verifiedCount);
    this.verifiedCount = verdict.firstInvalid ?? this.log.length;
    return verdict;
  }

  /**
   * Overwrites fields of a stored entry without re-hashing: a deliberate break for teaching
   * and tests. Everything from `index` on must be verified again.
   */
  tamper(index: number, patch: Partial<AuditEntry>): void {
    const entry = this.log[index];
    if (entry === undefined) throw new RangeError(`No audit entry ${index} (length ${this.log.length})`);
    Object.assign(entry, JSON.parse(JSON.stringify(patch)) as Partial<AuditEntry>);
    this.verifiedCount = Math.min(this.verifiedCount, index);
  }
}

/**
 * What `JSON.parse(canonicalJson(data))` gives, built without the parse, when every value is a
 * string, a number, a boolean, null or undefined (a vote's data, once per vote); null when some
 * value is nested (or a key is "__proto__"). Keys come out sorted and undefined ones dropped,
 * as in the canonical JSON, and −0 becomes 0, as JSON does. Non-finite numbers never get here:
 * `canonicalJson` rejects them first.
 */
function flatCopy(data: Record<string, unknown>): Record<string, unknown> | null {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(data).sort()) {
    const value = data[key];
    if (value === undefined) continue;
    // An own "__proto__" key, which JSON.parse makes, cannot be set by assignment.
    if ((typeof value === 'object' && value !== null) || key === '__proto__') return null;
    copy[key] = value === 0 ? 0 : value;
  }
  return copy;
}
