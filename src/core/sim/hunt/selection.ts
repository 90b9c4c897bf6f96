import { assert } from '../../assert';

/** Shard `index` of `count` (1-based index): `--shard 2/4`. */
export interface Shard {
  index: number;
  count: number;
}

export interface SelectionOptions {
  /** Run at most this many, spread evenly over the range. */
  limit?: number;
  shard?: Shard;
}

/**
 * The positions (0-based, ascending) within a range of `total` runs that one invocation
 * runs. `limit` first takes an even sample of the range (every part of an exhaustive space
 * gets its share, not just the first indices); the shard then takes the sample's entries
 * whose place p in the sample has p ≡ index − 1 (mod count). So the k shards of one
 * selection partition it exactly, and their outputs, concatenated and sorted by seed or
 * index, are the unsharded output.
 */
export function selectPositions(total: number, options: SelectionOptions = {}): number[] {
  assert(Number.isInteger(total) && total >= 0, `total ${total} must be a count`);
  const { limit, shard } = options;
  const limitOk = limit === undefined || (Number.isInteger(limit) && limit >= 1);
  assert(limitOk, `limit ${limit} must be an integer >= 1`);
  const sampleSize = limit === undefined ? total : Math.min(limit, total);
  const positionAt = (place: number): number =>
    sampleSize === total ? place : Math.floor((place * total) / sampleSize);
  if (shard !== undefined) {
    const { index, count } = shard;
    assert(Number.isInteger(count) && count >= 1, `shard count ${count} must be >= 1`);
    assert(Number.isInteger(index) && index >= 1 && index <= count, `shard ${index}/${count}`);
  }
  const first = shard === undefined ? 0 : shard.index - 1;
  const step = shard === undefined ? 1 : shard.count;
  const positions: number[] = [];
  for (let place = first; place < sampleSize; place += step) positions.push(positionAt(place));
  return positions;
}
