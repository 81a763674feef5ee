import MiniSearch from 'minisearch';
import type { Language } from '../content/languages';
import type { ThemeLibrary } from '../content/theme-library';
import type { ThemeId } from '../content/theme-schema';
import { createAnalyser, type Analyser } from './create-analyser';
import { createSpellingCorrector, type SpellingCorrector } from './correct-spelling';
import type { StemmerLanguage } from './stemmers';

/** One FAQ entry in one language, each field already analysed into space-separated terms. */
interface FaqDocument {
  id: string;
  /** theme/faq, the same for all languages of one entry. */
  faq: string;
  questions: string;
  answer: string;
  keywords: string;
}

export type FaqField = 'questions' | 'answer' | 'keywords';

/** The index for the languages that share one stemmer: Norwegian (nb + nn) or English. */
export interface LanguageIndex {
  stemmer: StemmerLanguage;
  analyser: Analyser;
  search: MiniSearch<FaqDocument>;
  /** How rare a term is across FAQ entries: ln(1 + entries / entries with the term). */
  idf: ReadonlyMap<string, number>;
  maxIdf: number;
  /** Per document id, each question variant's distinct terms and their total weight. */
  variants: ReadonlyMap<string, readonly QuestionVariant[]>;
  speller: SpellingCorrector;
}

/** One way an FAQ entry's question is asked, analysed, to see how much of it a question covers. */
export interface QuestionVariant {
  terms: readonly { term: string; weight: number }[];
  total: number;
}

export interface FaqRef {
  theme: ThemeId;
  faqId: string;
}

export interface QuestionIndex {
  indexes: LanguageIndex[];
  /** "theme/faq" → the entry, in campaign and FAQ order. */
  faqs: ReadonlyMap<string, FaqRef>;
}

const STEMMER_LANGUAGES: [StemmerLanguage, Language[]][] = [
  ['norwegian', ['nb', 'nn']],
  ['english', ['en']],
];

interface RawDocument {
  id: string;
  faq: string;
  fields: Record<FaqField, string>;
  variants: string[];
}

function rawDocuments(themes: ThemeLibrary, languages: Language[]): RawDocument[] {
  return themes.themes.flatMap((theme) =>
    languages.flatMap((language) => {
      const text = themes.text(theme.id, language);
      const keywords = [text.title, ...text.keywords].join(' . ');
      return text.faq.map((entry) => ({
        id: `${theme.id}/${entry.id}/${language}`,
        faq: `${theme.id}/${entry.id}`,
        fields: { questions: entry.questions.join(' . '), answer: entry.answer, keywords },
        variants: entry.questions,
      }));
    }),
  );
}

function buildLanguageIndex(themes: ThemeLibrary, stemmer: StemmerLanguage, languages: Language[]): LanguageIndex {
  const raw = rawDocuments(themes, languages);
  const plain = createAnalyser(stemmer);
  // Compounds are split against the content's own words, so the vocabulary comes first.
  const vocabulary = new Set(raw.flatMap((doc) => Object.values(doc.fields).flatMap((text) => plain.terms(text))));
  const analyser = plain.withVocabulary(vocabulary);

  const termsPerFaq = new Map<string, Set<string>>();
  const documents: FaqDocument[] = raw.map((doc) => {
    const fields = Object.fromEntries(
      Object.entries(doc.fields).map(([name, text]) => [name, analyser.terms(text)]),
    ) as Record<FaqField, string[]>;
    const seen = termsPerFaq.get(doc.faq) ?? new Set<string>();
    for (const term of Object.values(fields).flat()) seen.add(term);
    termsPerFaq.set(doc.faq, seen);
    return {
      id: doc.id,
      faq: doc.faq,
      questions: fields.questions.join(' '),
      answer: fields.answer.join(' '),
      keywords: fields.keywords.join(' '),
    };
  });

  const frequencies = new Map<string, number>();
  for (const terms of termsPerFaq.values())
    for (const term of terms) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  const entries = termsPerFaq.size;
  const idf = new Map([...frequencies].map(([term, count]) => [term, Math.log(1 + entries / count)]));

  const search = new MiniSearch<FaqDocument>({
    fields: ['questions', 'answer', 'keywords'],
    storeFields: ['faq'],
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
    searchOptions: { boost: { questions: 2, keywords: 1, answer: 0.7 } },
  });
  search.addAll(documents);
  const toVariant = (text: string): QuestionVariant => {
    const terms = [...new Set(analyser.terms(text))].map((term) => ({ term, weight: idf.get(term) ?? 0 }));
    return { terms, total: terms.reduce((sum, t) => sum + t.weight, 0) };
  };
  const variants = new Map(raw.map((doc) => [doc.id, doc.variants.map(toVariant)]));
  return {
    stemmer,
    analyser,
    search,
    idf,
    maxIdf: Math.log(1 + entries),
    variants,
    speller: createSpellingCorrector(frequencies),
  };
}

/** Builds the search over every FAQ entry in every language. Done once at start-up. */
export function buildQuestionIndex(themes: ThemeLibrary): QuestionIndex {
  const faqs = new Map<string, FaqRef>();
  for (const theme of themes.themes) {
    for (const entry of theme.faq) faqs.set(`${theme.id}/${entry.id}`, { theme: theme.id, faqId: entry.id });
  }
  return {
    indexes: STEMMER_LANGUAGES.map(([stemmer, languages]) => buildLanguageIndex(themes, stemmer, languages)),
    faqs,
  };
}
