/**
 * A second process for the reminder store's race test: opens the store, says
 * "ready", waits for a line on stdin (so two processes start claiming at the
 * same instant), claims due reminders one at a time (with a millisecond between
 * claims) until none are left, and
 * prints the ids it got as JSON.
 *   node --import tsx tests/support/claim-reminders.ts <dataDir> <owner> <nowIso>
 */
import { once } from 'node:events';
import { createSqliteStores } from '../../src/stores/sqlite/create-sqlite-stores';

async function main(): Promise<void> {
  const [dataDir = '', owner = '', nowIso = ''] = process.argv.slice(2);
  const stores = createSqliteStores(dataDir);
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  const claimed: string[] = [];
  for (;;) {
    const batch = await stores.reminders.claimDue(new Date(nowIso), 60_000, owner, 1);
    if (batch.length === 0) break;
    claimed.push(...batch.map((c) => c.aadObjectId));
    // A real pause between claims, as between scheduler ticks: otherwise one process can take all
    // 1,000 before a loaded machine has even scheduled the other, and the test would race nothing.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await stores.health.close();
  process.stdout.write(`${JSON.stringify(claimed)}\n`);
  process.stdin.destroy();
}

void main();
