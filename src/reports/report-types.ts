import type { ReportCategory } from '../cards/report-cards';
import type { Language } from '../content/languages';

/** A report from the Meld fra form, or a question the bot could not answer («Spør IT»). */
export type ReportKind = 'report' | 'question';
export type OutboxCategory = ReportCategory | 'question';

export interface ReportAttachment {
  /** The file name as the user's client gave it; cleaned before it goes into an e-mail. */
  name: string;
  contentType: string;
  contentBase64: string;
  bytes: number;
}

/** What the user wrote and attached. Deleted from the store as soon as IT has it. */
export interface ReportContent {
  description: string;
  details: string;
  /** Local Norwegian time as "YYYY-MM-DD HH:MM". */
  happenedAt: string;
  attachments: ReportAttachment[];
  /** Files the user dropped that could not come along (too large, unreachable). */
  missingFiles: string[];
}

export interface NewReport {
  kind: ReportKind;
  category: OutboxCategory;
  tenantId: string;
  aadObjectId: string;
  /** The reporter's language, for the notes refleks sends back. */
  language: Language;
  content: ReportContent;
}

/**
 * pending → delivering (leased by one worker) → delivered | failed.
 * A delivering item whose lease ran out (the worker died) is pending again.
 */
export type OutboxStatus = 'pending' | 'delivering' | 'delivered' | 'failed';
/** A note to the reporter that is still to be sent. */
export type NoticeKind = 'delivered' | 'gave-up' | 'handled';
export type DeliveryTarget = 'mail' | 'channel';

export interface OutboxItem {
  reference: string;
  kind: ReportKind;
  category: OutboxCategory;
  tenantId: string;
  aadObjectId: string;
  language: Language;
  status: OutboxStatus;
  attempts: number;
  createdAt: Date;
  nextAttemptAt: Date;
  lastError?: string;
  mailSentAt?: Date;
  channelPostedAt?: Date;
  /** Teams refused the card as too large while the mail carried the report: the channel is not tried again. */
  channelGaveUpAt?: Date;
  deliveredAt?: Date;
  handledAt?: Date;
  noticeDue?: NoticeKind;
  noticeAttempts: number;
  /** Undefined once delivered. */
  content?: ReportContent;
}
