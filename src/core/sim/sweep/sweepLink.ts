import {
  decodeLinkText, encodeLinkFragment, type LinkKind, type RawDeflateCodec,
} from '../shareLink';
import { ScenarioRejection } from '../scenarioReaders';
import { parseSweep, type SweepResult } from './parseSweep';
import type { SweepDefinition } from './sweepDefinition';

/** Sweep links (SPEC §4): `#x=1.<base64url(deflate-raw(canonical JSON))>`, 8 KB at most. */
const sweepLink: LinkKind = { key: 'x', noun: 'sweep' };

/**
 * The fragment `#x=1.…` of a sweep. The definition is validated first and encoded from the
 * validated copy, so every link this makes decodes to the same diagram. Throws
 * `ShareLinkTooLongError` over 8 KB, and an Error naming the field for an invalid definition.
 */
export async function encodeSweepLink(definition: SweepDefinition, codec: RawDeflateCodec): Promise<string> {
  const parsed = parseSweep(definition);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return encodeLinkFragment(sweepLink, parsed.value, codec);
}

/** The sweep of a link (a whole URL or its fragment); never throws on bad input. */
export async function decodeSweepLink(link: unknown, codec: RawDeflateCodec): Promise<SweepResult> {
  try {
    return parseSweep(await decodeLinkText(link, sweepLink, codec));
  } catch (error) {
    if (error instanceof ScenarioRejection) {
      return { ok: false, error: { path: error.path, message: error.message } };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { path: 'link', message: `link: ${detail}` } };
  }
}
