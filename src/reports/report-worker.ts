import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { deliverReport } from './deliver-report';
import { sendNotice } from './send-notice';
import type { ReportWorkerDeps } from './worker-deps';

export interface ReportWorker {
  start(): void;
  /** Deliver soon: called right after a report is written, so nobody waits for the next tick. */
  wake(): void;
  /** Stops the timer and waits for the attempt in flight. */
  stop(): Promise<void>;
  /** One pass over everything due; for tests and start(). */
  runOnce(): Promise<void>;
}

const BATCH = 10;
const PURGE_EVERY_MS = 60 * 60_000;

/**
 * Delivers the outbox: claims due items with a lease (so two workers or
 * instances never take the same one), delivers or sends the due note, and
 * purges old metadata. Work survives restarts because it all lives in the store.
 */
export function createReportWorker(deps: ReportWorkerDeps): ReportWorker {
  const now = deps.clock ?? (() => new Date());
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let lastPurge = 0;

  async function pass(): Promise<void> {
    let claims = await deps.outbox.claimDue(now(), deps.leaseMs, owner, BATCH);
    while (claims.length > 0 && !stopped) {
      for (const claim of claims) {
        if (claim.item.status === 'pending' || claim.item.status === 'delivering')
          await deliverReport(deps, claim, now);
        else if (claim.item.noticeDue) await sendNotice(deps, claim, claim.item.noticeDue, now);
      }
      claims = claims.length === BATCH ? await deps.outbox.claimDue(now(), deps.leaseMs, owner, BATCH) : [];
    }
    if (now().getTime() - lastPurge >= PURGE_EVERY_MS) {
      lastPurge = now().getTime();
      const purged = await deps.outbox.purgeFinished(new Date(lastPurge - deps.retentionMs));
      if (purged > 0) deps.log.info({ purged }, 'old report metadata deleted');
    }
  }

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((error: unknown) =>
        deps.log.error({ err: { message: (error as Error).message } }, 'report outbox pass failed; will try again'),
      )
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void tick();
        }
      });
    return running;
  }

  return {
    start() {
      timer = setInterval(() => void tick(), deps.intervalMs);
      void tick();
    },
    wake: () => void tick(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
    runOnce: tick,
  };
}
