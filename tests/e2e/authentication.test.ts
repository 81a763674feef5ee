import { ConnectorStandIn } from '../support/connector-stand-in';
import { installActivity, messageActivity, TENANT } from '../support/activities';
import { newDataDir, startTestService, type TestService } from '../support/test-service';

/**
 * With MicrosoftAppId set, botbuilder validates the Bot Framework token on
 * every request. These requests never reach Microsoft: a missing or malformed
 * token is rejected before any key download.
 */
describe('authenticated mode', () => {
  const connector = new ConnectorStandIn();
  let service: TestService;

  beforeAll(async () => {
    await connector.start();
    service = await startTestService({
      DATA_DIR: newDataDir(),
      MicrosoftAppId: '0b6b5c0e-3a1c-4a55-9d5e-2f1f3f7e8a90',
      MicrosoftAppPassword: 'test-secret-not-real',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
      ALLOWED_TENANT_IDS: TENANT,
      IT_CHANNEL: '19:it-support@thread.tacv2',
      ANALYTICS_PEPPER: 'test-pepper-0123456789abcdef0123456789abcdef',
    });
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const user = { aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000002', serviceUrl: 'http://127.0.0.1:9' };

  it('answers 401 without a token and processes nothing', async () => {
    const res = await service.post(installActivity({ ...user, serviceUrl: connector.url }));
    expect(res.status).toBe(401);
    const health = (await (await fetch(`${service.url}/healthz`)).json()) as { activeRecipients: number };
    expect(health.activeRecipients).toBe(0);
    expect(connector.sent).toHaveLength(0);
  });

  it('answers 401 to a malformed token', async () => {
    const res = await service.post(messageActivity({ ...user, serviceUrl: connector.url }, 'hjelp'), {
      authorization: 'Bearer not-a-jwt',
    });
    expect(res.status).toBe(401);
    expect(connector.sent).toHaveLength(0);
  });

  it('answers 401 to a well-formed token from an unknown issuer', async () => {
    const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${encode({ alg: 'RS256', typ: 'JWT', kid: 'x' })}.${encode({ iss: 'https://evil.example', aud: 'x' })}.c2ln`;
    const res = await service.post(messageActivity({ ...user, serviceUrl: connector.url }, 'hjelp'), {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(401);
    expect(connector.sent).toHaveLength(0);
  });
});
