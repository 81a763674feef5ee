import { createSqliteStores } from '../../src/stores/sqlite/create-sqlite-stores';
import { TENANT } from '../support/activities';
import { newDataDir } from '../support/test-service';

const message = { id: 'c/passwords/nudge', themeId: 'passwords' as const, kind: 'nudge' as const };
const key = (aadObjectId: string) => ({ tenantId: TENANT, aadObjectId, messageId: message.id });

async function storesWith(recipients: string[]) {
  const stores = createSqliteStores(newDataDir());
  for (const aadObjectId of recipients) {
    const address = {
      serviceUrl: 'http://127.0.0.1:9',
      channelId: 'msteams',
      conversationId: `a:${aadObjectId}`,
      botId: 'b',
      userId: 'u',
    };
    await stores.recipients.recordSighting({ tenantId: TENANT, aadObjectId, address }, new Date());
  }
  return stores;
}

describe('the delivery ledger', () => {
  it('queues each active recipient once, however often a rollout is started', async () => {
    const { deliveries } = await storesWith(['a', 'b']);
    expect(await deliveries.startRollout(message, 'schedule', new Date())).toEqual({ created: true, queued: 2 });
    expect(await deliveries.startRollout(message, 'admin', new Date())).toEqual({ created: false, queued: 0 });
    expect((await deliveries.counts()).get(message.id)).toMatchObject({ pending: 2 });
  });

  it('moves a row pending → sending → sent, and a claimed row is not claimed twice', async () => {
    const { deliveries } = await storesWith(['a']);
    await deliveries.startRollout(message, 'cli', new Date());
    const [row] = await deliveries.claim(TENANT, 'me', 0, 10);
    expect(row).toMatchObject({ aadObjectId: 'a', themeId: 'passwords', kind: 'nudge', attempts: 0 });
    expect(await deliveries.claim(TENANT, 'me', 0, 10)).toEqual([]);
    await deliveries.markSent(key('a'), 201, new Date());
    expect((await deliveries.counts()).get(message.id)).toMatchObject({ sent: 1, sending: 0 });
    expect(await deliveries.recentThemeIds(TENANT, 'a')).toEqual(['passwords']);
  });

  it('gives rows left "sending" by a crashed holder to the next holder', async () => {
    const { deliveries } = await storesWith(['a']);
    await deliveries.startRollout(message, 'cli', new Date());
    await deliveries.claim(TENANT, 'crashed', 0, 10);
    expect(await deliveries.claim(TENANT, 'next', 0, 10)).toHaveLength(1);
  });

  it('waits for the retry time, counts attempts but not 429s, and remembers the first failure', async () => {
    const { deliveries } = await storesWith(['a']);
    await deliveries.startRollout(message, 'cli', new Date());
    await deliveries.claim(TENANT, 'me', 0, 1);
    await deliveries.markRetry(key('a'), 5000, 503, true, 4000);
    expect(await deliveries.claim(TENANT, 'me', 4999, 1)).toEqual([]);
    expect(await deliveries.nextAttemptAt(TENANT)).toBe(5000);
    const [again] = await deliveries.claim(TENANT, 'me', 5000, 1);
    expect(again).toMatchObject({ attempts: 1, retryingSince: 4000 });
    await deliveries.markRetry(key('a'), 6000, 429, false, 5500);
    // The retry time runs from the first failure, however many follow.
    expect((await deliveries.claim(TENANT, 'me', 6000, 1))[0]).toMatchObject({ attempts: 1, retryingSince: 4000 });
  });

  it('fails permanently, deactivating the recipient when asked', async () => {
    const { deliveries, recipients } = await storesWith(['a', 'b']);
    await deliveries.startRollout(message, 'cli', new Date());
    await deliveries.claim(TENANT, 'me', 0, 2);
    await deliveries.markFailed(key('a'), 'ConversationBlockedByUser', 403, true);
    await deliveries.markFailed(key('b'), 'payload-too-large', 413, false);
    expect((await recipients.get(TENANT, 'a'))?.active).toBe(false);
    expect((await recipients.get(TENANT, 'b'))?.active).toBe(true);
    expect((await deliveries.counts()).get(message.id)).toMatchObject({ failed: 2 });
  });

  it('resolves rows of users who paused or left as skipped', async () => {
    const { deliveries, recipients } = await storesWith(['a', 'b']);
    await deliveries.startRollout(message, 'cli', new Date());
    await recipients.setPaused(TENANT, 'a', true);
    await recipients.markInactive(TENANT, 'b', new Date());
    expect(await deliveries.claim(TENANT, 'me', 0, 10)).toEqual([]);
    expect(await deliveries.skipUnreachable(TENANT)).toBe(2);
    expect((await deliveries.counts()).get(message.id)).toMatchObject({ skipped: 2, pending: 0 });
    expect(await deliveries.tenantsWithWork()).toEqual([]);
  });

  it('gives a tenant lease to one holder until it expires', async () => {
    const { deliveries } = await storesWith([]);
    expect(await deliveries.acquireLease(TENANT, 'one', 1000, 500)).toBe(true);
    expect(await deliveries.acquireLease(TENANT, 'two', 1200, 500)).toBe(false);
    expect(await deliveries.acquireLease(TENANT, 'one', 1300, 500)).toBe(true); // renewal
    expect(await deliveries.acquireLease(TENANT, 'two', 1900, 500)).toBe(true); // expired at 1800
    await deliveries.releaseLease(TENANT, 'two');
    expect(await deliveries.acquireLease(TENANT, 'one', 1901, 500)).toBe(true);
  });
});
