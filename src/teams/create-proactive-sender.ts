import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { ConversationAddress } from '../domain/conversation-address';
import type { ProactiveSender, SendOutcome } from '../domain/proactive';
import { parseRetryAfter } from '../domain/retry-after';
import { createConnectorClients } from './connector-clients';
import { toActivity } from './send-turn-result';
import { withDeadline } from '../domain/with-deadline';

export { parseRetryAfter };

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  response?: { headers?: { get(name: string): string | undefined } };
}

function toFailure(error: unknown): SendOutcome {
  const rest = (error ?? {}) as RestErrorLike;
  const httpStatus = typeof rest.statusCode === 'number' ? rest.statusCode : undefined;
  return {
    status: 'failed',
    httpStatus,
    code: typeof rest.code === 'string' ? rest.code : undefined,
    retryAfterMs: parseRetryAfter(rest.response?.headers?.get('retry-after')),
  };
}

function conversationOf(address: ConversationAddress) {
  return {
    id: address.conversationId,
    isGroup: false,
    conversationType: address.conversationType ?? 'personal',
    tenantId: address.tenantId,
    name: '',
  };
}

/**
 * Proactive sends straight to the Bot Connector: POST
 * /v3/conversations/{id}/activities, one HTTP request per call. botbuilder's
 * client retries 429 and 5xx on its own; the rollout engine and the report
 * outbox must own retries (to honour Retry-After across a whole tenant and
 * to count attempts), so connector-clients.ts removes that policy. A send
 * settles within timeoutMs, token included, and no request is started after
 * that (see withDeadline).
 */
export function createProactiveSender(
  auth: BotFrameworkAuthentication,
  appId: string,
  timeoutMs = 15000,
): ProactiveSender {
  const clientFor = createConnectorClients(auth, appId);

  return {
    async send(address: ConversationAddress, reply) {
      try {
        // The deadline covers the token too: a bare signal would bound only the HTTP request.
        const response = await withDeadline(timeoutMs, async (abortSignal) => {
          const client = await clientFor(address.serviceUrl);
          const activity = { ...toActivity(reply), conversation: conversationOf(address) };
          return client.conversations.sendToConversation(address.conversationId, activity, { abortSignal });
        });
        return { status: 'sent', activityId: response.id };
      } catch (error) {
        return toFailure(error);
      }
    },
  };
}
