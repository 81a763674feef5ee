import Database from 'better-sqlite3';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REMINDER_LEASE_MS } from '../../src/engagement/reminders/reminder-scheduler';
import { TENANT } from '../support/activities';
import { useConnectorStandIn } from '../support/connector-stand-in';
import { DUE, USER, useReminderScheduler, type SchedulerFixture } from '../support/reminder-scheduler-fixture';

/**
 * The database refuses to delete a reminder's row (as SQLITE_BUSY past the
 * busy timeout or a full disk would), here just after the send: a real SQLite
 * error from the real store, raised by a trigger made from a second
 * connection, as in the rollout's ledger-failure test. Real HTTP to the
 * stand-in; the test steps the scheduler's clock past the 5-minute lease.
 * Before: the error ended the pass (the reminders after it waited), the row
 * stayed claimed, and once the lease ran out the reminder was sent again.
 */
const connector = useConnectorStandIn();
const MINUTE = 60_000;
const GONE = 'bbbbbbbb-0000-4000-8000-000000000002';

let allowDeletes: (() => void) | undefined;
afterEach(() => allowDeletes?.());

/** Refuses deleting reminder rows (only `aadObjectId`'s, if given) until the returned function is called. */
function refuseDeletes(f: SchedulerFixture, aadObjectId?: string): () => void {
  const db = new Database(path.join(f.dataDir, 'refleks.db'));
  const only = aadObjectId === undefined ? '' : `WHEN OLD.aad_object_id = '${aadObjectId}'`;
  db.exec(`CREATE TRIGGER refuse_delete BEFORE DELETE ON reminders ${only}
           BEGIN SELECT RAISE(ABORT, 'store refuses writes (test)'); END`);
  allowDeletes = () => {
    db.exec('DROP TRIGGER refuse_delete');
    db.close();
    allowDeletes = undefined;
  };
  return allowDeletes;
}

const logged = (f: SchedulerFixture) => f.logs.lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('a reminder whose row the store will not delete just after the send', () => {
  // The delete is tried again for 1 s here (a lease, 5 minutes, in the service).
  const f = useReminderScheduler(connector, { writeRetryMs: 1000 });

  it('is tried again, so a short refusal costs nothing: sent once, and the row is gone', async () => {
    await f.setReminder();
    const allow = refuseDeletes(f);
    f.at(0);
    const pass = f.scheduler.runOnce();
    await connector.waitForSent(1);
    await sleep(300);
    allow();
    await pass;
    for (const t of [REMINDER_LEASE_MS + MINUTE, 2 * REMINDER_LEASE_MS + 2 * MINUTE]) {
      f.at(t);
      await f.scheduler.runOnce();
    }
    expect(connector.attempts).toBe(1);
    expect(f.rows()).toEqual([]);
    expect(f.logs.text).toMatch(/"outcome":"sent".*"finished":true/);
    expect(f.logs.text).not.toMatch(/"level":50/);
  });

  it('when refused for longer, is never sent again by this process and is deleted once the store takes writes', async () => {
    await f.setReminder('passwords');
    await f.setReminder('two-factor');
    const allow = refuseDeletes(f);
    f.at(0);
    await f.scheduler.runOnce();
    // Both sent: the first one's refused write did not end the pass.
    expect(connector.sent).toHaveLength(2);
    expect(f.rows()).toHaveLength(2);
    const errors = logged(f).filter((l) => l.level === 50);
    expect(errors.map((l) => [l.themeId, l.outcome])).toEqual([
      ['passwords', 'sent'],
      ['two-factor', 'sent'],
    ]);
    expect(errors[0]).toMatchObject({ tenantId: TENANT, err: { message: 'store refuses writes (test)' } });
    // Ids of the tenant and theme only: not who, not the chat, no text.
    expect(f.logs.text).not.toContain(USER);
    expect(f.logs.text).not.toContain('personal-');
    expect(f.logs.text).not.toMatch(/påminnelsen/);

    // Past the lease, twice, the store still refusing: the rows are claimed again, but not sent.
    for (const t of [REMINDER_LEASE_MS + MINUTE, 2 * REMINDER_LEASE_MS + 2 * MINUTE]) {
      f.at(t);
      await f.scheduler.runOnce();
    }
    expect(connector.attempts).toBe(2);
    expect(f.rows()).toHaveLength(2);

    allow();
    f.at(3 * REMINDER_LEASE_MS);
    await f.scheduler.runOnce();
    expect(f.rows()).toEqual([]);
    expect(f.logs.text.match(/an earlier reminder send recorded now/g)).toHaveLength(2);
    f.at(4 * REMINDER_LEASE_MS);
    await f.scheduler.runOnce();
    expect(connector.attempts).toBe(2);
  });

  it('is deleted on stop if the store takes writes again before the next pass', async () => {
    await f.setReminder();
    const allow = refuseDeletes(f);
    f.at(0);
    await f.scheduler.runOnce();
    expect(f.rows()).toHaveLength(1);
    allow();
    await f.scheduler.stop();
    expect(f.rows()).toEqual([]);
    expect(connector.attempts).toBe(1);
  });
});

