import { TENANT, type UserSpec } from '../support/activities';
import { startChildService, waitFor, type ChildService } from '../support/child-service';
import { ConnectorStandIn } from '../support/connector-stand-in';
import { askForReminder, letTimePass, reminderRows, sentReminders } from '../support/reminder-fixture';
import { newDataDir } from '../support/test-service';

/**
 * The running service reads the rollout's retry settings for reminders too:
 * refleks as its own process against the Bot Connector stand-in, with
 * SEND_GIVE_UP_HOURS scaled down to 3.6 seconds and retries from 50 ms.
 * The step-by-step rule (15 minutes apart, counted from the first failure,
 * across restarts) is in reminder-outage.test.ts.
 */
const connector = new ConnectorStandIn();
beforeAll(() => connector.start());
afterAll(() => connector.stop());

let service: ChildService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

const GIVE_UP_MS = 3600;
const env = (dataDir: string) => ({
  DATA_DIR: dataDir,
  ALLOWED_TENANT_IDS: TENANT,
  REMINDER_INTERVAL_SECONDS: '0.1',
  SEND_RETRY_SECONDS: '0.05',
  SEND_GIVE_UP_HOURS: String(GIVE_UP_MS / 3_600_000),
});
const user = (n: number): UserSpec => ({
  aadObjectId: `efefefef-0000-4000-8000-${String(n).padStart(12, '0')}`,
  serviceUrl: connector.url,
  locale: 'nb-NO',
  name: 'Kari Nordmann',
});
const outage = () => connector.failures.push(...Array.from({ length: 1000 }, () => ({ status: 503 })));

describe('reminders through a Bot Connector outage, in the running service', () => {
  it('are retried through an outage and sent when it ends, or given up SEND_GIVE_UP_HOURS after the first failure', async () => {
    const dataDir = newDataDir();
    service = await startChildService(env(dataDir));
    const running = service;

    // An outage shorter than the give-up time: tried again and again, then sent once it is over.
    await askForReminder(running, connector, user(1));
    outage();
    const before = connector.attempts;
    letTimePass(dataDir, 'due');
    await waitFor(() => connector.attempts >= before + 4, 'several tries during the outage');
    expect(reminderRows(dataDir)).toHaveLength(1);
    connector.failures.length = 0;
    await waitFor(() => sentReminders(connector).length === 1, 'the reminder once the connector is back');
    // The service deletes the row once the connector's answer reaches it, a moment after the stand-in saw the send.
    await waitFor(() => reminderRows(dataDir).length === 0, 'the sent reminder deleted');

    // An outage that outlasts it: tried until the give-up time, then given up and logged.
    await askForReminder(running, connector, user(2));
    outage();
    letTimePass(dataDir, 'due');
    const firstTry = Date.now();
    const givenUp = await waitFor(
      () => running.logs.find((l) => l.level === 50 && l.reason === 'retries-exhausted-503'),
      'the reminder to be given up',
    );
    expect(Date.now() - firstTry).toBeGreaterThanOrEqual(GIVE_UP_MS);
    expect(givenUp).toMatchObject({ tenantId: TENANT, themeId: 'two-factor', outcome: 'failed' });
    expect(reminderRows(dataDir)).toEqual([]);
    expect(sentReminders(connector)).toHaveLength(1);

    const logs = running.logText();
    for (const secret of [user(1).aadObjectId, user(2).aadObjectId, 'Kari', 'Nordmann', 'personal-']) {
      expect(logs).not.toContain(secret);
    }
  }, 60_000);
});
