import { setTimeout as sleep } from 'node:timers/promises';
import { REMINDER_LEASE_MS } from '../../src/engagement/reminders/reminder-scheduler';
import { useConnectorStandIn } from '../support/connector-stand-in';
import { refuseReminderDeletes } from '../support/refuse-writes';
import { useReminderScheduler } from '../support/reminder-scheduler-fixture';

const connector = useConnectorStandIn();
// A refused delete is tried for 20 s here (REMINDER_LEASE_MS, 5 minutes, in the service).
const f = useReminderScheduler(connector, { writeRetryMs: 20_000 });

let allow: (() => void) | undefined;
afterEach(() => allow?.());

/** A pass whose reminder went out, while the store refuses to delete its row (in an object: not awaited). */
async function sentButRefused(): Promise<{ pass: Promise<void> }> {
  await f.setReminder();
  const refusal = refuseReminderDeletes(f.dataDir);
  allow = () => (refusal(), (allow = undefined));
  f.at(0);
  const pass = f.scheduler.runOnce();
  await connector.waitForSent(1);
  await sleep(300); // the delete is being tried again
  return { pass };
}

describe('stop() while the store refuses to delete a sent reminder', () => {
  // Before: stop() waited for the pass, which tried the delete for the whole 20 s.
  it('returns within a second, with the reminder remembered as sent', async () => {
    const { pass } = await sentButRefused();
    const started = Date.now();
    await f.scheduler.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await pass;
    expect(connector.attempts).toBe(1);
    // Stopping is no failure of the store: one calm line, not the error a refused write gets.
    expect(f.logs.text).toContain('reminder sent; recording it is left to the last try at stop');
    expect(f.logs.text).not.toContain('reminder sent but not recorded');
    // The last try in stop() was refused too: the row stays, claimed until its lease runs out, and
    // the reminder may then be sent again, which is an error.
    const lastTry = f.logs.lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(lastTry).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: 'a sent reminder is not recorded at stop; it may be sent again after its lease',
      }),
    );
    expect(f.rows()).toHaveLength(1);
  });

  it('deletes the row with the last try in stop(), so it is not sent again after a restart', async () => {
    const { pass } = await sentButRefused();
    const stopped = f.scheduler.stop();
    // The retry's wait ends with the stop: only the last try in stop() can delete the row.
    allow?.();
    await stopped;
    await pass;
    expect(f.rows()).toEqual([]);
    expect(f.logs.text).toContain('an earlier reminder send recorded now');
    f.at(REMINDER_LEASE_MS + 60_000);
    await f.restart();
    await f.scheduler.runOnce();
    expect(connector.attempts).toBe(1);
  });
});
