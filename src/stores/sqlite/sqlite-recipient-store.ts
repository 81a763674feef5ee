import { isLanguage, type Language } from '../../content/languages';
import type { ConversationAddress } from '../../domain/conversation-address';
import type { Recipient, RecipientSighting } from '../../domain/recipient';
import type { RecipientStore } from '../recipient-store';
import type { SqliteDatabase } from './open-sqlite';

interface RecipientRow {
  tenant_id: string;
  aad_object_id: string;
  address_json: string;
  locale: string | null;
  language: string | null;
  active: number;
  paused: number;
  first_seen: string;
  last_seen: string;
}

function toRecipient(row: RecipientRow): Recipient {
  return {
    tenantId: row.tenant_id,
    aadObjectId: row.aad_object_id,
    address: JSON.parse(row.address_json) as ConversationAddress,
    locale: row.locale ?? undefined,
    language: isLanguage(row.language) ? row.language : undefined,
    active: row.active === 1,
    paused: row.paused === 1,
    firstSeen: new Date(row.first_seen),
    lastSeen: new Date(row.last_seen),
  };
}

export function createSqliteRecipientStore(db: SqliteDatabase): RecipientStore {
  const upsert = db.prepare(`
    INSERT INTO recipients (tenant_id, aad_object_id, address_json, locale, active, first_seen, last_seen)
    VALUES (@tenantId, @aadObjectId, @address, @locale, 1, @at, @at)
    ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET
      address_json = excluded.address_json,
      locale = COALESCE(excluded.locale, recipients.locale),
      active = 1,
      last_seen = excluded.last_seen
    RETURNING *`);
  const deactivate = db.prepare(
    'UPDATE recipients SET active = 0, last_seen = ? WHERE tenant_id = ? AND aad_object_id = ? RETURNING *',
  );
  const selectOne = db.prepare('SELECT * FROM recipients WHERE tenant_id = ? AND aad_object_id = ?');
  const selectByAad = db.prepare('SELECT * FROM recipients WHERE aad_object_id = ?');
  const updateLanguage = db.prepare('UPDATE recipients SET language = ? WHERE tenant_id = ? AND aad_object_id = ?');
  const updatePaused = db.prepare('UPDATE recipients SET paused = ? WHERE tenant_id = ? AND aad_object_id = ?');
  const countActive = db.prepare('SELECT COUNT(*) AS n FROM recipients WHERE active = 1');

  return {
    async recordSighting(sighting: RecipientSighting, at: Date) {
      const row = upsert.get({
        tenantId: sighting.tenantId,
        aadObjectId: sighting.aadObjectId,
        address: JSON.stringify(sighting.address),
        locale: sighting.locale ?? null,
        at: at.toISOString(),
      }) as RecipientRow;
      return toRecipient(row);
    },
    async markInactive(tenantId: string, aadObjectId: string, at: Date) {
      const row = deactivate.get(at.toISOString(), tenantId, aadObjectId) as RecipientRow | undefined;
      return row ? toRecipient(row) : undefined;
    },
    async get(tenantId: string, aadObjectId: string) {
      const row = selectOne.get(tenantId, aadObjectId) as RecipientRow | undefined;
      return row ? toRecipient(row) : undefined;
    },
    async findByAadObjectId(aadObjectId: string) {
      return (selectByAad.all(aadObjectId) as RecipientRow[]).map(toRecipient);
    },
    async setLanguage(tenantId: string, aadObjectId: string, language: Language) {
      updateLanguage.run(language, tenantId, aadObjectId);
    },
    async setPaused(tenantId: string, aadObjectId: string, paused: boolean) {
      updatePaused.run(paused ? 1 : 0, tenantId, aadObjectId);
    },
    async countActive() {
      return (countActive.get() as { n: number }).n;
    },
  };
}
