import { loadConfig } from '../../src/config/load-config';
import { createBotAuthentication } from '../../src/teams/create-bot-authentication';
import { createBotTokenProvider } from '../../src/teams/create-bot-token-provider';
import { createMemberLookup } from '../../src/teams/create-member-lookup';
import { createProactiveSender } from '../../src/teams/create-proactive-sender';
import { createFileFetcher } from '../../src/teams/fetch-user-file';
import { useConnectorStandIn } from '../support/connector-stand-in';
import { FileServer } from '../support/file-server';
import { ManagedIdentityStandIn } from '../support/managed-identity-stand-in';
import { productionEnv, TEST_TENANT } from '../support/production-env';

// The real botbuilder clients and credentials, a token endpoint that hangs, and a short timeout.
const identity = new ManagedIdentityStandIn();
const files = new FileServer();
const connector = useConnectorStandIn();
beforeAll(() => Promise.all([identity.start(), files.start()]));
afterAll(() => Promise.all([identity.stop(), files.stop()]));
beforeEach(() => {
  identity.hang = true;
});
// Releases what a failing test left held, so its calls end before the stand-ins stop.
afterEach(() => identity.answerHeld());

const TIMEOUT_MS = 300;
/** Generous for a busy machine, yet far below the hang, which lasts until the test ends it. */
const SETTLED_WITHIN_MS = 2000;
const GIVE_UP_WAITING_MS = 4000;
/** Time for a late request, were one made, to reach a stand-in. */
const LATE_REQUEST_GRACE_MS = 300;

/**
 * The production wiring for a bot with a managed identity. Each test has its
 * own app id, so that no test gets a token another one cached.
 */
function botWithManagedIdentity(appId: string) {
  const config = loadConfig({
    ...productionEnv,
    MicrosoftAppId: appId,
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'UserAssignedMSI',
    IT_CHANNEL: '19:it@thread.tacv2',
  });
  return createBotAuthentication(config);
}

const address = (userId = '29:user-1') => ({
  serviceUrl: connector.url,
  channelId: 'msteams',
  conversationId: 'a:personal-1',
  conversationType: 'personal',
  tenantId: TEST_TENANT,
  botId: '28:refleks',
  userId,
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What `work` settled with and how long it took, or 'still waiting' after GIVE_UP_WAITING_MS. */
async function timed<T>(work: Promise<T>): Promise<{ result: T | 'still waiting'; elapsedMs: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<'still waiting'>((resolve) => {
    timer = setTimeout(() => resolve('still waiting'), GIVE_UP_WAITING_MS);
  });
  const result = await Promise.race([work, giveUp]);
  clearTimeout(timer);
  return { result, elapsedMs: Date.now() - started };
}

describe('a token endpoint that hangs cannot hold a call past its timeout', () => {
  it('a proactive send fails in time, and is not sent when the token comes after all', async () => {
    const appId = '0b6b5c0e-3a1c-4a55-9d5e-2f1f3f7e8a91';
    const sender = createProactiveSender(botWithManagedIdentity(appId), appId, TIMEOUT_MS);

    const { result, elapsedMs } = await timed(sender.send(address(), { kind: 'text', text: 'first' }));
    expect(result).toMatchObject({ status: 'failed', httpStatus: undefined });
    expect(elapsedMs).toBeLessThan(SETTLED_WITHIN_MS);
    expect(identity.requests).toContainEqual({ clientId: appId, resource: 'https://api.botframework.com' });

    await identity.answerHeld();
    // The token is good: the next send goes out with it, and it is the only activity that ever arrives.
    expect(await sender.send(address(), { kind: 'text', text: 'second' })).toMatchObject({ status: 'sent' });
    await pause(LATE_REQUEST_GRACE_MS);
    expect(connector.received).toBe(1);
    expect(connector.sent).toHaveLength(1);
    expect(connector.sent[0]?.activity).toMatchObject({ text: 'second' });
    expect(identity.issued).toContain(connector.sent[0]?.authorization?.replace(/^Bearer /, ''));
  });

  it('a roster lookup for «Meld fra» gives up in time and asks nothing late', async () => {
    const appId = '0b6b5c0e-3a1c-4a55-9d5e-2f1f3f7e8a92';
    const lookup = createMemberLookup(botWithManagedIdentity(appId), appId, TIMEOUT_MS);
    connector.members.set('29:user-2', { id: '29:user-2', name: 'Kari Nordmann' });

    const { result, elapsedMs } = await timed(lookup.lookup(address('29:user-2')));
    expect(result).toEqual({});
    expect(elapsedMs).toBeLessThan(SETTLED_WITHIN_MS);

    await identity.answerHeld();
    expect(await lookup.lookup(address('29:user-2'))).toMatchObject({ name: 'Kari Nordmann' });
    await pause(LATE_REQUEST_GRACE_MS);
    expect(connector.received).toBe(1);
  });

  it('a pasted picture that needs the bot token fails in time and is not fetched late', async () => {
    const appId = '0b6b5c0e-3a1c-4a55-9d5e-2f1f3f7e8a93';
    const fetcher = createFileFetcher(TIMEOUT_MS, createBotTokenProvider(botWithManagedIdentity(appId), appId));
    files.files.set('/first.png', Buffer.from('png'));
    files.files.set('/second.png', Buffer.from('png'));

    const { result, elapsedMs } = await timed(
      fetcher.fetch({ url: files.url('first.png'), needsBotToken: true }, 1000),
    );
    expect(result).toEqual({ status: 'failed', reason: 'TimeoutError' });
    expect(elapsedMs).toBeLessThan(SETTLED_WITHIN_MS);

    await identity.answerHeld();
    const second = await fetcher.fetch({ url: files.url('second.png'), needsBotToken: true }, 1000);
    expect(second).toEqual({ status: 'ok', content: Buffer.from('png') });
    await pause(LATE_REQUEST_GRACE_MS);
    expect([...files.authorizations.keys()]).toEqual(['/second.png']);
  });
});
