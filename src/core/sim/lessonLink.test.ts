import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeCodec } from '../../cli/nodeCodec';
import { encodeBase64url } from './base64url';
import { decodeLessonLink, encodeLessonLink } from './lessonLink';

const lesson = { v: 1, title: 'Mine', steps: [{ scenario: 'happy-path', at: { tick: 3 }, say: 'Look: ünïcode too.' }] };

describe('lesson links', () => {
  it('carry a lesson as #l=1.… and give back the same value, whole URL or fragment', async () => {
    const link = await encodeLessonLink(lesson, nodeCodec);
    expect(link).toMatch(/^#l=1\.[A-Za-z0-9_-]+$/);
    expect(await decodeLessonLink(link, nodeCodec)).toEqual({ ok: true, value: lesson });
    expect(await decodeLessonLink(`https://example.org/lab/${link}`, nodeCodec)).toEqual({ ok: true, value: lesson });
  });

  it('say what is wrong with a mangled link', async () => {
    const message = async (text: string) => {
      const result = await decodeLessonLink(text, nodeCodec);
      return result.ok ? null : result.message;
    };
    expect(await message('#l=1.%%%')).toMatch(/^link: the lesson data is not base64url/);
    expect(await message('#l=2.abc')).toMatch(/unsupported version 2/);
    expect(await message('#l=1.AAAA')).toMatch(/the lesson data is corrupt|not UTF-8|not JSON/);
    const notJson = `#l=1.${encodeBase64url(deflateRawSync(Buffer.from('{"v":1,')))}`;
    expect(await message(notJson)).toBe('link: the lesson data is not JSON');
    expect(await message('#s=1.abc')).toMatch(/no lesson in it/);
  });
});
