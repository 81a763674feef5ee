import type { SendOutcome } from '../domain/proactive';

/** What the ledger should do with a send's outcome. */
export type DeliveryDecision =
  | { action: 'sent' }
  | { action: 'retry'; delayMs: number; countsAsAttempt: boolean; throttle: boolean }
  | { action: 'fail'; reason: string; deactivate: boolean; loud: boolean };

/** A bounded number of attempts with backoff: for reminders, which lose their point when late. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** A failed send in Microsoft's terms, before any rule about how long to keep trying. */
export type SendFailure =
  | { kind: 'throttled'; retryAfterMs: number }
  /** 412, 5xx, 401, timeouts and network errors: may work later. `label` is the status or "network". */
  | { kind: 'temporary'; label: string }
  | { kind: 'permanent'; reason: string; deactivate: boolean; loud: boolean };

/** 403 codes after which Teams will not take messages until the user acts again. */
const BLOCKED_CODES = new Set([
  'ConversationBlockedByUser',
  'BotDisabledByAdmin',
  'MessageWritesBlocked',
  'BotNotInConversationRoster',
]);
const TRANSIENT = new Set([401, 412, 500, 502, 503, 504]);

/**
 * Microsoft's rules for bot sends: 429 waits for Retry-After; 412/5xx and
 * network errors may work later; 403 blocked and 404 ConversationNotFound
 * stop reaching the user; 413 is a card bug.
 */
export function classifyFailure(outcome: Extract<SendOutcome, { status: 'failed' }>): SendFailure {
  const { httpStatus, code } = outcome;
  if (httpStatus === 429) return { kind: 'throttled', retryAfterMs: outcome.retryAfterMs ?? 1000 };
  if (httpStatus === 403 && code && BLOCKED_CODES.has(code))
    return { kind: 'permanent', reason: code, deactivate: true, loud: false };
  if (httpStatus === 404)
    return { kind: 'permanent', reason: code ?? 'ConversationNotFound', deactivate: true, loud: false };
  if (httpStatus === 413) return { kind: 'permanent', reason: 'payload-too-large', deactivate: false, loud: true };
  if (httpStatus === undefined || TRANSIENT.has(httpStatus))
    return { kind: 'temporary', label: `${httpStatus ?? 'network'}` };
  return { kind: 'permanent', reason: `http-${httpStatus}${code ? `-${code}` : ''}`, deactivate: false, loud: true };
}

/** Exponential backoff with full jitter: attempt 1 → up to base, 2 → up to 2×base … */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The reminders' rule: temporary failures are tried `maxAttempts` times in
 * all. `attemptsSoFar` counts earlier attempts of this item; 429s are not counted.
 */
export function classifyOutcome(
  outcome: SendOutcome,
  attemptsSoFar: number,
  policy: RetryPolicy,
  random?: () => number,
): DeliveryDecision {
  if (outcome.status === 'sent') return { action: 'sent' };
  const failure = classifyFailure(outcome);
  if (failure.kind === 'throttled')
    return { action: 'retry', delayMs: failure.retryAfterMs, countsAsAttempt: false, throttle: true };
  if (failure.kind === 'permanent') {
    const { reason, deactivate, loud } = failure;
    return { action: 'fail', reason, deactivate, loud };
  }
  const attempt = attemptsSoFar + 1;
  if (attempt >= policy.maxAttempts)
    return { action: 'fail', reason: `retries-exhausted-${failure.label}`, deactivate: false, loud: true };
  return { action: 'retry', delayMs: backoffMs(attempt, policy, random), countsAsAttempt: true, throttle: false };
}
