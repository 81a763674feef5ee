import { setTimeout as sleep } from 'node:timers/promises';
import { useConnectorStandIn } from '../support/connector-stand-in';
import { refuseSentRecords } from '../support/refuse-writes';
import { useTestRollouts } from '../support/rollout-fixture';

const connector = useConnectorStandIn();
const { setUp, alongside } = useTestRollouts(connector);

/** A refused write after a send is tried for a lease: 20 s here, minutes in the service. */
const LONG_LEASE = { SEND_CONCURRENCY: '1', ROLLOUT_LEASE_SECONDS: '20' };

let allow: (() => void) | undefined;
afterEach(() => allow?.());

/** One recipient's send arrived and its write to the ledger is being tried again. */
async function sentButRefused() {
  const f = await setUp(1, LONG_LEASE);
  const refusal = refuseSentRecords(f.dataDir);
  allow = () => (refusal(), (allow = undefined));
  const { id } = await f.campaign.sendNow('passwords', 'nudge', 'cli', new Date());
  await connector.waitForSent(1);
  await sleep(300);
  return { f, counts: async () => (await f.stores.deliveries.counts()).get(id) };
}

describe('stop() while the ledger refuses the write after a send', () => {
  // Before: stop() waited until the write had been tried for the whole lease (20 s here).
  it('returns within a second; the send is not sent again by this sender', async () => {
    const { f, counts } = await sentButRefused();
    const started = Date.now();
    await f.engine.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(connector.sent).toHaveLength(1);
    // Its last try at stop was refused too: the row stays claimed, for the next sender after the lease.
    expect(await counts()).toMatchObject({ sent: 0, sending: 1 });
    expect(f.logs.text).toContain('still not recorded at stop');
  });

  it('records the send with one last try, so no other sender sends it again', async () => {
    const { f, counts } = await sentButRefused();
    const stopped = f.engine.stop();
    // The retry's wait ends with the stop: only the last try, after the rounds, can record the send.
    allow?.();
    await stopped;
    expect(await counts()).toMatchObject({ sent: 1, sending: 0 });
    expect(f.logs.text).toContain('an earlier send recorded');
    await alongside(f, LONG_LEASE).campaign.idle();
    expect(connector.sent).toHaveLength(1);
  });
});
