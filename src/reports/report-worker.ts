import { deliverReport } from './deliver-report';
import { sendNotice } from './send-notice';
import { DRAFT_TTL_MS } from './report-services';
import type { ReportWorkerDeps } from './worker-deps';
import type { Claim } from '../stores/report-outbox-store';
import { newLeaseHolder } from '../domain/lease-holder';
import { createPeriodicPass } from '../domain/periodic-pass';

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
 * instances never take the same one), renews each claim right before its
 * attempt, delivers or sends the due note, and purges old metadata. Work
 * survives restarts because it all lives in the store.
 */
export function createReportWorker(deps: ReportWorkerDeps): ReportWorker {
  const now = deps.clock ?? (() => new Date());
  const owner = newLeaseHolder();
  let lastPurge = 0;

  /**
   * The batch was claimed together, but its items are tried one after another,
   * and the lease covers one attempt: a later item may have waited past it and
   * been taken over by another instance. So each item's claim is renewed right
   * before its attempt (one atomic step, with the item as it is now) and an
   * item another worker holds is left to it, never sent a second time.
   */
  async function attempt(reserved: Claim): Promise<void> {
    const claim = await deps.outbox.renewClaim(reserved, now(), deps.leaseMs);
    if (!claim) {
      deps.log.info({ reference: reserved.item.reference }, 'report taken over by another worker; left to it');
      return;
    }
    if (claim.item.status === 'pending' || claim.item.status === 'delivering') await deliverReport(deps, claim, now);
    else if (claim.item.noticeDue) await sendNotice(deps, claim, claim.item.noticeDue, now);
  }

  async function pass(): Promise<void> {
    let claims = await deps.outbox.claimDue(now(), deps.leaseMs, owner, BATCH);
    while (claims.length > 0 && !periodic.stopped) {
      for (const reserved of claims) await attempt(reserved);
      claims = claims.length === BATCH ? await deps.outbox.claimDue(now(), deps.leaseMs, owner, BATCH) : [];
    }
    if (now().getTime() - lastPurge >= PURGE_EVERY_MS) {
      lastPurge = now().getTime();
      const purged = await deps.outbox.purgeFinished(new Date(lastPurge - deps.retentionMs));
      if (purged > 0) deps.log.info({ purged }, 'old report metadata deleted');
      // A form nobody sent keeps its screenshots only as long as it can still be sent.
      const forms = await deps.drafts.purgeExpired(now(), DRAFT_TTL_MS);
      if (forms > 0) deps.log.info({ purged: forms }, 'unsent Meld fra forms deleted');
    }
  }

  const periodic = createPeriodicPass(pass, {
    intervalMs: deps.intervalMs,
    runAgainIfBusy: true,
    onError: (error) =>
      deps.log.error({ err: { message: (error as Error).message } }, 'report outbox pass failed; will try again'),
  });

  return {
    start: periodic.start,
    wake: () => void periodic.run(),
    stop: periodic.stop,
    runOnce: periodic.run,
  };
}
