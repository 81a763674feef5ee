import type { SendOutcome } from '../domain/proactive';
import type { Logger } from '../log/create-logger';
import type { ClaimedDelivery, DeliveryStore } from '../stores/delivery-store';
import { decideDelivery, type RetryBudget } from './retry-budget';

export interface OutcomeDeps {
  store: DeliveryStore;
  log: Logger;
  retry: RetryBudget;
  holder: string;
  /** Runs one ledger write, trying again while it fails (see retryLedgerWrite). */
  write<T>(op: () => Promise<T>): Promise<T>;
}

/**
 * Writes one send's outcome to the ledger. A success is recorded whoever holds
 * the row now; a failure only while the row is still this sender's claim, so a
 * sender that lost it cannot undo the new holder's work. Returns the
 * Retry-After to pause the tenant for, after a 429.
 */
export async function recordOutcome(
  deps: OutcomeDeps,
  row: ClaimedDelivery,
  outcome: SendOutcome,
  now: number,
): Promise<number | undefined> {
  const { store, log, write } = deps;
  const key = { tenantId: row.tenantId, aadObjectId: row.aadObjectId, messageId: row.messageId };
  const claim = { ...key, holder: deps.holder };
  const decision = decideDelivery(outcome, row, now, deps.retry);
  const status = outcome.status === 'failed' ? outcome.httpStatus : 201;
  const fields = { messageId: row.messageId, tenantId: row.tenantId, status };
  let recorded: boolean;
  if (decision.action === 'sent') recorded = await write(() => store.markSent(key, 201, new Date(now)));
  else if (decision.action === 'retry') {
    const { delayMs, countsAsAttempt } = decision;
    recorded = await write(() => store.markRetry(claim, now + delayMs, status, countsAsAttempt, now));
  } else {
    if (decision.loud) log.error({ ...fields, reason: decision.reason }, 'delivery failed permanently');
    else log.info({ ...fields, reason: decision.reason }, 'recipient unreachable; marked inactive');
    const { reason, deactivate } = decision;
    recorded = await write(() => store.markFailed(claim, reason, status, deactivate));
  }
  // Only when this sender stalled past its lease and another took the row over (or sent it too).
  if (!recorded) log.warn({ ...fields, outcome: decision.action }, 'send outcome not recorded: the row was taken over');
  return decision.action === 'retry' && decision.throttle ? decision.delayMs : undefined;
}
