import type { ProactiveSender } from '../domain/proactive';
import type { Reply } from '../domain/turn';
import type { Logger } from '../log/create-logger';
import type { ClaimedDelivery, DeliveryKey, DeliveryStore } from '../stores/delivery-store';
import { decideDelivery, type RetryBudget } from './retry-budget';
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
  leaseTtlMs: number;
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
  const { store, sender, log, holder, retry } = options;
  const clock = options.clock ?? Date.now;
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

  const keyOf = (row: ClaimedDelivery): DeliveryKey => ({
    tenantId: row.tenantId,
    aadObjectId: row.aadObjectId,
    messageId: row.messageId,
  });

  async function sendOne(row: ClaimedDelivery, bucket: TokenBucket): Promise<void> {
    const outcome = await sender.send(row.address, options.compose(row));
    const now = clock();
    const decision = decideDelivery(outcome, row, now, retry);
    const status = outcome.status === 'failed' ? outcome.httpStatus : 201;
    if (decision.action === 'sent') return store.markSent(keyOf(row), 201, new Date(now));
    if (decision.action === 'retry') {
      if (decision.throttle) bucket.throttle(decision.delayMs);
      return store.markRetry(keyOf(row), now + decision.delayMs, status, decision.countsAsAttempt, now);
    }
    const fields = { messageId: row.messageId, tenantId: row.tenantId, status, reason: decision.reason };
    if (decision.loud) log.error(fields, 'delivery failed permanently');
    else log.info(fields, 'recipient unreachable; marked inactive');
    return store.markFailed(keyOf(row), decision.reason, status, decision.deactivate);
  }

  /**
   * One sender per tenant at a time, paced by the tenant's bucket. Returns when
   * the tenant wants another round (a retry later than NEAR_MS, or a lease held
   * by another sender), or undefined when it has nothing left for this sender.
   */
  async function drainTenant(tenantId: string): Promise<number | undefined> {
    if (!(await store.acquireLease(tenantId, holder, clock(), options.leaseTtlMs))) return clock() + OTHER_SENDER_MS;
    // A burst of 50 ms worth of sends keeps timers coarse without exceeding the rate over any second.
    const bucket =
      buckets.get(tenantId) ?? new TokenBucket(options.ratePerSecond, Math.max(1, options.ratePerSecond / 20));
    buckets.set(tenantId, bucket);
    const inFlight = new Set<Promise<void>>();
    let renewAt = clock() + options.leaseTtlMs / 3;
    let later: number | undefined;
    try {
      while (!stopping && !(await store.isCampaignPaused())) {
        if (clock() >= renewAt) {
          if (!(await store.acquireLease(tenantId, holder, clock(), options.leaseTtlMs))) break;
          renewAt = clock() + options.leaseTtlMs / 3;
        }
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
          await bucket.take();
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
      await store.releaseLease(tenantId, holder);
    }
    return later;
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
      await nap(Math.min(MAX_ROUND_GAP_MS, Math.max(Math.min(250, options.leaseTtlMs / 4), due)));
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
