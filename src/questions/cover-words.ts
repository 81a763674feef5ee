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
  const { firstVariant, firstTerm, termIds, weights, totals } = index.variants;
  let best = 0;
  for (let v = firstVariant[document] ?? 0, lastVariant = firstVariant[document + 1] ?? 0; v < lastVariant; v++) {
    let covered = 0;
    for (let i = firstTerm[v] ?? 0, end = firstTerm[v + 1] ?? 0; i < end; i++) {
      if (marked[termIds[i] ?? -1]) covered += weights[i] ?? 0;
    }
    const total = totals[v] ?? 0;
    if (total > 0) best = Math.max(best, covered / total);
  }
  return best;
}

/**
 * Per-index working arrays, one slot per document or term, reused by every
 * question: the engine is synchronous, so one question at a time uses them.
 * Lists of documents are typed arrays with a count rather than JS arrays
 * emptied with `length = 0`, which gives up the array's storage: refilling it
 * allocated kilobytes per common word, and every turn paid for that in GC.
 */
export interface Scratch {
  covered: Float64Array;
  wordBest: Float64Array;
  partSum: Float64Array;
  outOfScopeMatched: Uint16Array;
  /** 1 for the terms the question's words can match, by term id. */
  marked: Uint8Array;
  /** The documents any word of the question matched so far: the first touchedCount. */
  touched: Int32Array;
  touchedCount: number;
  /** 1 for the documents in touched. */
  isTouched: Uint8Array;
  /** The documents one word matches, as addWord collects them. */
  hit: Int32Array;
}

export const scratchFor = (index: LanguageIndex): Scratch => ({
  covered: new Float64Array(index.documents.length),
  wordBest: new Float64Array(index.documents.length),
  partSum: new Float64Array(index.documents.length),
  outOfScopeMatched: new Uint16Array(index.documents.length),
  marked: new Uint8Array(index.postings.length),
  touched: new Int32Array(index.documents.length),
  touchedCount: 0,
  isTouched: new Uint8Array(index.documents.length),
  hit: new Int32Array(index.documents.length),
});

/** Adds one word's match per document to the coverage: the whole word's best field, or its parts together. */
export function addWord(index: LanguageIndex, word: QueryWord, scratch: Scratch): void {
  const { covered, wordBest, partSum, outOfScopeMatched, marked, touched, isTouched, hit } = scratch;
  let hits = 0;
  for (const form of word.forms) {
    marked[form.termId] = 1;
    const postings = index.postings[form.termId];
    if (!postings) continue;
    const best = form.part ? partSum : wordBest;
    for (let i = 0; i < postings.documents.length; i++) {
      const document = postings.documents[i] ?? 0;
      const value = (BEST_FIELD_WEIGHT[postings.fields[i] ?? 0] ?? 0) * form.share;
      // A match worth nothing changes no sum; leaving it out keeps each document once in hit.
      if (value <= 0) continue;
      if (wordBest[document] === 0 && partSum[document] === 0) hit[hits++] = document;
      best[document] = form.part ? (best[document] ?? 0) + value : Math.max(best[document] ?? 0, value);
    }
  }
  for (let h = 0; h < hits; h++) {
    const document = hit[h] ?? 0;
    const value = Math.max(wordBest[document] ?? 0, partSum[document] ?? 0);
    if (isTouched[document] === 0) {
      isTouched[document] = 1;
      touched[scratch.touchedCount++] = document;
    }
    covered[document] = (covered[document] ?? 0) + word.weight * value;
    // A theme keyword alone ("bilen" for travel) does not make an everyday topic a security question.
    if (word.outOfScope && value >= FIELD_WEIGHT.answer)
      outOfScopeMatched[document] = (outOfScopeMatched[document] ?? 0) + 1;
    wordBest[document] = 0;
    partSum[document] = 0;
  }
}
