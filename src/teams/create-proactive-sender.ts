import {
  AuthenticationConstants,
  ClaimsIdentity,
  type BotFrameworkAuthentication,
  type ConnectorClient,
} from 'botframework-connector';
import type { ConversationAddress } from '../domain/conversation-address';
import type { ProactiveSender, SendOutcome } from '../domain/proactive';
import { toActivity } from './send-turn-result';

/** The pipeline shape we touch inside botbuilder's ConnectorClient (private in its typings). */
interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  response?: { headers?: { get(name: string): string | undefined } };
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
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
      // A timer we clear ourselves: AbortSignal.timeout would keep every request alive for the whole timeout.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const client = await clientFor(address.serviceUrl);
        const activity = { ...toActivity(reply), conversation: conversationOf(address) };
        const response = await client.conversations.sendToConversation(address.conversationId, activity, {
          abortSignal: controller.signal,
        });
        return { status: 'sent', activityId: response.id };
      } catch (error) {
        return toFailure(error);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
