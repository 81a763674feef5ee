import type { ConversationAddress } from './conversation-address';
import type { Reply } from './turn';

/** What happened to one proactive send, in the terms Microsoft documents for Teams bots. */
export type SendOutcome =
  | { status: 'sent'; activityId?: string }
  | {
      status: 'failed';
      /** HTTP status from the Bot Connector; undefined for network errors and timeouts. */
      httpStatus?: number;
      /** Error code from the response body, e.g. ConversationBlockedByUser. */
      code?: string;
      /** From the Retry-After header of a 429. */
      retryAfterMs?: number;
    };

/** Sends one message to one user outside a turn. Implemented by the Teams edge. */
export interface ProactiveSender {
  send(address: ConversationAddress, reply: Reply): Promise<SendOutcome>;
}
