import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { localizedStrings } from '../../src/content/check-theme';
import { LANGUAGES } from '../../src/content/languages';
import { loadThemes, parseTheme, ThemeFileError } from '../../src/content/load-themes';
import { localizeTheme } from '../../src/content/localize-theme';
import { THEME_IDS } from '../../src/content/theme-schema';
import { THEMES_DIR } from '../../src/project-paths';
import { exampleRules, themes } from '../support/content';

const file = (id: string) => path.join(THEMES_DIR, `${id}.yaml`);
const raw = (id: string) => parse(readFileSync(file(id), 'utf8')) as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break arbitrary fields on purpose
type AnyTheme = Record<string, any>;
const problemsOf = (id: string, mutate: (theme: AnyTheme) => void): string => {
  const theme = raw(id) as AnyTheme;
  mutate(theme);
  try {
    parseTheme(file(id), stringify(theme));
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ThemeFileError);
    return (error as Error).message;
  }
};

describe('the ten themes', () => {
  it('load in the fixed campaign order', () => {
    expect(themes.map((t) => t.id)).toEqual([...THEME_IDS]);
  });

  it('have at least 10 FAQ entries, 3–5 tips and one correct quiz option each', () => {
    for (const theme of themes) {
      expect(theme.faq.length).toBeGreaterThanOrEqual(10);
      expect(theme.tips.length).toBeGreaterThanOrEqual(3);
      expect(theme.quiz.options.filter((o) => o.correct)).toHaveLength(1);
    }
  });

  it.each([
    ['no local rules', {}],
    ['the example local rules', exampleRules],
  ])('leave no placeholder unresolved with %s', (_label, rules) => {
    for (const theme of themes) {
      for (const language of LANGUAGES) {
        const text = JSON.stringify(localizeTheme(theme, language, rules));
        expect({ theme: theme.id, language, leftover: /\{[A-Za-z]+\}/.exec(text)?.[0] }).toEqual({
          theme: theme.id,
          language,
          leftover: undefined,
        });
      }
    }
  });

  it('only link with https', () => {
    const links = themes.flatMap((theme) =>
      [...localizedStrings(theme)].flatMap(({ text }) => text.match(/\b[a-z]+:\/\/\S+/gi) ?? []),
    );
    expect(links.filter((link) => !link.startsWith('https://'))).toEqual([]);
  });

  it('say "to-faktor", never "to-faktur"', () => {
    const misspelt = [...JSON.stringify(themes).matchAll(/\bto-?\s?faktur\w*/gi)].map((m) => m[0]);
    expect(misspelt).toEqual([]);
    expect(JSON.stringify(themes)).toMatch(/to-faktor/);
  });

  it('render the configured local rules into the text', () => {
    const tip = JSON.stringify(localizeTheme(themes[1]!, 'nb', exampleRules));
    expect(tip).toContain('14');
    expect(JSON.stringify(localizeTheme(themes[1]!, 'nb', {}))).toContain('12');
  });
});

describe('a broken theme file stops start-up with the file and the field', () => {
  it('names a missing translation', () => {
    const message = problemsOf('passwords', (t) => delete t.hook.nn);
    expect(message).toContain('passwords.yaml');
    expect(message).toContain('hook.nn');
  });
  it('names a hook over 140 characters', () => {
    expect(problemsOf('passwords', (t) => (t.hook.en = 'x'.repeat(141)))).toMatch(/hook\.en: must be at most 140/);
  });
  it('rejects a quiz with two correct options', () => {
    expect(problemsOf('passwords', (t) => (t.quiz.options[0].correct = t.quiz.options[1].correct = true))).toMatch(
      /exactly one correct/,
    );
  });
  it('rejects too few FAQ entries, unknown placeholders, http links and bokmål in nynorsk', () => {
    expect(problemsOf('report-it', (t) => (t.faq = t.faq.slice(0, 9)))).toMatch(/faq: needs at least 10/);
    expect(problemsOf('report-it', (t) => (t.why.nb += ' Ring {itPhone}.'))).toMatch(
      /why\.nb: unknown placeholder \{itPhone\}/,
    );
    expect(problemsOf('report-it', (t) => (t.why.en += ' See http://example.com.'))).toMatch(
      /why\.en: links must use https/,
    );
    expect(problemsOf('report-it', (t) => (t.hook.nn = 'Eg veit ikke kva eg skal gjere.'))).toMatch(/hook\.nn: "ikke"/);
    expect(problemsOf('report-it', (t) => (t.faq[0].answer.en = 'One. Two. Three. Four. Five.'))).toMatch(
      /faq\[0\]\.answer\.en: use 1–4 sentences \(found 5\)/,
    );
    expect(problemsOf('report-it', (t) => (t.why.nb = 'Bare én setning, f.eks. denne.'))).toMatch(
      /why\.nb: use 2–4 sentences/,
    );
  });
  it('reports a missing file by name', () => {
    expect(() => loadThemes(path.join(THEMES_DIR, 'no-such-folder'))).toThrow(/lock-devices\.yaml.*missing/s);
  });
});
