import { assert } from '../assert';
import { canonicalJson } from '../canonicalJson';
import { utf8 } from '../crypto';
import { decodeBase64url, encodeBase64url } from './base64url';
import { parseScenario, type ScenarioResult } from './parseScenario';
import type { Scenario } from './scenario';
import { describe, quote, reject, ScenarioRejection } from './scenarioReaders';

/**
 * Share links (SPEC §4): the fragment `#s=1.<base64url(deflate-raw(canonical JSON))>`.
 * A link decodes to exactly the scenario that made it, or to an error naming the problem.
 *
 * Core has no compression API of its own (no DOM, no Node), so the caller injects one:
 * `streamCodec` (CompressionStream) in the page and the worker, `nodeCodec` (node:zlib) in
 * the command line. Both produce and read the same bytes.
 */
export interface RawDeflateCodec {
  deflateRaw(bytes: Uint8Array): Promise<Uint8Array>;
  /**
   * Inflates raw deflate data. Rejects with `InflatedTooLargeError` as soon as the output
   * would exceed `maxBytes`, without inflating the rest; rejects on corrupt data.
   */
  inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array>;
}

/** Thrown (or rejected) by a codec whose output would exceed its `maxBytes`. */
export class InflatedTooLargeError extends Error {
  override name = 'InflatedTooLargeError';

  constructor(readonly maxBytes: number) {
    super(`inflated data exceeds ${maxBytes} bytes`);
  }
}

/** Thrown by `encodeShareLink` when the scenario's link would be refused on decoding. */
export class ShareLinkTooLongError extends Error {
  override name = 'ShareLinkTooLongError';

  constructor(readonly chars: number) {
    super(`link: ${tooLong(chars)}`);
  }
}

const linkPath = 'link';

export const shareLinkVersion = 1;
/** "Links over 8 KB are refused": the fragment `#s=1.…`, in characters (all ASCII). */
export const shareLinkCharsMax = 8192;
/** Room for the address in front of the fragment when a whole URL is pasted. */
export const shareLinkAddressCharsMax = 2048;
/**
 * Inflated scenario text is capped well above any real scenario that fits in 8 KB of link
 * (deflate gains at most about 1000×, and real scenarios about 5×), so a bomb stops early.
 */
export const inflatedBytesMax = 256 * 1024;


function tooLong(chars: number): string {
  return `${chars} characters; links over 8 KB (${shareLinkCharsMax} characters) are refused`;
}

/**
 * The fragment `#s=1.…` of a scenario. The scenario is validated first and encoded from the
 * validated copy, so every link this makes decodes. Throws `ShareLinkTooLongError` when the
 * fragment would exceed 8 KB; passing an invalid scenario is a programmer error.
 */
export async function encodeShareLink(scenario: Scenario, codec: RawDeflateCodec): Promise<string> {
  const parsed = parseScenario(scenario);
  const problem = parsed.ok ? '' : parsed.error.message;
  assert(parsed.ok, `encodeShareLink needs a valid scenario: ${problem}`);
  return encodeLinkFragment(scenarioLink, parsed.value, codec);
}

/** What a kind of link carries: its fragment key (`s` in `#s=1.…`) and the word for its data. */
export interface LinkKind {
  key: string;
  noun: string;
}

const scenarioLink: LinkKind = { key: 's', noun: 'scenario' };

/**
 * The fragment `#<key>=1.<base64url(deflate-raw(canonical JSON))>` of a validated value: the
 * machinery of scenario links, shared by sweep links (`#x=1.…`). Throws
 * `ShareLinkTooLongError` over 8 KB.
 */
export async function encodeLinkFragment(kind: LinkKind, value: unknown, codec: RawDeflateCodec): Promise<string> {
  const compressed = await codec.deflateRaw(utf8(canonicalJson(value)));
  const fragment = `#${kind.key}=${shareLinkVersion}.${encodeBase64url(compressed)}`;
  if (fragment.length > shareLinkCharsMax) throw new ShareLinkTooLongError(fragment.length);
  return fragment;
}

/**
 * The JSON text a link of `kind` carries (a whole URL, or its fragment with or without `#`),
 * size, version, base64url, deflate and UTF-8 checked. Throws a `ScenarioRejection` whose
 * path is `link`; the caller validates the text.
 */
