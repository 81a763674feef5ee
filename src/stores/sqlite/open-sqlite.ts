import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type SqliteDatabase = Database.Database;

/**
 * Brings the database up to the newest schema, one transaction per migration.
 * Applies every migration whose version is not recorded yet, in order, so
 * features developed side by side can each own a range of version numbers.
 */
export function migrate(db: SqliteDatabase, migrations: Migration[] = MIGRATIONS): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const rows = db.prepare('SELECT version FROM schema_version').all() as { version: number }[];
  const applied = new Set(rows.map((row) => row.version));
  const pending = migrations.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.description,
        new Date().toISOString(),
      );
    })();
  }
  return pending.map((m) => m.version);
}

/**
 * Opens (or creates) the embedded database in dataDir. WAL lets the service
 * and the CLI read and write the same file at once; busy_timeout makes a
 * writer wait for the other instead of failing.
 */
export function openSqlite(dataDir: string, fileName = 'refleks.db'): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, fileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}
