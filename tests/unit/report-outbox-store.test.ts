import type { Stores } from '../../src/stores/sqlite/create-sqlite-stores';
import type { NewReport } from '../../src/reports/report-types';
import { useTwoConnections } from '../support/two-connections';

const report = (n: number): NewReport => ({
  kind: 'report',
  category: 'suspicious-email',
  tenantId: 'tenant',
  aadObjectId: `user-${n}`,
  language: 'nb',
  content: {
    description: `secret ${n}`,
    details: '',
    happenedAt: '2026-03-04 14:30',
    attachments: [],
    missingFiles: [],
  },
});
const T0 = new Date('2026-12-31T22:30:00Z'); // 23:30 in Oslo: still 2026
const later = (ms: number) => new Date(T0.getTime() + ms);

let a: Stores;
let b: Stores;
useTwoConnections((opened) => ({ a, b } = opened));

describe('the SQLite report outbox', () => {
  it('numbers reports per Norwegian year', async () => {
    const first = await a.reportOutbox.add(report(1), T0);
    const second = await b.reportOutbox.add(report(2), T0);
    const newYear = await a.reportOutbox.add(report(3), later(60 * 60_000)); // 00:30 in Oslo, 1 January 2027
    expect([first.reference, second.reference, newYear.reference]).toEqual([
      'MF-2026-000001',
      'MF-2026-000002',
      'MF-2027-000001',
    ]);
  });

  it('leases each due item to one claimant until the lease runs out', async () => {
    for (let n = 0; n < 5; n += 1) await a.reportOutbox.add(report(n), T0);
    const mine = await a.reportOutbox.claimDue(T0, 30_000, 'worker-a', 3);
    const theirs = await b.reportOutbox.claimDue(T0, 30_000, 'worker-b', 10);
    expect(mine).toHaveLength(3);
    expect(theirs).toHaveLength(2);
    const refs = [...mine, ...theirs].map((c) => c.item.reference);
    expect(new Set(refs).size).toBe(5);
    expect(await b.reportOutbox.claimDue(later(29_000), 30_000, 'worker-b', 10)).toHaveLength(0);
    // After the leases run out (worker-a died), every item is claimable again, and worker-a can no longer move them.
    const taken = await b.reportOutbox.claimDue(later(31_000), 30_000, 'worker-b', 10);
    expect(taken.map((c) => c.item.reference).sort()).toEqual(refs.sort());
    await a.reportOutbox.markDelivered(mine[0]!, later(32_000));
    expect((await a.reportOutbox.get(mine[0]!.item.reference))?.status).toBe('delivering');
  });

  it('renews a claim before each attempt only while no other worker has taken the item over', async () => {
    await a.reportOutbox.add(report(1), T0);
    await a.reportOutbox.add(report(2), T0);
    const [first, second] = await a.reportOutbox.claimDue(T0, 30_000, 'worker-a', 10);
    // The first attempt sends the mail; renewing the second (still waiting) gives it a fresh lease.
    const renewed = await a.reportOutbox.renewClaim(first!, later(10_000), 30_000);
    await a.reportOutbox.markTargetDone(renewed!, 'mail', later(11_000));
    expect((await a.reportOutbox.renewClaim(first!, later(12_000), 30_000))?.item.mailSentAt).toEqual(later(11_000));
    expect(await a.reportOutbox.renewClaim(second!, later(25_000), 30_000)).toBeDefined();
    expect(await b.reportOutbox.claimDue(later(41_000), 30_000, 'worker-b', 10)).toHaveLength(0); // both renewed past T0 + 30 s
    // Both leases run out, worker-b takes the items over: worker-a may no longer renew either of them,
    // not even the one worker-b has already finished with (its lease is released).
    const taken = await b.reportOutbox.claimDue(later(60_000), 30_000, 'worker-b', 10);
    expect(taken).toHaveLength(2);
    await b.reportOutbox.markDelivered(taken[0]!, later(61_000));
    expect(await a.reportOutbox.renewClaim(first!, later(62_000), 30_000)).toBeUndefined();
    expect(await a.reportOutbox.renewClaim(second!, later(62_000), 30_000)).toBeUndefined();
  });

  it('deletes the content on delivery, keeps metadata, and purges it after retention', async () => {
    const item = await a.reportOutbox.add(report(1), T0);
    const [claim] = await a.reportOutbox.claimDue(T0, 30_000, 'w', 10);
    await a.reportOutbox.markTargetDone(claim!, 'mail', later(1));
    await a.reportOutbox.markDelivered(claim!, later(2));
    const delivered = await a.reportOutbox.get(item.reference);
    expect(delivered).toMatchObject({ status: 'delivered', content: undefined, noticeDue: 'delivered', attempts: 1 });
    expect(delivered?.mailSentAt).toEqual(later(1));
    expect(await a.reportOutbox.purgeFinished(later(10))).toBe(0); // a note is still due
    const [note] = await a.reportOutbox.claimDue(later(3), 30_000, 'w', 10);
    await a.reportOutbox.clearNotice(note!, 'delivered');
    expect(await a.reportOutbox.purgeFinished(T0)).toBe(0);
    expect(await a.reportOutbox.purgeFinished(later(10))).toBe(1);
    expect(await a.reportOutbox.get(item.reference)).toBeUndefined();
  });

  it('records a channel given up (the mail has the report), and only from the worker holding the item', async () => {
    const item = await a.reportOutbox.add(report(1), T0);
    const [claim] = await a.reportOutbox.claimDue(T0, 30_000, 'w', 10);
    await b.reportOutbox.markTargetGaveUp({ ...claim!, owner: 'someone-else' }, 'channel', later(1));
    expect((await a.reportOutbox.get(item.reference))?.channelGaveUpAt).toBeUndefined();
    await a.reportOutbox.markTargetGaveUp(claim!, 'channel', later(2));
    expect(await a.reportOutbox.get(item.reference)).toMatchObject({
      channelGaveUpAt: later(2),
      channelPostedAt: undefined,
      status: 'delivering',
    });
  });

  it('schedules retries, keeps content when it gives up, and thanks once when handled', async () => {
    const item = await a.reportOutbox.add(report(1), T0);
    let [claim] = await a.reportOutbox.claimDue(T0, 30_000, 'w', 10);
    await a.reportOutbox.scheduleRetry(claim!, later(5000), 'http 503');
    expect(await a.reportOutbox.claimDue(later(4000), 30_000, 'w', 10)).toHaveLength(0);
    [claim] = await a.reportOutbox.claimDue(later(5000), 30_000, 'w', 10);
    // Another tenant cannot close it, whatever reference it guesses.
    expect(await b.reportOutbox.markHandled(item.reference, 'other-tenant', later(5400))).toBe(false);
    // IT marks it handled while the worker still holds it: the thank-you survives the failure.
    expect(await b.reportOutbox.markHandled(item.reference, 'tenant', later(5500))).toBe(true);
    expect(await b.reportOutbox.markHandled(item.reference, 'tenant', later(5600))).toBe(false);
    await a.reportOutbox.markFailed(claim!, later(6000), 'network');
    expect(await a.reportOutbox.get(item.reference)).toMatchObject({
      status: 'failed',
      attempts: 2,
      noticeDue: 'handled',
      lastError: 'network',
      content: { description: 'secret 1' },
    });
  });
});
