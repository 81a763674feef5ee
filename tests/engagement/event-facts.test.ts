import { startNightlyPurge } from '../../src/engagement/purge-events';
import { createLogger } from '../../src/log/create-logger';
import { openSqlite } from '../../src/stores/sqlite/open-sqlite';
import { createSqliteEventStore, createSqlitePersonalDataStore } from '../../src/stores/sqlite/sqlite-event-store';
import { newDataDir } from '../support/test-service';

describe('the purge schedule', () => {
  it('purges at start-up with the injected clock, and stops cleanly', async () => {
    const db = openSqlite(newDataDir());
    const events = createSqliteEventStore(db);
    const base = { tenantId: 't', pseudonym: 'p', type: 'committed' as const };
    await events.record({ ...base, at: new Date('2025-12-31T00:00:00Z') }, 'append');
    await events.record({ ...base, at: new Date('2026-12-31T00:00:00Z') }, 'append');
    const stores = { events, personalData: createSqlitePersonalDataStore(db) };
    const purge = startNightlyPurge(stores, 13, createLogger('silent'), () => new Date('2027-03-01T00:00:00Z'));
    await new Promise((resolve) => setImmediate(resolve));
    purge.stop();
    expect((await events.listFor('t', 'p')).map((e) => e.at.getUTCFullYear())).toEqual([2026]);
  });
});

describe('facts for statistics, and erasure', () => {
  it('counts distinct people per theme from events and sent nudges from the ledger', async () => {
    const db = openSqlite(newDataDir());
    const events = createSqliteEventStore(db);
    db.prepare("INSERT INTO rollouts VALUES ('c/passwords/nudge', 'passwords', 'nudge', 'admin', '2027-01-04')").run();
    db.prepare("INSERT INTO rollouts VALUES ('c/passwords/check', 'passwords', 'check', 'admin', '2027-01-25')").run();
    const ledger = db.prepare(
      "INSERT INTO deliveries (tenant_id, aad_object_id, message_id, status) VALUES ('t', ?, ?, ?)",
    );
    ledger.run('a', 'c/passwords/nudge', 'sent');
    ledger.run('b', 'c/passwords/nudge', 'sent');
    ledger.run('c', 'c/passwords/nudge', 'failed');
    ledger.run('a', 'c/passwords/check', 'sent');
    const at = new Date('2027-01-05T10:00:00Z');
    for (const pseudonym of ['p1', 'p2'])
      await events.record({ tenantId: 't', pseudonym, type: 'committed', themeId: 'passwords', at }, 'first');
    await events.record(
      { tenantId: 't', pseudonym: 'p1', type: 'quiz-answered', themeId: 'passwords', value: 'right', at },
      'first',
    );
    expect(await events.reachFacts()).toEqual([{ tenantId: 't', themeId: 'passwords', people: 2 }]);
    const facts = await events.themeFacts();
    expect(facts.find((f) => f.type === 'any')).toMatchObject({ themeId: 'passwords', people: 2 });
    expect(facts.find((f) => f.type === 'committed')?.people).toBe(2);

    await createSqlitePersonalDataStore(db).erase('t', 'a', 'p1');
    expect(await events.reachFacts()).toEqual([{ tenantId: 't', themeId: 'passwords', people: 1 }]);
    expect((await events.themeFacts()).find((f) => f.type === 'any')?.people).toBe(1);
    expect(await events.listFor('t', 'p1')).toEqual([]);
  });

  it('counts each person who paused once, under the theme of their latest pause, and not as taking part', async () => {
    const events = createSqliteEventStore(openSqlite(newDataDir()));
    const pause = (pseudonym: string, themeId: 'passwords' | 'two-factor' | undefined, iso: string) =>
      events.record({ tenantId: 't', pseudonym, type: 'paused', themeId, at: new Date(iso) }, 'append');
    await pause('p1', 'passwords', '2027-01-05T10:00:00Z');
    await pause('p1', 'two-factor', '2027-02-05T10:00:00Z'); // paused again after resuming: counts here only
    await pause('p2', 'passwords', '2027-01-06T10:00:00Z');
    await pause('p2', 'passwords', '2027-01-07T10:00:00Z');
    await pause('p3', undefined, '2027-01-02T10:00:00Z'); // before any theme reached them
    const paused = (await events.themeFacts())
      .filter((f) => f.type === 'paused')
      .map((f) => [f.themeId ?? null, f.people])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(paused).toEqual([
      [null, 1],
      ['passwords', 1],
      ['two-factor', 1],
    ]);
    expect((await events.themeFacts()).filter((f) => f.type === 'any')).toEqual([]);
  });
});
