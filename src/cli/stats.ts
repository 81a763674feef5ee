/**
 * Aggregate statistics from the command line, on the same store as the service:
 *   npm run stats -- [--format json|csv]
 * Prints only suppressed aggregates, never a person or a pseudonym.
 * Exit codes: 0 done, 1 failed, 2 wrong usage.
 */
import pino from 'pino';
import { loadConfig } from '../config/load-config';
import { readStatistics } from '../engagement/read-statistics';
import { buildCore } from '../index';
import { createLogger } from '../log/create-logger';
import { StartupError } from '../startup-error';
import { statsToCsv, statsToJson } from './format-stats';

const USAGE = 'usage: npm run stats -- [--format json|csv]';

function formatOf(args: string[]): 'json' | 'csv' | undefined {
  const at = args.indexOf('--format');
  if (at === -1) return args.length === 0 ? 'json' : undefined;
  const value = args[at + 1];
  return value === 'json' || value === 'csv' ? value : undefined;
}

async function main(): Promise<number> {
  (await import('dotenv')).config({ quiet: true });
  const format = formatOf(process.argv.slice(2));
  if (!format) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  // Logs go to stderr so stdout stays machine-readable.
  const core = buildCore(config, createLogger(config.logLevel, pino.destination(2)));
  try {
    const { minGroupSize } = config.engagement;
    const stats = await readStatistics(core.stores.events, minGroupSize);
    process.stdout.write(format === 'csv' ? statsToCsv(stats, minGroupSize) : `${statsToJson(stats, minGroupSize)}\n`);
    return 0;
  } finally {
    await core.stores.health.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof StartupError ? error.message : error);
    process.exit(1);
  },
);
