import type Database from 'better-sqlite3';
import type { SqliteDatabase } from './open-sqlite';

// Parameters vary per statement, as with db.prepare() itself.
type Statement = Database.Statement<unknown[]>;

/**
 * better-sqlite3 compiles SQL on every prepare(), which costs more than
 * running a simple query. Statements used inside methods go through this
 * cache so each SQL text is compiled once per connection.
 */
export function preparedOnce(db: SqliteDatabase): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
