/**
 * The card gallery for reviewing the campaign without Teams: `npm run cards:preview [-- options]`.
 * Renders every sample card to PNG in headless Chromium and writes index.html.
 * Exits with 1 when a card overflows at phone width or fails to render, so CI catches it.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLanguage, type Language } from '../src/content/languages';
import { THEME_IDS, type ThemeId } from '../src/content/theme-schema';
import { PROJECT_ROOT } from '../src/project-paths';
import { renderCardGallery } from './lib/render-card-gallery';

const USAGE = `Usage: npm run cards:preview -- [--out <dir>] [--themes <id,id>] [--languages <nb,nn,en>] [--local-rules <file>]
  --out          output folder (default: cards-preview/ in the project)
  --themes       theme ids, comma-separated (default: all ten)
  --languages    nb, nn and/or en, comma-separated (default: all three)
  --local-rules  a local rules file (default: none, i.e. the general wording)`;

class UsageError extends Error {}

function list<T extends string>(
  value: string | undefined,
  valid: (item: string) => item is T,
  what: string,
): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  const wrong = items.filter((item) => !valid(item));
  if (wrong.length > 0 || items.length === 0) throw new UsageError(`Unknown ${what}: ${wrong.join(', ') || '(empty)'}`);
  return items as T[];
}

const isThemeId = (item: string): item is ThemeId => (THEME_IDS as readonly string[]).includes(item);

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string' },
        themes: { type: 'string' },
        languages: { type: 'string' },
        'local-rules': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const result = await renderCardGallery({
    out: values.out ?? path.join(PROJECT_ROOT, 'cards-preview'),
    themeIds: list(values.themes, isThemeId, 'theme id'),
    languages: list<Language>(values.languages, isLanguage, 'language'),
    localRulesFile: values['local-rules'],
  });
  for (const line of [...result.failures, ...result.overflowing]) console.error(line);
  const { out, cards, pngs, overflowing, failures } = result;
  console.log(JSON.stringify({ out, cards, pngs, overflowing, failures }));
  return overflowing.length > 0 || failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Usage mistakes get the usage text; anything else (no Chromium, broken theme) its message.
    console.error(
      error instanceof UsageError ? `${error.message}\n${USAGE}` : error instanceof Error ? error.message : error,
    );
    process.exitCode = 2;
  },
);
