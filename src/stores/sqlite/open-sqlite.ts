import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type SqliteDatabase = Database.Database;

/**
 * Brings the database up to the newest schema. Applies every migration whose
 * version is not recorded yet, in order, so features developed side by side
 * can each own a range of version numbers. Two processes may start on one
 * file at once (two instances, or the CLI and the service): the write lock is
 * taken first (BEGIN IMMEDIATE; the other waits for it, up to the busy
 * timeout), what is applied is read under it, and what is missing is applied
 * in the same transaction. The second to get the lock finds nothing to do,
 * and a failing migration leaves the database as it was.
 */
export function migrate(db: SqliteDatabase, migrations: Migration[] = MIGRATIONS): number[] {
  const upgrade = db.transaction(() => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const rows = db.prepare('SELECT version FROM schema_version').all() as { version: number }[];
    const applied = new Set(rows.map((row) => row.version));
    const pending = migrations.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
    const record = db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)');
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.description, new Date().toISOString());
    }
    return pending.map((m) => m.version);
  });
  return upgrade.immediate();
}

/** How long a process waits for another that holds the database: busy_timeout, and the WAL switch below. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Puts the file in WAL mode (it stays so; on a file already in WAL this only
 * reads its header). The switch reads the header under a shared lock, then
 * asks for the write lock without calling the busy handler (waiting while
 * holding a read lock could deadlock): a process that meets another's write
 * lock on a new file at that moment gets SQLITE_BUSY at once, whatever the
 * busy timeout. So it tries again shortly, for as long as the busy timeout.
 */
function switchToWal(db: SqliteDatabase): void {
  const giveUpAt = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const busy = String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');
      if (!busy || Date.now() > giveUpAt) throw error;
      // A synchronous pause, as the busy timeout's own: opening the database is synchronous, at start-up.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 + Math.random() * 40);
    }
  }
}

/**
 * Opens (or creates) the embedded database in dataDir. WAL lets the service
 * and the CLI read and write the same file at once; the busy timeout (set
 * when the connection opens, before anything else) makes a writer wait for
 * the other instead of failing. Two processes may open and migrate it at once.
 */
export function openSqlite(dataDir: string, fileName = 'refleks.db'): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, fileName), { timeout: BUSY_TIMEOUT_MS });
  switchToWal(db);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}
