import { STOP_WORDS } from './wordLists';

const wordPattern = /[a-zA-Z]+/g;

/** Lowercased ASCII words of `text`, stop words included. */
export function words(text: string): string[] {
  return (text.match(wordPattern) ?? []).map((word) => word.toLowerCase());
}

/** Lowercased ASCII words of `text` without the stop words (reference `_tokenise`). */
export function tokenise(text: string): string[] {
  return words(text).filter((word) => !STOP_WORDS.has(word));
}