export async function decodeLinkText(link: unknown, kind: LinkKind, codec: RawDeflateCodec): Promise<string> {
  const payload = readPayload(link, kind);
  const compressed = decodeBase64url(payload);
  if (!compressed.ok) {
    reject(linkPath, `the ${kind.noun} data is not base64url: ${compressed.reason}`);
  }
  const inflated = await inflate(compressed.bytes, codec, kind);
  return decodeUtf8(inflated, kind);
}

/**
 * The scenario of a share link: a whole URL, or its fragment with or without `#`. Never
 * throws; every refusal is an error whose path is `link`, or the scenario's own error.
 */
export async function decodeShareLink(
  link: unknown,
  codec: RawDeflateCodec,
): Promise<ScenarioResult> {
  try {
    return parseScenario(await decodeLinkText(link, scenarioLink, codec));
  } catch (error) {
    if (error instanceof ScenarioRejection) {
      return { ok: false, error: { path: error.path, message: error.message } };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { path: linkPath, message: `${linkPath}: ${quote(detail)}` } };
  }
}

/** The data after `s=1.` (or the kind's key), once the size, the fragment and the version are checked. */
function readPayload(link: unknown, kind: LinkKind): string {
  if (typeof link !== 'string') reject(linkPath, `expected text, got ${describe(link)}`);
  const text = link.trim();
  if (text.length > shareLinkCharsMax + shareLinkAddressCharsMax) {
    reject(linkPath, tooLong(text.length));
  }
  const hashIndex = text.indexOf('#');
  const fragment = hashIndex === -1 ? text : text.slice(hashIndex + 1);
  if (fragment.length + 1 > shareLinkCharsMax) reject(linkPath, tooLong(fragment.length + 1));
  // Policy: other `&`-separated parameters are ignored, so the page may add its own (say, a
  // time cursor) without breaking older readers; the scenario must appear exactly once.
  const { key, noun } = kind;
  const values = fragment
    .split('&')
    .filter((parameter) => parameter.startsWith(`${key}=`))
    .map((parameter) => parameter.slice(key.length + 1));
  if (values.length === 0) {
    reject(linkPath, `no ${noun} in it (expected a fragment like #${key}=1.…)`);
  }
  if (values.length > 1) reject(linkPath, `${values.length} ${noun}s in it (${key}= must appear once)`);
  const value = values[0]!;
  const dot = value.indexOf('.');
  if (dot === -1) reject(linkPath, `expected ${key}=<version>.<data>, found no version`);
  const version = value.slice(0, dot);
  if (version !== String(shareLinkVersion)) {
    const shown = /^[0-9]{1,9}$/.test(version) ? version : quote(version);
    reject(linkPath, `unsupported version ${shown} (this build reads version ${shareLinkVersion})`);
  }
  const payload = value.slice(dot + 1);
  if (payload.length === 0) reject(linkPath, `the ${noun} data after ${key}=1. is empty`);
  return payload;
}

async function inflate(bytes: Uint8Array, codec: RawDeflateCodec, { noun }: LinkKind): Promise<Uint8Array> {
  let inflated: Uint8Array;
  try {
    inflated = await codec.inflateRaw(bytes, inflatedBytesMax);
  } catch (error) {
    if (error instanceof InflatedTooLargeError) {
      reject(linkPath, `the ${noun} inflates to more than ${inflatedBytesMax} bytes`);
    }
    reject(linkPath, `the ${noun} data is corrupt (not deflate-raw)`);
  }
  // A codec that ignores the cap is still held to it.
  if (inflated.length > inflatedBytesMax) {
    reject(linkPath, `the ${noun} inflates to more than ${inflatedBytesMax} bytes`);
  }
  return inflated;
}

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

type Utf8DecoderClass = new (label: 'utf-8', options: { fatal: boolean }) => Utf8Decoder;

/**
 * Strict UTF-8: invalid bytes are refused rather than replaced with U+FFFD. `TextDecoder`
 * exists in every runtime core runs in (page, worker, Node) but is not in the ES2022 lib.
 */
function decodeUtf8(bytes: Uint8Array, { noun }: LinkKind): string {
  const Decoder = (globalThis as unknown as { TextDecoder: Utf8DecoderClass }).TextDecoder;
  try {
    return new Decoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return reject(linkPath, `the ${noun} data is not UTF-8 text`);
  }
}
