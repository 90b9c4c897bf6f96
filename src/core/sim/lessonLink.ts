import { decodeLinkText, encodeLinkFragment, type LinkKind, type RawDeflateCodec } from './shareLink';
import { ScenarioRejection } from './scenarioReaders';

/**
 * Teacher-made lesson links (SPEC §7): `#l=1.<base64url(deflate-raw(canonical JSON))>`, the
 * machinery of scenario and sweep links. Core carries the bytes (size, version, base64url,
 * deflate, UTF-8, JSON syntax); the page validates the lesson itself (`app/lessons/parseLesson`)
 * and each step's scenario like any scenario.
 */
const lessonLink: LinkKind = { key: 'l', noun: 'lesson' };

/** The fragment of an already validated lesson; throws `ShareLinkTooLongError` over 8 KB. */
export function encodeLessonLink(lesson: unknown, codec: RawDeflateCodec): Promise<string> {
  return encodeLinkFragment(lessonLink, lesson, codec);
}

export type LessonLinkResult = { ok: true; value: unknown } | { ok: false; message: string };

/** The JSON value a lesson link carries (a whole URL or its fragment); never throws on bad input. */
export async function decodeLessonLink(link: unknown, codec: RawDeflateCodec): Promise<LessonLinkResult> {
  let text: string;
  try {
    text = await decodeLinkText(link, lessonLink, codec);
  } catch (error) {
    if (error instanceof ScenarioRejection) return { ok: false, message: error.message };
    return { ok: false, message: `link: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: 'link: the lesson data is not JSON' };
  }
}
