import { loadConfig } from '../../src/config/load-config';
import { configProblems } from '../support/config-problems';
import { TENANT } from '../support/activities';
import { waitFor } from '../support/child-service';
import { useConnectorStandIn } from '../support/connector-stand-in';
import { DUE, library, USER, useReminderScheduler } from '../support/reminder-scheduler-fixture';

/**
 * The scheduler with the real SQLite store and the real Bot Framework client
 * against the Bot Connector stand-in; only the clock is the test's, so
 * backoff and Retry-After can be stepped through without waiting. Outages
 * and give-up times are in reminder-outage.test.ts.
 */
const connector = useConnectorStandIn();
const f = useReminderScheduler(connector);
const { at, rows, setReminder } = f;

describe('the reminder scheduler', () => {
  it('sends a due reminder once, in the language the user has now, and then forgets it', async () => {
    await setReminder();
    await f.scheduler.runOnce();
    expect(connector.attempts).toBe(0);

    await f.stores.recipients.setLanguage(TENANT, USER, 'en'); // changed their mind after asking in bokmål
    at(0);
    await f.scheduler.runOnce();
    await f.scheduler.runOnce();
    expect(connector.sent).toHaveLength(1);
    expect(connector.sent[0]?.conversationId).toBe(`a:personal-${USER}`);
    const card = JSON.stringify(connector.sent[0]?.activity.attachments);
    expect(card).toContain("Here's the reminder you asked for");
    expect(card).toContain(library.text('passwords', 'en').reminderAction);
    expect(rows()).toEqual([]);
    expect(f.logs.text).toMatch(/"outcome":"sent"/);
    expect(f.logs.text).not.toContain(USER);
  });

  it('sends reminders that fell due while it was down, late but once', async () => {
    await setReminder('passwords');
    await setReminder('two-factor', new Date(DUE.getTime() - 3 * 86_400_000));
    at(5 * 86_400_000);
    await f.scheduler.runOnce();
    expect(connector.sent).toHaveLength(2);
    expect(f.logs.text).toMatch(/"lateMs":432000000/);
    await f.scheduler.runOnce();
    expect(connector.sent).toHaveLength(2);
  });

  it('tries again with backoff after 503 and 502, then sends', async () => {
    await setReminder();
    connector.failures.push({ status: 503, code: 'ServiceUnavailable' }, { status: 502 });
    at(0);
    await f.scheduler.runOnce();
    expect(rows()[0]).toMatchObject({ attempts: 1, lease_owner: null, retrying_since: DUE.toISOString() });
    await f.scheduler.runOnce();
    expect(connector.attempts).toBe(1); // not due again yet: the first retry is 0.25–0.5 s later (SEND_RETRY_SECONDS)
    at(500);
    await f.scheduler.runOnce();
    expect(rows()[0]).toMatchObject({ attempts: 2 });
    at(500 + 1000);
    await f.scheduler.runOnce();
    expect(connector.attempts).toBe(3);
    expect(connector.sent).toHaveLength(1);
    expect(rows()).toEqual([]);
  });

  it('waits as long as Retry-After says on 429, for every reminder, without counting an attempt', async () => {
    await setReminder('passwords');
    await setReminder('two-factor');
    connector.failures.push({ status: 429, code: 'Throttled', retryAfterSeconds: 120 });
    at(0);
    await f.scheduler.runOnce();
    expect(connector.attempts).toBe(1); // the other reminder was given back untried
    expect(rows().map((r) => [r.attempts, r.lease_owner])).toEqual([
      [0, null],
      [0, null],
    ]);
    at(119_000);
    await f.scheduler.runOnce();
    expect(connector.attempts).toBe(1);
    at(120_000);
    await f.scheduler.runOnce();
    expect(connector.sent).toHaveLength(2);
  });

  it('gives up at once when the user blocked the bot, and stops reaching them', async () => {
    await setReminder();
    connector.failures.push({ status: 403, code: 'ConversationBlockedByUser' });
    at(0);
    await f.scheduler.runOnce();
    at(3_600_000);
    await f.scheduler.runOnce();
    expect(connector.attempts).toBe(1);
    expect(rows()).toEqual([]);
    expect((await f.stores.recipients.get(TENANT, USER))?.active).toBe(false);
    expect(f.logs.text).toMatch(/"reason":"ConversationBlockedByUser"/);
  });

  it('drops a reminder for someone who has removed the app without trying', async () => {
    await setReminder();
    await f.stores.recipients.markInactive(TENANT, USER, f.now);
    at(0);
    await f.scheduler.runOnce();
    expect(connector.attempts).toBe(0);
    expect(rows()).toEqual([]);
  });

  it('on stop, finishes the send in flight and gives the rest back for the next start', async () => {
    for (const themeId of ['passwords', 'two-factor', 'lock-devices'] as const) await setReminder(themeId);
    connector.delayMs = 400;
    at(0);
    const pass = f.scheduler.runOnce();
    await waitFor(() => connector.sent.length === 1, 'the first send');
    await f.scheduler.stop();
    await pass;
    expect(connector.sent).toHaveLength(1);
    expect(rows()).toHaveLength(2);
    expect(rows().every((r) => r.lease_owner === null)).toBe(true);
  });
});

describe('REMINDER_INTERVAL_SECONDS', () => {
  it('defaults to 30 seconds, takes fractions for tests, and refuses nonsense with the variable named', () => {
    expect(loadConfig({}, '/srv').engagement.reminderIntervalMs).toBe(30_000);
    expect(loadConfig({ REMINDER_INTERVAL_SECONDS: '0.2' }, '/srv').engagement.reminderIntervalMs).toBe(200);
    expect(configProblems({ REMINDER_INTERVAL_SECONDS: 'often' })).toMatch(
      /REMINDER_INTERVAL_SECONDS: must be a number/,
    );
    expect(configProblems({ REMINDER_INTERVAL_SECONDS: '0' })).toMatch(/REMINDER_INTERVAL_SECONDS/);
    expect(configProblems({ REMINDER_INTERVAL_SECONDS: '3600' })).toMatch(/REMINDER_INTERVAL_SECONDS/);
  });
});
