/**
 * The first step of every text the question engine sees, questions and FAQ
 * content alike: lower case, Norwegian letters folded to the ASCII spellings
 * people type on foreign keyboards (æ → ae, ø → o, å → a, and "aa"/"oe" as in
 * "paa"/"boer"), other accents dropped, and words joined across hyphens and
 * apostrophes ("e-post" → "epost", "pc'n" → "pcn") so both spellings meet.
 */

const JOINERS = /(?<=[\p{L}\p{N}])[-'’‘`´](?=[\p{L}\p{N}])/gu;

export function foldLetters(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o');
}

/** Folded words in order; everything that is not a letter or a digit separates words. */
export function tokenise(text: string): string[] {
  return foldLetters(text.replace(JOINERS, ''))
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** One canonical spelling of a whole text, for comparing questions with each other. */
export function normaliseForComparison(text: string): string {
  return tokenise(text).join(' ');
}