describe('a refused delete when no message went out', () => {
  const f = useReminderScheduler(connector, { writeRetryMs: 1000 });

  it('does not end the pass: the other reminders are sent, and it is dropped once the store takes writes', async () => {
    // Someone who removed the app: their reminder is dropped without a send, and comes first.
    const address = { ...f.address(), conversationId: `a:personal-${GONE}`, userId: `29:${GONE}` };
    await f.stores.recipients.recordSighting({ tenantId: TENANT, aadObjectId: GONE, address, locale: 'nb-NO' }, f.now);
    await f.stores.recipients.markInactive(TENANT, GONE, f.now);
    await f.setReminder('passwords', new Date(DUE.getTime() - MINUTE), GONE);
    await f.setReminder('passwords');
    const allow = refuseDeletes(f, GONE);
    f.at(0);
    await f.scheduler.runOnce();
    expect(connector.sent.map((s) => s.conversationId)).toEqual([`a:personal-${USER}`]);
    expect(f.rows().map((r) => r.aad_object_id)).toEqual([GONE]);
    expect(logged(f).filter((l) => l.level === 50)).toEqual([
      expect.objectContaining({
        tenantId: TENANT,
        themeId: 'passwords',
        err: expect.objectContaining({ message: 'store refuses writes (test)' }),
      }),
    ]);
    expect(f.logs.text).not.toContain(GONE);

    allow();
    f.at(REMINDER_LEASE_MS + MINUTE); // tried again once its claim runs out
    await f.scheduler.runOnce();
    expect(f.rows()).toEqual([]);
    expect(connector.attempts).toBe(1);
  });
});

describe('a delete that took most of the lease', () => {
  // As a write retried for minutes: the clock moves by 4 min 50 s during the first delete.
  let slowOnce = true;
  const f: SchedulerFixture = useReminderScheduler(connector, {
    wrapReminders: (real) => ({
      ...real,
      async finish(claim) {
        if (slowOnce) f.at(REMINDER_LEASE_MS - 10_000); // claimed at DUE
        slowOnce = false;
        return real.finish(claim);
      },
    }),
  });

  it('gives the rest of the batch back instead of sending it at the end of its lease', async () => {
    for (const themeId of ['passwords', 'two-factor', 'lock-devices'] as const) await f.setReminder(themeId);
    f.at(0);
    await f.scheduler.runOnce();
    expect(connector.sent).toHaveLength(1);
    expect(f.rows().map((r) => r.lease_owner)).toEqual([null, null]);
    await f.scheduler.runOnce(); // claimed again with a whole lease
    expect(connector.sent).toHaveLength(3);
    expect(f.rows()).toEqual([]);
  });
});
