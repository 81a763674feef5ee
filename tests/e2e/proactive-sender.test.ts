import { loadConfig } from '../../src/config/load-config';
import { createBotAuthentication } from '../../src/teams/create-bot-authentication';
import { createProactiveSender, parseRetryAfter } from '../../src/teams/create-proactive-sender';
import { useConnectorStandIn } from '../support/connector-stand-in';

const connector = useConnectorStandIn();

const sender = createProactiveSender(createBotAuthentication(loadConfig({})), '', 2000);
const address = () => ({
  serviceUrl: connector.url,
  channelId: 'msteams',
  conversationId: 'a:personal-1',
  conversationType: 'personal',
  tenantId: '11111111-2222-4333-8444-555555555555',
  botId: '28:refleks',
  userId: '29:user-1',
});

describe('proactive sends through the real Bot Framework client', () => {
  it('posts one activity to /v3/conversations/{id}/activities, not as a reply', async () => {
    const outcome = await sender.send(address(), { kind: 'text', text: 'Hei' });
    expect(outcome).toEqual({ status: 'sent', activityId: 'sent-1' });
    expect(connector.sent).toHaveLength(1);
    expect(connector.sent[0]).toMatchObject({ conversationId: 'a:personal-1', replyToId: undefined });
    expect(connector.sent[0]?.activity).toMatchObject({ type: 'message', text: 'Hei' });
  });

  it.each([
    [
      { status: 429, code: 'Throttled', retryAfterSeconds: 3 },
      { httpStatus: 429, code: 'Throttled', retryAfterMs: 3000 },
    ],
    [{ status: 503 }, { httpStatus: 503 }],
    [
      { status: 403, code: 'ConversationBlockedByUser' },
      { httpStatus: 403, code: 'ConversationBlockedByUser' },
    ],
    [
      { status: 404, code: 'ConversationNotFound' },
      { httpStatus: 404, code: 'ConversationNotFound' },
    ],
    [
      { status: 413, code: 'MessageSizeTooBig' },
      { httpStatus: 413, code: 'MessageSizeTooBig' },
    ],
  ])('reports %j after exactly one request, so the caller owns retries', async (failure, expected) => {
    connector.failures.push(failure);
    const outcome = await sender.send(address(), { kind: 'text', text: 'Hei' });
    expect(outcome).toMatchObject({ status: 'failed', ...expected });
    expect(connector.attempts).toBe(1);
    expect(connector.sent).toHaveLength(0);
  });

  it('reports a refused connection as a failure without status', async () => {
    const outcome = await sender.send(
      { ...address(), serviceUrl: 'http://127.0.0.1:9' },
      { kind: 'text', text: 'Hei' },
    );
    expect(outcome).toMatchObject({ status: 'failed', httpStatus: undefined });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
