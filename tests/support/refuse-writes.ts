import Database from 'better-sqlite3';
import path from 'node:path';

/**
 * A real SQLite error from the real store (as SQLITE_BUSY past the busy timeout
 * or a full disk would give), raised by a trigger made from a second connection.
 * Each returns the function that drops the trigger again.
 */
function refuse(dataDir: string, trigger: string): () => void {
  const db = new Database(path.join(dataDir, 'refleks.db'));
  db.exec(trigger);
  return () => (db.exec('DROP TRIGGER refuse_write'), db.close());
}

/** Refuses recording a delivery as sent; with `tenantId`, for that tenant's rows only. */
export function refuseSentRecords(dataDir: string, tenantId?: string): () => void {
  const only = tenantId ? ` AND NEW.tenant_id = '${tenantId}'` : '';
  return refuse(
    dataDir,
    `CREATE TRIGGER refuse_write BEFORE UPDATE OF status ON deliveries WHEN NEW.status = 'sent'${only}
     BEGIN SELECT RAISE(ABORT, 'ledger refuses writes (test)'); END`,
  );
}

/** Refuses deleting reminder rows, as after a reminder's send. */
export function refuseReminderDeletes(dataDir: string): () => void {
  return refuse(
    dataDir,
    `CREATE TRIGGER refuse_write BEFORE DELETE ON reminders
     BEGIN SELECT RAISE(ABORT, 'store refuses writes (test)'); END`,
  );
}
