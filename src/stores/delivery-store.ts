import type { MessageKind } from '../calendar/campaign-schedule';
import type { Language } from '../content/languages';
import type { ThemeId } from '../content/theme-schema';
import type { ConversationAddress } from '../domain/conversation-address';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
export type RolloutTrigger = 'schedule' | 'admin' | 'cli';

export interface RolloutMessage {
  id: string;
  themeId: ThemeId;
  kind: MessageKind;
}

export interface Rollout extends RolloutMessage {
  trigger: RolloutTrigger;
  startedAt: Date;
}

export interface DeliveryKey {
  tenantId: string;
  aadObjectId: string;
  messageId: string;
}

/** A row as claimed by one sender: later updates by that sender apply only while the claim is still theirs. */
export interface ClaimKey extends DeliveryKey {
  holder: string;
}

/** A ledger row claimed for sending, with what is needed to send it. */
export interface ClaimedDelivery extends DeliveryKey {
  themeId: ThemeId;
  kind: MessageKind;
  attempts: number;
  /** When the row first failed with a temporary error (epoch ms): its retries stop a set time after. */
  retryingSince?: number;
  address: ConversationAddress;
  language?: Language;
  locale?: string;
}

export type DeliveryCounts = Record<DeliveryStatus, number>;

/** One ledger row about one person, for «mine data»: which message, how it went, and when it was sent. */
export interface PersonalDelivery {
  themeId: ThemeId;
  kind: MessageKind;
  status: DeliveryStatus;
  sentAt?: Date;
}

/**
 * The delivery ledger: one row per (tenant, recipient, message). Every state
 * change is atomic, so two senders (instances, or the CLI and the service)
 * can never send the same row twice.
 */
export interface DeliveryStore {
  /**
   * Records the rollout (once) and queues every active, unpaused recipient not
   * queued yet; with `tenantId`, only that tenant's (an admin in chat acts for
   * their own municipality; the others get the same message id on schedule).
   */
  startRollout(
    message: RolloutMessage,
    trigger: RolloutTrigger,
    at: Date,
    tenantId?: string,
  ): Promise<{ created: boolean; queued: number }>;
  listRollouts(): Promise<Rollout[]>;
  /** Tenants with rows to send now or later. */
  tenantsWithWork(): Promise<string[]>;
  /**
   * One sender per tenant: take or renew the lease; false if another holder has
   * it. Nobody else can take it before `now + ttlMs`, so its holder may trust that.
   */
  acquireLease(tenantId: string, holder: string, now: number, ttlMs: number): Promise<boolean>;
  releaseLease(tenantId: string, holder: string): Promise<void>;
  /**
   * Marks up to `limit` due rows as sending for this holder and returns them,
   * only while the holder has the tenant's lease (checked in the same
   * transaction); otherwise none. Rows left "sending" by another holder belong
   * to one whose lease has run out (crashed, or stalled past it): their send may
   * or may not have arrived, so they are sent again.
   */
  claim(tenantId: string, holder: string, now: number, limit: number): Promise<ClaimedDelivery[]>;
  /** Right before a send: the row is still this holder's claim, under its lease. */
  stillClaimed(claim: ClaimKey): Promise<boolean>;
  /** Earliest next attempt among pending rows of the tenant, if any. */
  nextAttemptAt(tenantId: string): Promise<number | undefined>;
  /**
   * A send that arrived, reported by whoever sent it, as long as the row is not
   * resolved yet: a success must be recorded even if the claim was taken over,
   * so the new holder sees it and does not send again. False if already resolved.
   */
  markSent(key: DeliveryKey, statusCode: number, at: Date): Promise<boolean>;
  /**
   * A temporary failure at `failedAt`: pending again from `nextAttemptAt`; the
   * first one starts the retry time. Only while the row is still `claim`'s
   * (false otherwise): a sender that lost it must not undo the new holder's work.
   */
  markRetry(
    claim: ClaimKey,
    nextAttemptAt: number,
    statusCode: number | undefined,
    countsAsAttempt: boolean,
    failedAt: number,
  ): Promise<boolean>;
  /**
   * Permanent failure, only while the row is still `claim`'s; `deactivate` also
   * stops reaching the recipient until they interact again.
   */
  markFailed(claim: ClaimKey, reason: string, statusCode: number | undefined, deactivate: boolean): Promise<boolean>;
  /** Rows of inactive or paused recipients are resolved as skipped instead of sent. */
  skipUnreachable(tenantId: string): Promise<number>;
  /** Rows per message and status; with `tenantId`, that tenant's rows only. */
  counts(tenantId?: string): Promise<Map<string, DeliveryCounts>>;
  recentThemeIds(tenantId: string, aadObjectId: string): Promise<ThemeId[]>;
  /** Every ledger row about the person, in the order they were sent (unsent last): for «mine data». */
  listFor(tenantId: string, aadObjectId: string): Promise<PersonalDelivery[]>;
  /** When the most recent nudge (not a check) sent to the person before `before` went out. */
  lastNudgeSentAt(tenantId: string, aadObjectId: string, before: Date): Promise<Date | undefined>;
  isCampaignPaused(): Promise<boolean>;
  setCampaignPaused(paused: boolean, at: Date): Promise<void>;
}
