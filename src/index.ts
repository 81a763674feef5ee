/**
 * The composition root: config → stores → services → routes → edges.
 * Nothing else in refleks creates long-lived objects.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pino from 'pino';
import { createApp } from './app/create-app';
import { createCardRenderer } from './cards/render-card';
import { loadConfig, type Config } from './config/load-config';
import { loadLocalRules } from './content/load-local-rules';
import { loadPulse } from './content/load-pulse';
import { loadThemes } from './content/load-themes';
import { createThemeLibrary } from './content/theme-library';
import { composeReports } from './compose-reports';
import { createQuestionAnswerer } from './questions/answer-question';
import type { EngagementServices } from './engagement/engagement-services';
import { createPseudonymizer } from './engagement/pseudonym';
import { startNightlyPurge } from './engagement/purge-events';
import { createReminderScheduler } from './engagement/reminders/reminder-scheduler';
import { createLogger, type Logger } from './log/create-logger';
import { CARDS_DIR, PROJECT_ROOT, THEMES_DIR } from './project-paths';
import { StartupError } from './startup-error';
import { createMessageComposer } from './rollout/compose-message';
import { createRollout } from './rollout/create-rollout';
import { sendRetryBudget } from './rollout/retry-budget';
import { startCampaignClock } from './rollout/start-campaign-clock';
import { ALL_ROUTES } from './routes/all-routes';
import { startServer, type HealthReport } from './server/create-server';
import { createSqliteStores } from './stores/sqlite/create-sqlite-stores';
import { createBotAuthentication } from './teams/create-bot-authentication';
import { createBotEndpoint } from './teams/create-bot-endpoint';
import { createProactiveSender } from './teams/create-proactive-sender';

export interface RunningService {
  port: number;
  stop(): Promise<void>;
}

const VERSION = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

/**
 * Everything the service and the campaign CLI share: content, stores, the
 * Bot Framework connection and the rollout. Built here so both entry points
 * are wired the same way.
 */
export function buildCore(config: Config, log: Logger) {
  const localRules = loadLocalRules(config.localRulesFile);
  const themes = createThemeLibrary(loadThemes(THEMES_DIR), localRules);
  const pulse = loadPulse(THEMES_DIR);
  const stores = createSqliteStores(config.dataDir);
  const cards = createCardRenderer(CARDS_DIR);
  const auth = createBotAuthentication(config);
  const proactive = createProactiveSender(auth, config.bot.appId ?? '');
  const compose = createMessageComposer(themes, cards, localRules, config.defaultLanguage, pulse);
  // Rollout sends get their own timeout: the engine's lease is sized for it (SEND_TIMEOUT_SECONDS).
  const rolloutSender = createProactiveSender(auth, config.bot.appId ?? '', config.campaign.sendTimeoutMs);
  const rollout = createRollout(config.campaign, stores.deliveries, rolloutSender, compose, log);
  const { pepper, minGroupSize, retentionMonths } = config.engagement;
  const engagement: EngagementServices = {
    events: stores.events,
    personalData: stores.personalData,
    reminders: stores.reminders,
    pseudonymOf: createPseudonymizer(pepper),
    lastNudgeSentAt: (tenantId, aadObjectId, before) =>
      stores.deliveries.lastNudgeSentAt(tenantId, aadObjectId, before),
    deliveriesFor: (tenantId, aadObjectId) => stores.deliveries.listFor(tenantId, aadObjectId),
    minGroupSize,
    retentionMonths,
  };
  return { localRules, themes, pulse, stores, cards, auth, proactive, compose, rollout, engagement };
}

export async function startService(
  env: NodeJS.ProcessEnv,
  logDestination?: pino.DestinationStream,
): Promise<RunningService> {
  const config = loadConfig(env);
  const log = createLogger(config.logLevel, logDestination);
  const { localRules, themes, pulse, stores, cards, auth, proactive, rollout, engagement } = buildCore(config, log);
  const reports = composeReports({ config, stores, auth, proactive, cards, localRules, log });
  const questions = createQuestionAnswerer(themes, localRules);

  const app = createApp(
    {
      recipients: stores.recipients,
      cards,
      themes,
      localRules,
      pulse,
      questions,
      recentThemeIds: (tenantId, aadObjectId) => stores.deliveries.recentThemeIds(tenantId, aadObjectId),
      defaultLanguage: config.defaultLanguage,
      allowedTenantIds: config.allowedTenantIds,
      proactive,
      campaign: rollout.campaign,
      adminIds: config.campaign.adminIds,
      allowOptOut: config.campaign.allowOptOut,
      reports: reports.services,
      engagement,
      log,
    },
    ALL_ROUTES,
  );
  const bot = createBotEndpoint(auth, app, log);

  async function health(): Promise<HealthReport> {
    const reachable = await stores.health.isReachable();
    const activeRecipients = reachable ? await stores.recipients.countActive() : null;
    return { status: reachable ? 'ok' : 'degraded', version: VERSION, storage: { reachable }, activeRecipients };
  }

  const clock = startCampaignClock(rollout.campaign, log);
  const purge = startNightlyPurge(stores, config.engagement.retentionMonths, log);
  const reminders = createReminderScheduler({
    reminders: stores.reminders,
    recipients: stores.recipients,
    proactive,
    themes,
    cards,
    localRules,
    retry: sendRetryBudget(config.campaign),
    intervalMs: config.engagement.reminderIntervalMs,
    log,
  });
  if (config.engagement.developmentPepper) {
    log.warn('ANALYTICS_PEPPER is not set: using the public development pepper (local mode only)');
  }
  const server = await startServer(config.port, { handleMessages: (req, res) => bot.handle(req, res), health, log });
  reports.worker.start();
  reminders.start();
  log.info(
    { localMode: config.localMode, version: VERSION },
    config.localMode ? 'refleks started in local mode (no authentication)' : 'refleks started',
  );

  let stopped: Promise<void> | undefined;
  async function stop(): Promise<void> {
    log.info('shutting down: no new requests, finishing turns in flight');
    clock.stop();
    purge.stop();
    await server.stop(config.shutdownGraceMs);
    await rollout.engine.stop();
    await reports.worker.stop();
    await reminders.stop();
    await stores.health.close();
    log.info('stopped');
  }
  // A second SIGTERM, or a test's cleanup, waits for the same shutdown.
  return { port: server.port, stop: () => (stopped ??= stop()) };
}

async function main(): Promise<void> {
  (await import('dotenv')).config({ quiet: true });
  let service: RunningService;
  try {
    service = await startService(process.env);
  } catch (error) {
    if (error instanceof StartupError) {
      console.error((error as Error).message);
      process.exit(1);
    }
    throw error;
  }
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('refleks: shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('refleks: could not start', error);
    process.exit(1);
  });
}
