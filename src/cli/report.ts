/**
 * The effect report for management and internal control, from the same store as the service:
 *   npm run report -- --out <file.html> [--tenant <id>] [--language nb|nn|en]
 * Writes one self-contained HTML file of suppressed aggregates (never a person
 * or a pseudonym) and prints its path. Exit codes: 0 written, 1 failed, 2 wrong usage.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isLanguage, type Language } from '../content/languages';
import { THEME_IDS, type ThemeId } from '../content/theme-schema';
import { localizePulse } from '../content/localize-pulse';
import { buildEffectReport } from '../effect-report/build-effect-report';
import { readStatistics } from '../engagement/read-statistics';
import { runCoreCli } from './run-core-cli';

const USAGE = 'usage: npm run report -- --out <file.html> [--tenant <id>] [--language nb|nn|en]';

interface ReportArgs {
  out: string;
  tenant?: string;
  language: Language;
}

/** Flags in any order, each with a value; anything else is wrong usage. */
function parseArgs(args: string[]): ReportArgs | undefined {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i] ?? '', args[i + 1]];
    if (!['--out', '--tenant', '--language'].includes(flag) || !value || value.startsWith('--')) return undefined;
    flags.set(flag, value);
  }
  const out = flags.get('--out');
  const language = flags.get('--language') ?? 'nb';
  if (!out || !isLanguage(language)) return undefined;
  return { out, tenant: flags.get('--tenant'), language };
}

runCoreCli(USAGE, parseArgs, async (args, config, core) => {
  const { minGroupSize, retentionMonths } = config.engagement;
  const all = await readStatistics(core.stores.events, minGroupSize);
  const stats = args.tenant ? all.filter((tenant) => tenant.tenantId === args.tenant) : all;
  const themeTitles = Object.fromEntries(
    THEME_IDS.map((id) => [id, core.themes.text(id, args.language).title]),
  ) as Record<ThemeId, string>;
  const html = buildEffectReport({
    stats,
    language: args.language,
    themeTitles,
    pulse: localizePulse(core.pulse, args.language),
    minGroupSize,
    retentionMonths,
    generatedAt: new Date(),
  });
  const out = path.resolve(args.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, html, 'utf8');
  process.stdout.write(`${out}\n`);
});
