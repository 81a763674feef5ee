import type { ThemeId } from '../../src/content/theme-schema';
import type { EventType } from '../../src/engagement/usage-event';
import { openSqlite } from '../../src/stores/sqlite/open-sqlite';
import { createSqliteEventStore } from '../../src/stores/sqlite/sqlite-event-store';
import { TENANT } from './activities';

export const SMALL_TENANT = 'small-tenant';

/**
 * A municipality's campaign in a real SQLite store: the delivery ledger and
 * events for pseudonyms p0…p39, chosen so that some figures are shown and some
 * are suppressed at k = 5. `EXPECTED` is what the effect report must draw.
 */
export async function seedEffectData(dataDir: string): Promise<void> {
  const db = openSqlite(dataDir);
  const events = createSqliteEventStore(db);
  const rollout = db.prepare("INSERT INTO rollouts VALUES (?, ?, ?, 'admin', '2026-08-03T07:00:00.000Z')");
  const ledger = db.prepare(
    "INSERT INTO deliveries (tenant_id, aad_object_id, message_id, status, sent_at) VALUES (?, ?, ?, 'sent', '2026-08-03T07:00:00.000Z')",
  );
  const reach = (themeId: ThemeId, people: number, tenantId = TENANT) => {
    rollout.run(`c/${themeId}/nudge`, themeId, 'nudge');
    for (let n = 0; n < people; n++) ledger.run(tenantId, `aad-${n}`, `c/${themeId}/nudge`);
  };
  const at = new Date('2026-08-05T10:00:00.000Z');
  const record = async (
    from: number,
    to: number,
    type: EventType,
    themeId?: ThemeId,
    value?: string,
    when = at,
    tenantId = TENANT,
  ) => {
    for (let n = from; n < to; n++)
      await events.record({ tenantId, pseudonym: `p${n}`, type, themeId, value, at: when }, 'append');
  };

  reach('lock-devices', 40);
  reach('passwords', 30);
  reach('two-factor', 3);
  // lock-devices: 24 took part (6 only with 👍/👎), 12 of 18 right, 9 committed; checks 8/6/2/1 (the 6 goes too: 2 + 1 < 5).
  await record(18, 24, 'feedback', 'lock-devices', 'yes');
  // Five who took the quiz found an answer not helpful: 6 of 11 said 👍.
  await record(0, 5, 'feedback', 'lock-devices', 'no');
  await record(0, 12, 'quiz-answered', 'lock-devices', 'right');
  await record(12, 18, 'quiz-answered', 'lock-devices', 'wrong');
  await record(0, 9, 'committed', 'lock-devices');
  await record(0, 8, 'check-answered', 'lock-devices', 'always');
  await record(8, 14, 'check-answered', 'lock-devices', 'usually');
  await record(14, 16, 'check-answered', 'lock-devices', 'rarely');
  await record(16, 17, 'check-answered', 'lock-devices', 'unknown');
  // passwords: 4 on the quiz (hidden), 6 committed, checks 5/5/5/0 («always» goes too: nobody said «don't know»).
  await record(0, 4, 'quiz-answered', 'passwords', 'right');
  await record(0, 6, 'committed', 'passwords');
  await record(20, 25, 'check-answered', 'passwords', 'always');
  await record(25, 30, 'check-answered', 'passwords', 'usually');
  await record(30, 35, 'check-answered', 'passwords', 'rarely');
  // Questions: 10 asked about lock-devices, 5 of them unanswered once; 7 and 2 for passwords; 3 for two-factor.
  await record(0, 10, 'question-asked', 'lock-devices', 'answered');
  await record(5, 10, 'question-asked', 'lock-devices', 'unanswered');
  await record(0, 7, 'question-asked', 'passwords', 'answered');
  await record(0, 2, 'question-asked', 'passwords', 'unanswered');
  await record(0, 3, 'question-asked', 'two-factor', 'answered');
  // Meld fra: 6 people in August, 2 in September, 9 in October; delays for 7 of them.
  await record(0, 6, 'report-sent', undefined, 'suspicious-email', new Date('2026-08-20T09:00:00Z'));
  await record(0, 2, 'report-sent', undefined, 'other', new Date('2026-09-10T09:00:00Z'));
  await record(10, 19, 'report-sent', undefined, 'suspicious-sms', new Date('2026-10-31T22:30:00Z')); // Oslo: 31 Oct
  await record(0, 3, 'report-delay', undefined, '4-24h');
  await record(3, 7, 'report-delay', undefined, '1-2d');
  // Pulse, lock-screen: before 5/8/6/0/1 of 20 (always goes too: 0 + 1 < 5), after 12/8/2/0/0 of 22 (usually goes too).
  const pulse = async (phase: string, counts: number[]) => {
    let n = 0;
    for (const [index, value] of ['always', 'usually', 'rarely', 'never', 'unknown'].entries())
      for (let i = 0; i < (counts[index] ?? 0); i++, n++) {
        const event = { tenantId: TENANT, pseudonym: `p${n}`, type: 'pulse-answered' as const, value, at };
        await events.record({ ...event, subject: `${phase}/lock-screen` }, 'latest');
      }
  };
  await pulse('before', [5, 8, 6, 0, 1]);
  await pulse('after', [12, 8, 2, 0, 0]);
  // Another municipality with too little to show: it must not appear in a report for TENANT.
  await record(0, 2, 'committed', 'lock-devices', undefined, at, SMALL_TENANT);
  db.close();
}

export const S = 'suppressed';

/** What the report must show for TENANT, chart by chart, in drawing order. */
export const EXPECTED = {
  funnel: [
    ['Lås enhetene dine', [40, 24, 18, 9]],
    ['Sterke passord', [30, 21, S, 6]],
    ['Bruk to-faktor der du kan', [S, S, S, S]],
  ],
  checks: [
    { total: 17, parts: [8, S, S, S] },
    { total: 15, parts: [S, 5, 5, S] },
    { total: S, parts: [S, S, S, S] },
  ],
  pulse: [
    { total: 20, parts: [S, 8, 6, S, S] },
    { total: 22, parts: [12, S, S, S, S] },
  ],
  questions: [10, 7, S],
  questionShares: ['50 %', 'skjult', 'skjult'],
  helpfulShares: ['55 %', 'skjult', 'skjult'],
  reports: [
    ['august 2026', 6],
    ['september 2026', S],
    ['oktober 2026', 9],
  ],
  median: '1–2 døgn',
} as const;
