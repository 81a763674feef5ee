/**
 * The lexicon's word lists (topic words by theme, carriers, everyday words)
 * as one index reads them: each word through that index's own analysis, so
 * lists and questions meet as the same terms.
 */
import type { ThemeId } from '../content/theme-schema';
import type { LanguageIndex } from './build-index';
import { createSpellingCorrector, type SpellingCorrector } from './correct-spelling';
import { spelledNorwegian, tokenise } from './normalise-text';
import outOfScope from './lexicon/out-of-scope.json';
import topics from './lexicon/topic-terms.json';

/** The lexicon's word lists as one index analyses them. */
export interface WordLists {
  outOfScope: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  /** Everyday words of at least MIN_EVERYDAY_HEAD letters, folded: the start of an everyday compound. */
  everydayHeads: readonly string[];
  /** Topic words that only name a device or channel. */
  carriers: ReadonlySet<string>;
  /** The themes a topic term belongs to. */
  themesOf: ReadonlyMap<string, ThemeId[]>;
  /** Words that, next to a device or channel, make the question about security (someone else using it). */
  carrierContext: ReadonlySet<string>;
  /** Recognises misspelt stop words ("hvordna"), which must not be "corrected" into content words. */
  stopwords: SpellingCorrector;
}

/** Shorter everyday words start too many other words («regn» → «regneark»). */
const MIN_EVERYDAY_HEAD = 5;
const OUT_OF_SCOPE_WORDS = Object.values(outOfScope.domains as Record<string, string[]>).flat();
/** English-only topic words stay out of the Norwegian index, words spelt with æ, ø or å out of the English one. */
const readIn = (index: LanguageIndex) => (word: string) =>
  index.stemmer === 'english' ? !spelledNorwegian(word) : !topics.englishOnly.includes(word);

/**
 * Whole terms only: the parts of "jobbsøknad" must not make "jobb" an everyday
 * word. A synonym key stands for itself: the English stemmer would read
 * «sikkerkanal» as "sikkerkan".
 */
const analysedSet = (index: LanguageIndex, words: string[]) =>
  new Set(
    words.flatMap((word) =>
      index.analyser.canonical(word) === word ? [word] : index.analyser.words(word).map((w) => w.term),
    ),
  );

/**
 * The everyday words as one index reads them. An everyday phrase counts only
 * as a whole (a synonym phrase such as «paper jam»), never word by word:
 * «profile picture» must not make «bilde» everyday. A topic word is never
 * an everyday one.
 */
function everydayTerms(index: LanguageIndex, topicTerms: ReadonlySet<string>): Set<string> {
  const terms = OUT_OF_SCOPE_WORDS.map((word) => index.analyser.words(word)).filter((words) => words.length === 1);
  return new Set(terms.map(([word]) => word?.term ?? '').filter((term) => term !== '' && !topicTerms.has(term)));
}

/** Each topic term's themes, from the area it is listed under: its keys are the index's topic terms. */
function themesByTerm(index: LanguageIndex): Map<string, ThemeId[]> {
  const byTerm = new Map<string, ThemeId[]>();
  for (const [theme, words] of Object.entries(topics.areas) as [ThemeId, string[]][]) {
    for (const term of analysedSet(index, words.filter(readIn(index)))) {
      byTerm.set(term, [...(byTerm.get(term) ?? []), theme]);
    }
  }
  return byTerm;
}

export function createWordLists(index: LanguageIndex): WordLists {
  const themesOf = themesByTerm(index);
  const topicTerms = new Set(themesOf.keys());
  return {
    outOfScope: everydayTerms(index, topicTerms),
    everydayHeads: OUT_OF_SCOPE_WORDS.flatMap(tokenise).filter((word) => word.length >= MIN_EVERYDAY_HEAD),
    topics: topicTerms,
    carriers: analysedSet(index, topics.carriers),
    themesOf,
    carrierContext: analysedSet(index, topics.carrierContext),
    stopwords: createSpellingCorrector(new Map([...index.analyser.stopwords].map((word) => [word, 1]))),
  };
}
