import stopwords from './lexicon/stopwords.json';
import topics from './lexicon/topic-terms.json';
import { tokenise, tokeniseWithPieces, type Token } from './normalise-text';
import { createCompoundSplitter, type CompoundSplitter } from './split-compound';
import { createStem, type Stem, type StemmerLanguage } from './stemmers';
import { phraseAt, synonymTables, type SynonymTables } from './synonym-tables';

/** One word of a question as the index sees it: its term, and the parts if it is a compound. */
export interface AnalysedWord {
  /** The folded word as written, for spelling fixes. */
  word: string;
  term: string;
  parts: string[];
}

export interface Analyser {
  /** The words of a text that carry meaning, stemmed, with synonyms made one. */
  words(text: string): AnalysedWord[];
  /** Every term of a text, compound parts included: what a document is indexed by. */
  terms(text: string): string[];
  /** The folded stop words, for recognising misspelt ones ("hvordna"). */
  stopwords: ReadonlySet<string>;
  /** The synonym key a term stands for, if any. */
  canonical(term: string): string | undefined;
  /** The stem of every one-word synonym and the key it stands for: misspellings are corrected against these too. */
  synonymStems: ReadonlyMap<string, string>;
  /** The same analysis with compounds split against a vocabulary of known terms. */
  withVocabulary(vocabulary: ReadonlySet<string>): Analyser;
}

/** "sommer2024" → sommer + 2024, so a password pattern meets the words it is made of; "2fa" stays whole. */
function splitLettersAndDigits(token: Token, keys: ReadonlySet<string>): Token[] {
  const match = /^([a-z]{3,})(\d+)$/.exec(token.token);
  if (!match || keys.has(token.token)) return [token];
  return [match[1] ?? '', match[2] ?? ''].map((part) => ({ token: part, pieces: [] }));
}

/** Any year reads as "a year": the FAQ talks about years in passwords, not about one year. */
const YEAR = /^(19|20)\d\d$/;
const YEAR_KEY = 'arstall';

/**
 * The text analysis shared by the index and the questions, so both sides of a
 * match are spelt the same: fold and split (normalise-text), join synonym
 * phrases, drop stop words, stem, map synonyms to one key, split compounds.
 */
export function createAnalyser(language: StemmerLanguage): Analyser {
  const stem = createStem(language);
  const stop = new Set(
    [...stopwords.words, ...(language === 'english' ? stopwords.englishOnly : [])].flatMap((w) => tokenise(w)),
  );
  const tables = synonymTables(stem, language);
  return build(stem, stop, tables, undefined);
}

function build(
  stem: Stem,
  stop: ReadonlySet<string>,
  tables: SynonymTables,
  splitter: CompoundSplitter | undefined,
): Analyser {
  const canonical = (term: string) => tables.single.get(term);
  const toTerm = (word: string) => {
    if (YEAR.test(word)) return YEAR_KEY;
    const stemmed = stem(word);
    return canonical(stemmed) ?? stemmed;
  };

  const isContent = (word: string) => !stop.has(word) && (word.length > 1 || /\d/.test(word));
  /** Compound parts from the vocabulary, else the pieces it was written with ("bluetooth-tastatur"). */
  const partsOf = (word: string, pieces: string[]) => {
    const parts = splitter?.split(stem(word)) ?? [];
    return parts.length > 0 ? parts : pieces.filter(isContent).map(toTerm);
  };

  function words(text: string): AnalysedWord[] {
    const written = tokeniseWithPieces(text).flatMap((token) => splitLettersAndDigits(token, tables.keys));
    const tokens = written.map((t) => t.token);
    const stems = tokens.map(stem);
    const out: AnalysedWord[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i] ?? '';
      const found = phraseAt(stems, i, tables.phrases, (index) => stop.has(tokens[index] ?? ''));
      if (found) {
        out.push({ word: tokens.slice(i, found.end + 1).join(' '), term: found.phrase.key, parts: [] });
        i = found.end;
      } else if (isContent(word)) {
        const term = toTerm(word);
        out.push({ word, term, parts: partsOf(word, written[i]?.pieces ?? []).filter((part) => part !== term) });
      }
    }
    return out;
  }

  return {
    words,
    terms: (text) => words(text).flatMap((w) => [w.term, ...w.parts]),
    stopwords: stop,
    canonical,
    synonymStems: tables.single,
    withVocabulary(vocabulary) {
      const terms = new Set([...vocabulary, ...tables.keys]);
      // Only words that are short as written ("pc", "lås", "pin"), not long ones with short stems.
      const strongShort = Object.values(topics.areas)
        .flat()
        .filter((word) => word.length < 4)
        .flatMap((word) => tokenise(word).map(toTerm));
      const shortKeys = [...tables.keys].filter((key) => key.length < 4);
      const shortTerms = new Set([...shortKeys, ...strongShort]);
      return build(stem, stop, tables, createCompoundSplitter({ terms, shortTerms, canonical, stem }));
    },
  };
}
