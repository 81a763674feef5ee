import type { CardRenderer } from './cards/render-card';
import type { Config } from './config/load-config';
import type { LocalRules } from './content/local-rules-schema';
import type { ProactiveSender } from './domain/proactive';
import { createGraphCredential } from './graph/create-graph-credential';
import { createGraphMailSender } from './graph/create-graph-mail-sender';
import type { Logger } from './log/create-logger';
import type { ReportServices } from './reports/report-services';
import { createReportWorker, type ReportWorker } from './reports/report-worker';
import { LONGEST_RETRY_INTERVAL_MS } from './reports/retry-policy';
import type { Stores } from './stores/sqlite/create-sqlite-stores';
import { createMemberLookup } from './teams/create-member-lookup';
import { createBotTokenProvider } from './teams/create-bot-token-provider';
import { createFileFetcher } from './teams/fetch-user-file';

export interface ReportWiring {
  config: Config;
  stores: Stores;
  /** The bot's Bot Framework authentication (the Teams edge's type). */
  auth: Parameters<typeof createMemberLookup>[0];
  proactive: ProactiveSender;
  cards: CardRenderer;
  localRules: LocalRules;
  log: Logger;
}

/** Slowest steps of one delivery: member lookup, token, sendMail, channel post. */
const BOT_CONNECTOR_TIMEOUT_MS = 15_000;

/**
 * Part of the composition root: «Meld fra» wired from config (Graph edge,
 * Teams edge, SQLite outbox) into the routes' services and the outbox worker.
 * Creating the Graph credential here makes a broken setting fail at start-up.
 */
export function composeReports(wiring: ReportWiring): { services: ReportServices; worker: ReportWorker } {
  const { config, stores, log } = wiring;
  const settings = config.reports;
  const graph = settings.graph;
  const mail = graph && {
    to: graph.itSupportEmail,
    sender: createGraphMailSender({
      credential: createGraphCredential(graph),
      baseUrl: graph.baseUrl,
      senderMailbox: graph.senderMailbox,
      timeoutMs: graph.timeoutMs,
    }),
  };
  const requestMs = graph?.timeoutMs ?? 0;
  const worker = createReportWorker({
    outbox: stores.reportOutbox,
    drafts: stores.reportDrafts,
    recipients: stores.recipients,
    itChannels: stores.itChannels,
    proactive: wiring.proactive,
    members: createMemberLookup(wiring.auth, config.bot.appId ?? '', BOT_CONNECTOR_TIMEOUT_MS),
    mail,
    itChannelId: settings.itChannelId,
    cards: wiring.cards,
    localRules: wiring.localRules,
    itLanguage: config.defaultLanguage,
    policy: {
      firstRetryMs: settings.firstRetryMs,
      maxDelayMs: Math.max(settings.firstRetryMs, LONGEST_RETRY_INTERVAL_MS),
      giveUpMs: settings.giveUpMs,
    },
    // Longer than one whole attempt can take, so a live worker never loses its lease mid-delivery. One
    // attempt, not a batch: the worker renews each item's claim right before trying it.
    leaseMs: 2 * (2 * requestMs + 2 * BOT_CONNECTOR_TIMEOUT_MS),
    intervalMs: settings.workerIntervalMs,
    retentionMs: settings.retentionMs,
    log,
  });
  if (!graph && !settings.itChannelId && config.campaign.adminIds.length === 0)
    log.warn('Meld fra has no delivery target (no Graph, no IT channel): reports wait in the outbox');
  else if (!graph && !settings.itChannelId)
    log.info('Meld fra delivers to the IT channel an admin chooses with «sett it-kanal»; until then reports wait');
  log.info({ mail: Boolean(graph), itChannel: Boolean(settings.itChannelId) }, 'Meld fra delivery configured');
  return {
    worker,
    services: {
      outbox: stores.reportOutbox,
      drafts: stores.reportDrafts,
      itChannels: stores.itChannels,
      files: createFileFetcher(20000, createBotTokenProvider(wiring.auth, config.bot.appId ?? '')),
      deliverSoon: () => worker.wake(),
      maxAttachmentBytes: settings.maxAttachmentBytes,
      mailToIt: Boolean(mail),
      itChannelId: settings.itChannelId,
    },
  };
}
