/**
 * A question's words as the scoring weighs them, for one index: the forms
 * each word can match (whole term or compound parts, typos corrected) and how
 * much the word says (rarity, topic words boosted).
 */
import type { ThemeId } from '../content/theme-schema';
import type { LanguageIndex } from './build-index';
import type { AnalysedWord } from './create-analyser';
import type { WordLists } from './create-word-lists';
import { memoiseWord } from './memoise-word';

/** Matching all parts of a compound ("passord" + "behandler") is less than matching the compound itself. */
const PART_FACTOR = 0.8;
/** A word the content never uses may be filler or a sign the question is about something else. */
const UNKNOWN_SHARE = 0.3;
/**
 * Words that name a topic say more about what is asked than the words around
 * them: a security topic, or an everyday one (lunch, pay) that the entry must
 * also cover for the question to be about security.
 */
const TOPIC_BOOST = 3;
/** Joins a word, its term and its parts into one memo key; no folded word contains it. */
const KEY_SEPARATOR = '\u0000';

/** One term a question word can match in the index. */
export interface Form {
  term: string;
  /** The term's number in the index (LanguageIndex.termIds). */
  termId: number;
  /** How much of the word a match of this form covers. */
  share: number;
  part: boolean;
}

/** One word of a question, ready for scoring. Shared by every question that uses the word, so read-only. */
export interface QueryWord {
  readonly forms: readonly Readonly<Form>[];
  readonly weight: number;
  readonly outOfScope: boolean;
  readonly topic: boolean;
  /** A topic word that is more than a carrier (phone, PC, e-mail), or a word that makes a carrier about security. */
  readonly securityTopic: boolean;
  /** The themes whose topic words (carriers aside) this word is. */
  readonly themes: readonly ThemeId[];
}

/** How much a term says: its rarity, boosted when it names a topic. */
function termWeight(index: LanguageIndex, lists: WordLists, term: string): number {
  const rarity = index.idf.get(term) ?? UNKNOWN_SHARE * index.maxIdf;
  return lists.topics.has(term) ? rarity * TOPIC_BOOST : rarity;
}

/**
 * The forms a word can match: the whole term (share 1), else its compound
 * parts, each worth its share of the compound by how much it says, so "mobil"
 * carries "jobbtelefonen" and "tastatur" alone does not carry "bluetooth-tastatur".
 */
function formsOf(index: LanguageIndex, lists: WordLists, whole: string, parts: string[]): Form[] {
  const partWeights = parts.map((part) => termWeight(index, lists, part));
  const total = partWeights.reduce((sum, weight) => sum + weight, 0);
  return [
    { term: whole, share: 1, part: false },
    ...parts.map((term, i) => ({ term, share: (PART_FACTOR * (partWeights[i] ?? 0)) / total, part: true })),
  ].flatMap((form) => {
    const termId = index.termIds.get(form.term);
    return termId === undefined ? [] : [{ ...form, termId }];
  });
}

/** One analysed word ready for scoring; undefined for a misspelt stop word ("hvordna"), which says nothing. */
function queryWord(index: LanguageIndex, lists: WordLists, word: AnalysedWord): QueryWord | undefined {
  // An everyday compound ("sykemelding") is about its whole, not its parts.
  // So is a word the content never uses that starts with an everyday word («lønningskontoret», «kaffemaskinen»).
  const outOfScope =
    lists.outOfScope.has(word.term) ||
    (!index.idf.has(word.term) && lists.everydayHeads.some((head) => word.word.startsWith(head)));
  const parts = outOfScope ? [] : word.parts;
  let forms = formsOf(index, lists, word.term, parts);
  if (forms.length === 0 && !outOfScope) {
    if (lists.stopwords.correct(word.word)) return undefined;
    const corrected = index.speller.correct(word.term);
    if (corrected) forms = formsOf(index, lists, index.analyser.canonical(corrected) ?? corrected, []);
  }
  const topicTerms = [word.term, ...word.parts, ...forms.map((f) => f.term)].filter((term) => lists.topics.has(term));
  const topic = topicTerms.length > 0;
  const securityTopic = topicTerms.some((term) => !lists.carriers.has(term)) || lists.carrierContext.has(word.term);
  const rarity =
    forms.length > 0 ? Math.max(...forms.map((f) => index.idf.get(f.term) ?? 0)) : UNKNOWN_SHARE * index.maxIdf;
  const themes = [
    ...new Set(topicTerms.filter((t) => !lists.carriers.has(t)).flatMap((t) => lists.themesOf.get(t) ?? [])),
  ];
  const weight = rarity * (topic || outOfScope ? TOPIC_BOOST : 1);
  return Object.freeze({ forms, weight, outOfScope, topic, securityTopic, themes });
}

/** Turns a question into its words with their weights, misspelt words corrected against the vocabulary. */
export type QueryWordsOf = (question: string) => QueryWord[];

/**
 * Reads questions for one index. A word is weighed once and remembered: the
 * same words come back in question after question, and looking one up is much
 * cheaper than the dozen lookups in the index's tables that weighing it takes.
 * The remembered words are frozen, since every question shares them.
 */
export function createQueryWords(index: LanguageIndex, lists: WordLists): QueryWordsOf {
  const remembered = memoiseWord((key) => {
    const [word = '', term = '', ...parts] = key.split(KEY_SEPARATOR);
    return queryWord(index, lists, { word, term, parts });
  });
  return (question) => {
    const words: QueryWord[] = [];
    for (const word of index.analyser.words(question)) {
      const weighed = remembered([word.word, word.term, ...word.parts].join(KEY_SEPARATOR));
      if (weighed) words.push(weighed);
    }
    return settleEverydayWords(words);
  };
}

/**
 * An everyday word is boosted so that a question about holidays is not
 * answered by an entry that merely shares a device word. Next to a security
 * topic it is only context ("my manager wants my password while I'm on
 * holiday" is about the password), and keeps its plain weight.
 */
function settleEverydayWords(words: QueryWord[]): QueryWord[] {
  if (!words.some((word) => word.topic && word.securityTopic)) return words;
  return words.map((word) => (word.outOfScope && !word.topic ? { ...word, weight: word.weight / TOPIC_BOOST } : word));
}
