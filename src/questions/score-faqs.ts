import { FIELD_BIT, type FaqField, type FaqRef, type LanguageIndex } from './build-index';
import { createWordLists, queryWords, type QueryWord, type WordLists } from './query-words';
import { selectLeaders } from './select-leaders';
import type { StemmerLanguage } from './stemmers';

/** How much a match counts, by where it is: a question variant says most about what an entry answers. */
const FIELD_WEIGHT: Record<FaqField, number> = { questions: 1, keywords: 0.7, answer: 0.6 };
/** The best field weight for every combination of field bits. */
const BEST_FIELD_WEIGHT = Array.from({ length: 8 }, (_, bits) =>
  Math.max(0, ...(Object.keys(FIELD_BIT) as FaqField[]).filter((f) => bits & FIELD_BIT[f]).map((f) => FIELD_WEIGHT[f])),
);
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
  /** The entry's best-matching document: theme/faq/language. */
  documentId: string;
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
}

/** The share of the best-covered question variant (by rarity) that the question's terms (marked by id) cover. */
function variantCoverage(index: LanguageIndex, document: number, marked: Uint8Array): number {
  let best = 0;
  for (const { termIds, weights, total } of index.documents[document]?.variants ?? []) {
    let covered = 0;
    for (let i = 0; i < termIds.length; i++) if (marked[termIds[i] ?? -1]) covered += weights[i] ?? 0;
    if (total > 0) best = Math.max(best, covered / total);
  }
  return best;
}

/**
 * Per-index working arrays, one slot per document or term, reused by every
 * question: the engine is synchronous, so one question at a time uses them.
 */
interface Scratch {
  covered: Float64Array;
  wordBest: Float64Array;
  partSum: Float64Array;
  outOfScopeMatched: Uint16Array;
  /** 1 for the terms the question's words can match, by term id. */
  marked: Uint8Array;
  touched: number[];
  /** The documents one word matches. */
  hit: number[];
}

const scratchFor = (index: LanguageIndex): Scratch => ({
  covered: new Float64Array(index.documents.length),
  wordBest: new Float64Array(index.documents.length),
  partSum: new Float64Array(index.documents.length),
  outOfScopeMatched: new Uint16Array(index.documents.length),
  marked: new Uint8Array(index.postings.length),
  touched: [],
  hit: [],
});

/** Adds one word's match per document to the coverage: the whole word's best field, or its parts together. */
function addWord(index: LanguageIndex, word: QueryWord, scratch: Scratch): void {
  const { covered, wordBest, partSum, outOfScopeMatched, marked, touched, hit } = scratch;
  hit.length = 0;
  for (const form of word.forms) {
    marked[form.termId] = 1;
    const postings = index.postings[form.termId];
    if (!postings) continue;
    const best = form.part ? partSum : wordBest;
    for (let i = 0; i < postings.documents.length; i++) {
      const document = postings.documents[i] ?? 0;
      const value = (BEST_FIELD_WEIGHT[postings.fields[i] ?? 0] ?? 0) * form.share;
      if (wordBest[document] === 0 && partSum[document] === 0) hit.push(document);
      best[document] = form.part ? (best[document] ?? 0) + value : Math.max(best[document] ?? 0, value);
    }
  }
  for (const document of hit) {
    const value = Math.max(wordBest[document] ?? 0, partSum[document] ?? 0);
    if (covered[document] === 0) touched.push(document);
    covered[document] = (covered[document] ?? 0) + word.weight * value;
    // A theme keyword alone ("bilen" for travel) does not make an everyday topic a security question.
    if (word.outOfScope && value >= FIELD_WEIGHT.answer)
      outOfScopeMatched[document] = (outOfScopeMatched[document] ?? 0) + 1;
    wordBest[document] = 0;
    partSum[document] = 0;
  }
}

/** The best documents for a question, scored word by word through the postings: only touched documents cost. */
function scoreIndex(index: LanguageIndex, words: QueryWord[], scratch: Scratch): FaqScore[] {
  const weight = words.reduce((sum, w) => sum + w.weight, 0);
  if (weight === 0) return [];
  const total = Math.min(weight, WEIGHT_CAP);
  for (const word of words) addWord(index, word, scratch);
  const { covered, outOfScopeMatched, marked, touched } = scratch;
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
    const { key, theme, faqId, id: documentId } = doc;
    return { key, theme, faqId, documentId, score, variantCovered, rank, missesOutOfScopeWord };
  });
  for (const document of touched) {
    covered[document] = 0;
    outOfScopeMatched[document] = 0;
  }
  for (const word of words) for (const form of word.forms) marked[form.termId] = 0;
  touched.length = 0;
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
  const contexts = new Map<LanguageIndex, { lists: WordLists; scratch: Scratch }>(
    indexes.map((index) => [index, { lists: createWordLists(index), scratch: scratchFor(index) }]),
  );
  return (question, stemmers = ['norwegian', 'english']) => {
    const best = new Map<string, FaqScore>();
    let namesTopic = false;
    let namesSecurityTopic = false;
    for (const [index, context] of contexts) {
      if (!stemmers.includes(index.stemmer)) continue;
      const words = queryWords(index, question, context.lists);
      namesTopic ||= words.some((word) => word.topic);
      namesSecurityTopic ||= words.some((word) => word.securityTopic);
      for (const candidate of scoreIndex(index, words, context.scratch)) {
        const known = best.get(candidate.key);
        if (!known || candidate.rank > known.rank) best.set(candidate.key, candidate);
      }
    }
    // Equal ranks keep the order of coverage, then the campaign's own order, so answers are stable.
    return { faqs: [...best.values()].sort((a, b) => b.rank - a.rank), namesTopic, namesSecurityTopic };
  };
}
