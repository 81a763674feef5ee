import synonyms from './lexicon/synonyms.json';
import { spelledNorwegian, tokenise } from './normalise-text';
import type { Stem, StemmerLanguage } from './stemmers';

/** A synonym written as several words, by the stems of its words. */
export interface Phrase {
  stems: string[];
  key: string;
}

const SYNONYM_GROUPS = synonyms.groups as Record<string, string[]>;

/** The synonyms as one analyser looks them up. */
export interface SynonymTables {
  /** The stem of a one-word synonym → its key (every key maps to itself). */
  single: ReadonlyMap<string, string>;
  /** Phrases by the stem of their first word, longest first. */
  phrases: ReadonlyMap<string, Phrase[]>;
  keys: ReadonlySet<string>;
}

export function synonymTables(stem: Stem, language: StemmerLanguage): SynonymTables {
  const single = new Map<string, string>();
  const phrases: Phrase[] = [];
  for (const [key, variants] of Object.entries(SYNONYM_GROUPS)) {
    single.set(key, key);
    for (const variant of variants) {
      if (language === 'english' && spelledNorwegian(variant)) continue;
      const words = tokenise(variant);
      if (words.length === 1) single.set(stem(words[0] ?? ''), key);
      else if (words.length > 1) phrases.push({ stems: words.map(stem), key });
    }
  }
  // Longest phrase first, so "two factor authentication" wins over "two factor".
  phrases.sort((a, b) => b.stems.length - a.stems.length);
  const byFirstStem = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    const first = phrase.stems[0] ?? '';
    byFirstStem.set(first, [...(byFirstStem.get(first) ?? []), phrase]);
  }
  return { single, phrases: byFirstStem, keys: new Set(Object.keys(SYNONYM_GROUPS)) };
}

/** Particle verbs split around a pronoun: "melder vi fra", "logger han inn". */
const MAX_GAP = 2;

/** The phrase starting at `start` and the index of its last word, skipping up to MAX_GAP stop words inside it. */
export function phraseAt(
  stems: string[],
  start: number,
  phrases: ReadonlyMap<string, Phrase[]>,
  isStop: (index: number) => boolean,
): { phrase: Phrase; end: number } | undefined {
  for (const phrase of phrases.get(stems[start] ?? '') ?? []) {
    let at = start;
    let matched = true;
    for (const wanted of phrase.stems.slice(1)) {
      let next = at + 1;
      while (next - at <= MAX_GAP && stems[next] !== wanted && isStop(next)) next += 1;
      if (stems[next] !== wanted) {
        matched = false;
        break;
      }
      at = next;
    }
    if (matched) return { phrase, end: at };
  }
  return undefined;
}
