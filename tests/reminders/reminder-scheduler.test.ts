import Database from 'better-sqlite3';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { configProblems } from '../support/config-problems';
import { createThemeLibrary } from '../../src/content/theme-library';
import {
  createReminderScheduler,
  REMINDER_RETRY_POLICY,
  type ReminderScheduler,
} from '../../src/engagement/reminders/reminder-scheduler';
import { createLogger } from '../../src/log/create-logger';
import type { ThemeId } from '../../src/content/theme-schema';
import { createSqliteStores, type Stores } from '../../src/stores/sqlite/create-sqlite-stores';
import { createBotAuthentication } from '../../src/teams/create-bot-authentication';
import { createProactiveSender } from '../../src/teams/create-proactive-sender';
import { TENANT } from '../support/activities';
import { waitFor } from '../support/child-service';
import { useConnectorStandIn } from '../support/connector-stand-in';
import { render, themes } from '../support/content';
import { LogCapture, newDataDir } from '../support/test-service';

/**
 * The scheduler with the real SQLite store and the real Bot Framework client
 * against the Bot Connector stand-in; only the clock is the test's, so
 * backoff and Retry-After can be stepped through without waiting.
 */
const connector = useConnectorStandIn();
const DUE = new Date('2026-06-12T08:00:00Z'); // Friday 10:00 in Oslo
const USER = 'bbbbbbbb-0000-4000-8000-000000000001';
const library = createThemeLibrary(themes, {});

let stores: Stores;
let dataDir: string;
let now: Date;
let logs: LogCapture;
let scheduler: ReminderScheduler;

const address = () => ({
  serviceUrl: connector.url,
  channelId: 'msteams',
  conversationId: `a:personal-${USER}`,
  conversationType: 'personal',
  tenantId: TENANT,
  botId: '28:refleks',
  userId: `29:${USER}`,
});

beforeEach(async () => {
  dataDir = newDataDir();
  stores = createSqliteStores(dataDir);
  now = new Date(DUE.getTime() - 60_000);
  logs = new LogCapture();
  scheduler = createReminderScheduler({
    reminders: stores.reminders,
    recipients: stores.recipients,
    proactive: createProactiveSender(createBotAuthentication(loadConfig({})), '', 2000),
    themes: library,
    cards: render,
    localRules: {},
    policy: REMINDER_RETRY_POLICY,
    intervalMs: 60_000,
    log: createLogger('info', logs),
    clock: () => now,
  });
  await stores.recipients.recordSighting(
    { tenantId: TENANT, aadObjectId: USER, address: address(), locale: 'nb-NO' },
    now,
  );
});
afterEach(async () => {
  await scheduler.stop();
  await stores.health.close();
});

const setReminder = (themeId: ThemeId = 'passwords', dueAt = DUE) =>
  stores.reminders.set({
    tenantId: TENANT,
    aadObjectId: USER,
    themeId,
    dueAt,
    address: address(),
    language: 'nb',
    createdAt: new Date(DUE.getTime() - 86_400_000),
  });
