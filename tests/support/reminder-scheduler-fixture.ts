import Database from 'better-sqlite3';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { createThemeLibrary } from '../../src/content/theme-library';
import type { ThemeId } from '../../src/content/theme-schema';
import type { ConversationAddress } from '../../src/domain/conversation-address';
import { createReminderScheduler, type ReminderScheduler } from '../../src/engagement/reminders/reminder-scheduler';
import { createLogger } from '../../src/log/create-logger';
import { sendRetryBudget } from '../../src/rollout/retry-budget';
import type { ReminderStore } from '../../src/stores/reminder-store';
import { createSqliteStores, type Stores } from '../../src/stores/sqlite/create-sqlite-stores';
import { createBotAuthentication } from '../../src/teams/create-bot-authentication';
import { createProactiveSender } from '../../src/teams/create-proactive-sender';
import { TENANT } from './activities';
import type { ConnectorStandIn } from './connector-stand-in';
import { render, themes } from './content';
import { LogCapture, newDataDir } from './test-service';

export const DUE = new Date('2026-06-12T08:00:00Z'); // Friday 10:00 in Oslo
export const USER = 'bbbbbbbb-0000-4000-8000-000000000001';
export const library = createThemeLibrary(themes, {});

export interface SchedulerOptions {
  /** Settings as in the environment (SEND_RETRY_SECONDS, SEND_GIVE_UP_HOURS), read by loadConfig. */
  env?: Record<string, string>;
  /** How long one send may take before it counts as a timeout. */
  sendTimeoutMs?: number;
  /** How long a refused delete after a send is tried again (a lease in the service). */
  writeRetryMs?: number;
  /** Wraps the real store the scheduler uses, e.g. to make a write slow; `stores.reminders` stays the real one. */
  wrapReminders?: (real: ReminderStore) => ReminderStore;
}

/** One test's scheduler, stores and clock; fields are replaced before each test. */
export interface SchedulerFixture {
  stores: Stores;
  dataDir: string;
  logs: LogCapture;
  scheduler: ReminderScheduler;
  /** The scheduler's clock: moved by the test, never by itself unless `tickMs` is set. */
  now: Date;
  /** How far the clock moves each time the scheduler reads it: time passing during a pass. */
  tickMs: number;
  /** Sets the clock to `ms` after DUE. */
  at(ms: number): void;
  address(serviceUrl?: string): ConversationAddress;
  setReminder(themeId?: ThemeId, dueAt?: Date, aadObjectId?: string): Promise<{ replaced: boolean }>;
  rows(): Record<string, unknown>[];
  /** Closes the stores and opens a new scheduler on the same data, as a restarted process would. */
  restart(): Promise<void>;
}

/**
 * The reminder scheduler with the real SQLite store and the real Bot
 * Framework client against the Bot Connector stand-in; only the clock is the
 * test's, so backoff, Retry-After and give-up times can be stepped through
 * without waiting. Its retry settings come through loadConfig, as in the service.
 */
export function useReminderScheduler(connector: ConnectorStandIn, options: SchedulerOptions = {}): SchedulerFixture {
  const f = { tickMs: 0 } as SchedulerFixture;

  function open(): void {
    const config = loadConfig(options.env ?? {});
    f.stores = createSqliteStores(f.dataDir);
    f.scheduler = createReminderScheduler({
      reminders: options.wrapReminders?.(f.stores.reminders) ?? f.stores.reminders,
      recipients: f.stores.recipients,
      proactive: createProactiveSender(createBotAuthentication(config), '', options.sendTimeoutMs ?? 2000),
      themes: library,
      cards: render,
      localRules: {},
      retry: sendRetryBudget(config.campaign),
      intervalMs: 60_000,
      writeRetryMs: options.writeRetryMs,
      log: createLogger('info', f.logs),
      clock: () => (f.now = new Date(f.now.getTime() + f.tickMs)),
    });
  }

  f.at = (ms) => (f.now = new Date(DUE.getTime() + ms));
  f.address = (serviceUrl = connector.url) => ({
    serviceUrl,
    channelId: 'msteams',
    conversationId: `a:personal-${USER}`,
    conversationType: 'personal',
    tenantId: TENANT,
    botId: '28:refleks',
    userId: `29:${USER}`,
  });
  f.setReminder = (themeId = 'passwords', dueAt = DUE, aadObjectId = USER) =>
    f.stores.reminders.set({
      tenantId: TENANT,
      aadObjectId,
      themeId,
      dueAt,
      address: f.address(),
      language: 'nb',
      createdAt: new Date(DUE.getTime() - 86_400_000),
    });
  f.rows = () => {
    const db = new Database(path.join(f.dataDir, 'refleks.db'), { readonly: true });
    try {
      return db.prepare('SELECT * FROM reminders ORDER BY aad_object_id, theme_id').all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };
  f.restart = async () => {
    await f.scheduler.stop();
    await f.stores.health.close();
    open();
  };

  beforeEach(async () => {
    f.dataDir = newDataDir();
    f.logs = new LogCapture();
    f.tickMs = 0;
    f.at(-60_000);
    open();
    const sighting = { tenantId: TENANT, aadObjectId: USER, address: f.address(), locale: 'nb-NO' };
    await f.stores.recipients.recordSighting(sighting, f.now);
  });
  afterEach(async () => {
    await f.scheduler.stop();
    await f.stores.health.close();
  });
  return f;
}
