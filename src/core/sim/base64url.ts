/**
 * base64url without padding (RFC 4648 §5), as share links carry it. Small and dependency-free
 * because core has no `Buffer`, `btoa` or DOM.
 *
 * Policy: decoding is strict, so every byte string has exactly one accepted text: characters
 * outside the alphabet, padding, a length of 4k+1 and non-zero unused bits are all refused.
 */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const sextets: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let index = 0; index < alphabet.length; index += 1) {
    table[alphabet.charCodeAt(index)] = index;
  }
  return table;
})();

export function encodeBase64url(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let index = 0; index < bytes.length; index += 3) {
    const count = Math.min(3, bytes.length - index);
    const word = (bytes[index]! << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    // n bytes carry n + 1 characters: 1 → 2, 2 → 3, 3 → 4.
    for (let sextet = 0; sextet <= count; sextet += 1) {
      parts.push(alphabet[(word >> (18 - 6 * sextet)) & 63]!);
    }
  }
  return parts.join('');
}

export type Base64urlResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: string };

export function decodeBase64url(text: string): Base64urlResult {
  if (text.length % 4 === 1) {
    return { ok: false, reason: `a length of ${text.length} characters is impossible` };
  }
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bufferBits = 0;
  let byteIndex = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const sextet = code < 128 ? sextets[code]! : -1;
    if (sextet < 0) {
      return { ok: false, reason: `character ${index + 1} is not base64url` };
    }
    buffer = ((buffer << 6) | sextet) & 0xfff;
    bufferBits += 6;
    if (bufferBits >= 8) {
      bufferBits -= 8;
      bytes[byteIndex] = (buffer >> bufferBits) & 0xff;
      byteIndex += 1;
    }
  }
  if ((buffer & ((1 << bufferBits) - 1)) !== 0) {
    return { ok: false, reason: 'the last character has unused bits set' };
  }
  return { ok: true, bytes };
}
