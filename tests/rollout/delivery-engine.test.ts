import type { ThemeId } from '../../src/content/theme-schema';
import { TENANT } from '../support/activities';
import { useConnectorStandIn } from '../support/connector-stand-in';
import { recipientId, useTestRollouts } from '../support/rollout-fixture';

const connector = useConnectorStandIn();

const { setUp, alongside } = useTestRollouts(connector);

const conversationsReached = () => connector.sent.map((s) => s.conversationId);
type Fixture = Awaited<ReturnType<ReturnType<typeof useTestRollouts>['setUp']>>;
const countsFor = async (f: Fixture, id: string) => (await f.stores.deliveries.counts()).get(id);

describe('the delivery engine', () => {
  it('sends one nudge card to every active recipient and records it in the ledger', async () => {
    const f = await setUp(25);
    const { id, queued } = await f.campaign.sendNow('passwords', 'nudge', 'cli', new Date());
    expect(queued).toBe(25);
    await f.campaign.idle();
    expect(new Set(conversationsReached()).size).toBe(25);
    expect(connector.sent).toHaveLength(25);
    const card = (connector.sent[0]?.activity.attachments as { content: { body: { text: string }[] } }[])[0]?.content;
    expect(card?.body[1]?.text).toBe('Sterke passord');
    expect(await countsFor(f, id)).toEqual({ pending: 0, sending: 0, sent: 25, failed: 0, skipped: 0 });
  });

  it('never sends the same message twice, even when started again', async () => {
    const f = await setUp(5);
    await f.campaign.sendNow('passwords', 'nudge', 'admin', new Date());
    await f.campaign.idle();
    const again = await f.campaign.sendNow('passwords', 'nudge', 'admin', new Date());
    await f.campaign.idle();
    expect(again.queued).toBe(0);
    expect(connector.sent).toHaveLength(5);
  });

  it('honours Retry-After on 429 for the whole tenant and then delivers', async () => {
    const f = await setUp(3, { SEND_CONCURRENCY: '1' });
    connector.failures.push({ status: 429, code: 'Throttled', retryAfterSeconds: 1 });
    const started = Date.now();
    await f.campaign.sendNow('lock-devices', 'nudge', 'cli', new Date());
    await f.campaign.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(connector.sent).toHaveLength(3);
    expect(connector.attempts).toBe(4);
  });

  it('stops at once during a long Retry-After, sending nothing more; the next sender carries on', async () => {
    const f = await setUp(4, { SEND_CONCURRENCY: '1', ROLLOUT_LEASE_SECONDS: '30' });
    connector.failures.push({ status: 429, code: 'Throttled', retryAfterSeconds: 4 });
    await f.campaign.sendNow('lock-devices', 'nudge', 'cli', new Date());
    while (connector.attempts === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopping = Date.now();
    await f.engine.stop();
    expect(Date.now() - stopping).toBeLessThan(1500);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.sent).toHaveLength(0);
    // The rows this sender had claimed are free at once: its lease was given back.
    const next = alongside(f, { SEND_CONCURRENCY: '1' });
    await next.campaign.idle();
    expect(connector.sent).toHaveLength(4);
  });

  it('retries 5xx and network-like failures with backoff and delivers once', async () => {
    const f = await setUp(2, { SEND_CONCURRENCY: '1' });
    connector.failures.push({ status: 503 }, { status: 500 }, { status: 412 }, { status: 504 });
    await f.campaign.sendNow('lock-devices', 'nudge', 'cli', new Date());
    await f.campaign.idle();
    expect(connector.sent).toHaveLength(2);
    expect(new Set(conversationsReached()).size).toBe(2);
  });

  it.each([
    [403, 'ConversationBlockedByUser'],
    [403, 'BotDisabledByAdmin'],
    [403, 'MessageWritesBlocked'],
    [404, 'ConversationNotFound'],
  ])('marks the recipient inactive after %i %s and never retries', async (status, code) => {
    const f = await setUp(1);
    connector.failures.push({ status, code });
    const { id } = await f.campaign.sendNow('lock-devices', 'nudge', 'cli', new Date());
    await f.campaign.idle();
    expect(connector.attempts).toBe(1);
    expect(await countsFor(f, id)).toMatchObject({ failed: 1 });
    expect((await f.stores.recipients.get(TENANT, recipientId(0)))?.active).toBe(false);
  });

  it('fails a 413 permanently and loudly, keeping the recipient', async () => {
    const f = await setUp(1);
    connector.failures.push({ status: 413, code: 'MessageSizeTooBig' });
    await f.campaign.sendNow('lock-devices', 'nudge', 'cli', new Date());
    await f.campaign.idle();
    expect(connector.attempts).toBe(1);
    expect(f.logs.lines.some((line) => line.includes('"level":50') && line.includes('payload-too-large'))).toBe(true);
    expect((await f.stores.recipients.get(TENANT, recipientId(0)))?.active).toBe(true);
  });

  it('fails a message that cannot be composed (a theme no longer in the library) loudly, without stalling', async () => {
    // Before: the error left the row "sending" under the live sender and the drain never ended.
    const f = await setUp(2);
    const retired = { id: 'manual/retired/nudge', themeId: 'retired' as ThemeId, kind: 'nudge' as const };
    await f.stores.deliveries.startRollout(retired, 'cli', new Date());
    await f.campaign.idle();
    expect(connector.attempts).toBe(0);
    expect(await countsFor(f, retired.id)).toMatchObject({ failed: 2, sending: 0 });
    expect(f.logs.text).toContain('message could not be composed');
  });

  it('skips users who paused the nudges, and sends nothing while the campaign is paused', async () => {
    const f = await setUp(3);
    await f.stores.recipients.setPaused(TENANT, recipientId(1), true);
    await f.campaign.setPaused(true, new Date());
    const { id } = await f.campaign.sendNow('two-factor', 'nudge', 'cli', new Date());
    await f.campaign.idle();
    expect(connector.sent).toHaveLength(0);
    await f.campaign.setPaused(false, new Date());
    await f.campaign.idle();
    expect(connector.sent).toHaveLength(2);
    expect(conversationsReached()).not.toContain(`a:${TENANT}:${recipientId(1)}`);
    expect(await countsFor(f, id)).toMatchObject({ sent: 2, pending: 0 });
  });

  it('lets only one of two senders on the same store send each row', async () => {
    const first = await setUp(40, { SEND_CONCURRENCY: '4', RATE_LIMIT_RPS: '50' });
    const second = alongside(first, { SEND_CONCURRENCY: '4', ROLLOUT_LEASE_SECONDS: '2' });
    connector.delayMs = 5;
    await first.campaign.sendNow('data-storage', 'nudge', 'cli', new Date());
    await Promise.all([first.engine.drain(), second.engine.drain(), first.campaign.idle()]);
    connector.delayMs = 0;
    expect(connector.sent).toHaveLength(40);
    expect(new Set(conversationsReached()).size).toBe(40);
  });
});
