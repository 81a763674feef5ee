/**
 * A process that starts on a shared database, for the migration race test:
 * loads the store code, says "ready", waits for a line on stdin (so two
 * processes open the file at the same instant), opens it (which migrates it)
 * and prints "opened", or "failed: " and the error message.
 *   node --import tsx tests/support/open-database.ts <dataDir>
 */
import { once } from 'node:events';
import { openSqlite } from '../../src/stores/sqlite/open-sqlite';

async function main(): Promise<void> {
  const [dataDir = ''] = process.argv.slice(2);
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  try {
    openSqlite(dataDir).close();
    process.stdout.write('opened\n');
  } catch (error) {
    process.stdout.write(`failed: ${(error as Error).message}\n`);
  }
  process.stdin.destroy();
}

void main();
