import { InflatedTooLargeError, type RawDeflateCodec } from '../core/sim/shareLink';

/**
 * Raw deflate over the platform's `CompressionStream('deflate-raw')` and
 * `DecompressionStream('deflate-raw')`, available in the page, in workers and in Node 20.
 *
 * The input is written in small chunks, each only once the stream has taken the previous
 * one, while the output is read as it comes. A stream under backpressure takes no more input,
 * so a decompression bomb is stopped (the stream cancelled) soon after its output passes the
 * cap, instead of being inflated in full first.
 */
export const streamCodec: RawDeflateCodec = {
  async deflateRaw(bytes) {
    return transform(new CompressionStream('deflate-raw'), bytes, Infinity);
  },
  async inflateRaw(bytes, maxBytes) {
    return transform(new DecompressionStream('deflate-raw'), bytes, maxBytes);
  },
};

/** Input is written this many bytes at a time, so the output side paces the work. */
const inputChunkBytes = 1024;

async function transform(
  stream: CompressionStream | DecompressionStream,
  bytes: Uint8Array,
  maxBytes: number,
): Promise<Uint8Array> {
  const state = { stopped: false };
  const feeding = feed(stream.writable.getWriter(), bytes, state);
  // A write that fails also errors the readable side, which reports it; and once reading
  // has stopped, the writes left pending no longer matter.
  feeding.catch(() => undefined);
  try {
    return await readAll(stream.readable, maxBytes);
  } finally {
    state.stopped = true;
  }
}

async function feed(
  writer: WritableStreamDefaultWriter<BufferSource>,
  bytes: Uint8Array,
  state: { stopped: boolean },
): Promise<void> {
  for (let offset = 0; offset < bytes.length; offset += inputChunkBytes) {
    if (state.stopped) return;
    await writer.write(bytes.slice(offset, offset + inputChunkBytes));
  }
  if (!state.stopped) await writer.close();
}

async function readAll(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      // Cancelling tears the stream down; its own complaint about that no longer matters.
      await reader.cancel().catch(() => undefined);
      throw new InflatedTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}
