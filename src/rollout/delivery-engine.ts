import type { ProactiveSender } from '../domain/proactive';
import type { Reply } from '../domain/turn';
import type { Logger } from '../log/create-logger';
import type { ClaimedDelivery, DeliveryStore } from '../stores/delivery-store';
import { recordOutcome } from './record-outcome';
import type { RetryBudget } from './retry-budget';
import { holdTenantLease, type TenantLease } from './tenant-lease';
import { TokenBucket } from './token-bucket';

export interface DeliveryEngineOptions {
  store: DeliveryStore;
  sender: ProactiveSender;
  /** The message for one ledger row (theme, kind, the recipient's language). */
  compose(delivery: ClaimedDelivery): Reply;
  /** Sends per second per tenant (Teams allows about 50 per app per tenant). */
  ratePerSecond: number;
  /** Sends in flight at once per tenant; also the most that can be resent after a crash. */
  concurrency: number;
  /** At least twice `sendTimeoutMs`. */
  leaseTtlMs: number;
  /** The longest one send can take (the sender's own timeout). */
  sendTimeoutMs: number;
  retry: RetryBudget;
  /** Unique per process: who holds a tenant's lease and claims rows. */
  holder: string;
  log: Logger;
  clock?: () => number;
}

export interface DeliveryEngine {
  /**
   * Sends every queued row for every tenant and keeps going (retries,
   * Retry-After waits, tenants leased by another sender) until no row is
   * pending or sending. Calls while a run is going join that run.
   */
  drain(): Promise<void>;
  /** Finishes the sends in flight, releases the leases and stops. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A retry due sooner than this is waited for inside the tenant's round. */
const NEAR_MS = 1000;
/** How often a tenant leased by another sender is looked at again. */
const OTHER_SENDER_MS = 250;
/** The longest pause between rounds while rows wait for a retry: new work never waits longer. */
const MAX_ROUND_GAP_MS = 5000;

export function createDeliveryEngine(options: DeliveryEngineOptions): DeliveryEngine {
  const { store, sender, log, holder, leaseTtlMs } = options;
  if (leaseTtlMs < 2 * options.sendTimeoutMs) throw new Error('the lease must be at least twice the send timeout');
  const clock = options.clock ?? Date.now;
  // A send starts only with this much lease left: the whole timeout, and half as much again to
  // record the outcome. So no send of a live sender is still going when another can take over.
  const sendWindowMs = 1.5 * options.sendTimeoutMs;
  // Renewed once a third of the lease has passed.
  const renewBelowMs = (2 * leaseTtlMs) / 3;
  const buckets = new Map<string, TokenBucket>();
  let stopping = false;
  const sleepers = new Set<() => void>();
  /** A pause between rounds that stop() and a new drain() call cut short. */
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => (clearTimeout(timer), sleepers.delete(done), resolve());
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  const wake = () => [...sleepers].forEach((done) => done());

  /** Waits for the bucket's next token in slices, keeping the lease: a Retry-After may be longer than the lease. */
  async function tokenUnderLease(bucket: TokenBucket, lease: TenantLease): Promise<boolean> {
    for (let wait = bucket.tryTake(); wait > 0; wait = bucket.tryTake()) {
      await sleep(Math.min(wait, leaseTtlMs / 3));
      if (!(await lease.keepFor(renewBelowMs))) return false;
    }
    return true;
  }

  /**
   * One sender per tenant at a time, paced by the tenant's bucket. Returns when
   * the tenant wants another round (a retry later than NEAR_MS, or a lease held
   * by another sender), or undefined when it has nothing left for this sender.
   */
  async function drainTenant(tenantId: string): Promise<number | undefined> {
    const lease = holdTenantLease(store, tenantId, holder, leaseTtlMs, clock);
    if (!(await lease.take())) return clock() + OTHER_SENDER_MS;
    // A burst of 50 ms worth of sends keeps timers coarse without exceeding the rate over any second.
    const bucket =
      buckets.get(tenantId) ?? new TokenBucket(options.ratePerSecond, Math.max(1, options.ratePerSecond / 20));
    buckets.set(tenantId, bucket);
    const inFlight = new Set<Promise<void>>();
    let later: number | undefined;
    try {
      while (!stopping && !(await store.isCampaignPaused())) {
        if (!(await lease.keepFor(renewBelowMs))) break;
        const free = options.concurrency - inFlight.size;
        const batch = free > 0 ? await store.claim(tenantId, holder, clock(), free) : [];
        if (batch.length === 0) {
          if (inFlight.size > 0) {
            await Promise.race(inFlight);
            continue;
          }
          await store.skipUnreachable(tenantId);
          const next = await store.nextAttemptAt(tenantId);
          // Backoff grows to 15 minutes: a far retry is left to a later round, so the lease
          // is not held idle for hours and other tenants' new work is not kept waiting.
          if (next !== undefined && next - clock() > NEAR_MS) later = next;
          if (next === undefined || later !== undefined) break;
          await sleep(Math.max(5, next - clock()));
          continue;
        }
        for (const row of batch) {
          // Lease lost: the rest of the batch stays "sending" under this holder for the new one to claim.
          if (!(await tokenUnderLease(bucket, lease)) || !(await lease.keepFor(sendWindowMs))) break;
          // Taken over while this sender waited, and perhaps already sent: not this sender's to send.
          const { tenantId: t, aadObjectId, messageId } = row;
          if (!(await store.stillClaimed({ tenantId: t, aadObjectId, messageId, holder }))) continue;
          const send: Promise<void> = sendOne(row, bucket)
            .catch((error: unknown) =>
              log.error({ err: { message: (error as Error).message } }, 'ledger update failed'),
            )
            .finally(() => inFlight.delete(send));
          inFlight.add(send);
        }
      }
      await Promise.all(inFlight);
    } finally {
      await lease.release();
    }
    return later;
  }

  async function sendOne(row: ClaimedDelivery, bucket: TokenBucket): Promise<void> {
    const outcome = await sender.send(row.address, options.compose(row));
    const throttleMs = await recordOutcome({ store, log, retry: options.retry, holder }, row, outcome, clock());
    if (throttleMs !== undefined) bucket.throttle(throttleMs);
  }

  async function drainAll(): Promise<void> {
    for (;;) {
      if (stopping || (await store.isCampaignPaused())) return;
      const tenants = await store.tenantsWithWork();
      if (tenants.length === 0) return;
      const wanted = await Promise.all(tenants.map((tenant) => drainTenant(tenant)));
      // Rows still pending or sending wait for a retry or belong to another sender:
      // come back when the earliest is due, but at least every few seconds. Sleeping
      // also keeps this loop from starving I/O; stop() and new work cut it short.
      const due = wanted.every((at) => at !== undefined) ? Math.min(...wanted) - clock() : 0;
      await nap(Math.min(MAX_ROUND_GAP_MS, Math.max(Math.min(250, leaseTtlMs / 4), due)));
    }
  }

  let current: Promise<void> | undefined;
  return {
    drain() {
      // One run at a time: two runs with the same holder would trust each other's claims.
      // A call while the run pauses between rounds (rows waiting for a retry) starts the next round now.
      wake();
      current ??= drainAll().finally(() => (current = undefined));
      return current;
    },
    async stop() {
      stopping = true;
      wake();
      await current?.catch(() => undefined);
    },
  };
}
