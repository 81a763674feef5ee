import { aggregate } from '../../src/engagement/aggregate';
import { monthsBetween, reportStats } from '../../src/engagement/aggregate-reports';
import { DELAY_BUCKETS, delayBucket, medianBucket, type DelayBucket } from '../../src/engagement/report-delay';
import type { ThemeFact } from '../../src/stores/event-store';
import { openSqlite } from '../../src/stores/sqlite/open-sqlite';
import { createSqliteDeliveryStore } from '../../src/stores/sqlite/sqlite-delivery-store';
import { createSqliteEventStore } from '../../src/stores/sqlite/sqlite-event-store';
import { newDataDir } from '../support/test-service';

const S = 'suppressed';
const HOUR = 3_600_000;
const delays = (people: Partial<Record<DelayBucket, number>>) =>
  Object.fromEntries(DELAY_BUCKETS.map((b) => [b, people[b] ?? 0])) as Record<DelayBucket, number>;

describe('questions per theme', () => {
  const facts: ThemeFact[] = [
    { tenantId: 't', themeId: 'passwords', type: 'question-asked', value: 'answered', people: 1 },
  ];
  const stats = (asked: number, unanswered: number) =>
    aggregate(facts, [], 5, {
      questions: [{ tenantId: 't', themeId: 'passwords', asked, unanswered }],
      reportMonths: [],
    })[0]?.themes[0];

  it('shows people who asked and the share unanswered', () => {
    expect(stats(12, 5)).toMatchObject({ questionsAsked: 12, questionsUnansweredShare: 0.42 });
  });

  it('hides the share when those unanswered, or those answered, are fewer than k', () => {
    expect(stats(12, 4)).toMatchObject({ questionsAsked: 12, questionsUnansweredShare: S });
    expect(stats(12, 8)).toMatchObject({ questionsAsked: 12, questionsUnansweredShare: S });
  });

  it('hides both when fewer than k asked, and a theme nobody asked about reads as suppressed, not zero', () => {
    expect(stats(4, 0)).toMatchObject({ questionsAsked: S, questionsUnansweredShare: S });
    const other = aggregate([{ tenantId: 't', themeId: 'two-factor', type: 'committed', people: 9 }], [], 5);
    expect(other[0]?.themes[0]).toMatchObject({ questionsAsked: S, questionsUnansweredShare: S });
  });
});

describe('how helpful answers were (👍/👎)', () => {
  const votes = (yes: number, no: number): ThemeFact[] => [
    { tenantId: 't', themeId: 'passwords', type: 'feedback', value: 'yes', people: yes },
    { tenantId: 't', themeId: 'passwords', type: 'feedback', value: 'no', people: no },
  ];
  const helpful = (yes: number, no: number) => aggregate(votes(yes, no), [], 5)[0]?.themes[0]?.answersHelpfulShare;

  it('is the share of people whose latest rating was 👍', () => {
    expect(helpful(15, 5)).toBe(0.75);
  });

  it('is hidden when those who said 👍, or those who said 👎, are fewer than k', () => {
    expect(helpful(15, 4)).toBe(S);
    expect(helpful(4, 15)).toBe(S);
    expect(helpful(0, 0)).toBe(S);
  });
});

describe('«Meld fra» per month and the delay from nudge to report', () => {
  it('buckets the elapsed time, with each bound in the next bucket', () => {
    const hours = [0, 0.99, 1, 3.99, 4, 23.9, 24, 47.9, 48, 167, 168, 335, 336, 719, 720, 5000, -1];
    expect(hours.map((h) => delayBucket(h * HOUR))).toEqual([
      'under-1h',
      'under-1h',
      '1-4h',
      '1-4h',
      '4-24h',
      '4-24h',
      '1-2d',
      '1-2d',
      '2-7d',
      '2-7d',
      '7-14d',
      '7-14d',
      '14-30d',
      '14-30d',
      'over-30d',
      'over-30d',
      'under-1h',
    ]);
  });

  it('finds the bucket of the median person (the lower median for an even count)', () => {
    expect(medianBucket(delays({ 'under-1h': 3, '1-2d': 4, 'over-30d': 2 }))).toBe('1-2d');
    expect(medianBucket(delays({ 'under-1h': 2, '2-7d': 2 }))).toBe('under-1h');
    expect(medianBucket(delays({}))).toBeUndefined();
  });

  it('shows the median only when at least k people are behind it', () => {
    expect(reportStats([], delays({ '4-24h': 3, '2-7d': 2 }), 5).reportDelay).toEqual({ people: 5, median: '4-24h' });
    expect(reportStats([], delays({ '4-24h': 3, '2-7d': 1 }), 5).reportDelay).toEqual({ people: S, median: S });
  });

  it('lists every month from the first to the last report, small and empty months suppressed', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    const months = [
      { tenantId: 't', month: '2027-03', people: 7 },
      { tenantId: 't', month: '2027-01', people: 5 },
    ];
    expect(reportStats(months, delays({}), 5).reportsPerMonth).toEqual([
      { month: '2027-01', people: 5 },
      { month: '2027-02', people: S },
      { month: '2027-03', people: 7 },
    ]);
    expect(reportStats([{ tenantId: 't', month: '2027-05', people: 4 }], delays({}), 5).reportsPerMonth).toEqual([
      { month: '2027-05', people: S },
    ]);
  });

  it('puts the figures on the tenant from the facts', () => {
    const facts: ThemeFact[] = [
      { tenantId: 't', type: 'report-delay', value: '1-4h', people: 4 },
      { tenantId: 't', type: 'report-delay', value: '2-7d', people: 2 },
    ];
    const [tenant] = aggregate(facts, [], 5, {
      questions: [],
      reportMonths: [{ tenantId: 't', month: '2027-04', people: 6 }],
    });
    expect(tenant).toMatchObject({
      reportsPerMonth: [{ month: '2027-04', people: 6 }],
      reportDelay: { people: 6, median: '1-4h' },
    });
  });
});

