import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES } from '../../src/content/languages';
import { CATALOGUES } from '../../src/i18n/catalogue';
import { textsFor } from '../../src/i18n/texts-for';
import { findBokmalInNynorsk, findNynorskInBokmal } from '../../src/content/written-standard-lint';
import { PROJECT_ROOT } from '../../src/project-paths';
import { exampleRules } from '../support/content';

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}
// {name} and the count-dependent {name|one|other}: every language must have the same.
const slots = (text: string) => [...text.matchAll(/\{([A-Za-z]+)(\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const nb = flatten(CATALOGUES.nb);

  it.each(['nn', 'en'] as const)('%s has exactly the keys and {slots} of nb', (language) => {
    const other = flatten(CATALOGUES[language]);
    expect([...other.keys()].sort()).toEqual([...nb.keys()].sort());
    for (const [key, text] of nb)
      expect({ key, slots: slots(other.get(key) ?? '') }).toEqual({ key, slots: slots(text) });
  });

  it('keeps nynorsk and bokmål apart', () => {
    expect([...flatten(CATALOGUES.nn).values()].flatMap(findBokmalInNynorsk)).toEqual([]);
    expect([...nb.values()].flatMap(findNynorskInBokmal)).toEqual([]);
  });

  it('resolves every local-rule placeholder, with and without local rules', () => {
    for (const language of LANGUAGES) {
      for (const rules of [{}, exampleRules]) {
        const leftovers = [...flatten(textsFor(language, rules)).values()].filter((t) =>
          /\{(itSupport|incidentSystem|minPasswordLength|approvedStorage|secureChannel|consentForm|passwordChange)\}/.test(
            t,
          ),
        );
        expect(leftovers).toEqual([]);
      }
    }
  });

  it('keeps bot text out of the code', () => {
    // A rough guard: Norwegian sentences belong in catalogues or themes, not in src/**/*.ts.
    const files = execSync('git ls-files --cached --others --exclude-standard src', {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => f.endsWith('.ts') && !f.includes('written-standard-lint'));
    const offenders = files.filter((f) =>
      /'[^']*\b(du|deg|jeg|eg|ikkje|ikke)\b[^']*'/i.test(readFileSync(path.join(PROJECT_ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
