import { isLanguage } from '../../content/languages';
import type { ThemeId } from '../../content/theme-schema';
import type { ConversationAddress } from '../../domain/conversation-address';
import type { ClaimedReminder, Reminder, ReminderStore } from '../reminder-store';
import type { SqliteDatabase } from './open-sqlite';

interface ReminderRow {
  tenant_id: string;
  aad_object_id: string;
  theme_id: string;
  due_at: string;
  address_json: string;
  language: string;
  created_at: string;
  attempts: number;
  lease_owner: string | null;
  retrying_since: string | null;
}

function toReminder(row: ReminderRow): Reminder {
  return {
    tenantId: row.tenant_id,
    aadObjectId: row.aad_object_id,
    themeId: row.theme_id as ThemeId,
    dueAt: new Date(row.due_at),
    address: JSON.parse(row.address_json) as ConversationAddress,
    language: isLanguage(row.language) ? row.language : 'nb',
    createdAt: new Date(row.created_at),
  };
}

/**
 * A claimant may only move on the row it claimed: same key, still its lease,
 * and the same reminder (created_at), not a newer one the user set meanwhile.
 */
const HELD = `tenant_id = @tenantId AND aad_object_id = @aadObjectId AND theme_id = @themeId
  AND lease_owner = @owner AND created_at = @createdAt`;
const RELEASE = 'lease_owner = NULL, lease_until = NULL';

export function createSqliteReminderStore(db: SqliteDatabase): ReminderStore {
  const exists = db.prepare(
    'SELECT 1 FROM reminders WHERE tenant_id = @tenantId AND aad_object_id = @aadObjectId AND theme_id = @themeId',
  );
  // Replacing also drops a lease: the sender of the old reminder can then no longer delete the new one.
  // A new reminder starts with a clean history: the old one's failures do not shorten its retries.
  const upsert = db.prepare(`
    INSERT INTO reminders (tenant_id, aad_object_id, theme_id, due_at, address_json, language, created_at, next_attempt_at)
    VALUES (@tenantId, @aadObjectId, @themeId, @dueAt, @address, @language, @createdAt, @dueAt)
    ON CONFLICT (tenant_id, aad_object_id, theme_id) DO UPDATE SET
      due_at = excluded.due_at, address_json = excluded.address_json, language = excluded.language,
      created_at = excluded.created_at, next_attempt_at = excluded.next_attempt_at, attempts = 0,
      retrying_since = NULL, ${RELEASE}`);
  const listFor = db.prepare(
    'SELECT * FROM reminders WHERE tenant_id = ? AND aad_object_id = ? ORDER BY due_at, theme_id',
  );
  // One statement: SQLite serialises writers, so two senders (or instances) never lease the same row.
  const claim = db.prepare(`
    UPDATE reminders SET lease_owner = @owner, lease_until = @until
    WHERE rowid IN (
      SELECT rowid FROM reminders
      WHERE next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
      ORDER BY next_attempt_at LIMIT @limit)
    RETURNING *`);
  const finish = db.prepare(`DELETE FROM reminders WHERE ${HELD}`);
  const retry = db.prepare(
    `UPDATE reminders SET attempts = attempts + @count, next_attempt_at = @next,
       retrying_since = COALESCE(retrying_since, @failedAt), ${RELEASE} WHERE ${HELD}`,
  );
  const release = db.prepare(`UPDATE reminders SET ${RELEASE} WHERE ${HELD}`);

  const held = (c: ClaimedReminder) => ({
    tenantId: c.tenantId,
    aadObjectId: c.aadObjectId,
    themeId: c.themeId,
    owner: c.owner,
    createdAt: c.createdAt.toISOString(),
  });
  const set = db.transaction((r: Reminder) => {
    const key = { tenantId: r.tenantId, aadObjectId: r.aadObjectId, themeId: r.themeId };
    const replaced = exists.get(key) !== undefined;
    upsert.run({
      ...key,
      dueAt: r.dueAt.toISOString(),
      address: JSON.stringify(r.address),
      language: r.language,
      createdAt: r.createdAt.toISOString(),
    });
    return { replaced };
  });

  return {
    async set(reminder) {
      return set.immediate(reminder);
    },
    async listFor(tenantId, aadObjectId) {
      return (listFor.all(tenantId, aadObjectId) as ReminderRow[]).map(toReminder);
    },
    async claimDue(now, leaseMs, owner, limit) {
      const until = new Date(now.getTime() + leaseMs).toISOString();
      const rows = claim.all({ owner, until, now: now.toISOString(), limit }) as ReminderRow[];
      return rows.map((row) => ({
        ...toReminder(row),
        owner,
        attempts: row.attempts,
        retryingSince: row.retrying_since === null ? undefined : new Date(row.retrying_since),
      }));
    },
    async finish(c) {
      return finish.run(held(c)).changes > 0;
    },
    async retry(c, nextAttemptAt, countsAsAttempt, failedAt) {
      const next = nextAttemptAt.toISOString();
      retry.run({ ...held(c), next, count: countsAsAttempt ? 1 : 0, failedAt: failedAt.toISOString() });
    },
    async release(c) {
      release.run(held(c));
    },
  };
}
