import type { Language } from '../content/languages';
import { fillDeep } from '../content/fill-deep';
import { fillPlaceholders } from '../content/local-rule-placeholders';
import { localRuleValues } from '../content/local-rule-values';
import type { LocalRules } from '../content/local-rules-schema';
import { CATALOGUES, type Catalogue } from './catalogue';

const cache = new WeakMap<LocalRules, Map<Language, Catalogue>>();

/** The catalogue for a language with the municipality's local rules filled in. */
export function textsFor(language: Language, rules: LocalRules): Catalogue {
  const perRules = cache.get(rules) ?? new Map<Language, Catalogue>();
  cache.set(rules, perRules);
  let texts = perRules.get(language);
  if (!texts) {
    const values = localRuleValues(rules, language);
    texts = fillDeep(CATALOGUES[language], (text) => fillPlaceholders(text, values));
    perRules.set(language, texts);
  }
  return texts;
}
