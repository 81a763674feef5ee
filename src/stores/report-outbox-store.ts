import type { ConversationAddress } from '../domain/conversation-address';
import type {
  DeliveryTarget,
  NewReport,
  NoticeKind,
  OutboxCategory,
  OutboxItem,
  ReportAttachment,
} from '../reports/report-types';

/** A claimed item: only the claimant (owner) may move it on, and only while its lease runs. */
export interface Claim {
  owner: string;
  item: OutboxItem;
}

/** A report or «Spør IT» question filed under a person's id, without its content: for «mine data». */
export interface ReportSummary {
  reference: string;
  category: OutboxCategory;
  createdAt: Date;
  /** IT has it: the content is deleted, only this metadata stays until REPORT_RETENTION_DAYS. */
  delivered: boolean;
}

/**
 * The durable outbox of Meld fra. Every method is one atomic step, so the
 * store can live in SQLite or in a network store (Azure Table Storage with
 * ETags) and several instances can share it. Updates that take a claim's
 * owner do nothing when the lease has been lost to another worker.
 */
export interface ReportOutboxStore {
  /** Allocates the next reference number and writes the report, in one transaction. */
  add(report: NewReport, at: Date): Promise<OutboxItem>;
  /**
   * Leases up to `limit` items whose next attempt is due: pending items, items
   * whose lease expired, and delivered or failed items with a note to send.
   */
  claimDue(now: Date, leaseMs: number, owner: string, limit: number): Promise<Claim[]>;
  /**
   * Renews a claim right before its attempt: a fresh lease of `leaseMs` from
   * `now`, and the item as it is now. Undefined when another worker has taken
   * the item over (its lease ran out while it waited): the caller must leave it.
   */
  renewClaim(claim: Claim, now: Date, leaseMs: number): Promise<Claim | undefined>;
  /** One target has the report; a retry will not send to it again. */
  markTargetDone(claim: Claim, target: DeliveryTarget, at: Date): Promise<void>;
  /** The channel refused the card for good while the mail carries the report: it is not tried again. */
  markTargetGaveUp(claim: Claim, target: 'channel', at: Date): Promise<void>;
  /** Every target has it: the content is deleted, only metadata stays, and a "delivered" note is due. */
  markDelivered(claim: Claim, at: Date): Promise<void>;
  scheduleRetry(claim: Claim, nextAttemptAt: Date, reason: string): Promise<void>;
  /** Given up: the reporter is told to call IT. The content stays until retention, so nothing is lost. */
  markFailed(claim: Claim, at: Date, reason: string): Promise<void>;
  /** The note `kind` was sent, or cannot be: it is not tried again. */
  clearNotice(claim: Claim, kind: NoticeKind): Promise<void>;
  retryNotice(claim: Claim, nextAttemptAt: Date): Promise<void>;
  /**
   * IT pressed «Behandlet» in the tenant's IT channel. True the first time
   * only, when a thank-you note is due; false too for another tenant's report.
   */
  markHandled(reference: string, tenantId: string, at: Date): Promise<boolean>;
  get(reference: string): Promise<OutboxItem | undefined>;
  /** The person's own reports and questions still in the outbox, oldest first. */
  listFor(tenantId: string, aadObjectId: string): Promise<ReportSummary[]>;
  /** Deletes finished items created before `before`. Returns how many. */
  purgeFinished(before: Date): Promise<number>;
}

/** Files dropped in the chat while a report form is open; attached to the next submitted report. */
export interface ReportDraft {
  openedAt: Date;
  attachments: ReportAttachment[];
  missingFiles: string[];
}

export interface ReportDraftStore {
  /** Opens a draft, or keeps the one that is open (with its files) if it is younger than ttlMs. */
  open(tenantId: string, aadObjectId: string, at: Date, ttlMs: number): Promise<void>;
  /** The open draft, if one was opened within ttlMs. */
  get(tenantId: string, aadObjectId: string, now: Date, ttlMs: number): Promise<ReportDraft | undefined>;
  /**
   * Adds a file to the open draft in one atomic step, so files dropped at the
   * same time or a report sent meanwhile never lose or revive one: 'too-big'
   * when the draft's files would pass maxBytes together, 'no-draft' when none
   * is open (any more).
   */
  addFile(
    tenantId: string,
    aadObjectId: string,
    now: Date,
    ttlMs: number,
    file: ReportAttachment,
    maxBytes: number,
  ): Promise<'added' | 'too-big' | 'no-draft'>;
  /** Deletes drafts (and their files) opened more than ttlMs before `now`: forms never sent. Returns how many. */
  purgeExpired(now: Date, ttlMs: number): Promise<number>;
  /** Names a file that could not be attached, so IT can ask for it; false when no draft is open. */
  addMissingFile(tenantId: string, aadObjectId: string, now: Date, ttlMs: number, name: string): Promise<boolean>;
  discard(tenantId: string, aadObjectId: string): Promise<void>;
}

/** Where IT wants reports posted, per tenant, as set with the admin command in that channel. */
export interface ItChannelStore {
  get(tenantId: string): Promise<ConversationAddress | undefined>;
  set(tenantId: string, address: ConversationAddress): Promise<void>;
}
