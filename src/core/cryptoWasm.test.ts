import { afterEach, describe, expect, it } from 'vitest';
import {
  agentKeyPair, cryptoBackendName, initFastCrypto, sha256Bytes, sha256Hex, sha256Stream, signHex, toHex, useCryptoBackend,
  utf8, type CryptoBackendName,
} from './crypto';
import { Rng } from './rng';

/** The WebAssembly backend gives the reference's bytes for every digest, key and signature. */

afterEach(() => void useCryptoBackend('wasm'));

function onBoth<T>(work: () => T): Record<CryptoBackendName, T> {
  useCryptoBackend('noble');
  const noble = work();
  useCryptoBackend('wasm');
  return { noble, wasm: work() };
}

const alphabet = ['a', 'Z', '0', ' ', ':', 'é', 'ß', '中', '文', '🙂', '\u{1F9EA}', '\uD800', '\uDFFF', '\n', '\u0000'];

function randomText(rng: Rng, length: number): string {
  return Array.from({ length }, () => alphabet[rng.int(0, alphabet.length - 1)]!).join('');
}

function randomBytes(rng: Rng, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => rng.int(0, 255));
}

describe('the wasm crypto backend', () => {
  it('is the one the unit tests run on, and loading it again changes nothing', async () => {
    expect(cryptoBackendName()).toBe('wasm');
    expect(await initFastCrypto()).toBe('wasm');
  });

  it('hashes empty, ASCII, non-ASCII and lone-surrogate text to the reference digests', () => {
    const rng = Rng.stream(5, 'test:sha256-text');
    const texts = ['', 'abc', 'naïve café 中文 🙂', '\uD800', randomText(rng, 100_000)];
    for (let index = 0; index < 200; index++) texts.push(randomText(rng, rng.int(0, 150)));
    for (const text of texts) {
      const both = onBoth(() => sha256Hex(text));
      expect(both.wasm, JSON.stringify(text.slice(0, 40))).toBe(both.noble);
    }
    expect(onBoth(() => sha256Hex('abc')).wasm).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes random bytes, empty included, to the reference digests as bytes and as hex', () => {
    const rng = Rng.stream(6, 'test:sha256-bytes');
    const inputs = [new Uint8Array(0), randomBytes(rng, 1 << 17)];
    for (let index = 0; index < 200; index++) inputs.push(randomBytes(rng, rng.int(0, 300)));
    for (const input of inputs) {
      const both = onBoth(() => ({ bytes: toHex(sha256Bytes(input)), hex: sha256Hex(input) }));
      expect(both.wasm, `length ${input.length}`).toEqual(both.noble);
      expect(both.wasm.hex).toBe(both.wasm.bytes);
    }
  });

  it('streams the digest of the joined parts, with other hashing and streams interleaved', () => {
    const rng = Rng.stream(7, 'test:sha256-stream');
    // Enough text to cross the wasm stream's buffer (64 K code units) a few times.
    const parts = Array.from({ length: 6000 }, () => randomText(rng, rng.int(0, 60)).replace(/[\uD800-\uDFFF]/g, 'x'));
    const both = onBoth(() => {
      const first = sha256Stream();
      const second = sha256Stream();
      parts.forEach((part, index) => {
        first.update(part);
        sha256Hex(part);
        if (index % 2 === 0) second.update(part);
      });
      return { first: first.hex(), second: second.hex(), empty: sha256Stream().hex() };
    });
    expect(both.wasm).toEqual(both.noble);
    expect(both.wasm.first).toBe(sha256Hex(parts.join('')));
    expect(both.wasm.second).toBe(sha256Hex(parts.filter((_, index) => index % 2 === 0).join('')));
    expect(both.wasm.empty).toBe(sha256Hex(''));
  });

  it('streams a surrogate pair split across two updates as the reference does', () => {
    const rng = Rng.stream(9, 'test:sha256-stream-surrogates');
    const parts = ['a\uD83D', '\uDE42b', '\uD800', '\uDFFF'];
    for (let index = 0; index < 500; index++) parts.push(randomText(rng, rng.int(0, 5)));
    const both = onBoth(() => {
      const stream = sha256Stream();
      for (const part of parts) stream.update(part);
      return stream.hex();
    });
    expect(both.wasm).toBe(both.noble);
  });

  it('derives the same keys and signs the same bytes as the reference', () => {
    const rng = Rng.stream(8, 'test:ed25519-sign');
    for (let index = 0; index < 40; index++) {
      const message = randomBytes(rng, rng.int(0, 2000));
      const both = onBoth(() => {
        const keys = agentKeyPair(index, `a${index}`);
        return { publicKey: keys.publicKeyHex, signature: signHex(message, keys.secretKey) };
      });
      expect(both.wasm, `seed ${index}`).toEqual(both.noble);
    }
  });

  it('signs with the new key when the bytes of a secret key array change', () => {
    const secret = sha256Bytes('first');
    const message = utf8('m');
    const before = signHex(message, secret);
    secret.set(sha256Bytes('second'));
    const after = signHex(message, secret);
    expect(after).not.toBe(before);
    expect(after).toBe(signHex(message, sha256Bytes('second')));
  });
});
