import type { CardRenderer } from '../cards/render-card';
import type { Language } from '../content/languages';
import type { LocalRules } from '../content/local-rules-schema';
import type { ConversationAddress } from '../domain/conversation-address';
import type { ProactiveSender } from '../domain/proactive';
import type { Logger } from '../log/create-logger';
import type { RecipientStore } from '../stores/recipient-store';
import type { ItChannelStore, ReportDraftStore, ReportOutboxStore } from '../stores/report-outbox-store';
import type { MailSender, MemberLookup } from './delivery-ports';
import type { RetryPolicy } from './retry-policy';

/** What the outbox worker needs, built in the composition root. */
export interface ReportWorkerDeps {
  outbox: ReportOutboxStore;
  /** Forms opened and never sent: their files are deleted once the form has run out. */
  drafts: ReportDraftStore;
  recipients: RecipientStore;
  itChannels: ItChannelStore;
  proactive: ProactiveSender;
  members: MemberLookup;
  /** Undefined when Graph is not configured. */
  mail?: { sender: MailSender; to: string };
  /** IT_CHANNEL: used when no channel was set with the admin command. */
  itChannelId?: string;
  cards: CardRenderer;
  localRules: LocalRules;
  /** IT's language: the mail and the channel card use it. */
  itLanguage: Language;
  policy: RetryPolicy;
  leaseMs: number;
  intervalMs: number;
  retentionMs: number;
  log: Logger;
  clock?: () => Date;
}

/** Where a tenant's IT channel is set: with «sett it-kanal» (stored), else IT_CHANNEL. */
export interface ItChannelSettings {
  itChannels: ItChannelStore;
  itChannelId?: string;
}

/** The id of a tenant's IT channel, without the ";messageid=…" of a thread: where reports go, and «Behandlet» counts. */
export async function itChannelIdFor(settings: ItChannelSettings, tenantId: string): Promise<string | undefined> {
  const id = (await settings.itChannels.get(tenantId))?.conversationId ?? settings.itChannelId;
  return id?.split(';')[0];
}

/**
 * The IT channel for a tenant: the one set with the admin command, else
 * IT_CHANNEL reached through the reporter's service URL (one per tenant region).
 */
export async function itChannelAddress(
  deps: ItChannelSettings,
  tenantId: string,
  reporterAddress: ConversationAddress | undefined,
): Promise<ConversationAddress | undefined> {
  const stored = await deps.itChannels.get(tenantId);
  if (stored) return stored;
  if (!deps.itChannelId || !reporterAddress) return undefined;
  return {
    serviceUrl: reporterAddress.serviceUrl,
    channelId: reporterAddress.channelId,
    conversationId: deps.itChannelId,
    conversationType: 'channel',
    tenantId,
    botId: reporterAddress.botId,
    userId: '',
  };
}
