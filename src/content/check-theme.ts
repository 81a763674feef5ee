import { countSentences } from './count-sentences';
import type { Language } from './languages';
import { LANGUAGES } from './languages';
import { isPlaceholder, placeholdersIn } from './local-rule-placeholders';
import type { Theme } from './theme-schema';
import { findBokmalInNynorsk, findNynorskInBokmal } from './written-standard-lint';

/** A problem in a theme file that the schema alone cannot see. */
export interface ThemeProblem {
  field: string;
  message: string;
}

/** Every string in a content file (a theme, the pulse) with its field path and language. */
export function* localizedStrings(content: object): Generator<{ path: string; language: Language; text: string }> {
  function* walk(
    value: unknown,
    path: string,
    language?: Language,
  ): Generator<{ path: string; language: Language; text: string }> {
    if (typeof value === 'string') {
      if (language) yield { path, language, text: value };
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) yield* walk(item, `${path}[${i}]`, language);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childLanguage = (LANGUAGES as readonly string[]).includes(key) ? (key as Language) : language;
        yield* walk(child, path ? `${path}.${key}` : key, childLanguage);
      }
    }
  }
  yield* walk(content, '');
}

/** Checks beyond the schema: placeholders, links, the nb/nn lint, unique FAQ ids. */
export function checkTheme(theme: Theme): ThemeProblem[] {
  const problems: ThemeProblem[] = [];
  for (const { path, language, text } of localizedStrings(theme)) {
    for (const name of placeholdersIn(text)) {
      if (!isPlaceholder(name)) problems.push({ field: path, message: `unknown placeholder {${name}}` });
    }
    if (/http:\/\//i.test(text)) problems.push({ field: path, message: 'links must use https://' });
    if (/\{\{|\}\}|\$\{/.test(text))
      problems.push({ field: path, message: 'use {name} for placeholders, not {{name}} or ${name}' });
    const slips = language === 'nn' ? findBokmalInNynorsk(text) : language === 'nb' ? findNynorskInBokmal(text) : [];
    for (const slip of slips) problems.push({ field: path, message: `"${slip.word}": ${slip.reason}` });
  }
  for (const language of LANGUAGES) {
    const whySentences = countSentences(theme.why[language]);
    if (whySentences < 2 || whySentences > 4) {
      problems.push({ field: `why.${language}`, message: `use 2–4 sentences (found ${whySentences})` });
    }
    for (const [i, entry] of theme.faq.entries()) {
      const sentences = countSentences(entry.answer[language]);
      if (sentences > 4)
        problems.push({ field: `faq[${i}].answer.${language}`, message: `use 1–4 sentences (found ${sentences})` });
    }
  }
  const ids = theme.faq.map((entry) => entry.id);
  for (const id of new Set(ids)) {
    if (ids.filter((x) => x === id).length > 1) problems.push({ field: 'faq', message: `duplicate FAQ id "${id}"` });
  }
  return problems;
}
