import { deflateRawSync, inflateRawSync } from 'node:zlib';
// Policy: from shareLink itself, not the core's public face, which loads the preset JSON files
// (Playwright's test loader imports this module and cannot load JSON without an attribute).
import { InflatedTooLargeError, type RawDeflateCodec } from '../core/sim/shareLink';

/**
 * Raw deflate over `node:zlib`, for the command line. Produces and reads the same bytes as
 * the worker's `streamCodec`. `maxOutputLength` makes zlib stop as soon as the output would
 * pass the cap, so a decompression bomb is never inflated in full.
 */
export const nodeCodec: RawDeflateCodec = {
  async deflateRaw(bytes) {
    return new Uint8Array(deflateRawSync(bytes));
  },
  async inflateRaw(bytes, maxBytes) {
    let inflated: Uint8Array;
    try {
      // zlib needs a limit of at least 1; the check below holds a limit of 0.
      inflated = inflateRawSync(bytes, { maxOutputLength: Math.max(1, maxBytes) });
    } catch (error) {
      if (isBufferTooLarge(error)) throw new InflatedTooLargeError(maxBytes);
      throw error;
    }
    if (inflated.length > maxBytes) throw new InflatedTooLargeError(maxBytes);
    return new Uint8Array(inflated);
  },
};

function isBufferTooLarge(error: unknown): boolean {
  if (!(error instanceof RangeError)) return false;
  return (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
}
