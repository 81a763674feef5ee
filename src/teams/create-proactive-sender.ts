import {
  AuthenticationConstants,
  ClaimsIdentity,
  type BotFrameworkAuthentication,
  type ConnectorClient,
} from 'botframework-connector';
import type { ConversationAddress } from '../domain/conversation-address';
import type { ProactiveSender, SendOutcome } from '../domain/proactive';
import { parseRetryAfter } from '../domain/retry-after';
import { toActivity } from './send-turn-result';

export { parseRetryAfter };

/** The pipeline shape we touch inside botbuilder's ConnectorClient (private in its typings). */
interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

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

/**
 * Proactive sends straight to the Bot Connector: POST
 * /v3/conversations/{id}/activities, one HTTP request per call. botbuilder's
 * client retries 429 and 5xx on its own; the rollout engine and the report
 * outbox must own retries (to honour Retry-After across a whole tenant and
 * to count attempts), so that policy is removed. One client per service URL.
 */
export function createProactiveSender(
  auth: BotFrameworkAuthentication,
  appId: string,
  timeoutMs = 15000,
): ProactiveSender {
  const identity = new ClaimsIdentity(
    [
      { type: AuthenticationConstants.AudienceClaim, value: appId },
      { type: AuthenticationConstants.AppIdClaim, value: appId },
    ],
    true,
  );
  const factory = auth.createConnectorFactory(identity);
  const clients = new Map<string, Promise<ConnectorClient>>();

  function clientFor(serviceUrl: string): Promise<ConnectorClient> {
    const cached = clients.get(serviceUrl);
    if (cached) return cached;
    const created = // No audience: the factory uses the Bot Framework channel scope, as botbuilder's own proactive path does.
      factory.create(serviceUrl, undefined).then((client: ConnectorClient) => {
        (client as unknown as PipelineHolder).client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
        return client;
      });
    clients.set(serviceUrl, created);
    created.catch(() => clients.delete(serviceUrl));
    return created;
  }

  return {
    async send(address: ConversationAddress, reply) {
      try {
        const client = await clientFor(address.serviceUrl);
        const activity = {
          ...toActivity(reply),
          conversation: {
            id: address.conversationId,
            isGroup: false,
            conversationType: address.conversationType ?? 'personal',
            tenantId: address.tenantId,
            name: '',
          },
        };
        const response = await client.conversations.sendToConversation(address.conversationId, activity, {
          abortSignal: AbortSignal.timeout(timeoutMs),
        });
        return { status: 'sent', activityId: response.id };
      } catch (error) {
        return toFailure(error);
      }
    },
  };
}
