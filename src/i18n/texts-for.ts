import type { Language } from '../content/languages';
import { fillPlaceholders } from '../content/local-rule-placeholders';
import { localRuleValues } from '../content/local-rule-values';
import type { LocalRules } from '../content/local-rules-schema';
import { CATALOGUES, type Catalogue } from './catalogue';

function fillDeep<T>(value: T, fill: (text: string) => string): T {
  if (typeof value === 'string') return fill(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => fillDeep(item, fill)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, fillDeep(child, fill)])) as T;
  }
  return value;
}

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
