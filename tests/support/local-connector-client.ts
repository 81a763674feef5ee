import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { messageActivity } from './activities';

/**
 * A Bot Connector client exactly as botbuilder makes one for a turn in local
 * mode (no app id, so no token), for `serviceUrl`. Tests may not import
 * botframework-connector, so the client comes from botbuilder's own factory.
 */
export async function localConnectorClient(serviceUrl = 'http://127.0.0.1:1') {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: '',
    MicrosoftAppTenantId: '',
  });
  const turn = messageActivity({ aadObjectId: 'eeeeeeee-0000-4000-8000-000000000001', serviceUrl }, 'hei');
  const { connectorFactory } = await auth.authenticateRequest(turn as unknown as Activity, '');
  const client = await connectorFactory?.create(serviceUrl, undefined);
  if (!client) throw new Error('botbuilder made no connector client');
  return client;
}

export type LocalConnectorClient = Awaited<ReturnType<typeof localConnectorClient>>;
