import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeCodec } from '../../cli/nodeCodec';
import { canonicalJson } from '../canonicalJson';
import { sha256Hex } from '../crypto';
import { encodeBase64url } from './base64url';
import type { Scenario } from './scenario';
import {
  decodeShareLink,
  encodeShareLink,
  inflatedBytesMax,
  InflatedTooLargeError,
  shareLinkCharsMax,
  ShareLinkTooLongError,
  type RawDeflateCodec,
} from './shareLink';

const scenario: Scenario = {
  v: 1,
  name: 'Two tamper — «ünïcode» 🎲',
  seed: 42,
  protocol: 'resonance',
  n: 7,
  rounds: 5,
  faults: [{ kind: 'tamper', agents: [1, 2] }],
  opinions: { texts: { '3': 'approve the budget change' } },
};

/** A link around arbitrary bytes, compressed as the real links are. */
function linkOf(bytes: Uint8Array | string): string {
  return `#s=1.${encodeBase64url(deflateRawSync(bytes))}`;
}

async function errorOf(link: unknown, codec: RawDeflateCodec = nodeCodec): Promise<string> {
  const result = await decodeShareLink(link, codec);
  if (result.ok) throw new Error('expected the link to be refused');
  return result.error.message;
}

describe('share links', () => {
  it('are the fragment #s=1.<base64url> of the canonical JSON, deflated', async () => {
    const link = await encodeShareLink(scenario, nodeCodec);
    expect(link).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/);
    const bytes = Buffer.from(link.slice('#s=1.'.length), 'base64url');
    const { inflateRawSync } = await import('node:zlib');
    expect(inflateRawSync(bytes).toString('utf8')).toBe(canonicalJson(scenario));
  });

  it('decode to exactly the scenario that made them', async () => {
    const decoded = await decodeShareLink(await encodeShareLink(scenario, nodeCodec), nodeCodec);
    expect(decoded).toEqual({ ok: true, value: scenario });
  });

  it('are the same whatever the key order of the scenario', async () => {
    const reordered = Object.fromEntries(Object.entries(scenario).reverse()) as unknown as Scenario;
    expect(await encodeShareLink(reordered, nodeCodec)).toBe(await encodeShareLink(scenario, nodeCodec));
  });

  it('decode from a whole URL, a fragment, or a fragment without #', async () => {
    const link = await encodeShareLink(scenario, nodeCodec);
    for (const form of [`https://lab.example/app/?x=1${link}`, link, link.slice(1), `  ${link}\n`]) {
      expect(await decodeShareLink(form, nodeCodec)).toEqual({ ok: true, value: scenario });
    }
  });

  it('ignore other fragment parameters', async () => {
    const link = await encodeShareLink(scenario, nodeCodec);
    expect(await decodeShareLink(`#t=120&${link.slice(1)}&panel=trust`, nodeCodec)).toEqual({
      ok: true,
      value: scenario,
    });
  });

  it('encode only the validated copy of a scenario', async () => {
    const withUndefined: Scenario = { ...scenario, maxTicks: undefined, network: { drop: -0 } };
    const link = await encodeShareLink(withUndefined, nodeCodec);
    expect(link).toBe(await encodeShareLink({ ...scenario, network: { drop: 0 } }, nodeCodec));
  });

  it('refuse to encode an invalid scenario: that is a programmer error', async () => {
    await expect(encodeShareLink({ ...scenario, n: 0 }, nodeCodec)).rejects.toThrow(
      'encodeShareLink needs a valid scenario: n: 0 is out of range [1, 1000]',
    );
  });

  it('refuse to encode a scenario whose link would exceed 8 KB', async () => {
    const texts: Record<string, string> = {};
    // Hashes in hex do not compress below half their size: 14,000 characters of them do not fit.
    for (let agent = 0; agent < 7; agent += 1) {
      const hashes = Array.from({ length: 32 }, (_, i) => sha256Hex(`text ${agent} ${i}`));
      texts[String(agent)] = hashes.join('').slice(0, 2000);
    }
    const big: Scenario = { ...scenario, opinions: { texts } };
    const error = await encodeShareLink(big, nodeCodec).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShareLinkTooLongError);
    expect((error as ShareLinkTooLongError).chars).toBeGreaterThan(shareLinkCharsMax);
    expect((error as Error).message).toMatch(/^link: \d+ characters; links over 8 KB \(8192 characters\) are refused$/);
  });
});

