import type { Language } from '../content/languages';
import en from './catalogues/en.json';
import nb from './catalogues/nb.json';
import nn from './catalogues/nn.json';
import questionsEn from './catalogues/questions/en.json';
import questionsNb from './catalogues/questions/nb.json';
import questionsNn from './catalogues/questions/nn.json';

/*
 * Bot text lives in JSON catalogues, one per language. A feature with much text
 * gets its own folder, catalogues/<feature>/{nb,nn,en}.json, with one top-level
 * key named after the feature, merged in below.
 */

/** The shape every language's catalogue must have (bokmål is the reference). */
export type Catalogue = typeof nb & typeof questionsNb;

/** Typed so that a key missing in nn or en is a compile error; extra keys are caught by a test. */
export const CATALOGUES: Record<Language, Catalogue> = {
  nb: { ...nb, ...questionsNb },
  nn: { ...nn, ...questionsNn },
  en: { ...en, ...questionsEn },
};

/** Fills {name} slots; a slot without a value is left as is so tests can find it. */
export function interpolate(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}
