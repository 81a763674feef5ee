import {
  AuthenticationConstants,
  ClaimsIdentity,
  type BotFrameworkAuthentication,
  type ConnectorClient,
} from 'botframework-connector';
import { createClientCache } from './client-cache';
import { useCompiledSerializer } from './use-compiled-serializer';

/** The pipeline shape we touch inside botbuilder's ConnectorClient (private in its typings). */
interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

/**
 * Bot Connector clients for calls outside a turn, one per service URL.
 * botbuilder's client retries 429 and 5xx on its own; callers own retries
 * (to honour Retry-After and count attempts), so that policy is removed.
 * Like a turn's clients, they serialise activities with compiled mappers.
 */
export function createConnectorClients(
  auth: BotFrameworkAuthentication,
  appId: string,
): (serviceUrl: string) => Promise<ConnectorClient> {
  const identity = new ClaimsIdentity(
    [
      { type: AuthenticationConstants.AudienceClaim, value: appId },
      { type: AuthenticationConstants.AppIdClaim, value: appId },
    ],
    true,
  );
  const factory = auth.createConnectorFactory(identity);
  const clients = createClientCache<ConnectorClient>();
  // No audience: the factory uses the Bot Framework channel scope, as botbuilder's own proactive path does.
  return (serviceUrl) =>
    clients(serviceUrl, () =>
      factory.create(serviceUrl, undefined).then((client: ConnectorClient) => {
        (client as unknown as PipelineHolder).client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
        return useCompiledSerializer(client);
      }),
    );
}
