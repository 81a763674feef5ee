import type { Language } from '../content/languages';
import type { ThemeLibrary } from '../content/theme-library';
import type { ThemeId } from '../content/theme-schema';
import { createAnalyser, type Analyser } from './create-analyser';
import { createSpellingCorrector, type SpellingCorrector } from './correct-spelling';
import type { StemmerLanguage } from './stemmers';

export type FaqField = 'questions' | 'answer' | 'keywords';
const FIELDS: readonly FaqField[] = ['questions', 'answer', 'keywords'];

/** The fields a term occurs in, as bits, so one posting says all of it. */
export const FIELD_BIT: Record<FaqField, number> = { questions: 1, answer: 2, keywords: 4 };

export interface FaqRef {
  theme: ThemeId;
  faqId: string;
}

/** One FAQ entry in one language. */
export interface FaqDocument extends FaqRef {
  /** theme/faq, the same for every language of one entry. */
  key: string;
}

/**
 * The ways each FAQ entry's question is asked, analysed (terms as term ids,
 * with their weights), to see how much of a variant a question covers. They
 * sit side by side in a few flat typed arrays rather than an object per
 * variant: a question reads about three hundred variants, and in a busy bot
 * they are no longer in the CPU's caches, so adjacent memory is read much
 * faster than three hundred scattered objects.
 */
export interface VariantTable {
  /** Document d's variants are numbers firstVariant[d] up to firstVariant[d + 1]. */
  firstVariant: Int32Array;
  /** Variant v's terms are termIds and weights from firstTerm[v] up to firstTerm[v + 1]. */
  firstTerm: Int32Array;
  termIds: Int32Array;
  weights: Float64Array;
  /** Each variant's summed weight. */
  totals: Float64Array;
}

/**
 * The documents that contain one term, and in which fields (FIELD_BIT), side
 * by side in typed arrays: every question walks a few hundred of these.
 */
export interface PostingList {
  documents: Int32Array;
  fields: Uint8Array;
}

/**
 * The index for the languages that share one stemmer: Norwegian (nb + nn) or
 * English. An inverted index from analysed terms to the FAQ documents and
 * fields that contain them; the scoring (score-faqs.ts) needs no more.
 */
export interface LanguageIndex {
  stemmer: StemmerLanguage;
  analyser: Analyser;
  documents: readonly FaqDocument[];
  variants: VariantTable;
  /** Every indexed term's number: postings and question variants refer to terms by it. */
  termIds: ReadonlyMap<string, number>;
  /** By term id. */
  postings: readonly PostingList[];
  /** How rare a term is across FAQ entries: ln(1 + entries / entries with the term). */
  idf: ReadonlyMap<string, number>;
  maxIdf: number;
  /** Corrects to a term or a synonym's stem: map the result through the analyser's canonical(). */
  speller: SpellingCorrector;
}

const STEMMER_LANGUAGES: [StemmerLanguage, Language[]][] = [
  ['norwegian', ['nb', 'nn']],
  ['english', ['en']],
];

interface RawDocument extends FaqRef {
  key: string;
  fields: Record<FaqField, string>;
  variants: string[];
}

function rawDocuments(themes: ThemeLibrary, languages: Language[]): RawDocument[] {
  return themes.themes.flatMap((theme) =>
    languages.flatMap((language) => {
      const text = themes.text(theme.id, language);
      const keywords = [text.title, ...text.keywords].join(' . ');
      return text.faq.map((entry) => ({
        key: `${theme.id}/${entry.id}`,
        theme: theme.id,
        faqId: entry.id,
        fields: { questions: entry.questions.join(' . '), answer: entry.answer, keywords },
        variants: entry.questions,
      }));
    }),
  );
}

/**
 * What misspelt words are corrected to: the index's terms, and the stems of
 * synonyms whose key the index uses ("pasordbehandler" is one slip from the
 * stem "passordbehandl", not from the key "passordbehandler").
 */
