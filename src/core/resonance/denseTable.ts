/**
 * Dense storage for a trust store's tables (`TrustStore`): values by peer in typed arrays, in
 * place of records keyed by id.
 *
 * Policy: at n = 1000 every replica's store holds a reputation, a trust and five axis trusts
 * for each of 10³ peers, and rewrites them at every commit. As records of doubles that was
 * 10⁶ growing hash tables and boxed numbers per round, and a third of a commit's time went
 * to the garbage collector; typed arrays hold the same doubles unboxed, outside the traced
 * heap. Which peers a row has, and in what order they were first written, is kept too, so
 * reading a table back as records (`TrustStore.data`) gives the same keys in the same order.
 */

/** Peer ids to array positions, shared by every table in the thread (ids are few: a roster). */
const slots = new Map<string, number>();
const slotIds: string[] = [];

/** The array position of `id`, given one the first time it is seen. */
export function slotOf(id: string): number {
  let slot = slots.get(id);
  if (slot === undefined) {
    slot = slotIds.length;
    slots.set(id, slot);
    slotIds.push(id);
  }
  return slot;
}

/** The position of `id` if it has one (reading never needs to give one). */
export function knownSlot(id: string): number | undefined {
  return slots.get(id);
}

export function idOfSlot(slot: number): string {
  return slotIds[slot]!;
}

/** `width` values per peer (1: a trust row; 5: an axis trust row), each present or not. */
export class DenseRow {
  private values: Float64Array;
  private present: Uint8Array;
  /** Peers in the order a value of theirs was first written. */
  readonly order: number[] = [];

  constructor(private readonly width: number) {
    this.values = new Float64Array(0);
    this.present = new Uint8Array(0);
  }

  /** Whether the peer has any value in this row. */
  has(slot: number): boolean {
    for (let k = 0; k < this.width; k++) if (this.present[slot * this.width + k] === 1) return true;
    return false;
  }

  /** Value k of the peer, or undefined if it was never written. */
  get(slot: number, k = 0): number | undefined {
    const at = slot * this.width + k;
    return this.present[at] === 1 ? this.values[at] : undefined;
  }

  set(slot: number, value: number, k = 0): void {
    const at = slot * this.width + k;
    if (at >= this.present.length) this.grow(slot + 1);
    if (!this.has(slot)) this.order.push(slot);
    this.present[at] = 1;
    this.values[at] = value;
  }

  /** Room for `peers` at least: every peer known so far (usually the roster) in one step. */
  private grow(peers: number): void {
    const capacity = Math.max(peers, slotIds.length, 2 * (this.present.length / this.width), 8) * this.width;
    const values = new Float64Array(capacity);
    const present = new Uint8Array(capacity);
    values.set(this.values);
    present.set(this.present);
    this.values = values;
    this.present = present;
  }
}

/** Rows by the id of the agent whose trust they hold (a store keeps mostly its own). */
export class DenseTable {
  readonly rows = new Map<string, DenseRow>();

  constructor(readonly width: number) {}

  row(a: string): DenseRow | undefined {
    return this.rows.get(a);
  }

  rowFor(a: string): DenseRow {
    let row = this.rows.get(a);
    if (row === undefined) {
      row = new DenseRow(this.width);
      this.rows.set(a, row);
    }
    return row;
  }
}
