import { createSqliteStores } from '../../src/stores/sqlite/create-sqlite-stores';
import { TENANT } from '../support/activities';
import { newDataDir } from '../support/test-service';

const message = { id: 'c/passwords/nudge', themeId: 'passwords' as const, kind: 'nudge' as const };
const key = (aadObjectId: string) => ({ tenantId: TENANT, aadObjectId, messageId: message.id });
const claimOf = (aadObjectId: string, holder: string) => ({ ...key(aadObjectId), holder });

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
    await deliveries.acquireLease(TENANT, 'me', 0, 10_000);
    const [row] = await deliveries.claim(TENANT, 'me', 0, 10);
    expect(row).toMatchObject({ aadObjectId: 'a', themeId: 'passwords', kind: 'nudge', attempts: 0 });
    expect(await deliveries.claim(TENANT, 'me', 0, 10)).toEqual([]);
    expect(await deliveries.markSent(key('a'), 201, new Date())).toBe(true);
    expect((await deliveries.counts()).get(message.id)).toMatchObject({ sent: 1, sending: 0 });
    expect(await deliveries.recentThemeIds(TENANT, 'a')).toEqual(['passwords']);
  });

  it("lets only the lease holder claim, and gives a crashed holder's rows to the next one when its lease ran out", async () => {
    const { deliveries } = await storesWith(['a', 'b']);
    await deliveries.startRollout(message, 'cli', new Date());
    expect(await deliveries.claim(TENANT, 'no-lease', 0, 10)).toEqual([]);
    await deliveries.acquireLease(TENANT, 'crashed', 1000, 500);
    expect(await deliveries.claim(TENANT, 'crashed', 1000, 1)).toHaveLength(1);
    // While the lease lasts, the holder may still be sending: nobody else claims, not even its rows.
    expect(await deliveries.acquireLease(TENANT, 'next', 1400, 500)).toBe(false);
    expect(await deliveries.claim(TENANT, 'next', 1400, 10)).toEqual([]);
    expect(await deliveries.acquireLease(TENANT, 'next', 1600, 500)).toBe(true);
    expect(await deliveries.claim(TENANT, 'next', 1600, 10)).toHaveLength(2);
    expect(await deliveries.claim(TENANT, 'crashed', 1600, 10)).toEqual([]);
  });

  it('records a failure only for the holder of the claim, and a success whoever reports it', async () => {
    const { deliveries } = await storesWith(['a']);
    await deliveries.startRollout(message, 'cli', new Date());
    await deliveries.acquireLease(TENANT, 'stalled', 0, 500);
    await deliveries.claim(TENANT, 'stalled', 0, 1);
    await deliveries.acquireLease(TENANT, 'next', 600, 500);
    await deliveries.claim(TENANT, 'next', 600, 1);
    // The stalled sender's late failure must not put the row back or fail it under the new holder.
    expect(await deliveries.markRetry(claimOf('a', 'stalled'), 700, 503, true, 650)).toBe(false);
    expect(await deliveries.markFailed(claimOf('a', 'stalled'), 'http-400', 400, false)).toBe(false);
    expect(await deliveries.stillClaimed(claimOf('a', 'stalled'))).toBe(false);
    expect(await deliveries.stillClaimed(claimOf('a', 'next'))).toBe(true);
    // Its late success is the truth, though: recorded, so the new holder does not send again.
    expect(await deliveries.markSent(key('a'), 201, new Date())).toBe(true);
    expect(await deliveries.stillClaimed(claimOf('a', 'next'))).toBe(false);
    expect(await deliveries.markRetry(claimOf('a', 'next'), 900, 503, true, 800)).toBe(false);
    expect((await deliveries.counts()).get(message.id)).toMatchObject({ sent: 1, sending: 0, pending: 0 });
  });

  it('waits for the retry time, counts attempts but not 429s, and remembers the first failure', async () => {
    const { deliveries } = await storesWith(['a']);
    await deliveries.startRollout(message, 'cli', new Date());
    await deliveries.acquireLease(TENANT, 'me', 0, 10_000);
    await deliveries.claim(TENANT, 'me', 0, 1);
    await deliveries.markRetry(claimOf('a', 'me'), 5000, 503, true, 4000);
    expect(await deliveries.claim(TENANT, 'me', 4999, 1)).toEqual([]);
    expect(await deliveries.nextAttemptAt(TENANT)).toBe(5000);
    const [again] = await deliveries.claim(TENANT, 'me', 5000, 1);
    expect(again).toMatchObject({ attempts: 1, retryingSince: 4000 });
    await deliveries.markRetry(claimOf('a', 'me'), 6000, 429, false, 5500);
    // The retry time runs from the first failure, however many follow.
    expect((await deliveries.claim(TENANT, 'me', 6000, 1))[0]).toMatchObject({ attempts: 1, retryingSince: 4000 });
  });

  it('fails permanently, deactivating the recipient when asked', async () => {
    const { deliveries, recipients } = await storesWith(['a', 'b']);
    await deliveries.startRollout(message, 'cli', new Date());
    await deliveries.acquireLease(TENANT, 'me', 0, 10_000);
    await deliveries.claim(TENANT, 'me', 0, 2);
    await deliveries.markFailed(claimOf('a', 'me'), 'ConversationBlockedByUser', 403, true);
    await deliveries.markFailed(claimOf('b', 'me'), 'payload-too-large', 413, false);
    expect((await recipients.get(TENANT, 'a'))?.active).toBe(false);
    expect((await recipients.get(TENANT, 'b'))?.active).toBe(true);
    expect((await deliveries.counts()).get(message.id)).toMatchObject({ failed: 2 });
  });

  it('resolves rows of users who paused or left as skipped', async () => {
    const { deliveries, recipients } = await storesWith(['a', 'b']);
    await deliveries.startRollout(message, 'cli', new Date());
    await recipients.setPaused(TENANT, 'a', true);
    await recipients.markInactive(TENANT, 'b', new Date());
    await deliveries.acquireLease(TENANT, 'me', 0, 10_000);
    expect(await deliveries.claim(TENANT, 'me', 0, 10)).toEqual([]);
    expect(await deliveries.skipUnreachable(TENANT)).toBe(2);
    expect((await deliveries.counts()).get(message.id)).toMatchObject({ skipped: 2, pending: 0 });
    expect(await deliveries.tenantsWithWork()).toEqual([]);
  });

  it('names a tenant as having work while a row is pending or being sent, from the open rows alone', async () => {
    const { deliveries } = await storesWith(['a']);
    expect(await deliveries.tenantsWithWork()).toEqual([]);
    await deliveries.startRollout(message, 'cli', new Date());
    expect(await deliveries.tenantsWithWork()).toEqual([TENANT]);
    await deliveries.acquireLease(TENANT, 'me', 0, 10_000);
    await deliveries.claim(TENANT, 'me', 0, 10);
    expect(await deliveries.tenantsWithWork()).toEqual([TENANT]);
    await deliveries.markSent(key('a'), 201, new Date());
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
