/**
 * The first step of every text the question engine sees, questions and FAQ
 * content alike: lower case, Norwegian letters folded to the ASCII spellings
 * people type on foreign keyboards (æ → ae, ø → o, å → a, and "aa"/"oe" as in
 * "paa"/"boer"), other accents dropped, and words joined across hyphens and
 * apostrophes ("e-post" → "epost", "pc'n" → "pcn") so both spellings meet.
 */

const JOINERS = /(?<=[\p{L}\p{N}])[-'’‘`´](?=[\p{L}\p{N}])/gu;

const ASCII = /^[\x20-\x7e]*$/;

export function foldLetters(text: string): string {
  let folded = text.toLowerCase();
  // Most words are plain ASCII already; only the others need Unicode normalisation.
  if (!ASCII.test(folded)) {
    folded = folded.normalize('NFKC').toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o');
    folded = folded.normalize('NFD').replace(/\p{M}/gu, '');
  }
  return folded.includes('aa') || folded.includes('oe') ? folded.replace(/aa/g, 'a').replace(/oe/g, 'o') : folded;
}

/**
 * A word spelt with æ, ø or å is Norwegian. Folded, some read as English
 * words («låst» → "last", «løse» → "lose"), so the English index leaves such
 * synonyms and topic words out: "last night" is not about locking.
 */
export const spelledNorwegian = (word: string) => /[æøå]/i.test(word);

const JOINED_WORD = /[\p{L}\p{N}]+(?:[-'’‘`´][\p{L}\p{N}]+)*/gu;

/** A folded word and, if it was written with hyphens or apostrophes, its folded pieces. */
export interface Token {
  token: string;
  pieces: string[];
}

const PLAIN = /^[a-z0-9]+$/;
const JOINER = /[-'’‘`´]/;
const fold = (word: string) => {
  const folded = foldLetters(word);
  return PLAIN.test(folded) ? [folded] : folded.split(/[^a-z0-9]+/).filter(Boolean);
};

/** Lower-case words as written (æ, ø and å kept), joined across hyphens and apostrophes. */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(JOINERS, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The words as written, each folded on its own: how word lists of fixed phrases are matched. */
export const foldedWords = (text: string) => splitWords(text).map(foldLetters);

/** Whether `phrase` (folded words) stands in `tokens` from `start` on. */
export const wordsAt = (tokens: readonly string[], start: number, phrase: readonly string[]) =>
  phrase.every((word, offset) => tokens[start + offset] === word);

/**
 * Folded words in order, hyphenated ones joined ("bluetooth-tastatur" →
 * "bluetoothtastatur") with their pieces kept for when the joined word is
 * unknown. Everything that is not a letter or a digit separates words.
 */
export function tokeniseWithPieces(text: string): Token[] {
  const tokens: Token[] = [];
  for (const [written] of text.normalize('NFKC').toLowerCase().matchAll(JOINED_WORD)) {
    if (!JOINER.test(written)) {
      for (const token of fold(written)) tokens.push({ token, pieces: [] });
      continue;
    }
    const pieces = written.split(JOINER).flatMap(fold);
    const joined = fold(written.replace(JOINERS, ''));
    for (const token of joined) tokens.push({ token, pieces: joined.length === 1 && pieces.length > 1 ? pieces : [] });
  }
  return tokens;
}

/** Folded words in order; everything that is not a letter or a digit separates words. */
export function tokenise(text: string): string[] {
  return tokeniseWithPieces(text).map((t) => t.token);
}
