import Database from 'better-sqlite3';
import path from 'node:path';

/**
 * Holds the write lock of the service's database from a second connection,
 * as a long write by the CLI or a second instance would: every write the
 * service tries waits out its busy timeout (5 s) and fails. Returns the unlock.
 */
export function lockDatabase(dataDir: string): () => void {
  const other = new Database(path.join(dataDir, 'refleks.db'));
  other.exec('BEGIN EXCLUSIVE');
  return () => {
    other.exec('ROLLBACK');
    other.close();
  };
}
