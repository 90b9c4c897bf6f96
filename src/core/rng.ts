import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Seeded pseudo-random numbers with named streams (SPEC §2).
 *
 * Each stream is an independent xoshiro128** generator whose 128-bit state is the first
 * 16 bytes of sha256(`bft-lab:rng:{seed}:{stream}`). The same seed and stream name always
 * give the same sequence, and drawing from one stream never shifts another: adding a fault
 * to agent a3 (stream `faults:a3`) leaves the network's latencies (stream `net`) unchanged.
 *
 * The state is four plain numbers, so a stream can be snapshotted into a checkpoint and
 * restored with `Rng.restore`.
 */
export type RngState = readonly [number, number, number, number];

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  private constructor(state: RngState) {
    [this.s0, this.s1, this.s2, this.s3] = state;
  }

  /** The stream `name` of seed `seed`. */
  static stream(seed: number | string, name: string): Rng {
    const digest = sha256(utf8ToBytes(`bft-lab:rng:${seed}:${name}`));
    const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
    const state: [number, number, number, number] = [
      view.getUint32(0, true),
      view.getUint32(4, true),
      view.getUint32(8, true),
      view.getUint32(12, true),
    ];
    // xoshiro's all-zero state is a fixed point; sha256 makes it astronomically unlikely,
    // but the guard costs nothing.
    if (state.every((word) => word === 0)) state[0] = 1;
    return new Rng(state);
  }

  static restore(state: RngState): Rng {
    return new Rng(state);
  }

  snapshot(): RngState {
    return [this.s0, this.s1, this.s2, this.s3];
  }

  /** A uniform 32-bit unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    this.s0 >>>= 0;
    this.s1 >>>= 0;
    this.s2 >>>= 0;
    this.s3 >>>= 0;
    return result;
  }

  /** A uniform float in [0, 1) with 53 bits of precision. */
  next(): number {
    const high = this.nextU32() >>> 5;
    const low = this.nextU32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** A uniform integer in [min, max], both inclusive, without modulo bias. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`Rng.int: need integers min <= max, got ${min}, ${max}`);
    }
    const span = max - min + 1;
    if (span > 2 ** 32) return min + Math.floor(this.next() * span);
    const limit = 2 ** 32 - (2 ** 32 % span);
    let draw = this.nextU32();
    while (draw >= limit) draw = this.nextU32();
    return min + (draw % span);
  }

  /** A uniform float in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Rng.pick: empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
