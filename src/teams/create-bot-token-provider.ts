import type { BotFrameworkAuthentication } from 'botframework-connector';
import { createConnectorClients } from './connector-clients';

/** Where Teams' Bot Connector lives; the token is the same for every service URL. */
const ANY_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

interface TokenCredentials {
  getToken?: (forceRefresh?: boolean) => Promise<string>;
}

/**
 * The bot's own Bot Framework token, for downloads from the Bot Connector's
 * attachment store. In local mode there is no app id and nothing to send.
 */
export function createBotTokenProvider(
  auth: BotFrameworkAuthentication,
  appId: string,
): () => Promise<string | undefined> {
  if (!appId) return async () => undefined;
  const clients = createConnectorClients(auth, appId);
  return async () => {
    const credentials = (await clients(ANY_SERVICE_URL)).credentials as TokenCredentials;
    return credentials.getToken ? credentials.getToken() : undefined;
  };
}
