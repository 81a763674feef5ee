import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The ledger is local, so a write that fails (SQLITE_BUSY after the busy
 * timeout, a full disk) is likely to work a moment later: try again, with
 * backoff from 50 ms to 1 s, for up to `budgetMs`; then give the error up.
 * Also used for deleting a sent reminder, in the same database.
 */
export async function retryLedgerWrite<T>(
  write: () => Promise<T>,
  budgetMs: number,
  clock: () => number = Date.now,
): Promise<T> {
  const started = clock();
  for (let wait = 50; ; wait = Math.min(2 * wait, 1000)) {
    try {
      return await write();
    } catch (error) {
      if (clock() - started + wait > budgetMs) throw error;
      await sleep(wait);
    }
  }
}
