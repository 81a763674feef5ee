import type { ProactiveSender } from '../domain/proactive';
import type { Reply } from '../domain/turn';
import type { Logger } from '../log/create-logger';
import type { ClaimedDelivery, DeliveryStore } from '../stores/delivery-store';
import type { RetryBudget } from './retry-budget';
import { runTenantRound, type RoundContext } from './tenant-round';
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
  /** Unique per process: who holds a tenant's lease and claims rows (with a round number added). */
  holder: string;
  log: Logger;
  clock?: () => number;
}

export interface DeliveryEngine {
  /**
   * Sends every queued row for every tenant and keeps going (retries,
   * Retry-After waits, tenants leased by another sender) until no row is
   * pending or sending. Calls while a run is going join that run. Rejects when
   * the ledger refused writes for a whole lease: the next call carries on.
   */
  drain(): Promise<void>;
  /** Finishes the sends in flight, releases the leases and stops. */
  stop(): Promise<void>;
}

/** How often a tenant leased by another sender is looked at again. */
const OTHER_SENDER_MS = 250;
/** The longest pause between rounds while rows wait for a retry: new work never waits longer. */
const MAX_ROUND_GAP_MS = 5000;

export function createDeliveryEngine(options: DeliveryEngineOptions): DeliveryEngine {
  const { store, leaseTtlMs } = options;
  if (leaseTtlMs < 2 * options.sendTimeoutMs) throw new Error('the lease must be at least twice the send timeout');
  const clock = options.clock ?? Date.now;
  const buckets = new Map<string, TokenBucket>();
  let stopping = false;
  let rounds = 0;
  const ctx: RoundContext = { ...options, clock, stopping: () => stopping, unrecorded: new Map() };

  const sleepers = new Set<() => void>();
  /** A pause between rounds that stop() and a new drain() call cut short. */
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => (clearTimeout(timer), sleepers.delete(done), resolve());
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  const wake = () => [...sleepers].forEach((done) => done());

  /** The time the tenant wants another round, or undefined when it has nothing left for this sender. */
  async function drainTenant(tenantId: string): Promise<number | undefined> {
    // A burst of 50 ms worth of sends keeps timers coarse without exceeding the rate over any second.
    const bucket =
      buckets.get(tenantId) ?? new TokenBucket(options.ratePerSecond, Math.max(1, options.ratePerSecond / 20));
    buckets.set(tenantId, bucket);
    rounds += 1;
    const next = await runTenantRound(ctx, tenantId, `${options.holder}/${rounds}`, bucket);
    return next === 'leased-elsewhere' ? clock() + OTHER_SENDER_MS : next;
  }

  async function drainAll(): Promise<void> {
    for (;;) {
      if (stopping || (await store.isCampaignPaused())) return;
      const tenants = await store.tenantsWithWork();
      if (tenants.length === 0) return;
      // Every tenant's round ends before the run does, also when one fails. The next rounds start
      // together: with one very large tenant in the same service, another tenant's retries wait
      // for its round to end (fine for the usual one municipality per service; see the README).
      const results = await Promise.allSettled(tenants.map((tenant) => drainTenant(tenant)));
      const failure = results.find((r) => r.status === 'rejected');
      if (failure) throw failure.reason;
      const wanted = results.map((r) => (r.status === 'fulfilled' ? r.value : undefined));
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
      // One run at a time, so a tenant has at most one round of this process going.
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
