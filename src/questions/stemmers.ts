import { newStemmer } from 'snowball-stemmers';
import { memoiseWord } from './memoise-word';

/** The two snowball algorithms refleks needs: Norwegian serves bokmål and nynorsk alike. */
export type StemmerLanguage = 'norwegian' | 'english';

export type Stem = (word: string) => string;

const CONSONANT = /[bcdfghjklmnpqrstvwxz]/;
/** Stems whose double consonant tells two words apart: «kaffe» (coffee) is not «kafé». */
const KEEP_DOUBLE = new Set(['kaff']);

/**
 * What the Norwegian snowball stemmer leaves apart but people mean as one word:
 * the weak past tense (ringte → ring, sendte → send), participles and neuter
 * adjectives in -dt/-gt/-mt/-pt (sendt, ringt, glemt, trygt), and double
 * consonants (trykk/trykte, bytte/byte). Only endings the written word itself
 * has: "dokument" must stem the same with or without "-er".
 */
function lemmaRules(word: string, stem: string): string {
  let lemma = stem;
  const pastTense = word.endsWith('te') && stem === word.slice(0, -1);
  const participle = /[dgmp]t$/.test(word) && stem === word;
  if ((pastTense || participle) && lemma.length >= 4) lemma = lemma.slice(0, -1);
  const last = lemma.charAt(lemma.length - 1);
  const double = lemma.length >= 4 && CONSONANT.test(last) && lemma.charAt(lemma.length - 2) === last;
  if (double && !KEEP_DOUBLE.has(lemma)) lemma = lemma.slice(0, -1);
  return lemma;
}

/** Porter keeps the s of a plural without vowels: "pdfs", "ipads" is fine, "pcs" and "usbs" are not. */
function acronymPlural(word: string, stem: string): string {
  return /^[^aeiouy]{2,}s$/.test(stem) ? stem.slice(0, -1) : stem;
}

/** A memoised stemmer: most words, in the content and in questions, are stemmed only once. */
export function createStem(language: StemmerLanguage): Stem {
  const stemmer = newStemmer(language);
  const rules = language === 'norwegian' ? lemmaRules : acronymPlural;
  return memoiseWord((word) => rules(word, stemmer.stem(word)));
}
