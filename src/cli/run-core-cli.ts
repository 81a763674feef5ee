import pino from 'pino';
import { loadConfig, type Config } from '../config/load-config';
import { buildCore } from '../index';
import { createLogger } from '../log/create-logger';
import { StartupError } from '../startup-error';

export type Core = ReturnType<typeof buildCore>;

/**
 * The frame of a command that reads the service's own store (stats, report):
 * .env, arguments or usage (exit 2), the same config and core as the service
 * with logs on stderr so stdout stays machine-readable, the store closed
 * afterwards, and exit 0/1 with a start-up error told plainly.
 */
export function runCoreCli<A>(
  usage: string,
  parse: (argv: string[]) => A | undefined,
  run: (args: A, config: Config, core: Core) => Promise<void>,
): void {
  const main = async (): Promise<number> => {
    (await import('dotenv')).config({ quiet: true });
    const args = parse(process.argv.slice(2));
    if (args === undefined) {
      console.error(usage);
      return 2;
    }
    const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
    const core = buildCore(config, createLogger(config.logLevel, pino.destination(2)));
    try {
      await run(args, config, core);
      return 0;
    } finally {
      await core.stores.health.close();
    }
  };
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof StartupError ? error.message : error);
      process.exit(1);
    },
  );
}
