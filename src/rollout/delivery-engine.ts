import type { ProactiveSender } from '../domain/proactive';
import type { Reply } from '../domain/turn';
import type { Logger } from '../log/create-logger';
import type { ClaimedDelivery, DeliveryStore } from '../stores/delivery-store';
import type { RetryBudget } from './retry-budget';
import { runTenantLoop, type TenantLoopOptions } from './tenant-loop';
import { runTenantRound, type RoundContext } from './tenant-round';
import { TokenBucket } from './token-bucket';
import { createWakeableNaps } from './wakeable-naps';

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
   * pending or sending. Each tenant has its own loop of rounds, so one tenant's
   * long round never delays another's retries; tenants that get work during the
   * run are taken up as it comes. Calls while a run is going join that run and
   * start the rounds of tenants waiting for a retry now.
   *
   * When the ledger refuses writes for a whole lease (LedgerWriteError), or a
   * round fails otherwise, that tenant stops until the next run; the other
   * tenants carry on, and once their loops have ended the run rejects with the
   * first failure. The next call carries on with the stopped tenant.
   */
  drain(): Promise<void>;
  /** Finishes the sends in flight, releases the leases and stops every tenant's loop. */
  stop(): Promise<void>;
}

/** How often a run looks for tenants with new work, besides drain() calls and tenant loops that end. */
const LOOK_FOR_WORK_MS = 5000;

export function createDeliveryEngine(options: DeliveryEngineOptions): DeliveryEngine {
  const { store, leaseTtlMs, log } = options;
  if (leaseTtlMs < 2 * options.sendTimeoutMs) throw new Error('the lease must be at least twice the send timeout');
  const clock = options.clock ?? Date.now;
  const buckets = new Map<string, TokenBucket>();
  let stopping = false;
  let rounds = 0;
  const ctx: RoundContext = { ...options, clock, stopping: () => stopping, unrecorded: new Map() };
  const betweenRounds = createWakeableNaps();
  // Remembers a wake that comes while the run is busy looking, so an ended loop is never missed.
  const lookAgain = createWakeableNaps(true);

  async function round(tenantId: string): Promise<number | undefined | 'leased-elsewhere'> {
    // A burst of 50 ms worth of sends keeps timers coarse without exceeding the rate over any second.
    const bucket =
      buckets.get(tenantId) ?? new TokenBucket(options.ratePerSecond, Math.max(1, options.ratePerSecond / 20));
    buckets.set(tenantId, bucket);
    rounds += 1;
    return runTenantRound(ctx, tenantId, `${options.holder}/${rounds}`, bucket);
  }
  const loopOptions: TenantLoopOptions = {
    store,
    clock,
    minGapMs: Math.min(250, leaseTtlMs / 4),
    stopping: () => stopping,
    round,
    nap: betweenRounds.nap,
  };

  /**
   * A loop per tenant with work, side by side: a very large tenant's round (half an hour
   * for 50,000) no longer holds up a smaller tenant's retries or new messages. The run
   * keeps looking for tenants with work while loops go, and ends once none has work
   * and no loop is left. Never two loops for one tenant: the run waits for all of its
   * loops, and drain() starts no second run while one goes.
   */
  async function drainAll(): Promise<void> {
    const loops = new Map<string, Promise<void>>();
    const failures = new Map<string, unknown>();
    const startLoop = (tenantId: string) => {
      const loop = runTenantLoop(loopOptions, tenantId)
        .catch((error: unknown) => {
          // Stopped for this run only, and said now: the run itself may go on for a long time.
          failures.set(tenantId, error);
          log.error({ tenantId, err: { message: (error as Error).message } }, 'tenant stopped until the next run');
        })
        .finally(() => {
          loops.delete(tenantId);
          lookAgain.wake();
        });
      loops.set(tenantId, loop);
    };
    try {
      for (;;) {
        if (!stopping && !(await store.isCampaignPaused())) {
          for (const tenantId of await store.tenantsWithWork())
            if (!loops.has(tenantId) && !failures.has(tenantId)) startLoop(tenantId);
        }
        if (loops.size > 0) await lookAgain.nap(LOOK_FOR_WORK_MS);
        // A drain() call while this looked may have come with work the look did not see yet.
        else if (!lookAgain.wokenMeanwhile()) break;
      }
    } finally {
      // Also when looking failed: a loop that outlived its run would run beside the next run's.
      await Promise.all(loops.values());
    }
    const [failure] = failures.values();
    if (failures.size > 0) throw failure;
  }

  let current: Promise<void> | undefined;
  const wake = () => (betweenRounds.wake(), lookAgain.wake());
  return {
    drain() {
      // One run at a time, so a tenant has at most one loop in this process. A call while the run
      // goes looks for new tenants now and starts the next round of tenants waiting for a retry.
      if (current) wake();
      else current = drainAll().finally(() => (current = undefined));
      return current;
    },
    async stop() {
      stopping = true;
      wake();
      await current?.catch(() => undefined);
    },
  };
}