describe('decodeShareLink refuses, with a clear message', () => {
  it('anything but text', async () => {
    expect(await errorOf(42)).toBe('link: expected text, got 42');
  });

  it('a link without a scenario', async () => {
    expect(await errorOf('https://lab.example/app/')).toBe('link: no scenario in it (expected a fragment like #s=1.…)');
    expect(await errorOf('#t=5')).toBe('link: no scenario in it (expected a fragment like #s=1.…)');
  });

  it('a link with two scenarios', async () => {
    expect(await errorOf('#s=1.AA&s=1.AA')).toBe('link: 2 scenarios in it (s= must appear once)');
  });

  it('an unknown version', async () => {
    expect(await errorOf('#s=2.AAAA')).toBe('link: unsupported version 2 (this build reads version 1)');
    expect(await errorOf('#s=v1.AAAA')).toBe('link: unsupported version "v1" (this build reads version 1)');
    expect(await errorOf('#s=AAAA')).toBe('link: expected s=<version>.<data>, found no version');
  });

  it('an empty payload', async () => {
    expect(await errorOf('#s=1.')).toBe('link: the scenario data after s=1. is empty');
  });

  it('a payload that is not base64url', async () => {
    expect(await errorOf('#s=1.ab+c')).toBe('link: the scenario data is not base64url: character 3 is not base64url');
  });

  it('a payload that does not inflate', async () => {
    expect(await errorOf('#s=1.AAECAw')).toBe('link: the scenario data is corrupt (not deflate-raw)');
  });

  it('a payload that is not UTF-8', async () => {
    expect(await errorOf(linkOf(new Uint8Array([0x7b, 0xff, 0x7d])))).toBe('link: the scenario data is not UTF-8 text');
  });

  it('a decompression bomb, stopping at the cap', async () => {
    expect(await errorOf(linkOf(new Uint8Array(inflatedBytesMax + 1)))).toBe(
      `link: the scenario inflates to more than ${inflatedBytesMax} bytes`,
    );
  });

  it('a codec that ignores the cap', async () => {
    const careless: RawDeflateCodec = {
      deflateRaw: async (bytes) => bytes,
      inflateRaw: async () => new Uint8Array(inflatedBytesMax + 1),
    };
    expect(await errorOf('#s=1.AAAA', careless)).toBe(`link: the scenario inflates to more than ${inflatedBytesMax} bytes`);
  });

  it('a codec that throws synchronously, or with something odd', async () => {
    const throwing: RawDeflateCodec = {
      deflateRaw: async (bytes) => bytes,
      inflateRaw: () => {
        throw 'not an error';
      },
    };
    expect(await errorOf('#s=1.AAAA', throwing)).toBe('link: the scenario data is corrupt (not deflate-raw)');
    const tooLarge: RawDeflateCodec = {
      deflateRaw: async (bytes) => bytes,
      inflateRaw: () => Promise.reject(new InflatedTooLargeError(10)),
    };
    expect(await errorOf('#s=1.AAAA', tooLarge)).toMatch(/inflates to more than/);
  });

  it('a link over 8 KB, saying how long it is', async () => {
    const link = '#s=1.' + 'A'.repeat(shareLinkCharsMax);
    expect(await errorOf(link)).toBe(
      `link: ${link.length} characters; links over 8 KB (8192 characters) are refused`,
    );
    expect(await errorOf('x'.repeat(2_000_000))).toMatch(/^link: 2000000 characters; links over 8 KB/);
  });

  it('a valid link to an invalid scenario, with the scenario message', async () => {
    const link = linkOf(JSON.stringify({ ...scenario, faults: [{ kind: 'biased', agents: [9] }] }));
    expect(await errorOf(link)).toBe('faults[0].agents[0]: agent 9 does not exist (n = 7)');
    expect(await errorOf(linkOf('{"__proto__":{"polluted":1}}'))).toBe('__proto__: "__proto__" is a forbidden key');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
