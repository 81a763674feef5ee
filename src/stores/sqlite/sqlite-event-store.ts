import { isThemeId } from '../../content/theme-library';
import { NOT_TAKING_PART, type EventType, type RecordPolicy, type UsageEvent } from '../../engagement/usage-event';
import type { EventStore, PersonalDataStore, ThemeFact } from '../event-store';
import { commitTogether, flushPending } from './commit-together';
import type { SqliteDatabase } from './open-sqlite';
import { createSqliteEffectFacts } from './sqlite-effect-facts';

interface EventRow {
  tenant_id: string;
  pseudonym: string;
  type: string;
  theme_id: string | null;
  subject: string | null;
  value: string | null;
  at: string;
}

const themeOf = (id: string | null) => (isThemeId(id) ? id : undefined);

function toEvent(row: EventRow): UsageEvent {
  return {
    tenantId: row.tenant_id,
    pseudonym: row.pseudonym,
    type: row.type as EventType,
    themeId: themeOf(row.theme_id),
    subject: row.subject ?? undefined,
    value: row.value ?? undefined,
    at: new Date(row.at),
  };
}

export function createSqliteEventStore(db: SqliteDatabase): EventStore {
  const insert = db.prepare(
    'INSERT INTO events (tenant_id, pseudonym, type, theme_id, subject, value, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // "IS" so that a missing theme or subject matches a missing one.
  const sameKey = 'tenant_id = ? AND pseudonym = ? AND type = ? AND theme_id IS ? AND subject IS ?';
  const exists = db.prepare(`SELECT 1 FROM events WHERE ${sameKey} LIMIT 1`);
  const removeSame = db.prepare(`DELETE FROM events WHERE ${sameKey}`);
  const listFor = db.prepare('SELECT * FROM events WHERE tenant_id = ? AND pseudonym = ? ORDER BY at, rowid');
  const purge = db.prepare('DELETE FROM events WHERE at < ?');
  // "any" is the funnel's «interacted», without the NOT_TAKING_PART types. Pauses count each person once,
  // under the theme of their latest pause, so the per-theme figures are parts of the total and can be
  // suppressed as such.
  const notTakingPart = NOT_TAKING_PART.map((type) => `'${type}'`).join(', ');
  const facts = db.prepare(`
    SELECT tenant_id, theme_id, type, subject, value, COUNT(DISTINCT pseudonym) AS people
      FROM events WHERE type <> 'paused' GROUP BY tenant_id, theme_id, type, subject, value
    UNION ALL
    SELECT tenant_id, theme_id, 'any', NULL, NULL, COUNT(DISTINCT pseudonym)
      FROM events WHERE theme_id IS NOT NULL AND type NOT IN (${notTakingPart})
     GROUP BY tenant_id, theme_id
    UNION ALL
    SELECT tenant_id, theme_id, 'paused', NULL, NULL, COUNT(*)
      FROM (SELECT tenant_id, theme_id,
                   ROW_NUMBER() OVER (PARTITION BY tenant_id, pseudonym ORDER BY at DESC, rowid DESC) AS nth
              FROM events WHERE type = 'paused')
     WHERE nth = 1 GROUP BY tenant_id, theme_id`);
  const reach = db.prepare(`
    SELECT d.tenant_id, r.theme_id, COUNT(DISTINCT d.aad_object_id) AS people
      FROM deliveries d JOIN rollouts r ON r.message_id = d.message_id
     WHERE d.status = 'sent' AND r.kind = 'nudge'
     GROUP BY d.tenant_id, r.theme_id`);

  const keyOf = (event: UsageEvent) => [
    event.tenantId,
    event.pseudonym,
    event.type,
    event.themeId ?? null,
    event.subject ?? null,
  ];
  const append = (event: UsageEvent) => insert.run(...keyOf(event), event.value ?? null, event.at.toISOString());
  // Check-then-write must not interleave with another writer; one insert is atomic on its own.
  const recordOnce = db.transaction((event: UsageEvent, policy: RecordPolicy) => {
    const key = keyOf(event);
    if (policy === 'first' && exists.get(...key)) return false;
    if (policy === 'latest') removeSame.run(...key);
    append(event);
    return true;
  });
  // Plain appends (a question, a 👍) are the writes on every turn: they are committed together.
  const appendSoon = commitTogether(db, append);

  return {
    ...createSqliteEffectFacts(db),
    async record(event, policy) {
      if (policy !== 'append') {
        flushPending(db); // «first» must see an earlier event that is still waiting
        return recordOnce(event, policy);
      }
      await appendSoon(event);
      return true;
    },
    async listFor(tenantId, pseudonym) {
      flushPending(db);
      return (listFor.all(tenantId, pseudonym) as EventRow[]).map(toEvent);
    },
    async purgeBefore(cutoff) {
      flushPending(db);
      return purge.run(cutoff.toISOString()).changes;
    },
    async themeFacts() {
      const rows = facts.all() as (Omit<EventRow, 'pseudonym' | 'at'> & { people: number })[];
      return rows.map((row): ThemeFact => ({
        tenantId: row.tenant_id,
        themeId: themeOf(row.theme_id),
        type: row.type as ThemeFact['type'],
        subject: row.subject ?? undefined,
        value: row.value ?? undefined,
        people: row.people,
      }));
    },
    async reachFacts() {
      const rows = reach.all() as { tenant_id: string; theme_id: string; people: number }[];
      return rows.flatMap((row) => {
        const themeId = themeOf(row.theme_id);
        return themeId ? [{ tenantId: row.tenant_id, themeId, people: row.people }] : [];
      });
    },
  };
}

/** One transaction: afterwards no row names the person, and no event carries their pseudonym. */
export function createSqlitePersonalDataStore(db: SqliteDatabase): PersonalDataStore {
  const statements = [
    db.prepare('DELETE FROM recipients WHERE tenant_id = @tenantId AND aad_object_id = @aadObjectId'),
    db.prepare('DELETE FROM deliveries WHERE tenant_id = @tenantId AND aad_object_id = @aadObjectId'),
    db.prepare('DELETE FROM report_drafts WHERE tenant_id = @tenantId AND aad_object_id = @aadObjectId'),
    // Reminders hold the chat address: they go too, so nothing is sent after the goodbye.
    db.prepare('DELETE FROM reminders WHERE tenant_id = @tenantId AND aad_object_id = @aadObjectId'),
  ];
  const events = db.prepare('DELETE FROM events WHERE tenant_id = @tenantId AND pseudonym = @pseudonym');
  const erase = db.transaction((who: { tenantId: string; aadObjectId: string; pseudonym: string }) => {
    for (const statement of statements) statement.run({ tenantId: who.tenantId, aadObjectId: who.aadObjectId });
    events.run({ tenantId: who.tenantId, pseudonym: who.pseudonym });
  });
  // Nothing sent since the cutoff either: their ledger rows are as old as the events purged with them,
  // so «reached» for a theme within the retention period never shrinks.
  const expired = db.prepare(`
    SELECT tenant_id AS tenantId, aad_object_id AS aadObjectId FROM recipients r
     WHERE r.active = 0 AND r.last_seen < @cutoff AND NOT EXISTS (
       SELECT 1 FROM deliveries d
        WHERE d.tenant_id = r.tenant_id AND d.aad_object_id = r.aad_object_id AND d.sent_at >= @cutoff)`);
  const purgeInactive = db.transaction((cutoff: string) => {
    const people = expired.all({ cutoff }) as { tenantId: string; aadObjectId: string }[];
    for (const who of people) for (const statement of statements) statement.run(who);
    return people.length;
  });
  return {
    async erase(tenantId, aadObjectId, pseudonym) {
      flushPending(db); // an event still waiting to be written would outlive the erasure
      erase({ tenantId, aadObjectId, pseudonym });
    },
    async purgeInactive(cutoff) {
      // The write lock first: the select and the deletes must see the same people.
      return purgeInactive.immediate(cutoff.toISOString());
    },
  };
}
