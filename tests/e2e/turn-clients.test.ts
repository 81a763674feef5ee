import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from '../../src/teams/reuse-turn-clients';
import { messageActivity } from '../support/activities';
import { ConnectorStandIn } from '../support/connector-stand-in';
import { useLocalService } from '../support/use-local-service';

const localAuth = () =>
  new ReusingBotFrameworkAuthentication(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: '',
      MicrosoftAppTenantId: '',
    }),
  );

describe('reusing the Bot Connector clients of a turn', () => {
  const activity = (serviceUrl: string) =>
    messageActivity({ aadObjectId: 'eeeeeeee-0000-4000-8000-000000000009', serviceUrl }, 'hei') as unknown as Activity;

  it('gives every turn from one service URL the same ConnectorClient, and each service URL its own', async () => {
    const auth = localAuth();
    const clientFor = async (serviceUrl: string, audience?: string) => {
      const { connectorFactory } = await auth.authenticateRequest(activity(serviceUrl), '');
      return connectorFactory?.create(serviceUrl, audience);
    };
    const first = await clientFor('http://127.0.0.1:1/');
    expect(first).toBeDefined();
    expect(await clientFor('http://127.0.0.1:1/')).toBe(first);
    expect(await clientFor('http://127.0.0.1:2/')).not.toBe(first);
    expect(await clientFor('http://127.0.0.1:1/', 'https://api.botframework.us')).not.toBe(first);
  });

  /** botbuilder's own ClaimsIdentity class (tests may not import botframework-connector), with these claims. */
  async function identities(auth: ReusingBotFrameworkAuthentication) {
    const { claimsIdentity } = await auth.authenticateRequest(activity('http://127.0.0.1:1/'), '');
    const ClaimsIdentity = claimsIdentity.constructor as new (
      claims: { type: string; value: string }[],
      isAuthenticated: boolean,
    ) => typeof claimsIdentity;
    return (claims: { type: string; value: string }[]) => new ClaimsIdentity(claims, true);
  }

  it('keeps one user token client per app id', async () => {
    const auth = localAuth();
    const withClaims = await identities(auth);
    const identity = (appId: string) => withClaims([{ type: 'aud', value: appId }]);
    const first = await auth.createUserTokenClient(identity('app-a'));
    expect(await auth.createUserTokenClient(identity('app-a'))).toBe(first);
    expect(await auth.createUserTokenClient(identity('app-b'))).not.toBe(first);
  });

  it('leaves clients made outside a turn (proactive sends) unshared', async () => {
    const auth = localAuth();
    const withClaims = await identities(auth);
    const factory = () => auth.createConnectorFactory(withClaims([]));
    const serviceUrl = 'http://127.0.0.1:3/';
    expect(await factory().create(serviceUrl)).not.toBe(await factory().create(serviceUrl));
  });
});

describe('replies through the real server with reused clients', () => {
  const fixture = useLocalService();
  const other = new ConnectorStandIn();
  beforeAll(() => other.start());
  afterAll(() => other.stop());

  it('sends each reply to the service URL of its own turn', async () => {
    const users = [fixture.connector, other, fixture.connector, other].map((connector, i) => ({
      aadObjectId: `eeeeeeee-0000-4000-8000-00000000000${i}`,
      serviceUrl: connector.url,
    }));
    for (const user of users) {
      const res = await fixture.service().post(messageActivity(user, 'hvordan lager jeg et godt passord?'));
      expect(res.status).toBe(200);
    }
    await Promise.all([fixture.connector.waitForSent(2), other.waitForSent(2)]);
    const conversations = (connector: ConnectorStandIn) => connector.sent.map((sent) => sent.conversationId);
    expect(conversations(fixture.connector)).toEqual([
      `a:personal-${users[0]?.aadObjectId}`,
      `a:personal-${users[2]?.aadObjectId}`,
    ]);
    expect(conversations(other)).toEqual([
      `a:personal-${users[1]?.aadObjectId}`,
      `a:personal-${users[3]?.aadObjectId}`,
    ]);
  });
});
