import type { ThemeId } from '../content/theme-schema';
import type { FaqRef, LanguageIndex } from './build-index';
import { addWord, scratchFor, variantCoverage, type Scratch } from './cover-words';
import { createWordLists } from './create-word-lists';
import { createQueryWords, type QueryWord, type QueryWordsOf } from './query-words';
import { selectLeaders } from './select-leaders';
import type { StemmerLanguage } from './stemmers';

/**
 * How much the entry's closest question variant is covered by the question
 * counts in the ranking: a question about locking the screen at work fits
 * "how do I lock my PC" better than "must I lock the screen at home too",
 * whose variant has a word (home) the question lacks.
 */
const VARIANT_SHARE = 0.25;
/**
 * Coverage is counted against at most this much question weight, about seven
 * meaningful words: a long question that tells its whole situation («we are
 * three at the reception and nobody ever locks the shared PC …») is not a
 * worse match for it. Shorter questions are measured against all they say.
 */
const WEIGHT_CAP = 30;
/** Only the best documents by coverage are ranked and returned: the rest cannot be the answer. */
const RANKED_LEADERS = 40;

/** How well one FAQ entry covers a question, 0..1. */
export interface FaqScore extends FaqRef {
  key: string;
  /** The share of the question's weighted words that the entry matches. */
  score: number;
  /** How much of the entry's closest question variant the question covers, 0..1. */
  variantCovered: number;
  /** The order of entries: coverage of the question and of the entry's closest question variant. */
  rank: number;
  /** The question names an everyday topic outside security that this entry's texts do not mention. */
  missesOutOfScopeWord: boolean;
}

export interface ScoredQuestion {
  /** The entries that cover the question best, best first. */
  faqs: FaqScore[];
  /** The question names something the campaign is about (a topic term). */
  namesTopic: boolean;
  /** It names a topic that is more than a carrier such as a phone or e-mail. */
  namesSecurityTopic: boolean;
  /** The themes whose topic words it uses. */
  namedThemes: ReadonlySet<ThemeId>;
}

/** The best documents for a question, scored word by word through the postings: only touched documents cost. */
function scoreIndex(index: LanguageIndex, words: QueryWord[], scratch: Scratch): FaqScore[] {
  const weight = words.reduce((sum, w) => sum + w.weight, 0);
  if (weight === 0) return [];
  const total = Math.min(weight, WEIGHT_CAP);
  for (const word of words) addWord(index, word, scratch);
  const { covered, outOfScopeMatched, marked, isTouched } = scratch;
  const touched = scratch.touched.subarray(0, scratch.touchedCount);
  const outOfScopeWords = words.filter((w) => w.outOfScope).length;
  // Variant coverage only reorders the leaders; the long tail cannot reach them. Coverage over one
  // total orders as the score does.
  const leaders = selectLeaders(touched, covered, RANKED_LEADERS).map((document): FaqScore => {
    const doc = index.documents[document];
    if (!doc) throw new RangeError(`posting for a missing document ${document}`);
    const score = Math.min(1, (covered[document] ?? 0) / total);
    const variantCovered = variantCoverage(index, document, marked);
    const rank = (1 - VARIANT_SHARE) * score + VARIANT_SHARE * variantCovered;
    const missesOutOfScopeWord = (outOfScopeMatched[document] ?? 0) < outOfScopeWords;
    return { key: doc.key, theme: doc.theme, faqId: doc.faqId, score, variantCovered, rank, missesOutOfScopeWord };
  });
  for (const document of touched) {
    covered[document] = 0;
    outOfScopeMatched[document] = 0;
    isTouched[document] = 0;
  }
  for (const word of words) for (const form of word.forms) marked[form.termId] = 0;
  scratch.touchedCount = 0;
  return leaders;
}

/** Which indexes to search: only the question's own language family when it is known. */
export type FaqScorer = (question: string, stemmers?: readonly StemmerLanguage[]) => ScoredQuestion;

/**
 * Scores every FAQ entry that shares a word with the question, in the
 * Norwegian and the English index, and keeps each entry's best match. A
 * question in a known language is only read with that language's stemmer, so
 * Norwegian words are not "corrected" into English ones.
 */
export function createFaqScorer(indexes: readonly LanguageIndex[]): FaqScorer {
  const contexts = new Map<LanguageIndex, { queryWords: QueryWordsOf; scratch: Scratch }>(
    indexes.map((index) => [
      index,
      { queryWords: createQueryWords(index, createWordLists(index)), scratch: scratchFor(index) },
    ]),
  );
  return (question, stemmers = ['norwegian', 'english']) => {
    const best = new Map<string, FaqScore>();
    let namesTopic = false;
    let namesSecurityTopic = false;
    const namedThemes = new Set<ThemeId>();
    for (const [index, context] of contexts) {
      if (!stemmers.includes(index.stemmer)) continue;
      const words = context.queryWords(question);
      namesTopic ||= words.some((word) => word.topic);
      namesSecurityTopic ||= words.some((word) => word.securityTopic);
      for (const word of words) for (const theme of word.themes) namedThemes.add(theme);
      for (const candidate of scoreIndex(index, words, context.scratch)) {
        const known = best.get(candidate.key);
        if (!known || candidate.rank > known.rank) best.set(candidate.key, candidate);
      }
    }
    // Equal ranks keep the order of coverage, then the campaign's own order, so answers are stable.
    return { faqs: [...best.values()].sort((a, b) => b.rank - a.rank), namesTopic, namesSecurityTopic, namedThemes };
  };
}
