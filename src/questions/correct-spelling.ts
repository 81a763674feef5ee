import { memoiseWord } from './memoise-word';

/** Longer "words" are not words (pasted codes, key mashing) and would cost time for nothing. */
const MAX_WORD_LENGTH = 30;

/** Typos people make: one slip in a word, two in a long one. Short words are left alone: too many are one edit apart. */
function maxEdits(length: number): number {
  if (length < 5 || length > MAX_WORD_LENGTH) return 0;
  return length < 9 ? 1 : 2;
}

/**
 * Edit distance with adjacent swaps ("pasrord" → "passord" is one edit), giving
 * up as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** The word with up to `depth` letters deleted, in every way (the word itself included). */
function deletions(word: string, depth: number): Set<string> {
  let level = new Set([word]);
  const all = new Set(level);
  for (let d = 0; d < depth; d++) {
    const next = new Set<string>();
    for (const w of level) for (let i = 0; i < w.length; i++) next.add(w.slice(0, i) + w.slice(i + 1));
    for (const w of next) all.add(w);
    level = next;
  }
  return all;
}

export interface SpellingCorrector {
  /** The known term a misspelt one most likely means, or undefined. */
  correct(term: string): string | undefined;
}

/**
 * Corrects against a vocabulary; among equally close terms the most common
 * wins. Candidates are found through shared deletions (the symmetric-delete
 * method), so a lookup never scans the whole vocabulary.
 */
export function createSpellingCorrector(frequencies: ReadonlyMap<string, number>): SpellingCorrector {
  const byDeletion = new Map<string, string[]>();
  for (const term of frequencies.keys()) {
    for (const variant of deletions(term, maxEdits(term.length + 2))) {
      const list = byDeletion.get(variant) ?? [];
      list.push(term);
      byDeletion.set(variant, list);
    }
  }
  return {
    correct: memoiseWord((term) => {
      const limit = maxEdits(term.length);
      if (limit === 0 || /\d/.test(term)) return undefined;
      let best: { term: string; distance: number; frequency: number } | undefined;
      for (const variant of deletions(term, limit)) {
        for (const candidate of byDeletion.get(variant) ?? []) {
          const distance = editDistance(term, candidate, limit);
          const frequency = frequencies.get(candidate) ?? 0;
          if (
            distance <= limit &&
            (!best || distance < best.distance || (distance === best.distance && frequency > best.frequency))
          ) {
            best = { term: candidate, distance, frequency };
          }
        }
      }
      return best?.term;
    }),
  };
}
