import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A ledger write given up because the service is stopping, before the ledger
 * had refused it for the whole budget: stopping is no reason to call the
 * ledger broken (it may have refused a moment, or for minutes). Carries the
 * write's error (message and cause), so a caller that must treat it as a
 * failure still can. Where a write left this way matters (a send that
 * arrived), the last try at stop logs an error if it fails too.
 */
export class LedgerWriteLeftForStop extends Error {
  constructor(cause: unknown) {
    super((cause as Error | undefined)?.message ?? String(cause), { cause });
    this.name = 'LedgerWriteLeftForStop';
  }
}

/** The one line said when a write is left that way. For a send that arrived, the last try at stop says how it went. */
export const LEFT_FOR_STOP = 'ledger write not tried again: the service is stopping';

/**
 * The ledger is local, so a write that fails (SQLITE_BUSY after the busy
 * timeout, a full disk) is likely to work a moment later: try again, with
 * backoff from 50 ms to 1 s, for up to `budgetMs`; then give the error up.
 * Also used for deleting a sent reminder, in the same database.
 *
 * Once `stop` is aborted (the service shutting down), a failed write is given
 * up at once with LedgerWriteLeftForStop, and a wait going on ends: the budget
 * is a lease, minutes in the service, and stop() must not wait that out. The
 * write itself is still tried once, so a caller that is stopping records what it can.
 */
export async function retryLedgerWrite<T>(
  write: () => Promise<T>,
  budgetMs: number,
  stop?: AbortSignal,
  clock: () => number = Date.now,
): Promise<T> {
  const started = clock();
  for (let wait = 50; ; wait = Math.min(2 * wait, 1000)) {
    try {
      return await write();
    } catch (error) {
      if (stop?.aborted) throw new LedgerWriteLeftForStop(error);
      if (clock() - started + wait > budgetMs) throw error;
      // An abort rejects the wait with an AbortError; the write's own error is the one to give up.
      const aborted = await sleep(wait, undefined, { signal: stop }).then(
        () => false,
        () => true,
      );
      if (aborted) throw new LedgerWriteLeftForStop(error);
    }
  }
}
