import { LedgerWriteError } from '../../src/rollout/tenant-round';
import { OTHER_TENANT, TENANT } from '../support/activities';
import { useConnectorStandIn } from '../support/connector-stand-in';
import { refuseSentRecords } from '../support/refuse-writes';
import { addRecipients, recipientId, useTestRollouts } from '../support/rollout-fixture';

const connector = useConnectorStandIn();

const { setUp, alongside } = useTestRollouts(connector);

/**
 * Before: drain() never resolved after one failed ledger write (the CLI's `send` hung).
 * The timer is cleared once the run settles, so Jest does not wait 8 s for it to exit.
 */
async function settles(run: Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const hangs = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('hangs'), 8000)));
  const settled = run.then(
    () => 'settled',
    () => 'settled',
  );
  try {
    return await Promise.race([settled, hangs]);
  } finally {
    clearTimeout(timer);
  }
}
/** Waits for `done`, failing the test after `ms`. */
async function until(done: () => boolean | Promise<boolean>, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const perConversation = () => {
  const counts = new Map<string, number>();
  for (const s of connector.sent) counts.set(s.conversationId, (counts.get(s.conversationId) ?? 0) + 1);
  return [...counts.values()];
};

describe('a ledger write that fails after a send', () => {
  it('is tried again, and a short failure costs nothing: each message once, recorded', async () => {
    const f = await setUp(3, { SEND_CONCURRENCY: '1' });
    const allow = refuseSentRecords(f.dataDir);
    const { id } = await f.campaign.sendNow('passwords', 'nudge', 'cli', new Date());
    const run = f.campaign.idle();
    await connector.waitForSent(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    allow();
    expect(await settles(run)).toBe('settled');
    expect(perConversation()).toEqual([1, 1, 1]);
    expect((await f.stores.deliveries.counts()).get(id)).toMatchObject({ sent: 3, sending: 0 });
    expect(f.logs.text).not.toContain('ledger write failed');
  });

  it('stops the tenant when it keeps failing, then records the send without sending it again', async () => {
    const f = await setUp(3, { SEND_CONCURRENCY: '1' });
    const allow = refuseSentRecords(f.dataDir);
    const { id } = await f.campaign.sendNow('passwords', 'nudge', 'cli', new Date());
    // The write is tried for a whole lease (2 s here), then the run ends instead of spinning.
    expect(await settles(f.campaign.idle())).toBe('settled');
    expect(connector.sent).toHaveLength(1);
    const failure = f.logs.lines.find((line) => line.includes('ledger write failed'));
    expect(failure).toContain(id);
    // Ids of the message and tenant, never the recipient or the text.
    expect(failure).not.toContain(recipientId(0));
    expect(failure).not.toContain('Sterke passord');
    allow();
    await f.campaign.idle();
    expect(perConversation()).toEqual([1, 1, 1]);
    expect((await f.stores.deliveries.counts()).get(id)).toMatchObject({ sent: 3, sending: 0, pending: 0 });
  });

  // Before: the failing tenant ended the run for every tenant, leaving the others' retries for the next one.
  it('stops only that tenant: the others go on, retries too, and the run then ends with the failure', async () => {
    // A 503 is retried after 1.25–2.5 s; the failing tenant gives up after a lease (2 s).
    const f = await setUp(3, { SEND_CONCURRENCY: '1', SEND_RETRY_SECONDS: '2.5' });
    await addRecipients(f.stores, connector.url, 1, OTHER_TENANT);
    connector.conversationFailures.set(`a:${OTHER_TENANT}:${recipientId(0)}`, [{ status: 503 }]);
    const allow = refuseSentRecords(f.dataDir, TENANT);
    const { id } = await f.campaign.sendNow('passwords', 'nudge', 'cli', new Date());
    await expect(f.engine.drain()).rejects.toThrow(LedgerWriteError);
    expect((await f.stores.deliveries.counts(OTHER_TENANT)).get(id)).toMatchObject({ sent: 1, pending: 0 });
    expect((await f.stores.deliveries.counts(TENANT)).get(id)).toMatchObject({ sent: 0 });
    allow();
    // The next run carries on with the stopped tenant.
    await f.engine.drain();
    expect(perConversation()).toEqual([1, 1, 1, 1]);
    expect((await f.stores.deliveries.counts(TENANT)).get(id)).toMatchObject({ sent: 3, sending: 0, pending: 0 });
  });

  // Before: the stopped tenant waited for the whole run to end, here for as long as the other tenant's
  // recipient was retried (SEND_GIVE_UP_HOURS), with its arrived send recorded only in memory.
  it('takes the tenant up again after a lease while the run goes on, and the run then succeeds', async () => {
    const f = await setUp(1, { SEND_CONCURRENCY: '1', SEND_RETRY_SECONDS: '1' });
    const stubborn = Array.from({ length: 1000 }, () => ({ status: 503 }));
    connector.conversationFailures.set(`a:${TENANT}:${recipientId(0)}`, stubborn);
    await addRecipients(f.stores, connector.url, 3, OTHER_TENANT);
    const allow = refuseSentRecords(f.dataDir, OTHER_TENANT);
    const { id } = await f.campaign.sendNow('passwords', 'nudge', 'cli', new Date());
    const run = f.engine.drain();
    await until(() => f.logs.text.includes('tenant stopped'));
    allow();
    // A lease (2 s) of rest; then the tenant's next round records its earlier send and sends the rest.
    await until(async () => (await f.stores.deliveries.counts(OTHER_TENANT)).get(id)?.sent === 3);
    const others = connector.sent.filter((s) => s.conversationId.startsWith(`a:${OTHER_TENANT}:`));
    expect(new Set(others.map((s) => s.conversationId)).size).toBe(3);
    expect(others).toHaveLength(3);
    expect(f.logs.text).toContain('an earlier send recorded');
    // The tenant's last loop succeeded: the run does not end with its earlier failure.
    await f.engine.stop();
    await expect(run).resolves.toBeUndefined();
  });

  it('is resent by another sender only for the sends that could not be recorded (at most SEND_CONCURRENCY)', async () => {
    const f = await setUp(6, { SEND_CONCURRENCY: '2' });
    const allow = refuseSentRecords(f.dataDir);
    await f.campaign.sendNow('passwords', 'nudge', 'cli', new Date());
    expect(await settles(f.campaign.idle())).toBe('settled');
    allow();
    // Another process (or this one restarted) knows nothing of the unrecorded sends.
    const next = alongside(f, { SEND_CONCURRENCY: '2' });
    await next.campaign.idle();
    const counts = perConversation();
    expect(counts).toHaveLength(6);
    expect(counts.reduce((sum, n) => sum + n - 1, 0)).toBeLessThanOrEqual(2);
  });
});
