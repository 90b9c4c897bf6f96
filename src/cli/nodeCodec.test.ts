import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink, InflatedTooLargeError } from '../core/sim/shareLink';
import { streamCodec } from '../worker/streamCodec';
import { nodeCodec } from './nodeCodec';

describe('nodeCodec (node:zlib)', () => {
  it('inflates what it deflates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), async (bytes) => {
        expect(await nodeCodec.inflateRaw(await nodeCodec.deflateRaw(bytes), bytes.length)).toEqual(bytes);
      }),
      { numRuns: 100 },
    );
  });

  it('returns plain Uint8Arrays, not Buffers', async () => {
    const deflated = await nodeCodec.deflateRaw(new Uint8Array([1, 2, 3]));
    expect(Object.getPrototypeOf(deflated)).toBe(Uint8Array.prototype);
    expect(Object.getPrototypeOf(await nodeCodec.inflateRaw(deflated, 3))).toBe(Uint8Array.prototype);
  });

  it('interoperates with the stream codec in both directions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        expect(await streamCodec.inflateRaw(await nodeCodec.deflateRaw(bytes), bytes.length)).toEqual(bytes);
        expect(await nodeCodec.inflateRaw(await streamCodec.deflateRaw(bytes), bytes.length)).toEqual(bytes);
      }),
      { numRuns: 30 },
    );
  });

  it('decodes a share link the stream codec made, and the other way round', async () => {
    const scenario = { v: 1, name: 'interop', seed: 3, protocol: 'resonance', n: 4, rounds: 2 } as const;
    const fromStream = await encodeShareLink(scenario, streamCodec);
    const fromNode = await encodeShareLink(scenario, nodeCodec);
    expect(await decodeShareLink(fromStream, nodeCodec)).toEqual({ ok: true, value: scenario });
    expect(await decodeShareLink(fromNode, streamCodec)).toEqual({ ok: true, value: scenario });
  });

  it('allows output of exactly maxBytes and refuses one byte more, even with a cap of 0', async () => {
    const deflated = deflateRawSync(new Uint8Array(1000));
    expect((await nodeCodec.inflateRaw(deflated, 1000)).length).toBe(1000);
    await expect(nodeCodec.inflateRaw(deflated, 999)).rejects.toBeInstanceOf(InflatedTooLargeError);
    await expect(nodeCodec.inflateRaw(deflated, 0)).rejects.toBeInstanceOf(InflatedTooLargeError);
  });

  it('refuses a decompression bomb with InflatedTooLargeError', async () => {
    const bomb = deflateRawSync(new Uint8Array(50_000_000));
    await expect(nodeCodec.inflateRaw(bomb, 256 * 1024)).rejects.toBeInstanceOf(InflatedTooLargeError);
  });

  it('rejects data that is not raw deflate', async () => {
    await expect(nodeCodec.inflateRaw(new Uint8Array([1, 2, 3]), 100)).rejects.toThrow();
    await expect(nodeCodec.inflateRaw(new Uint8Array(0), 100)).rejects.toThrow();
  });
});
