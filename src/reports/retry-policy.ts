/** How long and how often the outbox tries before it tells the reporter to call IT. */
export interface RetryPolicy {
  firstRetryMs: number;
  maxDelayMs: number;
  giveUpMs: number;
}

/** One failed attempt, in terms the policy understands. */
export interface AttemptFailure {
  /** False when trying again cannot help: the request itself was refused as invalid. */
  retryable: boolean;
  /** From a 429 or 503 Retry-After header. */
  retryAfterMs?: number;
  /** Status and code only, e.g. "http 503" or "timeout": never report content. */
  reason: string;
}

/** Backoff grows to at most this: a service back after an outage is tried again within 15 minutes. */
export const LONGEST_RETRY_INTERVAL_MS = 15 * 60_000;

export type NextStep = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/**
 * Exponential backoff with jitter: attempt n waits between half and all of
 * firstRetry·2^(n-1), capped. The jitter spreads instances that failed together.
 */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.firstRetryMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * After a failed attempt: try again (honouring Retry-After), or give up when
 * the request can never succeed or the give-up time has passed. The last try
 * falls on the give-up time itself, so an outage just shorter than it is survived.
 */
export function nextStep(
  item: { createdAt: Date; attempts: number },
  failure: AttemptFailure,
  now: Date,
  policy: RetryPolicy,
  random: () => number = Math.random,
): NextStep {
  const deadline = item.createdAt.getTime() + policy.giveUpMs;
  if (!failure.retryable || now.getTime() >= deadline) return { status: 'failed' };
  const wait = failure.retryAfterMs ?? backoffMs(item.attempts, policy, random);
  return { status: 'pending', nextAttemptAt: new Date(Math.min(now.getTime() + wait, deadline)) };
}

/**
 * Microsoft Graph and the Bot Connector alike: 400 and 413 mean this request
 * will never be accepted. Everything else (429, 5xx, timeouts, network, and
 * 401/403/404 that an admin can fix while we wait) is worth another try.
 */
export function classifyHttpFailure(failure: {
  httpStatus?: number;
  code?: string;
  retryAfterMs?: number;
}): AttemptFailure {
  const { httpStatus, code, retryAfterMs } = failure;
  const reason = httpStatus === undefined ? (code ?? 'network') : `http ${httpStatus}${code ? ` ${code}` : ''}`;
  return { retryable: httpStatus !== 400 && httpStatus !== 413, retryAfterMs, reason };
}
