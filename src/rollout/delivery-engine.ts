import type { ProactiveSender } from '../domain/proactive';
import type { Reply } from '../domain/turn';
import type { Logger } from '../log/create-logger';
import type { ClaimedDelivery, DeliveryStore } from '../stores/delivery-store';
import { LEFT_FOR_STOP, LedgerWriteLeftForStop } from './ledger-write';
import type { RetryBudget } from './retry-budget';
import { runTenantLoop, type TenantLoopOptions } from './tenant-loop';
import { recordSendsBeforeExit } from './send-row';
import { runTenantRound, type RoundContext } from './tenant-round';
import { tenantRests } from './tenant-rests';
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
   * round fails otherwise, that tenant stops for a lease; the other tenants
   * carry on. If the run is still going then (another tenant's loop, such as a
   * retry that can last for SEND_GIVE_UP_HOURS), its next look for work starts
   * the tenant's loop again, which first records the sends that arrived. The
   * run ends once no tenant has a loop, and rejects with the first failure of
   * a tenant whose last loop failed. The next call carries on with such a tenant.
   */
  drain(): Promise<void>;
  /**
   * Finishes the sends in flight, releases the leases and stops every tenant's loop. A ledger
   * write being tried again is given up at once (a lease, minutes, is too long to wait); then
   * each send that arrived but is not recorded gets one last try.
   */
  stop(): Promise<void>;
}

/** How often a run looks for tenants with new work, besides drain() calls and tenant loops that end. */
const LOOK_FOR_WORK_MS = 5000;

export function createDeliveryEngine(options: DeliveryEngineOptions): DeliveryEngine {
  const { store, leaseTtlMs, log } = options;
  if (leaseTtlMs < 2 * options.sendTimeoutMs) throw new Error('the lease must be at least twice the send timeout');
  const clock = options.clock ?? Date.now;
  const buckets = new Map<string, TokenBucket>();
  // Aborted by stop(): also ends the waits of ledger writes being tried again (see retryLedgerWrite).
  const halt = new AbortController();
  const stopping = () => halt.signal.aborted;
  let rounds = 0;
  const ctx: RoundContext = { ...options, clock, stopping, stopSignal: halt.signal, unrecorded: new Map() };
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
    stopping,
    round,
    nap: betweenRounds.nap,
  };

  /**
   * A loop per tenant with work, side by side: a very large tenant's round (half an hour
   * for 50,000) no longer holds up a smaller tenant's retries or new messages. The run
   * keeps looking for tenants with work while loops go, and ends once none has work
   * and no loop is left. Never two loops for one tenant: the run waits for all of its
   * loops, and drain() starts no second run while one looks for work. `lookedLast` is
   * called when the run has looked for the last time, with no loop left.
   */
  async function drainAll(lookedLast: () => void): Promise<void> {
    const loops = new Map<string, Promise<void>>();
    const rests = tenantRests(leaseTtlMs, clock);
    const startLoop = (tenantId: string) => {
      const loop = runTenantLoop(loopOptions, tenantId)
        .then(
          () => rests.succeeded(tenantId),
          (error: unknown) => {
            // Recording earlier sends, left at the start of a round as the service stops: no failure, no rest.
            if (error instanceof LedgerWriteLeftForStop) return void log.info({ tenantId }, LEFT_FOR_STOP);
            // Said now: the run itself may go on for hours.
            rests.failed(tenantId, error);
            const err = { message: (error as Error).message };
            log.error({ tenantId, restMs: leaseTtlMs, err }, 'tenant stopped for a lease');
          },
        )
        .finally(() => {
          loops.delete(tenantId);
          lookAgain.wake();
        });
      loops.set(tenantId, loop);
    };
    try {
      for (;;) {
        if (!stopping() && !(await store.isCampaignPaused())) {
          for (const tenantId of await store.tenantsWithWork())
            if (!loops.has(tenantId) && !rests.resting(tenantId)) startLoop(tenantId);
        }
        // Looks again when a failed tenant's rest is over, if that comes first: its loop starts then.
        if (loops.size > 0) await lookAgain.nap(Math.min(LOOK_FOR_WORK_MS, rests.untilFirstEnds()));
        // A drain() call while this looked may have come with work the look did not see yet.
        else if (!lookAgain.wokenMeanwhile()) {
          // Said at once, not when this run's promise settles a few microtasks on: a drain() call
          // in between would join a run that looks no more, and its work would wait for the next.
          lookedLast();
          break;
        }
      }
    } finally {
      // Also when looking failed: a loop that outlived its run would run beside the next run's.
      await Promise.all(loops.values());
    }
    const failure = rests.firstFailure();
    if (failure) throw failure.error;
  }

  let current: { done: Promise<void>; looking: boolean } | undefined;
  const wake = () => (betweenRounds.wake(), lookAgain.wake());
  return {
    drain() {
      // One run at a time, so a tenant has at most one loop in this process. A call while the run
      // goes looks for new tenants now and starts the next round of tenants waiting for a retry.
      // A run past its last look has no loop left, so a call then starts the next run instead.
      if (current?.looking) {
        wake();
        return current.done;
      }
      const run = { looking: true, done: Promise.resolve() };
      // Cleared only if still this run: a newer one may have started after this one's last look.
      run.done = drainAll(() => (run.looking = false)).finally(() => current === run && (current = undefined));
      current = run;
      return run.done;
    },
    async stop() {
      halt.abort();
      wake();
      await current?.done.catch(() => undefined);
      await recordSendsBeforeExit(ctx);
    },
  };
}
