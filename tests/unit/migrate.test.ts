import Database from 'better-sqlite3';
import { migrate } from '../../src/stores/sqlite/open-sqlite';

const versions = (db: Database.Database) =>
  (db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[]).map(
    (r) => r.version,
  );

describe('migrate', () => {
  it('applies pending migrations in order, once, including a gap filled later', () => {
    const db = new Database(':memory:');
    const first = [
      { version: 1, description: 'a', sql: 'CREATE TABLE a (x)' },
      { version: 20, description: 'c', sql: 'CREATE TABLE c (x)' },
    ];
    expect(migrate(db, first)).toEqual([1, 20]);
    expect(migrate(db, first)).toEqual([]);
    const later = [...first, { version: 10, description: 'b', sql: 'CREATE TABLE b (x)' }];
    expect(migrate(db, later)).toEqual([10]);
    expect(versions(db)).toEqual([1, 10, 20]);
  });

  it('rolls back a failing migration, and those applied before it in the same start', () => {
    const db = new Database(':memory:');
    const first = { version: 1, description: 'a', sql: 'CREATE TABLE a (x)' };
    migrate(db, [first]);
    const broken = [
      first,
      { version: 2, description: 'b', sql: 'CREATE TABLE b (x)' },
      { version: 3, description: 'bad', sql: 'CREATE TABLE ok (x); CREATE TABLE ok (x);' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    // One transaction per start: the database is as the previous release left it.
    expect(versions(db)).toEqual([1]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name IN ('b', 'ok')").get()).toBeUndefined();
  });
});
