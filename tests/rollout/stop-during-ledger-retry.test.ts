import { setTimeout as sleep } from 'node:timers/promises';
import { LEFT_FOR_STOP } from '../../src/rollout/ledger-write';
import { TENANT } from '../support/activities';
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
  return { f, id, counts: async () => (await f.stores.deliveries.counts()).get(id) };
}

interface LogRecord {
  level: number;
  msg: string;
  [field: string]: unknown;
}
const records = (lines: string[]) => lines.map((line) => JSON.parse(line) as LogRecord);
/** Waits for `done`, failing the test after `ms`. */
async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not done after ${ms} ms`);
    await sleep(50);
  }
}
/** The messages logged as errors (pino's level 50 and up). */
const errors = (lines: string[]) =>
  records(lines)
    .filter((r) => r.level >= 50)
    .map((r) => r.msg);

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
    // That last try is the one real failure; the retry the stop cut short is no ledger failure and no rest.
    expect(errors(f.logs.lines)).toEqual([
      'sends that arrived are still not recorded at stop; the next sender resends them',
    ]);
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

  // Before: «ledger write failed; tenant stopped», «tenant stopped for a lease» and «rollout run failed»,
  // three errors for a write that only the stop had cut short.
  it('logs the retry it cut short as one calm line with the ids only: no ledger failure, no rest, no failed run', async () => {
    const { f, id } = await sentButRefused();
    const before = f.logs.lines.length;
    const stopped = f.engine.stop();
    allow?.();
    await stopped;
    const atStop = f.logs.lines.slice(before);
    expect(errors(atStop)).toEqual([]);
    // Exactly these fields: the ids already logged elsewhere, nothing about the person.
    expect(records(atStop).filter((r) => r.msg === LEFT_FOR_STOP)).toEqual([
      {
        level: 30,
        time: expect.any(Number),
        service: 'refleks',
        messageId: id,
        tenantId: TENANT,
        sent: true,
        msg: LEFT_FOR_STOP,
      },
    ]);
  });

  // Before: a second «tenant stopped for a lease», a rest and a failed run for the retry the stop cut short.
  it('also when the retry it cuts short is of an earlier send, at the start of a round', async () => {
    const leaseMs = 4000;
    const f = await setUp(1, { SEND_CONCURRENCY: '1', ROLLOUT_LEASE_SECONDS: String(leaseMs / 1000) });
    allow = refuseSentRecords(f.dataDir);
    await f.campaign.sendNow('passwords', 'nudge', 'cli', new Date());
    // Refused for a whole lease: a real failure, which ends that run.
    await until(() => f.logs.text.includes('rollout run failed'), 3 * leaseMs);
    const before = f.logs.lines.length;
    // The next run (the service's minute tick) first tries the earlier send again, for up to a lease.
    const run = f.engine.drain();
    await sleep(leaseMs / 3);
    await f.engine.stop();
    const atStop = f.logs.lines.slice(before);
    // The last try at stop is refused too, and says so; the retry the stop cut short is not an error.
    expect(errors(atStop)).toEqual(['sends that arrived are still not recorded at stop; the next sender resends them']);
    expect(records(atStop).filter((r) => r.msg === LEFT_FOR_STOP)).toEqual([
      { level: 30, time: expect.any(Number), service: 'refleks', tenantId: TENANT, msg: LEFT_FOR_STOP },
    ]);
    await expect(run).resolves.toBeUndefined();
  });
});