describe('facts from the SQLite store', () => {
  const at = new Date('2027-02-10T10:00:00Z');

  it('counts distinct people who asked and who went unanswered, outside «interacted»', async () => {
    const events = createSqliteEventStore(openSqlite(newDataDir()));
    const ask = (pseudonym: string, value: string) =>
      events.record({ tenantId: 't', pseudonym, type: 'question-asked', themeId: 'passwords', value, at }, 'append');
    await ask('p1', 'answered');
    await ask('p1', 'unanswered');
    await ask('p1', 'unanswered');
    await ask('p2', 'answered');
    await ask('p2', 'answered');
    await ask('p3', 'unanswered');
    expect(await events.questionFacts()).toEqual([{ tenantId: 't', themeId: 'passwords', asked: 3, unanswered: 2 }]);
    expect((await events.themeFacts()).filter((f) => f.type === 'any')).toEqual([]);
  });

  it('counts reporters per Oslo month, across the month ends in winter and summer time', async () => {
    const events = createSqliteEventStore(openSqlite(newDataDir()));
    const report = (pseudonym: string, iso: string, tenantId = 't') =>
      events.record({ tenantId, pseudonym, type: 'report-sent', value: 'other', at: new Date(iso) }, 'append');
    await report('p1', '2027-01-31T22:59:00Z'); // 23:59 in Oslo: January
    await report('p2', '2027-01-31T23:00:00Z'); // 00:00 on 1 February in Oslo
    await report('p2', '2027-02-14T12:00:00Z'); // the same person again: still one
    await report('p3', '2027-03-31T21:59:00Z'); // 23:59 summer time: March
    await report('p4', '2027-03-31T22:00:00Z'); // April
    await report('p5', '2027-04-02T08:00:00Z', 'u');
    const facts = await events.reportMonthFacts();
    expect(facts.sort((a, b) => `${a.tenantId}${a.month}`.localeCompare(`${b.tenantId}${b.month}`))).toEqual([
      { tenantId: 't', month: '2027-01', people: 1 },
      { tenantId: 't', month: '2027-02', people: 1 },
      { tenantId: 't', month: '2027-03', people: 1 },
      { tenantId: 't', month: '2027-04', people: 1 },
      { tenantId: 'u', month: '2027-04', people: 1 },
    ]);
  });

  it('finds the most recent nudge sent before a moment, not a check, a failure or a later one', async () => {
    const db = openSqlite(newDataDir());
    const deliveries = createSqliteDeliveryStore(db);
    const rollout = db.prepare("INSERT INTO rollouts VALUES (?, 'passwords', ?, 'admin', '2027-01-04')");
    rollout.run('c/passwords/nudge', 'nudge');
    rollout.run('c/two-factor/nudge', 'nudge');
    rollout.run('c/passwords/check', 'check');
    const ledger = db.prepare(
      "INSERT INTO deliveries (tenant_id, aad_object_id, message_id, status, sent_at) VALUES ('t', 'a', ?, ?, ?)",
    );
    ledger.run('c/passwords/nudge', 'sent', '2027-01-04T08:00:00.000Z');
    ledger.run('c/passwords/check', 'sent', '2027-01-25T08:00:00.000Z');
    ledger.run('c/two-factor/nudge', 'failed', '2027-02-01T08:00:00.000Z');
    expect(await deliveries.lastNudgeSentAt('t', 'a', at)).toEqual(new Date('2027-01-04T08:00:00.000Z'));
    expect(await deliveries.lastNudgeSentAt('t', 'a', new Date('2027-01-01T00:00:00Z'))).toBeUndefined();
    expect(await deliveries.lastNudgeSentAt('t', 'b', at)).toBeUndefined();
  });
});
