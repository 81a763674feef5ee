import type { FaqField, FaqRef, LanguageIndex, QuestionIndex } from './build-index';
import type { StemmerLanguage } from './stemmers';
import { createSpellingCorrector, type SpellingCorrector } from './correct-spelling';
import outOfScope from './lexicon/out-of-scope.json';
import topics from './lexicon/topic-terms.json';

/** How much a match counts, by where it is: a question variant says most about what an entry answers. */
const FIELD_WEIGHT: Record<FaqField, number> = { questions: 1, keywords: 0.7, answer: 0.6 };
/** Matching only a part of a compound ("passord" in "passordbehandler") is a weaker match. */
const PART_FACTOR = 0.8;
/**
 * How much the entry's closest question variant is covered by the question
 * counts in the ranking: a question about locking the screen at work fits
 * "how do I lock my PC" better than "must I lock the screen at home too",
 * whose variant has a word (home) the question lacks.
 */
const VARIANT_SHARE = 0.25;
const RANKED_LEADERS = 30;
/** A word the content never uses may be filler or a sign the question is about something else. */
const UNKNOWN_SHARE = 0.3;
/**
 * Words that name a topic say more about what is asked than the words around
 * them: a security topic, or an everyday one (lunch, pay) that the entry must
 * also cover for the question to be about security.
 */
const TOPIC_BOOST = 3;

/** How well one FAQ entry covers a question, 0..1. */
export interface FaqScore extends FaqRef {
  key: string;
  /** The entry's best-matching document: theme/faq/language. */
  documentId: string;
  /** The share of the question's weighted words that the entry matches. */
  score: number;
  /** The order of entries: coverage both ways, then MiniSearch's BM25 score. */
  rank: number;
  relevance: number;
  /** The question names an everyday topic outside security that this entry's texts do not mention. */
  missesOutOfScopeWord: boolean;
}

export interface ScoredQuestion {
  /** Every entry that shares a word with the question, best first. */
  faqs: FaqScore[];
  /** The question names something the campaign is about (a topic term). */
  namesTopic: boolean;
}

interface QueryWord {
  forms: { term: string; part: boolean }[];
  weight: number;
  outOfScope: boolean;
  topic: boolean;
}

interface Lexicon {
  outOfScope: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  /** Recognises misspelt stop words ("hvordna"), which must not be "corrected" into content words. */
  stopwords: SpellingCorrector;
}

const OUT_OF_SCOPE_WORDS = Object.values(outOfScope.domains as Record<string, string[]>).flat();
const TOPIC_WORDS = Object.values(topics.areas as Record<string, string[]>).flat();

/** The question's words with their weights, misspelt words corrected against the vocabulary. */
function queryWords(index: LanguageIndex, question: string, lexicon: Lexicon): QueryWord[] {
  const words: QueryWord[] = [];
  for (const word of index.analyser.words(question)) {
    // An everyday compound ("sykemelding") is about its whole, not its parts.
    const outOfScope = lexicon.outOfScope.has(word.term);
    const all = [{ term: word.term, part: false }, ...word.parts.map((term) => ({ term, part: true }))];
    let forms = (outOfScope ? all.slice(0, 1) : all).filter((f) => index.idf.has(f.term));
    if (forms.length === 0 && !outOfScope) {
      if (lexicon.stopwords.correct(word.word)) continue;
      const corrected = index.speller.correct(word.term);
      if (corrected) forms = [{ term: corrected, part: false }];
    }
    const topic = [...all, ...forms].some((f) => lexicon.topics.has(f.term));
    const rarity =
      forms.length > 0 ? Math.max(...forms.map((f) => index.idf.get(f.term) ?? 0)) : UNKNOWN_SHARE * index.maxIdf;
    const weight = rarity * (topic || outOfScope ? TOPIC_BOOST : 1);
    words.push({ forms, weight, outOfScope, topic });
  }
  return words;
}

