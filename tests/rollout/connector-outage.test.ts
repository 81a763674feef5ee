import { useConnectorStandIn } from '../support/connector-stand-in';
import { useTestRollouts } from '../support/rollout-fixture';

const connector = useConnectorStandIn();

const { setUp } = useTestRollouts(connector);

const failures = (count: number, status: number) =>
  connector.failures.push(...Array.from({ length: count }, () => ({ status })));

// Before: six attempts in all, so an outage of 8–16 seconds failed the month's nudge for good.
describe('a Bot Connector outage during a rollout', () => {
  it('is retried for a length of time, not a handful of attempts: nobody misses the nudge', async () => {
    const f = await setUp(20, { SEND_RETRY_SECONDS: '0.001' });
    failures(20 * 7, 503); // every recipient meets about seven 503s, one more than the old limit
    const { id } = await f.campaign.sendNow('passwords', 'nudge', 'cli', new Date());
    await f.campaign.idle();
    expect(connector.sent).toHaveLength(20);
    expect(new Set(connector.sent.map((s) => s.conversationId)).size).toBe(20);
    expect((await f.stores.deliveries.counts()).get(id)).toMatchObject({ sent: 20, failed: 0, pending: 0 });
  });

  it('gives a send up once its retry time has passed, trying until then, and says why', async () => {
    // 0.0005 hours = 1.8 s of retries from the first failure, first retry after 10 ms.
    const f = await setUp(1, { SEND_RETRY_SECONDS: '0.01', SEND_GIVE_UP_HOURS: '0.0005' });
    failures(1000, 502);
    const started = Date.now();
    const { id } = await f.campaign.sendNow('lock-devices', 'nudge', 'cli', new Date());
    await f.campaign.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1790);
    expect(connector.attempts).toBeGreaterThan(6);
    expect((await f.stores.deliveries.counts()).get(id)).toMatchObject({ failed: 1, sent: 0, pending: 0 });
    expect(f.logs.text).toContain('retries-exhausted-502');
  });
});
