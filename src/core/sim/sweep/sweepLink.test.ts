import { describe, expect, it } from 'vitest';
import { nodeCodec } from '../../../cli/nodeCodec';
import { ShareLinkTooLongError } from '../shareLink';
import { gallery } from './gallery';
import type { SweepDefinition } from './sweepDefinition';
import { decodeSweepLink, encodeSweepLink } from './sweepLink';

describe('sweep links', () => {
  it('decode to exactly the sweep that made them', async () => {
    for (const { definition } of gallery) {
      const link = await encodeSweepLink(definition, nodeCodec);
      expect(link).toMatch(/^#x=1\.[A-Za-z0-9_-]+$/);
      const decoded = await decodeSweepLink(`http://127.0.0.1:4173/${link}`, nodeCodec);
      expect(decoded).toEqual({ ok: true, value: definition });
    }
  });

  it('refuse a scenario link, a corrupt link and a bad sweep, naming the problem', async () => {
    const message = async (link: string) => {
      const result = await decodeSweepLink(link, nodeCodec);
      return result.ok ? '' : result.error.message;
    };
    expect(await message('#s=1.abc')).toBe('link: no sweep in it (expected a fragment like #x=1.…)');
    expect(await message('#x=2.abc')).toBe('link: unsupported version 2 (this build reads version 1)');
    expect(await message('#x=1.!!')).toMatch(/^link: the sweep data is not base64url/);
    expect(await message('#x=1.AAAA')).toMatch(/^link: the sweep data is corrupt|^sweep: /);
    const bad = { ...gallery[0]!.definition, seeds: 0 };
    await expect(encodeSweepLink(bad, nodeCodec)).rejects.toThrow('seeds: 0 is out of range');
  });

  it('refuse to make a link over 8 KB', async () => {
    // Pseudo-random text does not compress, so ten agents' texts pass 8 KB of link.
    let state = 7;
    const noise = () => Array.from({ length: 1900 }, () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return (state % 36).toString(36);
    }).join('');
    const texts = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i), noise()]));
    const definition: SweepDefinition = {
      v: 1, base: { v: 1, seed: 1, protocol: 'resonance', n: 10, opinions: { texts } },
      x: { param: 'network.drop', values: [0] }, seeds: 1,
    };
    await expect(encodeSweepLink(definition, nodeCodec)).rejects.toBeInstanceOf(ShareLinkTooLongError);
  });
});
