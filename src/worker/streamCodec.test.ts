import { deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink, InflatedTooLargeError } from '../core/sim/shareLink';
import type { Scenario } from '../core/sim/scenario';
import { streamCodec } from './streamCodec';

/** Counts how much of the compressed input the codec asks for. */
class CountingBytes extends Uint8Array {
  bytesTaken = 0;

  override slice(start?: number, end?: number): Uint8Array<ArrayBuffer> {
    const piece = new Uint8Array(this).slice(start, end);
    this.bytesTaken += piece.length;
    return piece;
  }
}

describe('streamCodec (CompressionStream deflate-raw)', () => {
  it('inflates what it deflates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), async (bytes) => {
        const deflated = await streamCodec.deflateRaw(bytes);
        expect(await streamCodec.inflateRaw(deflated, bytes.length)).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
  });

  it('writes raw deflate that zlib reads, and reads what zlib writes', async () => {
    const text = new TextEncoder().encode('{"n":7,"protocol":"resonance","seed":42,"v":1}'.repeat(20));
    expect(new Uint8Array(inflateRawSync(await streamCodec.deflateRaw(text)))).toEqual(text);
    expect(await streamCodec.inflateRaw(deflateRawSync(text), text.length)).toEqual(text);
  });

  it('allows output of exactly maxBytes and refuses one byte more', async () => {
    const deflated = deflateRawSync(new Uint8Array(1000));
    expect((await streamCodec.inflateRaw(deflated, 1000)).length).toBe(1000);
    await expect(streamCodec.inflateRaw(deflated, 999)).rejects.toBeInstanceOf(InflatedTooLargeError);
  });

  it('stops reading a decompression bomb once the output passes the cap', async () => {
    const bomb = deflateRawSync(new Uint8Array(50_000_000));
    const input = new CountingBytes(bomb);
    await expect(streamCodec.inflateRaw(input, 256 * 1024)).rejects.toBeInstanceOf(InflatedTooLargeError);
    // Node takes up to 16 KB ahead (its writable high-water mark); the bomb is 48 KB.
    expect(input.bytesTaken).toBeLessThan(bomb.length / 2);
  });

  it('rejects data that is not raw deflate', async () => {
    await expect(streamCodec.inflateRaw(new Uint8Array([1, 2, 3]), 100)).rejects.toThrow();
    await expect(streamCodec.inflateRaw(new Uint8Array(0), 100)).rejects.toThrow();
    const truncated = deflateRawSync(new TextEncoder().encode('hello world')).subarray(0, 4);
    await expect(streamCodec.inflateRaw(truncated, 100)).rejects.toThrow();
  });

  it('carries a share link round trip on its own', async () => {
    const scenario: Scenario = { v: 1, seed: 9, protocol: 'council', n: 5, council: { weights: [1, 2, 3, 4, 5] } };
    const link = await encodeShareLink(scenario, streamCodec);
    expect(await decodeShareLink(link, streamCodec)).toEqual({ ok: true, value: scenario });
  });
});
