import { loadConfig } from '../../src/config/load-config';
import { createMessageComposer } from '../../src/rollout/compose-message';
import { createRollout } from '../../src/rollout/create-rollout';
import { createSqliteStores } from '../../src/stores/sqlite/create-sqlite-stores';
import { createBotAuthentication } from '../../src/teams/create-bot-authentication';
import { createProactiveSender } from '../../src/teams/create-proactive-sender';
import { createLogger } from '../../src/log/create-logger';
import { createThemeLibrary } from '../../src/content/theme-library';
import { pulse, render, themes } from './content';
import { TENANT } from './activities';
import { LogCapture, newDataDir } from './test-service';

export const recipientId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** Adds recipients whose conversations live on the given connector stand-in. */
export async function addRecipients(
  stores: ReturnType<typeof createSqliteStores>,
  serviceUrl: string,
  count: number,
  tenantId = TENANT,
) {
  for (let i = 0; i < count; i++) {
    const aadObjectId = recipientId(i);
    await stores.recipients.recordSighting(
      {
        tenantId,
        aadObjectId,
        locale: 'nb-NO',
        address: {
          serviceUrl,
          channelId: 'msteams',
          conversationId: `a:${tenantId}:${aadObjectId}`,
          conversationType: 'personal',
          tenantId,
          botId: '28:refleks',
          userId: `29:${i}`,
        },
      },
      new Date(),
    );
  }
}

/** The real rollout (SQLite ledger, engine, Bot Framework client) on a fresh or given data folder. */
export function createTestRollout(env: Record<string, string> = {}, dataDir = newDataDir()) {
  const config = loadConfig({
    RATE_LIMIT_RPS: '50',
    SEND_CONCURRENCY: '4',
    ROLLOUT_LEASE_SECONDS: '2',
    SEND_TIMEOUT_SECONDS: '1',
    ...env,
  });
  const logs = new LogCapture();
  const log = createLogger('info', logs);
  const stores = createSqliteStores(dataDir);
  const sender = createProactiveSender(createBotAuthentication(config), '', config.campaign.sendTimeoutMs);
  const compose = createMessageComposer(createThemeLibrary(themes, {}), render, {}, 'nb', pulse);
  const rollout = createRollout(config.campaign, stores.deliveries, sender, compose, log);
  return { ...rollout, stores, logs, dataDir, config };
}

/**
 * Test rollouts with recipients on the connector stand-in, stopped and closed
 * after each test. `setUp` makes one; pass the first's dataDir for a second
 * sender on the same ledger.
 */
export function useTestRollouts(connector: { url: string }) {
  const open: ReturnType<typeof createTestRollout>[] = [];
  afterEach(async () => {
    for (const fixture of open.splice(0)) {
      await fixture.engine.stop();
      await fixture.stores.health.close();
    }
  });
  return {
    async setUp(recipients: number, env: Record<string, string> = {}) {
      const fixture = createTestRollout(env);
      open.push(fixture);
      await addRecipients(fixture.stores, connector.url, recipients);
      return fixture;
    },
    /** Another sender on a rollout's ledger, as a second instance or the CLI beside the service. */
    alongside(first: ReturnType<typeof createTestRollout>, env: Record<string, string> = {}) {
      const fixture = createTestRollout(env, first.dataDir);
      open.push(fixture);
      return fixture;
    },
  };
}