const rows = () => {
  const db = new Database(path.join(dataDir, 'refleks.db'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM reminders').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
};
const at = (ms: number) => (now = new Date(DUE.getTime() + ms));

describe('the reminder scheduler', () => {
  it('sends a due reminder once, in the language the user has now, and then forgets it', async () => {
    await setReminder();
    await scheduler.runOnce();
    expect(connector.attempts).toBe(0);

    await stores.recipients.setLanguage(TENANT, USER, 'en'); // changed their mind after asking in bokmål
    at(0);
    await scheduler.runOnce();
    await scheduler.runOnce();
    expect(connector.sent).toHaveLength(1);
    expect(connector.sent[0]?.conversationId).toBe(`a:personal-${USER}`);
    const card = JSON.stringify(connector.sent[0]?.activity.attachments);
    expect(card).toContain("Here's the reminder you asked for");
    expect(card).toContain(library.text('passwords', 'en').reminderAction);
    expect(rows()).toEqual([]);
    expect(logs.text).toMatch(/"outcome":"sent"/);
    expect(logs.text).not.toContain(USER);
  });

  it('sends reminders that fell due while it was down, late but once', async () => {
    await setReminder('passwords');
    await setReminder('two-factor', new Date(DUE.getTime() - 3 * 86_400_000));
    at(5 * 86_400_000);
    await scheduler.runOnce();
    expect(connector.sent).toHaveLength(2);
    expect(logs.text).toMatch(/"lateMs":432000000/);
    await scheduler.runOnce();
    expect(connector.sent).toHaveLength(2);
  });

  it('tries again with backoff after 503 and 502, then sends', async () => {
    await setReminder();
    connector.failures.push({ status: 503, code: 'ServiceUnavailable' }, { status: 502 });
    at(0);
    await scheduler.runOnce();
    expect(rows()[0]).toMatchObject({ attempts: 1, lease_owner: null });
    await scheduler.runOnce();
    expect(connector.attempts).toBe(1); // not due again yet: the backoff is at least 15 s
    at(30_000);
    await scheduler.runOnce();
    expect(rows()[0]).toMatchObject({ attempts: 2 });
    at(30_000 + 60_000);
    await scheduler.runOnce();
    expect(connector.attempts).toBe(3);
    expect(connector.sent).toHaveLength(1);
    expect(rows()).toEqual([]);
  });

  it('waits as long as Retry-After says on 429, for every reminder, without counting an attempt', async () => {
    await setReminder('passwords');
    await setReminder('two-factor');
    connector.failures.push({ status: 429, code: 'Throttled', retryAfterSeconds: 120 });
    at(0);
    await scheduler.runOnce();
    expect(connector.attempts).toBe(1); // the other reminder was given back untried
    expect(rows().map((r) => [r.attempts, r.lease_owner])).toEqual([
      [0, null],
      [0, null],
    ]);
    at(119_000);
    await scheduler.runOnce();
    expect(connector.attempts).toBe(1);
    at(120_000);
    await scheduler.runOnce();
    expect(connector.sent).toHaveLength(2);
  });

  it('gives up at once when the user blocked the bot, and stops reaching them', async () => {
    await setReminder();
    connector.failures.push({ status: 403, code: 'ConversationBlockedByUser' });
    at(0);
    await scheduler.runOnce();
    at(3_600_000);
    await scheduler.runOnce();
    expect(connector.attempts).toBe(1);
    expect(rows()).toEqual([]);
    expect((await stores.recipients.get(TENANT, USER))?.active).toBe(false);
    expect(logs.text).toMatch(/"reason":"ConversationBlockedByUser"/);
  });

  it('drops a reminder for someone who has removed the app without trying', async () => {
    await setReminder();
    await stores.recipients.markInactive(TENANT, USER, now);
    at(0);
    await scheduler.runOnce();
    expect(connector.attempts).toBe(0);
    expect(rows()).toEqual([]);
  });

  it('gives up after the last attempt for temporary failures, and says so loudly', async () => {
    await setReminder();
    for (let i = 0; i < REMINDER_RETRY_POLICY.maxAttempts; i += 1) connector.failures.push({ status: 500 });
    for (let i = 0; i < REMINDER_RETRY_POLICY.maxAttempts; i += 1) {
      at(i * REMINDER_RETRY_POLICY.maxDelayMs);
      await scheduler.runOnce();
    }
    expect(connector.attempts).toBe(REMINDER_RETRY_POLICY.maxAttempts);
    expect(rows()).toEqual([]);
    expect(logs.text).toMatch(/"level":50.*"reason":"retries-exhausted-500"/);
    expect((await stores.recipients.get(TENANT, USER))?.active).toBe(true);
  });

  it('on stop, finishes the send in flight and gives the rest back for the next start', async () => {
    for (const themeId of ['passwords', 'two-factor', 'lock-devices'] as const) await setReminder(themeId);
    connector.delayMs = 400;
    at(0);
    const pass = scheduler.runOnce();
    await waitFor(() => connector.sent.length === 1, 'the first send');
    await scheduler.stop();
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
