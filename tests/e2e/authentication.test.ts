import { ConnectorStandIn } from '../support/connector-stand-in';
import { installActivity, messageActivity, TENANT } from '../support/activities';
import { startChildService, waitFor, type ChildService } from '../support/child-service';
import { newDataDir, startTestService, type TestService } from '../support/test-service';

const authenticatedEnv = {
  MicrosoftAppId: '0b6b5c0e-3a1c-4a55-9d5e-2f1f3f7e8a90',
  MicrosoftAppPassword: 'test-secret-not-real',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: TENANT,
  ALLOWED_TENANT_IDS: TENANT,
  IT_CHANNEL: '19:it-support@thread.tacv2',
  ANALYTICS_PEPPER: 'test-pepper-0123456789abcdef0123456789abcdef',
};

/** A well-formed JWT that no Bot Framework issuer signed. */
function tokenFromUnknownIssuer(): string {
  const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${encode({ alg: 'RS256', typ: 'JWT', kid: 'x' })}.${encode({ iss: 'https://evil.example', aud: 'x' })}.c2ln`;
}

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
    service = await startTestService({ DATA_DIR: newDataDir(), ...authenticatedEnv });
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
    const token = tokenFromUnknownIssuer();
    const res = await service.post(messageActivity({ ...user, serviceUrl: connector.url }, 'hjelp'), {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(401);
    expect(connector.sent).toHaveLength(0);
  });
});

/**
 * botbuilder prints each refused request's stack trace to stderr, outside the
 * logs: anyone without a token could flood them. refleks checks the token
 * itself and logs one line. Run as its own process to see what reaches stderr.
 */
describe('a refused request, as the logs show it', () => {
  let child: ChildService;
  beforeAll(async () => {
    child = await startChildService({ DATA_DIR: newDataDir(), ...authenticatedEnv });
  });
  afterAll(() => child?.stop());

  it('is one structured warning without the token, and nothing on stderr', async () => {
    const user = { aadObjectId: 'bbbbbbbb-0000-4000-8000-000000000003', serviceUrl: 'http://127.0.0.1:9' };
    const token = tokenFromUnknownIssuer();
    for (const authorization of [undefined, 'Bearer not-a-jwt', `Bearer ${token}`]) {
      const res = await child.post(messageActivity(user, 'hjelp'), authorization ? { authorization } : {});
      expect(res.status).toBe(401);
    }
    const refusals = () => child.logs.filter((entry) => entry.msg === 'request not authenticated');
    await waitFor(() => refusals().length === 3, 'three refusals in the log', 5000);
    for (const entry of refusals()) expect(entry).toMatchObject({ level: 40, status: 401 });
    expect(refusals().map((entry) => entry.tokenSent)).toEqual([false, true, true]);
    expect(child.logText()).not.toContain(token);
    expect(child.logText()).not.toContain('not-a-jwt');
    expect(child.stderr()).toBe('');
  });
});
