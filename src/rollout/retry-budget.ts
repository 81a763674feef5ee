import type { SendOutcome } from '../domain/proactive';
import { LONGEST_RETRY_INTERVAL_MS, nextStep, type RetryPolicy } from '../reports/retry-policy';
import { classifyFailure, type DeliveryDecision } from './classify-outcome';

/**
 * The rollout retries like the «Meld fra» outbox: for a length of time, not
 * a number of attempts. An outage of the Bot Connector must not cost anyone
 * the month's nudge, however many tries fit into it.
 */
export type RetryBudget = RetryPolicy;

/**
 * The one budget for sends to the Bot Connector, rollout and reminders alike
 * (SEND_RETRY_SECONDS, SEND_GIVE_UP_HOURS): the wait doubles from the first
 * retry up to 15 minutes, so a connector back after an outage is tried again soon.
 */
export function sendRetryBudget(settings: { firstRetryMs: number; giveUpMs: number }): RetryBudget {
  const { firstRetryMs, giveUpMs } = settings;
  return { firstRetryMs, maxDelayMs: Math.max(firstRetryMs, LONGEST_RETRY_INTERVAL_MS), giveUpMs };
}

/** What the ledger knows about a row's earlier tries. */
export interface RowHistory {
  /** Counted attempts so far (429s are not counted). */
  attempts: number;
  /** When the row first failed with a temporary error (epoch ms); undefined before that. */
  retryingSince?: number;
}

/**
 * Temporary failures (429, 412, 5xx, 401, timeouts, network errors) are tried
 * again, after Retry-After or with backoff, until `giveUpMs` after the row's
 * first failure; the last try falls on that time itself, so an outage just
 * shorter than it loses nothing. Permanent failures fail at once.
 */
export function decideDelivery(
  outcome: SendOutcome,
  row: RowHistory,
  now: number,
  budget: RetryBudget,
  random?: () => number,
): DeliveryDecision {
  if (outcome.status === 'sent') return { action: 'sent' };
  const failure = classifyFailure(outcome);
  if (failure.kind === 'permanent') {
    const { reason, deactivate, loud } = failure;
    return { action: 'fail', reason, deactivate, loud };
  }
  const throttled = failure.kind === 'throttled';
  const step = nextStep(
    { createdAt: new Date(row.retryingSince ?? now), attempts: row.attempts + 1 },
    { retryable: true, retryAfterMs: throttled ? failure.retryAfterMs : undefined, reason: '' },
    new Date(now),
    budget,
    random,
  );
  if (step.status === 'failed') {
    const label = throttled ? '429' : failure.label;
    return { action: 'fail', reason: `retries-exhausted-${label}`, deactivate: false, loud: true };
  }
  const delayMs = step.nextAttemptAt.getTime() - now;
  return { action: 'retry', delayMs, countsAsAttempt: !throttled, throttle: throttled };
}
