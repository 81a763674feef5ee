/**
 * The word-by-word part of scoring: how much of a question each FAQ document
 * covers, walked through the postings so only documents that share a word
 * with the question cost anything.
 */
import { FIELD_BIT, type FaqField, type LanguageIndex } from './build-index';
import type { QueryWord } from './query-words';

/** How much a match counts, by where it is: a question variant says most about what an entry answers. */
const FIELD_WEIGHT: Record<FaqField, number> = { questions: 1, keywords: 0.7, answer: 0.6 };
/** The best field weight for every combination of field bits. */
const BEST_FIELD_WEIGHT = Array.from({ length: 8 }, (_, bits) =>
  Math.max(0, ...(Object.keys(FIELD_BIT) as FaqField[]).filter((f) => bits & FIELD_BIT[f]).map((f) => FIELD_WEIGHT[f])),
);

/** The share of the best-covered question variant (by rarity) that the question's terms (marked by id) cover. */
export function variantCoverage(index: LanguageIndex, document: number, marked: Uint8Array): number {
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
export interface Scratch {
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

export const scratchFor = (index: LanguageIndex): Scratch => ({
  covered: new Float64Array(index.documents.length),
  wordBest: new Float64Array(index.documents.length),
  partSum: new Float64Array(index.documents.length),
  outOfScopeMatched: new Uint16Array(index.documents.length),
  marked: new Uint8Array(index.postings.length),
  touched: [],
  hit: [],
});

/** Adds one word's match per document to the coverage: the whole word's best field, or its parts together. */
export function addWord(index: LanguageIndex, word: QueryWord, scratch: Scratch): void {
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