function spellingVocabulary(frequencies: ReadonlyMap<string, number>, analyser: Analyser): Map<string, number> {
  const vocabulary = new Map(frequencies);
  for (const [stem, key] of analyser.synonymStems) {
    const frequency = frequencies.get(key);
    if (frequency && !vocabulary.has(stem)) vocabulary.set(stem, frequency);
  }
  return vocabulary;
}

/** Lays out each document's variants (lists of terms) in one VariantTable, in document order. */
function variantTable(
  variantsOf: readonly string[][][],
  termIds: ReadonlyMap<string, number>,
  idf: ReadonlyMap<string, number>,
): VariantTable {
  const variants = variantsOf.flat();
  const terms = variants.flat();
  const firstVariant = new Int32Array(variantsOf.length + 1);
  variantsOf.forEach((list, d) => (firstVariant[d + 1] = (firstVariant[d] ?? 0) + list.length));
  const firstTerm = new Int32Array(variants.length + 1);
  variants.forEach((list, v) => (firstTerm[v + 1] = (firstTerm[v] ?? 0) + list.length));
  const weights = Float64Array.from(terms, (term) => idf.get(term) ?? 0);
  const totals = Float64Array.from(variants, (_, v) =>
    weights.subarray(firstTerm[v], firstTerm[v + 1]).reduce((sum, weight) => sum + weight, 0),
  );
  return {
    firstVariant,
    firstTerm,
    termIds: Int32Array.from(terms, (term) => termIds.get(term) ?? -1),
    weights,
    totals,
  };
}

function buildLanguageIndex(themes: ThemeLibrary, stemmer: StemmerLanguage, languages: Language[]): LanguageIndex {
  const raw = rawDocuments(themes, languages);
  const plain = createAnalyser(stemmer);
  // Compounds are split against the content's own words, so the vocabulary comes first.
  const vocabulary = new Set(raw.flatMap((doc) => FIELDS.flatMap((field) => plain.terms(doc.fields[field]))));
  const analyser = plain.withVocabulary(vocabulary);

  const fieldsPerTerm = raw.map((doc) => {
    const bits = new Map<string, number>();
    for (const field of FIELDS) {
      for (const term of analyser.terms(doc.fields[field])) bits.set(term, (bits.get(term) ?? 0) | FIELD_BIT[field]);
    }
    return bits;
  });
  const postings = new Map<string, { document: number; fields: number }[]>();
  const entriesPerTerm = new Map<string, Set<string>>();
  fieldsPerTerm.forEach((bits, document) => {
    for (const [term, fields] of bits) {
      const list = postings.get(term) ?? [];
      list.push({ document, fields });
      postings.set(term, list);
      entriesPerTerm.set(term, (entriesPerTerm.get(term) ?? new Set()).add(raw[document]?.key ?? ''));
    }
  });
  const termIds = new Map([...postings.keys()].map((term, id) => [term, id]));
  const frequencies = new Map([...entriesPerTerm].map(([term, entries]) => [term, entries.size]));
  const entries = new Set(raw.map((doc) => doc.key)).size;
  const idf = new Map([...frequencies].map(([term, count]) => [term, Math.log(1 + entries / count)]));

  // A term outside the postings has no weight: leaving it out changes no sum.
  const variantTerms = (text: string) => [...new Set(analyser.terms(text))].filter((term) => termIds.has(term));
  const variantsOf = raw.map((doc) => doc.variants.map(variantTerms));
  const documents = raw.map(({ key, theme, faqId }) => ({ key, theme, faqId }));
  return {
    stemmer,
    analyser,
    documents,
    variants: variantTable(variantsOf, termIds, idf),
    termIds,
    postings: [...postings.values()].map((list) => ({
      documents: Int32Array.from(list, (posting) => posting.document),
      fields: Uint8Array.from(list, (posting) => posting.fields),
    })),
    idf,
    maxIdf: Math.log(1 + entries),
    speller: createSpellingCorrector(spellingVocabulary(frequencies, analyser)),
  };
}

/** Builds the index over every FAQ entry in every language. Done once at start-up. */
export function buildQuestionIndex(themes: ThemeLibrary): LanguageIndex[] {
  return STEMMER_LANGUAGES.map(([stemmer, languages]) => buildLanguageIndex(themes, stemmer, languages));
}
