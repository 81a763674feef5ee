import type { ConversationAddress } from '../../domain/conversation-address';
import type { ReportAttachment } from '../../reports/report-types';
import type { ItChannelStore, ReportDraft, ReportDraftStore } from '../report-outbox-store';
import type { SqliteDatabase } from './open-sqlite';

type StoredDraft = Omit<ReportDraft, 'openedAt'>;
const EMPTY: StoredDraft = { attachments: [], missingFiles: [] };

export function createSqliteReportDraftStore(db: SqliteDatabase): ReportDraftStore {
  const select = db.prepare(
    'SELECT opened_at, draft_json FROM report_drafts WHERE tenant_id = ? AND aad_object_id = ? AND opened_at > ?',
  );
  const upsert = db.prepare(`
    INSERT INTO report_drafts (tenant_id, aad_object_id, opened_at, draft_json) VALUES (@tenantId, @aadObjectId, @openedAt, @draft)
    ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET opened_at = excluded.opened_at, draft_json = excluded.draft_json`);
  const remove = db.prepare('DELETE FROM report_drafts WHERE tenant_id = ? AND aad_object_id = ?');
  // Drafts that ran out: removed whenever anyone opens one, and by the report worker every hour.
  const expire = db.prepare('DELETE FROM report_drafts WHERE opened_at <= ?');

  function read(tenantId: string, aadObjectId: string, now: Date, ttlMs: number): ReportDraft | undefined {
    const since = new Date(now.getTime() - ttlMs).toISOString();
    const row = select.get(tenantId, aadObjectId, since) as { opened_at: string; draft_json: string } | undefined;
    return row ? { openedAt: new Date(row.opened_at), ...(JSON.parse(row.draft_json) as StoredDraft) } : undefined;
  }
  const write = (tenantId: string, aadObjectId: string, { openedAt, ...draft }: ReportDraft) =>
    upsert.run({ tenantId, aadObjectId, openedAt: openedAt.toISOString(), draft: JSON.stringify(draft) });

  const open = db.transaction((tenantId: string, aadObjectId: string, at: Date, ttlMs: number) => {
    expire.run(new Date(at.getTime() - ttlMs).toISOString());
    const current = read(tenantId, aadObjectId, at, ttlMs);
    write(tenantId, aadObjectId, { ...(current ?? EMPTY), openedAt: at });
  });

  // Read and write in one transaction: another turn of the same user cannot slip in between.
  const addFile = db.transaction(
    (tenantId: string, aadObjectId: string, now: Date, ttlMs: number, file: ReportAttachment, maxBytes: number) => {
      const draft = read(tenantId, aadObjectId, now, ttlMs);
      if (!draft) return 'no-draft' as const;
      const used = draft.attachments.reduce((sum, a) => sum + a.bytes, 0);
      if (used + file.bytes > maxBytes) return 'too-big' as const;
      write(tenantId, aadObjectId, { ...draft, attachments: [...draft.attachments, file] });
      return 'added' as const;
    },
  );
  const addMissingFile = db.transaction(
    (tenantId: string, aadObjectId: string, now: Date, ttlMs: number, name: string) => {
      const draft = read(tenantId, aadObjectId, now, ttlMs);
      if (draft) write(tenantId, aadObjectId, { ...draft, missingFiles: [...draft.missingFiles, name] });
      return draft !== undefined;
    },
  );

  return {
    get: async (tenantId, aadObjectId, now, ttlMs) => read(tenantId, aadObjectId, now, ttlMs),
    open: async (...args) => open(...args),
    addFile: async (...args) => addFile(...args),
    addMissingFile: async (...args) => addMissingFile(...args),
    async purgeExpired(now, ttlMs) {
      return expire.run(new Date(now.getTime() - ttlMs).toISOString()).changes;
    },
    async discard(tenantId, aadObjectId) {
      remove.run(tenantId, aadObjectId);
    },
  };
}

export function createSqliteItChannelStore(db: SqliteDatabase): ItChannelStore {
  const select = db.prepare('SELECT address_json FROM it_channels WHERE tenant_id = ?');
  const upsert = db.prepare(`
    INSERT INTO it_channels (tenant_id, address_json, set_at) VALUES (?, ?, ?)
    ON CONFLICT (tenant_id) DO UPDATE SET address_json = excluded.address_json, set_at = excluded.set_at`);
  return {
    async get(tenantId) {
      const row = select.get(tenantId) as { address_json: string } | undefined;
      return row ? (JSON.parse(row.address_json) as ConversationAddress) : undefined;
    },
    async set(tenantId, address) {
      upsert.run(tenantId, JSON.stringify(address), new Date().toISOString());
    },
  };
}
