import Database from 'better-sqlite3';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { createPseudonymizer, pseudonymOf } from '../../src/engagement/pseudonym';
import { purgeExpiredEvents, retentionCutoff } from '../../src/engagement/purge-events';
import { openSqlite } from '../../src/stores/sqlite/open-sqlite';
import { createSqliteEventStore } from '../../src/stores/sqlite/sqlite-event-store';
import { executeActivity, messageActivity, submitActivity } from '../support/activities';
import { configProblems } from '../support/config-problems';
import { productionEnv } from '../support/production-env';
import { newDataDir } from '../support/test-service';
import { useLocalService } from '../support/use-local-service';

const production = { ...productionEnv, ANALYTICS_PEPPER: undefined, IT_CHANNEL: '19:abc@thread.tacv2' };

describe('engagement settings', () => {
  it('requires ANALYTICS_PEPPER outside local mode and says how to make one', () => {
    expect(configProblems(production)).toMatch(/ANALYTICS_PEPPER: is required.*openssl rand -base64 48/s);
    expect(configProblems({ ...production, ANALYTICS_PEPPER: 'short' })).toMatch(
      /ANALYTICS_PEPPER: must be a random secret of at least 32 characters.*\(got \(hidden\)\)/,
    );
    expect(configProblems({ ...production, ANALYTICS_PEPPER: 'x'.repeat(32) })).toBe('');
  });

  it('uses a development pepper in local mode, and defaults for retention and group size', () => {
    expect(loadConfig({}, '/srv').engagement).toMatchObject({
      developmentPepper: true,
      retentionMonths: 13,
      minGroupSize: 5,
    });
  });

  it('never lets the smallest group go below 3', () => {
    expect(configProblems({ MIN_GROUP_SIZE: '2' })).toMatch(/MIN_GROUP_SIZE: .*at least 3/);
    expect(loadConfig({ MIN_GROUP_SIZE: '3' }, '/srv').engagement.minGroupSize).toBe(3);
  });
});

describe('pseudonyms', () => {
  it('are a keyed HMAC-SHA256 of tenant and object id, in hex', () => {
    const a = pseudonymOf('pepper-one', 'T', 'A');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(pseudonymOf('pepper-one', 't', 'a')).toBe(a);
    expect(pseudonymOf('pepper-two', 'T', 'A')).not.toBe(a);
    expect(pseudonymOf('pepper-one', 'T', 'B')).not.toBe(a);
  });

  it('are remembered per service without changing what they are', () => {
    const remembered = createPseudonymizer('pepper-one');
    expect(remembered('T', 'A')).toBe(pseudonymOf('pepper-one', 'T', 'A'));
    expect(remembered('T', 'A')).toBe(pseudonymOf('pepper-one', 'T', 'A'));
    expect(remembered('t', 'a')).toBe(pseudonymOf('pepper-one', 'T', 'A'));
    expect(remembered('T', 'B')).toBe(pseudonymOf('pepper-one', 'T', 'B'));
    expect(createPseudonymizer('pepper-two')('T', 'A')).toBe(pseudonymOf('pepper-two', 'T', 'A'));
  });
});

describe('event store', () => {
  const store = () => createSqliteEventStore(openSqlite(newDataDir()));
  const at = new Date('2027-03-01T10:00:00Z');
  const event = { tenantId: 't', pseudonym: 'p', type: 'quiz-answered' as const, themeId: 'passwords' as const, at };

  it('keeps the first, replaces with the latest, or appends, as asked', async () => {
    const events = store();
    expect(await events.record({ ...event, value: 'wrong' }, 'first')).toBe(true);
    expect(await events.record({ ...event, value: 'right' }, 'first')).toBe(false);
    await events.record({ ...event, type: 'check-answered', value: 'rarely' }, 'latest');
    await events.record({ ...event, type: 'check-answered', value: 'always' }, 'latest');
    await events.record({ ...event, type: 'paused', themeId: undefined }, 'append');
    await events.record({ ...event, type: 'paused', themeId: undefined }, 'append');
    const listed = (await events.listFor('t', 'p')).map((e) => `${e.type}:${e.value ?? ''}`);
    expect(listed).toEqual(['quiz-answered:wrong', 'check-answered:always', 'paused:', 'paused:']);
  });

  it('purges events older than the retention period (injected clock)', async () => {
    const events = store();
    for (const iso of ['2026-01-31T23:59:59Z', '2026-02-01T00:00:00Z', '2027-02-28T12:00:00Z'])
      await events.record({ ...event, type: 'committed', at: new Date(iso) }, 'append');
    const now = new Date('2027-03-01T00:00:00Z');
    expect(retentionCutoff(now, 13).toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(await purgeExpiredEvents(events, 13, now)).toBe(1);
    expect((await events.listFor('t', 'p')).map((e) => e.at.toISOString())).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2027-02-28T12:00:00.000Z',
    ]);
  });
});

describe('events recorded from the routes', () => {
  const fixture = useLocalService();
  const user = { aadObjectId: 'dddddddd-0000-4000-8000-000000000004', locale: 'nb-NO' };
  const rows = () => {
    const db = new Database(path.join(fixture.dataDir(), 'refleks.db'), { readonly: true });
    try {
      return db.prepare('SELECT * FROM events ORDER BY rowid').all() as Record<string, string | null>[];
    } finally {
      db.close();
    }
  };

  it('counts quiz, check and pause under a pseudonym, with no ids or text', async () => {
    const who = { ...user, serviceUrl: fixture.connector.url };
    await fixture.service().post(executeActivity(who, 'quiz-answer', { theme: 'lock-devices', option: '1' }));
    await fixture
      .service()
      .post(submitActivity(who, { action: 'check-answer', theme: 'passwords', answer: 'usually' }));
    await fixture.service().post(messageActivity(who, 'pause'));
    await fixture.connector.waitForSent(2);
    const stored = rows();
    expect(stored.map((r) => [r.type, r.theme_id, r.value])).toEqual([
      ['quiz-answered', 'lock-devices', 'right'],
      ['check-answered', 'passwords', 'usually'],
      ['paused', null, null],
    ]);
    expect(new Set(stored.map((r) => r.pseudonym)).size).toBe(1);
    expect(JSON.stringify(stored)).not.toContain(user.aadObjectId);
  });

  it('counts 👍/👎 only from a real yes or no, never a 👎 for a button made by hand', async () => {
    const who = { ...user, serviceUrl: fixture.connector.url };
    const feedback = (helpful: unknown) => submitActivity(who, { action: 'feedback', helpful, theme: 'passwords' });
    // The latest vote per person and theme stands: a made-up button must not turn the 👍 into a 👎.
    for (const helpful of [true, 'true', undefined, null]) await fixture.service().post(feedback(helpful));
    await fixture.connector.waitForSent(4);
    expect(rows().map((r) => [r.type, r.theme_id, r.value])).toEqual([['feedback', 'passwords', 'yes']]);
  });
});
