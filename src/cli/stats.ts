/**
 * Aggregate statistics from the command line, on the same store as the service:
 *   npm run stats -- [--format json|csv]
 * Prints only suppressed aggregates, never a person or a pseudonym.
 * Exit codes: 0 done, 1 failed, 2 wrong usage.
 */
import { readStatistics } from '../engagement/read-statistics';
import { statsToCsv, statsToJson } from './format-stats';
import { runCoreCli } from './run-core-cli';

const USAGE = 'usage: npm run stats -- [--format json|csv]';

function formatOf(args: string[]): 'json' | 'csv' | undefined {
  const at = args.indexOf('--format');
  if (at === -1) return args.length === 0 ? 'json' : undefined;
  const value = args[at + 1];
  return value === 'json' || value === 'csv' ? value : undefined;
}

runCoreCli(USAGE, formatOf, async (format, config, core) => {
  const { minGroupSize } = config.engagement;
  const stats = await readStatistics(core.stores.events, minGroupSize);
  process.stdout.write(format === 'csv' ? statsToCsv(stats, minGroupSize) : `${statsToJson(stats, minGroupSize)}\n`);
});
