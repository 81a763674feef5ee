import type { SendOutcome } from '../domain/proactive';

/** What the ledger should do with a send's outcome. */
export type DeliveryDecision =
  | { action: 'sent' }
  | { action: 'retry'; delayMs: number; countsAsAttempt: boolean; throttle: boolean }
  | { action: 'fail'; reason: string; deactivate: boolean; loud: boolean };

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
