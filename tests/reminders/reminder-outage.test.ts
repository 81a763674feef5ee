import net from 'node:net';
import { TENANT } from '../support/activities';
import { useConnectorStandIn } from '../support/connector-stand-in';
import { DUE, USER, useReminderScheduler, type SchedulerFixture } from '../support/reminder-scheduler-fixture';

/**
 * «A crash or an outage loses nothing»: a reminder the user asked for is tried
 * again through a Bot Connector outage of hours, as the rollout is, and given
 * up only SEND_GIVE_UP_HOURS after its first failure. Real HTTP to the
 * stand-in and real SQLite; the test steps the scheduler's clock.
 * Before: eight attempts, about an hour, and then the reminder was gone.
 */
const connector = useConnectorStandIn();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const outage = (status: number, code = 'ServiceUnavailable') =>
  connector.failures.push(...Array.from({ length: 1000 }, () => ({ status, code })));

/** One scheduler pass every 15 minutes, from `fromMs` to `toMs` after the due time. */
async function passesEvery15Minutes(f: SchedulerFixture, fromMs: number, toMs: number): Promise<void> {
  for (let t = fromMs; t <= toMs; t += 15 * MINUTE) {
    f.at(t);
    await f.scheduler.runOnce();
    const row = f.rows()[0];
    // Never more than 15 minutes between tries, as in the rollout: a connector back is used soon.
    if (row) expect(Date.parse(String(row.next_attempt_at)) - f.now.getTime()).toBeLessThanOrEqual(15 * MINUTE);
  }
}

/** A port nothing listens on: the connection is refused, as when the network is down. */
async function refusingUrl(): Promise<string> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('a reminder during a Bot Connector outage (SEND_GIVE_UP_HOURS at its default, 24)', () => {
  const f = useReminderScheduler(connector, { sendTimeoutMs: 500 });

  it('is tried every 15 minutes through three hours of 503 and sent once the connector is back', async () => {
    await f.setReminder();
    outage(503);
    await passesEvery15Minutes(f, 0, 3 * HOUR);
    expect(connector.attempts).toBe(13); // one try each pass: no wait was longer than 15 minutes
    expect(f.rows()).toHaveLength(1);
    expect(f.rows()[0]).toMatchObject({ retrying_since: DUE.toISOString(), lease_owner: null });

    connector.failures.length = 0;
    await passesEvery15Minutes(f, 3 * HOUR + 15 * MINUTE, 4 * HOUR);
    expect(connector.sent).toHaveLength(1);
    expect(f.rows()).toEqual([]);
    expect(f.logs.text).toMatch(/"outcome":"sent","lateMs":11700000/);
    expect(f.logs.text).not.toMatch(/"level":50/);
  });

  it('treats a timeout and a refused connection as temporary too', async () => {
    await f.setReminder();
    connector.hangs = 1; // the Bot Connector never answers: the send times out after 500 ms
    f.at(0);
    await f.scheduler.runOnce();
    expect(f.rows()[0]).toMatchObject({ attempts: 1, retrying_since: DUE.toISOString() });

    const sighting = { tenantId: TENANT, aadObjectId: USER, locale: 'nb-NO' };
    await f.stores.recipients.recordSighting({ ...sighting, address: f.address(await refusingUrl()) }, f.now);
    f.at(15 * MINUTE);
    await f.scheduler.runOnce();
    expect(f.rows()[0]).toMatchObject({ attempts: 2, retrying_since: DUE.toISOString() });

    await f.stores.recipients.recordSighting({ ...sighting, address: f.address() }, f.now);
    f.at(30 * MINUTE);
    await f.scheduler.runOnce();
    expect(connector.sent).toHaveLength(1);
    expect(f.rows()).toEqual([]);
  });

  it('still ends at once on a 404 during the retries, and stops reaching the user', async () => {
    await f.setReminder();
    connector.failures.push({ status: 503 }, { status: 500 }, { status: 404, code: 'ConversationNotFound' });
    await passesEvery15Minutes(f, 0, HOUR);
    expect(connector.attempts).toBe(3);
    expect(f.rows()).toEqual([]);
    expect((await f.stores.recipients.get(TENANT, USER))?.active).toBe(false);
    expect(f.logs.text).toMatch(/"reason":"ConversationNotFound"/);
    expect(f.logs.text).not.toMatch(/"level":50/);
  });

  it('tries each reminder once a pass, however long the pass, instead of hammering the outage in a loop', async () => {
    const users = Array.from({ length: 12 }, (_, n) => `bbbbbbbb-0000-4000-8000-${String(n + 100).padStart(12, '0')}`);
    for (const user of users) await f.setReminder('passwords', DUE, user);
    outage(503);
    f.at(0);
    f.tickMs = 1000; // each read of the clock is a second later: the first retries fall due within the pass
    await f.scheduler.runOnce();
    expect(connector.attempts).toBe(12);
    expect(f.rows().map((r) => [r.attempts, r.lease_owner])).toEqual(users.map(() => [1, null]));
    await f.scheduler.runOnce(); // the next wake-up tries them all again
    expect(connector.attempts).toBe(24);
  });
});

describe('a reminder past its give-up time (SEND_GIVE_UP_HOURS=2)', () => {
  const f = useReminderScheduler(connector, { env: { SEND_GIVE_UP_HOURS: '2' } });

  it('is tried until two hours after its first failure, across a restart, then given up and logged with ids only', async () => {
    await f.setReminder();
    outage(503);
    // refleks was down when it fell due: its first try, and first failure, is an hour late.
    await passesEvery15Minutes(f, HOUR, 2 * HOUR);
    await f.restart();
    // Past two hours after the due time, still tried: the time counts from the first failure.
    await passesEvery15Minutes(f, 2 * HOUR + 15 * MINUTE, 2 * HOUR + 45 * MINUTE);
    expect(f.rows()[0]).toMatchObject({ retrying_since: new Date(DUE.getTime() + HOUR).toISOString() });
    expect(f.logs.text).not.toMatch(/"level":50/);

    f.at(3 * HOUR); // the last try falls on the give-up time itself
    await f.scheduler.runOnce();
    expect(connector.attempts).toBe(9);
    expect(f.rows()).toEqual([]);
    const givenUp = f.logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.level === 50);
    expect(givenUp).toEqual([
      expect.objectContaining({
        tenantId: TENANT,
        themeId: 'passwords',
        outcome: 'failed',
        status: 503,
        reason: 'retries-exhausted-503',
        failingSince: new Date(DUE.getTime() + HOUR).toISOString(),
      }),
    ]);
    // Ids of the tenant and theme only: not who, not the chat, no text.
    expect(f.logs.text).not.toContain(USER);
    expect(f.logs.text).not.toContain('personal-');
    expect(f.logs.text).not.toMatch(/påminnelsen|@/);
    expect((await f.stores.recipients.get(TENANT, USER))?.active).toBe(true);
  });
});
