import { createLogger } from '../../src/log/create-logger';
import { createDeliveryEngine } from '../../src/rollout/delivery-engine';
import { sendRetryBudget } from '../../src/rollout/retry-budget';
import type { DeliveryStore } from '../../src/stores/delivery-store';
import { LogCapture } from '../support/test-service';

/** Resolves after `n` turns of the microtask queue, with no timer: the order is always the same. */
async function microtasks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

/**
 * A run whose only look finds nothing, and a drain() that comes with new work
 * `depth` microtasks after that look. Says whether the work's tenant got a round.
 */
async function drainAfterLastLook(depth: number): Promise<boolean> {
  let work = false;
  let claimed = false;
  let second: (run: Promise<void>) => void = () => undefined;
  const secondRun = new Promise<Promise<void>>((resolve) => (second = resolve));
  // Only what a round with nothing to claim uses; the rest is never called.
  const store: Partial<DeliveryStore> = {
    isCampaignPaused: async () => false,
    async tenantsWithWork() {
      if (!claimed && !work)
        void microtasks(depth).then(() => {
          work = true; // as sendNow: the rows are written, then drain() is called
          second(engine.drain());
        });
      return work ? ['tenant'] : [];
    },
    acquireLease: async () => true,
    releaseLease: async () => undefined,
    async claim() {
      claimed = true;
      work = false;
      return [];
    },
    skipUnreachable: async () => 0,
    nextAttemptAt: async () => undefined,
  };
  const engine = createDeliveryEngine({
    store: store as DeliveryStore,
    sender: { send: () => Promise.reject(new Error('nothing is sent here')) },
    compose: () => ({ kind: 'text', text: '' }),
    ratePerSecond: 50,
    concurrency: 1,
    leaseTtlMs: 2000,
    sendTimeoutMs: 1000,
    retry: sendRetryBudget({ firstRetryMs: 1000, giveUpMs: 60_000 }),
    holder: 'test',
    log: createLogger('info', new LogCapture()),
  });
  await engine.drain();
  await await secondRun;
  await engine.stop();
  return claimed;
}

// Before: a drain() in the few microtasks between the run's last look and its end joined that run,
// which looked no more: the new work waited for the next drain() (the service's minute tick).
it('a drain() just after the last look of a run still gets its work looked at', async () => {
  const missed: number[] = [];
  for (let depth = 0; depth < 20; depth++) if (!(await drainAfterLastLook(depth))) missed.push(depth);
  expect(missed).toEqual([]);
});
