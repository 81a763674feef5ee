import { isLanguage } from '../../content/languages';
import type { NoticeKind, OutboxItem, OutboxStatus, ReportContent, ReportKind } from '../../reports/report-types';

export interface OutboxRow {
  reference: string;
  kind: string;
  category: string;
  tenant_id: string;
  aad_object_id: string;
  language: string;
  status: string;
  attempts: number;
  created_at: string;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  mail_sent_at: string | null;
  channel_posted_at: string | null;
  channel_gave_up_at: string | null;
  delivered_at: string | null;
  handled_at: string | null;
  notice_due: string | null;
  notice_attempts: number;
  content_json: string | null;
}

const date = (value: string | null) => (value === null ? undefined : new Date(value));

export function toOutboxItem(row: OutboxRow): OutboxItem {
  return {
    reference: row.reference,
    kind: row.kind as ReportKind,
    category: row.category as OutboxItem['category'],
    tenantId: row.tenant_id,
    aadObjectId: row.aad_object_id,
    language: isLanguage(row.language) ? row.language : 'nb',
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    nextAttemptAt: new Date(row.next_attempt_at),
    lastError: row.last_error ?? undefined,
    mailSentAt: date(row.mail_sent_at),
    channelPostedAt: date(row.channel_posted_at),
    channelGaveUpAt: date(row.channel_gave_up_at),
    deliveredAt: date(row.delivered_at),
    handledAt: date(row.handled_at),
    noticeDue: (row.notice_due ?? undefined) as NoticeKind | undefined,
    noticeAttempts: row.notice_attempts,
    content: row.content_json === null ? undefined : (JSON.parse(row.content_json) as ReportContent),
  };
}
