import { formatReference } from '../../reports/reference-number';
import { osloYear } from '../../calendar/oslo-time';
import type { Claim, ReportOutboxStore, ReportSummary } from '../report-outbox-store';
import type { SqliteDatabase } from './open-sqlite';
import { toOutboxItem, type OutboxRow } from './outbox-row';

const FINISHED = "status IN ('delivered', 'failed') AND notice_due IS NULL";
/** Every update by a claimant checks that it still holds the lease, then releases it. */
const HELD = 'reference = @reference AND lease_owner = @owner';
const RELEASE = 'lease_owner = NULL, lease_until = NULL';

export function createSqliteReportOutboxStore(db: SqliteDatabase): ReportOutboxStore {
  const nextSequence = db.prepare(
    'INSERT INTO report_sequence (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last',
  );
  const insert = db.prepare(`
    INSERT INTO report_outbox (reference, kind, category, tenant_id, aad_object_id, language, status, created_at, next_attempt_at, content_json)
    VALUES (@reference, @kind, @category, @tenantId, @aadObjectId, @language, 'pending', @at, @at, @content)
    RETURNING *`);
  // One statement: SQLite serialises writers, so two workers (or instances) never lease the same item.
  const claim = db.prepare(`
    UPDATE report_outbox
    SET lease_owner = @owner, lease_until = @until,
        status = CASE WHEN status = 'pending' THEN 'delivering' ELSE status END
    WHERE reference IN (
      SELECT reference FROM report_outbox
      WHERE next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
        AND (status IN ('pending', 'delivering') OR notice_due IS NOT NULL)
      ORDER BY next_attempt_at LIMIT @limit)
    RETURNING *`);
  // Still ours only if nobody claimed it since: a claim by another worker overwrites the owner, and
  // every update that ends an attempt clears it. Expired but untouched is still ours to renew.
  const renew = db.prepare(`UPDATE report_outbox SET lease_until = @until WHERE ${HELD} RETURNING *`);
  const targetDone = {
    mail: db.prepare(`UPDATE report_outbox SET mail_sent_at = @at WHERE ${HELD}`),
    channel: db.prepare(`UPDATE report_outbox SET channel_posted_at = @at WHERE ${HELD}`),
  };
  const channelGaveUp = db.prepare(`UPDATE report_outbox SET channel_gave_up_at = @at WHERE ${HELD}`);
  const delivered = db.prepare(`
    UPDATE report_outbox SET status = 'delivered', delivered_at = @at, content_json = NULL, attempts = attempts + 1,
      notice_due = COALESCE(notice_due, 'delivered'), next_attempt_at = @at, last_error = NULL, ${RELEASE}
    WHERE ${HELD}`);
  const retry = db.prepare(`
    UPDATE report_outbox SET status = 'pending', attempts = attempts + 1, next_attempt_at = @next, last_error = @reason, ${RELEASE}
    WHERE ${HELD}`);
  const failed = db.prepare(`
    UPDATE report_outbox SET status = 'failed', attempts = attempts + 1, last_error = @reason,
      notice_due = COALESCE(notice_due, 'gave-up'), next_attempt_at = @at, ${RELEASE}
    WHERE ${HELD}`);
  // A "handled" note that arrived while another note was being sent must survive.
  const clearNotice = db.prepare(`
    UPDATE report_outbox SET notice_due = CASE WHEN notice_due = @kind THEN NULL ELSE notice_due END,
      notice_attempts = 0, ${RELEASE}
    WHERE ${HELD}`);
  const retryNotice = db.prepare(
    `UPDATE report_outbox SET notice_attempts = notice_attempts + 1, next_attempt_at = @next, ${RELEASE} WHERE ${HELD}`,
  );
  const handled = db.prepare(`
    UPDATE report_outbox SET handled_at = @at, notice_due = 'handled', notice_attempts = 0,
      next_attempt_at = CASE WHEN status IN ('delivered', 'failed') THEN @at ELSE next_attempt_at END
    WHERE reference = @reference AND tenant_id = @tenantId AND handled_at IS NULL`);
  const selectOne = db.prepare('SELECT * FROM report_outbox WHERE reference = ?');
  const selectFor = db.prepare(`
    SELECT reference, category, created_at, status FROM report_outbox
     WHERE tenant_id = ? AND aad_object_id = ? ORDER BY created_at, reference`);
  const purge = db.prepare(`DELETE FROM report_outbox WHERE ${FINISHED} AND created_at < ?`);

  const held = (c: Claim) => ({ reference: c.item.reference, owner: c.owner });
  const add = db.transaction((report: Parameters<ReportOutboxStore['add']>[0], at: Date) => {
    const year = osloYear(at);
    const { last } = nextSequence.get(year) as { last: number };
    return insert.get({
      reference: formatReference(year, last),
      kind: report.kind,
      category: report.category,
      tenantId: report.tenantId,
      aadObjectId: report.aadObjectId,
      language: report.language,
      at: at.toISOString(),
      content: JSON.stringify(report.content),
    }) as OutboxRow;
  });

  return {
    async add(report, at) {
      return toOutboxItem(add(report, at));
    },
    async claimDue(now, leaseMs, owner, limit) {
      const until = new Date(now.getTime() + leaseMs).toISOString();
      const rows = claim.all({ owner, until, now: now.toISOString(), limit }) as OutboxRow[];
      return rows.map((row) => ({ owner, item: toOutboxItem(row) }));
    },
    async renewClaim(c, now, leaseMs) {
      const until = new Date(now.getTime() + leaseMs).toISOString();
      const row = renew.get({ ...held(c), until }) as OutboxRow | undefined;
      return row && { owner: c.owner, item: toOutboxItem(row) };
    },
    async markTargetDone(c, target, at) {
      targetDone[target].run({ ...held(c), at: at.toISOString() });
    },
    async markTargetGaveUp(c, _target, at) {
      channelGaveUp.run({ ...held(c), at: at.toISOString() });
    },
    async markDelivered(c, at) {
      delivered.run({ ...held(c), at: at.toISOString() });
    },
    async scheduleRetry(c, next, reason) {
      retry.run({ ...held(c), next: next.toISOString(), reason });
    },
    async markFailed(c, at, reason) {
      failed.run({ ...held(c), at: at.toISOString(), reason });
    },
    async clearNotice(c, kind) {
      clearNotice.run({ ...held(c), kind });
    },
    async retryNotice(c, next) {
      retryNotice.run({ ...held(c), next: next.toISOString() });
    },
    async markHandled(reference, tenantId, at) {
      return handled.run({ reference, tenantId, at: at.toISOString() }).changes === 1;
    },
    async get(reference) {
      const row = selectOne.get(reference) as OutboxRow | undefined;
      return row ? toOutboxItem(row) : undefined;
    },
    async listFor(tenantId, aadObjectId) {
      const rows = selectFor.all(tenantId, aadObjectId) as Pick<
        OutboxRow,
        'reference' | 'category' | 'created_at' | 'status'
      >[];
      return rows.map((row) => ({
        reference: row.reference,
        category: row.category as ReportSummary['category'],
        createdAt: new Date(row.created_at),
        delivered: row.status === 'delivered',
      }));
    },
    async purgeFinished(before) {
      return purge.run(before.toISOString()).changes;
    },
  };
}
