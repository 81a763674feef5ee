import type { MessageKind } from '../../calendar/campaign-schedule';
import { isLanguage } from '../../content/languages';
import type { ThemeId } from '../../content/theme-schema';
import type { ConversationAddress } from '../../domain/conversation-address';
import type {
  ClaimedDelivery,
  DeliveryCounts,
  DeliveryStatus,
  DeliveryStore,
  PersonalDelivery,
  Rollout,
  RolloutTrigger,
} from '../delivery-store';
import type { SqliteDatabase } from './open-sqlite';
import { preparedOnce } from './prepare-once';

interface ClaimRow {
  tenant_id: string;
  aad_object_id: string;
  message_id: string;
  attempts: number;
  retrying_since: number | null;
  theme_id: string;
  kind: string;
  address_json: string;
  language: string | null;
  locale: string | null;
}

const EMPTY_COUNTS: DeliveryCounts = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };

export function createSqliteDeliveryStore(db: SqliteDatabase): DeliveryStore {
  const prepared = preparedOnce(db);
  const insertRollout = db.prepare(
    'INSERT OR IGNORE INTO rollouts (message_id, theme_id, kind, trigger, started_at) VALUES (?, ?, ?, ?, ?)',
  );
  const queue = `
    INSERT OR IGNORE INTO deliveries (tenant_id, aad_object_id, message_id, status, next_attempt_at)
    SELECT tenant_id, aad_object_id, @id, 'pending', 0 FROM recipients WHERE active = 1 AND paused = 0`;
  const queueRecipients = db.prepare(queue);
  const queueTenantRecipients = db.prepare(`${queue} AND tenant_id = @tenantId`);
  const selectDue = db.prepare(`
    SELECT d.tenant_id, d.aad_object_id, d.message_id, d.attempts, d.retrying_since, r.theme_id, r.kind, rc.address_json, rc.language, rc.locale
    FROM deliveries d
    JOIN rollouts r ON r.message_id = d.message_id
    JOIN recipients rc ON rc.tenant_id = d.tenant_id AND rc.aad_object_id = d.aad_object_id
    WHERE d.tenant_id = @tenantId AND rc.active = 1 AND rc.paused = 0
      AND ((d.status = 'pending' AND d.next_attempt_at <= @now) OR (d.status = 'sending' AND d.claimed_by <> @holder))
    LIMIT @limit`);
  const markSending = db.prepare(`
    UPDATE deliveries SET status = 'sending', claimed_by = ?
    WHERE tenant_id = ? AND aad_object_id = ? AND message_id = ?`);
  const takeLease = db.prepare(`
    INSERT INTO tenant_leases (tenant_id, holder, expires_at) VALUES (@tenantId, @holder, @expires)
    ON CONFLICT (tenant_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE tenant_leases.holder = excluded.holder OR tenant_leases.expires_at < @now`);
  const holdsLease = db.prepare('SELECT 1 FROM tenant_leases WHERE tenant_id = ? AND holder = ? AND expires_at >= ?');
  const keyWhere = 'WHERE tenant_id = @tenantId AND aad_object_id = @aadObjectId AND message_id = @messageId';
  // A send that arrived is recorded whoever holds the row; failures only by the holder of the claim.
  const unresolved = `${keyWhere} AND status IN ('pending', 'sending')`;
  const stillHeld = `${keyWhere} AND status = 'sending' AND claimed_by = @holder`;
  const sent = db.prepare(
    `UPDATE deliveries SET status = 'sent', attempts = attempts + 1, last_status_code = @code, sent_at = @at, claimed_by = NULL ${unresolved}`,
  );
  const retry = db.prepare(
    `UPDATE deliveries SET status = 'pending', attempts = attempts + @count, last_status_code = @code, next_attempt_at = @next,
       retrying_since = COALESCE(retrying_since, @failedAt), claimed_by = NULL ${stillHeld}`,
  );
  const failed = db.prepare(
    `UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_status_code = @code, reason = @reason, claimed_by = NULL ${stillHeld}`,
  );
  const claimedHere = db.prepare(`
    SELECT 1 FROM deliveries d JOIN tenant_leases l ON l.tenant_id = d.tenant_id AND l.holder = @holder
    WHERE d.tenant_id = @tenantId AND d.aad_object_id = @aadObjectId AND d.message_id = @messageId
      AND d.status = 'sending' AND d.claimed_by = @holder`);
  const deactivate = db.prepare('UPDATE recipients SET active = 0 WHERE tenant_id = ? AND aad_object_id = ?');
  const skip = db.prepare(`
    UPDATE deliveries SET status = 'skipped', claimed_by = NULL,
      reason = (SELECT CASE WHEN rc.active = 0 THEN 'recipient-inactive' ELSE 'recipient-paused' END
                FROM recipients rc WHERE rc.tenant_id = deliveries.tenant_id AND rc.aad_object_id = deliveries.aad_object_id)
    WHERE tenant_id = ? AND status IN ('pending', 'sending') AND EXISTS (
      SELECT 1 FROM recipients rc WHERE rc.tenant_id = deliveries.tenant_id AND rc.aad_object_id = deliveries.aad_object_id
        AND (rc.active = 0 OR rc.paused = 1))`);

  const claim = db.transaction((tenantId: string, holder: string, now: number, limit: number) => {
    // Only the lease holder claims; so another holder's "sending" rows are those of a lease that ran out.
    if (!holdsLease.get(tenantId, holder, now)) return [];
    const rows = selectDue.all({ tenantId, holder, now, limit }) as ClaimRow[];
    for (const row of rows) markSending.run(holder, row.tenant_id, row.aad_object_id, row.message_id);
    return rows;
  });
  const start = db.transaction(
    (id: string, themeId: string, kind: string, trigger: string, at: string, tenantId: string | undefined) => {
      const created = insertRollout.run(id, themeId, kind, trigger, at).changes > 0;
      const queued = tenantId === undefined ? queueRecipients.run({ id }) : queueTenantRecipients.run({ id, tenantId });
      return { created, queued: queued.changes };
    },
  );
  const fail = db.transaction((params: Record<string, unknown>, deactivateIt: boolean) => {
    const changed = failed.run(params).changes > 0;
    if (changed && deactivateIt) deactivate.run(params.tenantId, params.aadObjectId);
    return changed;
  });

  return {
    async startRollout(message, trigger, at, tenantId) {
      return start.immediate(message.id, message.themeId, message.kind, trigger, at.toISOString(), tenantId);
    },
    async listRollouts() {
      const rows = prepared('SELECT * FROM rollouts ORDER BY started_at').all() as Record<string, string>[];
      return rows.map((r): Rollout => ({
        id: r.message_id ?? '',
        themeId: r.theme_id as ThemeId,
        kind: r.kind as MessageKind,
        trigger: r.trigger as RolloutTrigger,
        startedAt: new Date(r.started_at ?? 0),
      }));
    },
    async tenantsWithWork() {
      // Asked every few seconds while a round runs. Without stated statistics SQLite picks the covering
      // index of every row (about 50 ms for a million sent rows); the open rows' own index takes 1 ms.
      const rows = prepared(
        "SELECT DISTINCT tenant_id FROM deliveries INDEXED BY deliveries_open WHERE status IN ('pending', 'sending')",
      ).all();
      return (rows as { tenant_id: string }[]).map((r) => r.tenant_id);
    },
    async acquireLease(tenantId, holder, now, ttlMs) {
      return takeLease.run({ tenantId, holder, now, expires: now + ttlMs }).changes > 0;
    },
    async releaseLease(tenantId, holder) {
      prepared('DELETE FROM tenant_leases WHERE tenant_id = ? AND holder = ?').run(tenantId, holder);
    },
    async claim(tenantId, holder, now, limit) {
      return claim.immediate(tenantId, holder, now, limit).map((row): ClaimedDelivery => ({
        tenantId: row.tenant_id,
        aadObjectId: row.aad_object_id,
        messageId: row.message_id,
        themeId: row.theme_id as ThemeId,
        kind: row.kind as MessageKind,
        attempts: row.attempts,
        retryingSince: row.retrying_since ?? undefined,
        address: JSON.parse(row.address_json) as ConversationAddress,
        language: isLanguage(row.language) ? row.language : undefined,
        locale: row.locale ?? undefined,
      }));
    },
    async nextAttemptAt(tenantId) {
      const row = prepared(
        "SELECT MIN(next_attempt_at) AS next FROM deliveries WHERE tenant_id = ? AND status = 'pending'",
      ).get(tenantId) as { next: number | null };
      return row.next ?? undefined;
    },
    async stillClaimed(claimKey) {
      return claimedHere.get(claimKey) !== undefined;
    },
    async markSent(key, statusCode, at) {
      return sent.run({ ...key, code: statusCode, at: at.toISOString() }).changes > 0;
    },
    async markRetry(claimKey, nextAttemptAt, statusCode, countsAsAttempt, failedAt) {
      const count = countsAsAttempt ? 1 : 0;
      return retry.run({ ...claimKey, next: nextAttemptAt, code: statusCode ?? null, count, failedAt }).changes > 0;
    },
    async markFailed(claimKey, reason, statusCode, deactivateIt) {
      return fail.immediate({ ...claimKey, reason, code: statusCode ?? null }, deactivateIt);
    },
    async skipUnreachable(tenantId) {
      return skip.run(tenantId).changes;
    },
    async counts(tenantId) {
      const rows =
        tenantId === undefined
          ? prepared('SELECT message_id, status, COUNT(*) AS n FROM deliveries GROUP BY message_id, status').all()
          : prepared(
              'SELECT message_id, status, COUNT(*) AS n FROM deliveries WHERE tenant_id = ? GROUP BY message_id, status',
            ).all(tenantId);
      const counts = new Map<string, DeliveryCounts>();
      for (const row of rows as { message_id: string; status: DeliveryStatus; n: number }[]) {
        const entry = counts.get(row.message_id) ?? { ...EMPTY_COUNTS };
        entry[row.status] = row.n;
        counts.set(row.message_id, entry);
      }
      return counts;
    },
    async recentThemeIds(tenantId, aadObjectId) {
      // A pulse row carries a theme only because rollouts need one: it says nothing about what the user read.
      const rows = prepared(
        `SELECT r.theme_id FROM deliveries d JOIN rollouts r ON r.message_id = d.message_id
           WHERE d.tenant_id = ? AND d.aad_object_id = ? AND d.status = 'sent'
             AND r.kind IN ('nudge', 'check') ORDER BY d.sent_at DESC`,
      ).all(tenantId, aadObjectId) as { theme_id: ThemeId }[];
      return [...new Set(rows.map((r) => r.theme_id))];
    },
    async listFor(tenantId, aadObjectId) {
      const rows = prepared(
        `SELECT r.theme_id, r.kind, d.status, d.sent_at FROM deliveries d JOIN rollouts r ON r.message_id = d.message_id
           WHERE d.tenant_id = ? AND d.aad_object_id = ? ORDER BY d.sent_at IS NULL, d.sent_at, r.started_at`,
      ).all(tenantId, aadObjectId) as {
        theme_id: string;
        kind: string;
        status: DeliveryStatus;
        sent_at: string | null;
      }[];
      return rows.map((r): PersonalDelivery => ({
        themeId: r.theme_id as ThemeId,
        kind: r.kind as MessageKind,
        status: r.status,
        sentAt: r.sent_at ? new Date(r.sent_at) : undefined,
      }));
    },
    async lastNudgeSentAt(tenantId, aadObjectId, before) {
      const row = prepared(
        `SELECT MAX(d.sent_at) AS at FROM deliveries d JOIN rollouts r ON r.message_id = d.message_id
         WHERE d.tenant_id = ? AND d.aad_object_id = ? AND d.status = 'sent' AND r.kind = 'nudge' AND d.sent_at <= ?`,
      ).get(tenantId, aadObjectId, before.toISOString()) as { at: string | null };
      return row.at ? new Date(row.at) : undefined;
    },
    async isCampaignPaused() {
      return (prepared('SELECT paused FROM campaign_state WHERE id = 1').get() as { paused: number }).paused === 1;
    },
    async setCampaignPaused(paused, at) {
      prepared('UPDATE campaign_state SET paused = ?, changed_at = ? WHERE id = 1').run(
        paused ? 1 : 0,
        at.toISOString(),
      );
    },
  };
}
