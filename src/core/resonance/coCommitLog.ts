import { setBounded } from '../boundedMap';
/**
 * The co-commit history of a trust store (reference `co_commit_ledger` and
 * `last_interaction`), kept as the list of committed quorums rather than a count per pair.
 *
 * Policy: every replica records every quorum it commits, so a ledger per pair costs n²/2
 * entries per replica and n³/2 for a run: 160 MB at n = 200, beyond any heap at n = 1000
 * (issue 11). The list costs one entry per committed round, and n replicas recording one
 * quorum share one interned array. Every count the reference reads off its ledger is read
 * off the list instead, with the same result.
 */

/** One recorded co-commit: the quorum's members (sorted, distinct) and the round clock then. */
export type CoCommitEntry = [members: readonly string[], clock: number];

/** Each recorded member list as a set, for membership tests; a pure cache by array identity. */
const memberSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function membersOf(entry: CoCommitEntry): ReadonlySet<string> {
  let set = memberSets.get(entry[0]);
  if (set === undefined) {
    set = new Set(entry[0]);
    memberSets.set(entry[0], set);
  }
  return set;
}

/** Recent member lists by content, so stores recording one quorum share one array. */
const interned = new Map<string, readonly string[]>();
const internedMax = 64;

/** The member list of each id list interned; a pure cache by the caller's array identity. */
const internedByList = new WeakMap<readonly string[], readonly string[]>();

/**
 * The sorted distinct members of `ids`, as an array shared with every store that records them.
 * Policy: remembered by the array too, since every replica committing a value records the
 * one quorum list of its outcome (10³ sorts of 10³ ids at n = 1000). Callers never edit it.
 */
export function internMembers(ids: readonly string[]): readonly string[] {
  const known = internedByList.get(ids);
  if (known !== undefined) return known;
  const members = internContent(ids);
  internedByList.set(ids, members);
  return members;
}

function internContent(ids: readonly string[]): readonly string[] {
  const sorted = [...new Set(ids)].sort();
  const key = sorted.join(',');
  const known = interned.get(key);
  if (known !== undefined) return known;
  setBounded(interned, key, sorted, internedMax);
  return sorted;
}

/**
 * The agents of `ids` grouped by which recorded quorums hold them: two agents' co-commit
 * count is the number of quorums their groups share, so pair counts cost groups², not n².
 */
export function coCommitGroups(log: readonly CoCommitEntry[], ids: readonly string[]) {
  const groupOf = new Map<string, number>();
  const groups: { entries: number[]; size: number }[] = [];
  const indexByKey = new Map<string, number>();
  for (const id of new Set(ids)) {
    const entries = log.flatMap((entry, index) => (membersOf(entry).has(id) ? [index] : []));
    const key = entries.join(',');
    let group = indexByKey.get(key);
    if (group === undefined) {
      group = groups.push({ entries, size: 0 }) - 1;
      indexByKey.set(key, group);
    }
    groups[group]!.size += 1;
    groupOf.set(id, group);
  }
  const shared = groups.map((g) => groups.map((h) => h.entries.filter((entry) => g.entries.includes(entry)).length));
  return { groupOf, groups, shared };
}

/**
 * Every pair of `a` read off the log at once, in one walk: for each peer b (by `slotOf`), how
 * many recorded quorums hold both a and b, and the clock of the last one (NaN for none); for
 * b = a, the quorums holding a.
 *
 * Policy: a trust store asks for its agent's pairs with every peer at every commit (its decay
 * and its gains), which walked the whole log per peer: 10⁶ walks a round at n = 1000, growing
 * with the rounds. `PairStats` keeps the answer until the log grows.
 */
export class PairStats {
  private readonly counts: Float64Array;
  private readonly last: Float64Array;

  constructor(
    log: readonly CoCommitEntry[],
    readonly agent: string,
    slotOf: (id: string) => number,
  ) {
    const entries = log.filter((entry) => membersOf(entry).has(agent));
    const slots = entries.map((entry) => entry[0].map(slotOf));
    let size = 0;
    for (const list of slots) for (const slot of list) size = Math.max(size, slot + 1);
    this.counts = new Float64Array(size);
    this.last = new Float64Array(size).fill(Number.NaN);
    entries.forEach(([, clock], e) => {
      for (const slot of slots[e]!) {
        this.counts[slot]! += 1;
        this.last[slot] = clock;
      }
    });
  }

  /** Quorums holding the agent and the peer at `slot` (undefined: a peer never recorded). */
  count(slot: number | undefined): number {
    return slot === undefined || slot >= this.counts.length ? 0 : this.counts[slot]!;
  }

  /** The clock of the last of them, or undefined if there is none. */
  lastClock(slot: number | undefined): number | undefined {
    if (slot === undefined || slot >= this.last.length) return undefined;
    const clock = this.last[slot]!;
    return Number.isNaN(clock) ? undefined : clock;
  }
}
