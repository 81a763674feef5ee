import Database from 'better-sqlite3';
import path from 'node:path';
import { executeActivity, installActivity, uninstallActivity } from '../support/activities';
import { sendThemeAsAdmin } from '../support/send-theme';
import { startTestService, type TestService } from '../support/test-service';
import { useLocalService } from '../support/use-local-service';

/**
 * An uninstall only marks the recipient inactive. The nightly purge (also run
 * at start-up) deletes them once they have been neither seen nor sent anything
 * for EVENT_RETENTION_MONTHS, with their ledger rows and reminders. Time passes
 * the way the reminder tests let it: the stored times are moved into the past
 * while the service is down.
 */
const ADMIN = 'dddddddd-0000-4000-8000-0000000000a1';
const fixture = useLocalService({ ADMIN_AAD_OBJECT_IDS: ADMIN, REMINDER_INTERVAL_SECONDS: '300' });
// The connector stand-in has its address only once started, so people are made inside the test.
const person = (aadObjectId: string) => ({ aadObjectId, serviceUrl: fixture.connector.url, locale: 'nb-NO' });
let restarted: TestService | undefined;
afterEach(() => restarted?.stop());

function withDatabase<T>(use: (db: Database.Database) => T): T {
  const db = new Database(path.join(fixture.dataDir(), 'refleks.db'));
  try {
    return use(db);
  } finally {
    db.close();
  }
}
const peopleIn = (table: string) =>
  withDatabase((db) =>
    (db.prepare(`SELECT DISTINCT aad_object_id AS id FROM ${table} ORDER BY 1`).all() as { id: string }[]).map(
      (row) => row.id,
    ),
  );
const monthsAgo = (months: number) => {
  const at = new Date();
  at.setUTCMonth(at.getUTCMonth() - months);
  return at.toISOString();
};

describe('the nightly purge of people who left', () => {
  it('deletes an inactive recipient with their ledger rows and reminders after the retention period', async () => {
    const leaver = person('dddddddd-0000-4000-8000-0000000000a2');
    const recentLeaver = person('dddddddd-0000-4000-8000-0000000000a3');
    const quietStayer = person('dddddddd-0000-4000-8000-0000000000a4');
    for (const who of [leaver, recentLeaver, quietStayer]) await fixture.service().post(installActivity(who));
    await sendThemeAsAdmin(fixture, person(ADMIN), 'passwords', 4);
    await fixture.service().post(executeActivity(leaver, 'remind-set', { theme: 'passwords', choice: 'default' }));
    for (const who of [leaver, recentLeaver]) await fixture.service().post(uninstallActivity(who));
    await fixture.service().stop();

    // Fourteen months pass for the leaver and for one who stays but never writes. The other leaver was
    // last seen as long ago, but a tip reached them two months ago (they blocked refleks only then).
    withDatabase((db) => {
      const age = (who: { aadObjectId: string }, seen: number, sent: number) => {
        db.prepare('UPDATE recipients SET last_seen = ? WHERE aad_object_id = ?').run(monthsAgo(seen), who.aadObjectId);
        db.prepare('UPDATE deliveries SET sent_at = ? WHERE aad_object_id = ?').run(monthsAgo(sent), who.aadObjectId);
      };
      age(leaver, 14, 14);
      age(quietStayer, 14, 14);
      age(recentLeaver, 14, 2);
    });
    expect(peopleIn('reminders')).toEqual([leaver.aadObjectId]);

    restarted = await startTestService({ DATA_DIR: fixture.dataDir(), ADMIN_AAD_OBJECT_IDS: ADMIN });
    const deadline = Date.now() + 5000;
    while (!restarted.logs.text.includes('inactive recipients purged') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));

    const remaining = [ADMIN, recentLeaver.aadObjectId, quietStayer.aadObjectId].sort();
    expect(peopleIn('recipients')).toEqual(remaining);
    expect(peopleIn('deliveries')).toEqual(remaining);
    expect(peopleIn('reminders')).toEqual([]);
    const line = restarted.logs.lines.find((l) => l.includes('inactive recipients purged'));
    expect(line && JSON.parse(line)).toMatchObject({ purged: 1, retentionMonths: 13 });
    expect(restarted.logs.text).not.toContain(leaver.aadObjectId);
  });
});
