import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { UsageEvent } from '../../src/engagement/usage-event';
import { commitTogether } from '../../src/stores/sqlite/commit-together';
import { createSqliteStores } from '../../src/stores/sqlite/create-sqlite-stores';
import { openSqlite, type SqliteDatabase } from '../../src/stores/sqlite/open-sqlite';
import { createSqliteEventStore, createSqlitePersonalDataStore } from '../../src/stores/sqlite/sqlite-event-store';
import { newDataDir } from '../support/test-service';

const question = (pseudonym: string): UsageEvent => ({
  tenantId: 'tenant-a',
  pseudonym,
  type: 'question-asked',
  themeId: 'passwords',
  at: new Date('2026-11-29T08:00:00Z'),
});

describe('events committed together', () => {
  let db: SqliteDatabase;
  /** A second connection, as another process sees the file: only committed rows. */
  let observer: Database.Database;
  const committed = () =>
    (observer.prepare('SELECT pseudonym FROM events ORDER BY rowid').all() as { pseudonym: string }[]).map(
      (r) => r.pseudonym,
    );

  beforeEach(() => {
    const dataDir = newDataDir();
    db = openSqlite(dataDir);
    observer = new Database(path.join(dataDir, 'refleks.db'), { readonly: true });
  });
  afterEach(() => {
    observer.close();
    db.close();
  });

  it('writes the events of one turn of the event loop after that turn, all committed before any caller hears back', async () => {
    const events = createSqliteEventStore(db);
    const seenAtSettle: string[][] = [];
    const records = ['p1', 'p2', 'p3'].map((p) =>
      events.record(question(p), 'append').then((stored) => (seenAtSettle.push(committed()), stored)),
    );
    // Nothing is written while the turn that asked is still running…
    expect(committed()).toEqual([]);
    expect(await Promise.all(records)).toEqual([true, true, true]);
    // …and when the first caller hears back, all three are on disk, in the order they were recorded.
    expect(seenAtSettle).toEqual([
      ['p1', 'p2', 'p3'],
      ['p1', 'p2', 'p3'],
      ['p1', 'p2', 'p3'],
    ]);
  });

  it('writes the changed pages to the WAL once per batch, not once per event', async () => {
    const events = createSqliteEventStore(db);
    const walBytes = () => statSync(`${db.name}-wal`).size;
    await events.record(question('warm-up'), 'append');
    const before = walBytes();
    await Promise.all(['p1', 'p2', 'p3', 'p4'].map((p) => events.record(question(p), 'append')));
    const together = walBytes() - before;
    for (const p of ['p5', 'p6', 'p7', 'p8']) await events.record(question(p), 'append');
    const oneByOne = walBytes() - before - together;
    expect(together * 3).toBeLessThan(oneByOne);
  });

  it('writes a later turn’s events in a transaction of their own', async () => {
    const events = createSqliteEventStore(db);
    await events.record(question('p1'), 'append');
    const second = events.record(question('p2'), 'append');
    expect(committed()).toEqual(['p1']);
    await second;
    expect(committed()).toEqual(['p1', 'p2']);
  });

  it('lets a row that cannot be stored fail alone: the others in its batch are stored', async () => {
    const insert = db.prepare('INSERT INTO events (tenant_id, pseudonym, type, at) VALUES (?, ?, ?, ?)');
    const write = commitTogether(db, (pseudonym: string | null) => insert.run('tenant-a', pseudonym, 'x', 'now'));
    const results = await Promise.allSettled([write('p1'), write(null), write('p3')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(
      /NOT NULL constraint failed: events.pseudonym/,
    );
    expect(committed()).toEqual(['p1', 'p3']);
  });

  it('rejects every caller when the database refuses the write, and stores nothing twice after', async () => {
    const events = createSqliteEventStore(db);
    const locker = new Database(path.join(db.name), { timeout: 0 });
    locker.exec('BEGIN IMMEDIATE');
    db.pragma('busy_timeout = 0');
    const results = await Promise.allSettled(['p1', 'p2'].map((p) => events.record(question(p), 'append')));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    locker.exec('ROLLBACK');
    locker.close();
    await events.record(question('p3'), 'append');
    expect(committed()).toEqual(['p3']);
  });
  it('fails the whole batch at once when the database refuses it, without trying each row again', async () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    let writes = 0;
    const write = commitTogether(db, () => {
      writes += 1;
      throw busy;
    });
    const results = await Promise.allSettled([write('p1'), write('p2'), write('p3')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    // One try for the batch: each try waits out the busy timeout while the whole server waits.
    expect(writes).toBe(1);
  });

  it('writes a waiting event before «slett mine data» erases the person, so none outlives the erasure', async () => {
    const events = createSqliteEventStore(db);
    const recorded = events.record(question('p1'), 'append');
    await createSqlitePersonalDataStore(db).erase('tenant-a', 'aad-1', 'p1');
    await recorded;
    expect(committed()).toEqual([]);
  });

  it('lets «mine data» see an event that is still waiting', async () => {
    const events = createSqliteEventStore(db);
    const recorded = events.record(question('p1'), 'append');
    expect((await events.listFor('tenant-a', 'p1')).map((e) => e.type)).toEqual(['question-asked']);
    await recorded;
  });
});

describe('closing the embedded store', () => {
  it('writes the events still waiting before the database closes', async () => {
    const dataDir = newDataDir();
    const stores = createSqliteStores(dataDir);
    const recorded = stores.events.record(question('p1'), 'append');
    await stores.health.close();
    await expect(recorded).resolves.toBe(true);
    const reopened = new Database(path.join(dataDir, 'refleks.db'), { readonly: true });
    expect(reopened.prepare('SELECT pseudonym FROM events').all()).toEqual([{ pseudonym: 'p1' }]);
    reopened.close();
  });
});
