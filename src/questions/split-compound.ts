import { memoiseWord } from './memoise-word';
import type { Stem } from './stemmers';

/** Norwegian joins compound parts directly or with a linking s or e: sikkerhet+s+kopi, barn+e+hage. */
const LINKING_LETTERS = ['s', 'e'];
const MIN_HEAD = 4;
const MIN_TAIL = 3;
/** Shorter words split only around a strong short part ("jobbpc"): "passord" is not pass + ord. */
const MIN_COMPOUND = 8;
const MIN_COMPOUND_WITH_SHORT_PART = 5;
/** Longer strings are not compounds but pasted codes or key mashing: not worth the search. */
const MAX_COMPOUND = 40;

export interface CompoundSplitter {
  /** The parts of a stemmed compound whose parts are all known terms, or [] when it is not one. */
  split(stemmed: string): string[];
}

export interface SplitterVocabulary {
  /** Terms of the content, synonym keys included. */
  terms: ReadonlySet<string>;
  /** Strong short terms allowed as a part ("jobbpc", "skjermlås", "it-avdelingen"). */
  shortTerms: ReadonlySet<string>;
  /** The synonym key of a stemmed word, if it has one. */
  canonical(stemmed: string): string | undefined;
  stem: Stem;
}

/**
 * Splits Norwegian compounds against the vocabulary of the campaign content,
 * so "passordbehandler" also matches "passord" and "jobbtelefonen" matches
 * "telefon". Every part must be a known term, which keeps "passord" from
 * turning into "pass" + "ord". The head is a whole word and is stemmed
 * before the lookup; the tail is looked up as it is first, so that a stem
 * such as "bilet" (bilete) is not stemmed again into "bil".
 */
export function createCompoundSplitter(vocabulary: SplitterVocabulary): CompoundSplitter {
  const { terms, shortTerms, canonical, stem } = vocabulary;
  const knownTerm = (term: string) => canonical(term) ?? (terms.has(term) ? term : undefined);
  const knownWord = (word: string) => knownTerm(word) ?? knownTerm(stem(word));
  const longOrStrong = (part: string, term: string | undefined, min: number) =>
    term !== undefined && (part.length >= min || shortTerms.has(term)) ? term : undefined;
  const knownHead = (head: string): string | undefined => {
    const direct = longOrStrong(head, knownWord(head), MIN_HEAD);
    if (direct) return direct;
    const linked = LINKING_LETTERS.some((letter) => head.endsWith(letter)) && head.length > MIN_HEAD;
    return linked ? longOrStrong(head, knownWord(head.slice(0, -1)), MIN_HEAD) : undefined;
  };
  // The tail is usually a stem already ("passordbehandl"), but snowball strips one ending at a time.
  const knownTail = (tail: string) => longOrStrong(tail, knownTerm(tail) ?? knownTerm(stem(tail)), MIN_TAIL);

  function split(stemmed: string, depth: number): string[] {
    if (stemmed.length < MIN_COMPOUND_WITH_SHORT_PART || stemmed.length > MAX_COMPOUND || depth > 1) return [];
    // Of all splits into known parts, the most balanced: jobb + mobil, not jobbmo + bil.
    let best: { head: string; tail: string; cut: number; shorter: number } | undefined;
    for (let cut = stemmed.length - 2; cut >= 2; cut--) {
      const head = knownHead(stemmed.slice(0, cut));
      const tail = head ? knownTail(stemmed.slice(cut)) : undefined;
      const shorter = Math.min(cut, stemmed.length - cut);
      const longEnough =
        stemmed.length >= MIN_COMPOUND || (head && (shortTerms.has(head) || shortTerms.has(tail ?? '')));
      if (head && tail && longEnough && (!best || shorter > best.shorter)) best = { head, tail, cut, shorter };
    }
    return best ? [best.head, best.tail, ...split(stemmed.slice(best.cut), depth + 1)] : [];
  }
  return { split: memoiseWord((stemmed) => split(stemmed, 0)) };
}
