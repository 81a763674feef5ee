import type { SendOutcome } from '../domain/proactive';

/** What the ledger should do with a send's outcome. */
export type DeliveryDecision =
  | { action: 'sent' }
  | { action: 'retry'; delayMs: number; countsAsAttempt: boolean; throttle: boolean }
  | { action: 'fail'; reason: string; deactivate: boolean; loud: boolean };

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 };

/** 403 codes after which Teams will not take messages until the user acts again. */
const BLOCKED_CODES = new Set([
  'ConversationBlockedByUser',
  'BotDisabledByAdmin',
  'MessageWritesBlocked',
  'BotNotInConversationRoster',
]);
const TRANSIENT = new Set([412, 500, 502, 503, 504]);

/** Exponential backoff with full jitter: attempt 1 → up to base, 2 → up to 2×base … */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Microsoft's rules for bot sends: 429 waits for Retry-After; 412/5xx and
 * network errors back off and retry a bounded number of times; 403 blocked
 * and 404 ConversationNotFound stop reaching the user; 413 is a card bug.
 * `attemptsSoFar` counts earlier attempts of this row.
 */
export function classifyOutcome(
  outcome: SendOutcome,
  attemptsSoFar: number,
  policy: RetryPolicy,
  random?: () => number,
): DeliveryDecision {
  if (outcome.status === 'sent') return { action: 'sent' };
  const { httpStatus, code } = outcome;
  if (httpStatus === 429) {
    return { action: 'retry', delayMs: outcome.retryAfterMs ?? 1000, countsAsAttempt: false, throttle: true };
  }
  if (httpStatus === 403 && code && BLOCKED_CODES.has(code))
    return { action: 'fail', reason: code, deactivate: true, loud: false };
  if (httpStatus === 404)
    return { action: 'fail', reason: code ?? 'ConversationNotFound', deactivate: true, loud: false };
  if (httpStatus === 413) return { action: 'fail', reason: 'payload-too-large', deactivate: false, loud: true };
  const transient = httpStatus === undefined || TRANSIENT.has(httpStatus) || httpStatus === 401;
  if (!transient)
    return { action: 'fail', reason: `http-${httpStatus}${code ? `-${code}` : ''}`, deactivate: false, loud: true };
  const attempt = attemptsSoFar + 1;
  if (attempt >= policy.maxAttempts) {
    return { action: 'fail', reason: `retries-exhausted-${httpStatus ?? 'network'}`, deactivate: false, loud: true };
  }
  return { action: 'retry', delayMs: backoffMs(attempt, policy, random), countsAsAttempt: true, throttle: false };
}
