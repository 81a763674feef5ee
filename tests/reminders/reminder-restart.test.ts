import { TENANT, type UserSpec } from '../support/activities';
import { startChildService, waitFor, type ChildService } from '../support/child-service';
import { ConnectorStandIn } from '../support/connector-stand-in';
import { askForReminder, letTimePass, reminderRows, sentReminders } from '../support/reminder-fixture';
import { newDataDir } from '../support/test-service';

/**
 * The promise in the issue: reminders survive restarts and are sent once.
 * refleks runs as its own process (as in production) against the Bot
 * Connector stand-in; it is stopped, restarted and killed with SIGKILL on the
 * same data. Time is let pass in the database while it is down (see
 * letTimePass): the reminder falls due, or a crashed claimer's lease runs out.
 */
const connector = new ConnectorStandIn();
beforeAll(() => connector.start());
afterAll(() => connector.stop());
beforeEach(() => {
  connector.sent.length = 0;
  connector.hangs = 0;
});

let service: ChildService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

const env = (dataDir: string) => ({ DATA_DIR: dataDir, ALLOWED_TENANT_IDS: TENANT, REMINDER_INTERVAL_SECONDS: '0.2' });
const user = (n: number): UserSpec => ({
  aadObjectId: `cdcdcdcd-0000-4000-8000-${String(n).padStart(12, '0')}`,
  serviceUrl: connector.url,
  locale: 'nn-NO',
});
/** Five wake-ups of the scheduler: long enough for a second send to show up if there were one. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

describe('reminders across restarts', () => {
  it('waits through a restart until due, is sent once by the next process, and never again', async () => {
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir));
    expect(await askForReminder(service, connector, user(1))).toContain('Eg minner deg på det fredag');
    await service.stop();

    // Restarted before it is due: nothing is sent.
    service = await startChildService(env(dataDir));
    await settle();
    expect(sentReminders(connector)).toHaveLength(0);
    await service.stop();

    letTimePass(dataDir, 'due');
    service = await startChildService(env(dataDir));
    await waitFor(() => sentReminders(connector).length === 1, 'the overdue reminder at start-up');
    await settle();
    expect(sentReminders(connector)).toHaveLength(1);
    expect(reminderRows(dataDir)).toEqual([]);
    expect(JSON.stringify(sentReminders(connector)[0]?.activity)).toContain('Her er påminninga du bad om');
    expect(service.logText()).toMatch(/"outcome":"sent"/);
    await service.stop();

    service = await startChildService(env(dataDir));
    await settle();
    expect(sentReminders(connector)).toHaveLength(1);
  }, 60_000);

  it('is sent exactly once when the service is killed with SIGKILL after claiming it', async () => {
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir));
    expect(await askForReminder(service, connector, user(2))).toContain('Eg minner deg på det fredag');
    await service.stop();
    letTimePass(dataDir, 'due');

    // The next process claims it and starts sending; the Bot Connector never answers, and the host dies.
    const before = connector.attempts;
    connector.hangs = 1;
    service = await startChildService(env(dataDir));
    await waitFor(() => connector.attempts > before, 'the send of the claimed reminder');
    expect(reminderRows(dataDir)[0]?.lease_owner).toEqual(expect.any(String));
    await service.kill();
    expect(sentReminders(connector)).toHaveLength(0);

    // Restarted at once: the dead process's claim still holds, so the new one waits rather than risk a double.
    service = await startChildService(env(dataDir));
    await settle();
    expect(sentReminders(connector)).toHaveLength(0);
    expect(connector.attempts).toBe(before + 1);

    // When the lease runs out, the reminder is taken over and sent, once.
    letTimePass(dataDir, 'leases');
    await waitFor(() => sentReminders(connector).length === 1, 'the reminder after the lease ran out');
    await settle();
    expect(sentReminders(connector)).toHaveLength(1);
    expect(reminderRows(dataDir)).toEqual([]);
  }, 60_000);
});
