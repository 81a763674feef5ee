import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log/create-logger';
import type { ProactiveSender } from '../domain/proactive';
import type { Reply } from '../domain/turn';
import type { ClaimedDelivery, DeliveryKey, DeliveryStore } from '../stores/delivery-store';
import { keyOf, recordEarlierSends, sendRow, type RowResult } from './send-row';
import type { RetryBudget } from './retry-budget';
import { holdTenantLease } from './tenant-lease';
import type { TokenBucket } from './token-bucket';

/** What a tenant's round shares with the engine. */
export interface RoundContext {
  store: DeliveryStore;
  sender: ProactiveSender;
  compose(delivery: ClaimedDelivery): Reply;
  log: Logger;
  retry: RetryBudget;
  concurrency: number;
  leaseTtlMs: number;
  sendTimeoutMs: number;
  clock: () => number;
  stopping(): boolean;
  /** Aborted by stop(): a ledger write that fails is then not tried again (see retryLedgerWrite). */
  stopSignal: AbortSignal;
  /**
   * Sends that arrived but could not be written to the ledger, by row: written
   * first in the tenant's next round, so this process never sends them again.
   */
  unrecorded: Map<string, { key: DeliveryKey; at: Date }>;
}

/** The ledger refused writes for a whole lease: the tenant stops for a lease (see DeliveryEngine.drain). */
export class LedgerWriteError extends Error {}

/** The longest single sleep while waiting for the bucket: stop() is answered within about this. */
const WAIT_SLICE_MS = 250;
/** A retry due sooner than this is waited for inside the round. */
const NEAR_MS = 1000;

/**
 * One round of one tenant under its lease, paced by its bucket. `holder` is new
 * for every round, so rows an earlier round of this process left "sending"
 * (skipped when its lease was lost, or cut short by a ledger error) are claimed
 * again like any other lost holder's. Returns the time of a retry left for a
 * later round, if any; throws LedgerWriteError when the ledger stays unwritable,
 * or LedgerWriteLeftForStop when stop() cuts short recording an earlier round's sends.
 */
export async function runTenantRound(
  ctx: RoundContext,
  tenantId: string,
  holder: string,
  bucket: TokenBucket,
): Promise<number | undefined | 'leased-elsewhere'> {
  const { store, clock, leaseTtlMs, log } = ctx;
  await recordEarlierSends(ctx, tenantId);
  const lease = holdTenantLease(store, tenantId, holder, leaseTtlMs, clock);
  if (!(await lease.take())) return 'leased-elsewhere';
  // A send starts only with this much lease left: the whole timeout, and half as much again to
  // record the outcome. So no send of a live sender is still going when another can take over.
  const sendWindowMs = 1.5 * ctx.sendTimeoutMs;
  const renewBelowMs = (2 * leaseTtlMs) / 3; // renewed once a third of the lease has passed
  const inFlight = new Set<Promise<void>>();
  let ledgerFailed = false;
  let later: number | undefined;

  /**
   * Waits for the bucket's next token in slices, keeping the lease: a Retry-After may be longer than
   * the lease. False when the lease is lost or the engine is stopping: nothing new is sent then.
   */
  async function tokenUnderLease(): Promise<boolean> {
    for (let wait = bucket.tryTake(); wait > 0; wait = bucket.tryTake()) {
      if (ctx.stopping()) return false;
      await sleep(Math.min(wait, WAIT_SLICE_MS, leaseTtlMs / 3));
      if (!(await lease.keepFor(renewBelowMs))) return false;
    }
    return !ctx.stopping();
  }

  async function sendOne(row: ClaimedDelivery): Promise<void> {
    // sendRow handles what it knows; anything else (a sender that throws) must not go unhandled.
    const result = await sendRow(ctx, holder, row).catch((error: unknown): RowResult => {
      const fields = { messageId: row.messageId, tenantId, err: { message: (error as Error).message } };
      log.error(fields, 'send failed unexpectedly; tenant stopped');
      return { recorded: false };
    });
    if (result.recorded && result.throttleMs !== undefined) bucket.throttle(result.throttleMs);
    // A write left because the service is stopping is no ledger failure: the round ends with the stop.
    if (!result.recorded && !result.leftForStop) ledgerFailed = true;
  }

  try {
    while (!ctx.stopping() && !ledgerFailed && !(await store.isCampaignPaused())) {
      if (!(await lease.keepFor(renewBelowMs))) break;
      const free = ctx.concurrency - inFlight.size;
      const batch = free > 0 ? await store.claim(tenantId, holder, clock(), free) : [];
      if (batch.length === 0) {
        if (inFlight.size > 0) {
          await Promise.race(inFlight);
          continue;
        }
        await store.skipUnreachable(tenantId);
        const next = await store.nextAttemptAt(tenantId);
        // Backoff grows to 15 minutes: a far retry is left to a later round, so the lease
        // is not held idle for hours.
        if (next !== undefined && next - clock() > NEAR_MS) later = next;
        if (next === undefined || later !== undefined) break;
        await sleep(Math.max(5, next - clock()));
        continue;
      }
      for (const row of batch) {
        // Lease lost or stopping: the rest of the batch stays "sending" for whoever claims next (at once
        // after a stop, which gives the lease back).
        if (ledgerFailed || !(await tokenUnderLease()) || !(await lease.keepFor(sendWindowMs))) break;
        // Taken over while this sender waited, and perhaps already sent: not this sender's to send.
        if (!(await store.stillClaimed({ ...keyOf(row), holder }))) continue;
        const send: Promise<void> = sendOne(row).finally(() => inFlight.delete(send));
        inFlight.add(send);
      }
    }
  } finally {
    // Never give the lease up while a send of this round is still going.
    await Promise.allSettled(inFlight);
    await lease.release().catch(() => undefined); // if the ledger refuses this too, the lease runs out
  }
  if (ledgerFailed) throw new LedgerWriteError(`the delivery ledger refused writes for tenant ${tenantId}`);
  return later;
}
