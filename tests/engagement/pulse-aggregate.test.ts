import { aggregate } from '../../src/engagement/aggregate';
import { aggregatePulse } from '../../src/engagement/aggregate-pulse';
import { parsePulseSubject, pulseSubject } from '../../src/engagement/pulse-subject';
import { summariseMyData } from '../../src/engagement/summarise-my-data';
import { PULSE_ANSWERS, PULSE_QUESTION_IDS, type PulseAnswer } from '../../src/content/pulse-schema';
import { openSqlite } from '../../src/stores/sqlite/open-sqlite';
import { createSqliteEventStore, createSqlitePersonalDataStore } from '../../src/stores/sqlite/sqlite-event-store';
import type { ThemeFact } from '../../src/stores/event-store';
import { newDataDir } from '../support/test-service';

const S = 'suppressed';
const answered = (subject: string, value: PulseAnswer, people: number, tenantId = 't1'): ThemeFact => ({
  tenantId,
  type: 'pulse-answered',
  subject,
  value,
  people,
});

describe('pulse aggregates per question and phase', () => {
  it('are empty until someone in the tenant answers the pulse', () => {
    expect(aggregatePulse([{ tenantId: 't1', themeId: 'passwords', type: 'committed', people: 9 }], 5)).toEqual([]);
  });

  it('count people per option before and after, each phase suppressed on its own', () => {
    const facts = [
      answered('before/lock-screen', 'always', 6),
      answered('before/lock-screen', 'usually', 9),
      answered('before/lock-screen', 'rarely', 7),
      answered('before/lock-screen', 'never', 5),
      answered('before/lock-screen', 'unknown', 5),
      answered('after/lock-screen', 'always', 20),
      answered('after/lock-screen', 'usually', 8),
      answered('after/lock-screen', 'rarely', 6),
      answered('after/lock-screen', 'never', 5),
      answered('after/lock-screen', 'unknown', 5),
    ];
    const [lock, ...others] = aggregatePulse(facts, 5);
    expect(lock).toEqual({
      questionId: 'lock-screen',
      before: { answered: 32, answers: { always: 6, usually: 9, rarely: 7, never: 5, unknown: 5 } },
      after: { answered: 44, answers: { always: 20, usually: 8, rarely: 6, never: 5, unknown: 5 } },
    });
    // Every question is listed; one nobody answered shows nothing but «fewer than k».
    expect(others.map((q) => q.questionId)).toEqual(PULSE_QUESTION_IDS.slice(1));
    expect(others[0]?.before).toEqual({
      answered: S,
      answers: { always: S, usually: S, rarely: S, never: S, unknown: S },
    });
  });

  it('hide small options and, against differencing, the next smallest until the hidden group is k or more', () => {
    const facts = [
      answered('before/two-factor', 'always', 12),
      answered('before/two-factor', 'usually', 6),
      answered('before/two-factor', 'rarely', 2),
      // never 0 and unknown 0 are hidden too: 0 + 2 < 5 could be subtracted out, so 6 goes.
      answered('after/two-factor', 'always', 9),
    ];
    const twoFactor = aggregatePulse(facts, 5).find((q) => q.questionId === 'two-factor');
    expect(twoFactor?.before).toEqual({
      answered: 20,
      answers: { always: 12, usually: S, rarely: S, never: S, unknown: S },
    });
    // Everyone gave the same answer: showing it would tell each person's answer.
    expect(twoFactor?.after).toEqual({
      answered: 9,
      answers: { always: S, usually: S, rarely: S, never: S, unknown: S },
    });
  });

  it('never leave a hidden option derivable from what is shown, for any counts', () => {
    for (let seed = 0; seed < 400; seed++) {
      const counts = PULSE_ANSWERS.map((_, i) => (seed * (i + 5) * 37 + i * 11) % 11);
      const facts = PULSE_ANSWERS.map((answer, i) => answered('before/report-suspicious', answer, counts[i] ?? 0));
      const stats = aggregatePulse(facts, 5).find((q) => q.questionId === 'report-suspicious')!.before;
      if (stats.answered === S) continue;
      const hidden = PULSE_ANSWERS.flatMap((answer, i) => (stats.answers[answer] === S ? [counts[i] ?? 0] : []));
      expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
      if (hidden.length > 0) expect(hidden.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
    }
  });

  it('belong to the tenant they came from, and do not count as taking part in a theme', () => {
    const facts = [
      answered('before/lock-screen', 'always', 8, 't1'),
      answered('before/lock-screen', 'usually', 8, 't1'),
      answered('before/lock-screen', 'always', 3, 't2'),
    ];
    const [t1, t2] = aggregate(facts, [], 5);
    expect(t1?.themes).toEqual([]);
    // 16 answered; the zeros are hidden, so one of the 8s goes too (else 16 - 8 - 8 = 0 tells the rest).
    expect(t1?.pulse[0]?.before).toEqual({
      answered: 16,
      answers: { always: S, usually: 8, rarely: S, never: S, unknown: S },
    });
    expect(t2?.pulse[0]?.before.answered).toBe(S);
  });
});

describe('pulse answers in the event store', () => {
  const at = new Date('2027-03-01T10:00:00Z');
  const answer = (pseudonym: string, subject: string, value: PulseAnswer) => ({
    tenantId: 't',
    pseudonym,
    type: 'pulse-answered' as const,
    subject,
    value,
    at,
  });

  it('keep one answer per person, phase and question: answering again replaces it', async () => {
    const db = openSqlite(newDataDir());
    const events = createSqliteEventStore(db);
    await events.record(answer('p1', 'before/lock-screen', 'rarely'), 'latest');
    await events.record(answer('p1', 'before/two-factor', 'always'), 'latest');
    await events.record(answer('p1', 'after/lock-screen', 'usually'), 'latest');
    await events.record(answer('p1', 'before/lock-screen', 'usually'), 'latest');
    await events.record(answer('p2', 'before/lock-screen', 'usually'), 'latest');
    // The check still keys on theme alone (no subject): a changed answer replaces the first.
    const check = {
      tenantId: 't',
      pseudonym: 'p1',
      type: 'check-answered' as const,
      themeId: 'passwords' as const,
      at,
    };
    await events.record({ ...check, value: 'rarely' }, 'latest');
    await events.record({ ...check, value: 'always' }, 'latest');

    const mine = (await events.listFor('t', 'p1')).map((e) => `${e.type}:${e.subject ?? '-'}:${e.value ?? ''}`);
    expect(mine.sort()).toEqual([
      'check-answered:-:always',
      'pulse-answered:after/lock-screen:usually',
      'pulse-answered:before/lock-screen:usually',
      'pulse-answered:before/two-factor:always',
    ]);
    const [stats] = aggregate(await events.themeFacts(), [], 2);
    const lock = stats?.pulse.find((q) => q.questionId === 'lock-screen');
    // Two people, p1 counted once; both said «usually», which is exactly why no option is shown.
    expect(lock?.before).toEqual({ answered: 2, answers: { always: S, usually: S, rarely: S, never: S, unknown: S } });
    expect(stats?.themes.map((t) => t.themeId)).toEqual(['passwords']);

    // «slett mine data»: the pulse answers go with everything else.
    await createSqlitePersonalDataStore(db).erase('t', 'a1', 'p1');
    expect(await events.listFor('t', 'p1')).toEqual([]);
    const [after] = aggregate(await events.themeFacts(), [], 1);
    expect(after?.pulse[0]?.before.answered).toBe(1);
  });

  it('show up in «mine data» by phase and question', () => {
    const summary = summariseMyData([
      { ...answer('p', pulseSubject('before', 'lock-screen'), 'rarely') },
      { ...answer('p', 'before/no-such-question', 'always') },
      { tenantId: 't', pseudonym: 'p', type: 'committed', themeId: 'passwords', at },
    ]);
    expect(summary.pulse).toEqual([{ phase: 'before', questionId: 'lock-screen', value: 'rarely' }]);
    expect(parsePulseSubject('during/lock-screen')).toBeUndefined();
  });
});
