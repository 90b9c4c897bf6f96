import {
  decodeLinkText, encodeLinkFragment, type LinkKind, type RawDeflateCodec,
} from '../shareLink';
import type { Result, ScenarioError } from '../parseScenario';
import { ScenarioRejection } from '../scenarioReaders';
import { parseComparison, type Comparison, type OpenedComparison } from './comparison';

/**
 * Compare links (SPEC §7): `#c=1.<base64url(deflate-raw(canonical JSON))>` of a comparison
 * (base, fork tick, change), over the machinery of scenario links; 8 KB at most.
 */
const compareLink: LinkKind = { key: 'c', noun: 'comparison' };

/**
 * The fragment `#c=1.…` of a comparison, encoded from its validated copy. Throws
 * `ShareLinkTooLongError` over 8 KB, and an Error naming the field for an invalid comparison.
 */
export async function encodeCompareLink(comparison: Comparison, codec: RawDeflateCodec): Promise<string> {
  const parsed = parseComparison(comparison);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return encodeLinkFragment(compareLink, parsed.value.comparison, codec);
}

/** The comparison of a link (a whole URL or its fragment); never throws on bad input. */
export async function decodeCompareLink(
  link: unknown,
  codec: RawDeflateCodec,
): Promise<Result<OpenedComparison, ScenarioError>> {
  try {
    return parseComparison(await decodeLinkText(link, compareLink, codec));
  } catch (error) {
    if (error instanceof ScenarioRejection) {
      return { ok: false, error: { path: error.path, message: error.message } };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { path: 'link', message: `link: ${detail}` } };
  }
}