/** The share of the best-covered question variant (by rarity) that the question's terms cover. */
function variantCoverage(index: LanguageIndex, documentId: string, terms: ReadonlySet<string>): number {
  let best = 0;
  for (const variant of index.variants.get(documentId) ?? []) {
    let covered = 0;
    for (const { term, weight } of variant.terms) if (terms.has(term)) covered += weight;
    if (variant.total > 0) best = Math.max(best, covered / variant.total);
  }
  return best;
}

/** How much the best of a word's forms matches in one document (0 when it does not). */
function matchValue(word: QueryWord, match: Record<string, string[]>): number {
  let best = 0;
  for (const form of word.forms) {
    const fields = match[form.term];
    if (!fields) continue;
    for (const field of fields) {
      const value = FIELD_WEIGHT[field as FaqField] * (form.part ? PART_FACTOR : 1);
      if (value > best) best = value;
    }
  }
  return best;
}

function scoreIndex(index: LanguageIndex, words: QueryWord[]): FaqScore[] {
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  const terms = [...new Set(words.flatMap((w) => w.forms.map((f) => f.term)))];
  if (terms.length === 0 || total === 0) return [];
  const termSet = new Set(terms);
  const scored = index.search.search(terms.join(' ')).map((result) => {
    let covered = 0;
    let missesOutOfScopeWord = false;
    for (const word of words) {
      const best = matchValue(word, result.match);
      covered += word.weight * best;
      // A theme keyword alone ("bilen" for travel) does not make an everyday topic a security question.
      if (word.outOfScope && best < FIELD_WEIGHT.answer) missesOutOfScopeWord = true;
    }
    const key = String(result.faq);
    const [theme, faqId] = key.split('/') as [FaqRef['theme'], string];
    const score = covered / total;
    return {
      documentId: String(result.id),
      key,
      theme,
      faqId,
      score,
      rank: (1 - VARIANT_SHARE) * score,
      relevance: result.score,
      missesOutOfScopeWord,
    };
  });
  // Variant coverage only reorders the leaders; the long tail cannot reach them.
  scored.sort((a, b) => b.score - a.score);
  for (const faq of scored.slice(0, RANKED_LEADERS))
    faq.rank += VARIANT_SHARE * variantCoverage(index, faq.documentId, termSet);
  return scored;
}

/** Which indexes to search: only the question's own language family when it is known. */
export type FaqScorer = (question: string, stemmers?: readonly StemmerLanguage[]) => ScoredQuestion;

/** Whole terms only: the parts of "jobbsøknad" must not make "jobb" an everyday word. */
const analysedSet = (index: LanguageIndex, words: string[]) =>
  new Set(words.flatMap((word) => index.analyser.words(word).map((w) => w.term)));

/**
 * Scores every FAQ entry that shares a word with the question, in the
 * Norwegian and the English index, and keeps each entry's best match. A
 * question in a known language is only read with that language's stemmer, so
 * Norwegian words are not "corrected" into English ones.
 */
export function createFaqScorer(index: QuestionIndex): FaqScorer {
  const lexicons: Lexicon[] = index.indexes.map((languageIndex) => ({
    outOfScope: analysedSet(languageIndex, OUT_OF_SCOPE_WORDS),
    topics: analysedSet(languageIndex, TOPIC_WORDS),
    stopwords: createSpellingCorrector(new Map([...languageIndex.analyser.stopwords].map((word) => [word, 1]))),
  }));
  return (question, stemmers = ['norwegian', 'english']) => {
    const best = new Map<string, FaqScore>();
    let namesTopic = false;
    index.indexes.forEach((languageIndex, i) => {
      if (!stemmers.includes(languageIndex.stemmer)) return;
      const lexicon = lexicons[i];
      if (!lexicon) return;
      const words = queryWords(languageIndex, question, lexicon);
      namesTopic ||= words.some((word) => word.topic);
      for (const candidate of scoreIndex(languageIndex, words)) {
        const known = best.get(candidate.key);
        if (!known || candidate.rank > known.rank) best.set(candidate.key, candidate);
      }
    });
    return { faqs: [...best.values()].sort((a, b) => b.rank - a.rank || b.relevance - a.relevance), namesTopic };
  };
}
