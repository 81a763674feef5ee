import { aggregate } from '../../src/engagement/aggregate';
import { suppressCount, suppressPartition, suppressShare } from '../../src/engagement/suppress';
import type { ThemeFact } from '../../src/stores/event-store';

const S = 'suppressed';

describe('k-suppression', () => {
  it('hides counts of fewer than k people, zero included', () => {
    expect([0, 4, 5, 6].map((n) => suppressCount(n, 5))).toEqual([S, S, 5, 6]);
    expect(suppressCount(3, 3)).toBe(3);
  });

  it('hides a share when the part, its complement or the whole is under k', () => {
    expect(suppressShare(10, 20, 5)).toBe(0.5);
    expect(suppressShare(4, 20, 5)).toBe(S); // only 4 right
    expect(suppressShare(16, 20, 5)).toBe(S); // only 4 wrong: "80 % of 20" names them
    expect(suppressShare(4, 4, 3)).toBe(S); // everyone right, nobody outside
    expect(suppressShare(5, 15, 5)).toBe(0.33);
  });

  it('shows every part when all are at least k', () => {
    expect(suppressPartition({ a: 5, b: 7, c: 9 }, 5)).toEqual({ total: 21, parts: { a: 5, b: 7, c: 9 } });
  });

  it('suppresses the next smallest part when exactly one part is suppressed (no subtraction)', () => {
    expect(suppressPartition({ a: 2, b: 9, c: 6, d: 12 }, 5)).toEqual({
      total: 29,
      parts: { a: S, b: 9, c: S, d: 12 },
    });
  });

  it('keeps going while the suppressed parts together are still fewer than k', () => {
    // 1 + 1 could be subtracted out as "2 people"; adding the 7 makes the hidden group 9.
    expect(suppressPartition({ a: 1, b: 1, c: 7, d: 20 }, 5).parts).toEqual({ a: S, b: S, c: S, d: 20 });
  });

  it('leaves two suppressed parts alone when together they are at least k', () => {
    expect(suppressPartition({ a: 3, b: 4, c: 10 }, 5).parts).toEqual({ a: S, b: S, c: 10 });
  });

  it('hides everything when the total is under k', () => {
    expect(suppressPartition({ a: 1, b: 2 }, 5)).toEqual({ total: S, parts: { a: S, b: S } });
  });

  it('never leaves a hidden part derivable from the total and the shown parts', () => {
    for (let seed = 0; seed < 300; seed++) {
      const values = [0, 1, 2, 3].map((i) => (seed * (i + 7) * 31 + i * 17) % 13);
      const parts = { a: values[0]!, b: values[1]!, c: values[2]!, d: values[3]! };
      const { total, parts: shown } = suppressPartition(parts, 5);
      if (total === S) continue;
      const hidden = Object.entries(parts).filter(([key]) => shown[key as keyof typeof shown] === S);
      expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
      if (hidden.length > 0) expect(hidden.reduce((sum, [, n]) => sum + n, 0)).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('aggregate', () => {
  const fact = (f: Partial<ThemeFact>): ThemeFact => ({ tenantId: 't1', type: 'any', people: 0, ...f });

  it('builds the funnel per tenant and theme, suppressing small figures', () => {
    const facts = [
      fact({ themeId: 'passwords', type: 'any', people: 20 }),
      fact({ themeId: 'passwords', type: 'quiz-answered', value: 'right', people: 7 }),
      fact({ themeId: 'passwords', type: 'quiz-answered', value: 'wrong', people: 3 }),
      fact({ themeId: 'passwords', type: 'committed', people: 6 }),
      fact({ themeId: 'passwords', type: 'reminder-set', people: 5 }),
      fact({ tenantId: 't2', themeId: 'two-factor', type: 'reminder-set', people: 4 }),
      fact({ themeId: 'passwords', type: 'check-answered', value: 'always', people: 6 }),
      fact({ themeId: 'passwords', type: 'check-answered', value: 'usually', people: 5 }),
      fact({ themeId: 'passwords', type: 'check-answered', value: 'rarely', people: 1 }),
      fact({ type: 'paused', people: 2 }),
      fact({ tenantId: 't2', themeId: 'two-factor', type: 'any', people: 1 }),
    ];
    const reach = [{ tenantId: 't1', themeId: 'passwords' as const, people: 40 }];
    const [t1, t2] = aggregate(facts, reach, 5);
    expect(t1).toEqual({
      tenantId: 't1',
      paused: S,
      reportsPerMonth: [],
      reportDelay: { people: S, median: S },
      themes: [
        {
          themeId: 'passwords',
          reached: 40,
          interacted: 20,
          quizAnswered: 10,
          quizCorrectShare: S, // only 3 got another answer
          committed: 6,
          reminders: 5,
          checkAnswered: 12,
          // rarely (1) and unknown (0) are hidden; together 1 < 5, so usually (5) goes too.
          checks: { always: 6, usually: S, rarely: S, unknown: S },
          meetingKits: S,
          paused: S,
          questionsAsked: S,
          questionsUnansweredShare: S,
          answersHelpfulShare: S,
        },
      ],
      pulse: [], // nobody answered the pulse
    });
    expect(t2?.themes.map((t) => [t.themeId, t.reached, t.interacted, t.reminders])).toEqual([['two-factor', S, S, S]]);
  });

  it('hides a funnel stage when the people outside it, within the stage before, are fewer than k', () => {
    const facts = [
      fact({ themeId: 'passwords', type: 'any', people: 18 }),
      fact({ themeId: 'passwords', type: 'committed', people: 15 }),
      fact({ themeId: 'passwords', type: 'quiz-answered', value: 'right', people: 6 }),
      fact({ themeId: 'passwords', type: 'quiz-answered', value: 'wrong', people: 6 }),
      fact({ themeId: 'passwords', type: 'check-answered', value: 'always', people: 9 }),
      fact({ themeId: 'passwords', type: 'check-answered', value: 'usually', people: 9 }),
    ];
    const at = (reached: number) =>
      aggregate(facts, [{ tenantId: 't1', themeId: 'passwords', people: reached }], 5)[0]?.themes[0];
    // 20 reached, 18 interacted would tell that 2 ignored the nudge; then committed (15) is
    // compared with the 20 reached (5 outside: shown), and the quiz's 12 likewise.
    expect(at(20)).toMatchObject({ reached: 20, interacted: S, committed: 15, quizAnswered: 12 });
    // With 30 reached, 18 interacted is shown; 18 − 15 = 3 outside "committed" hides it.
    expect(at(30)).toMatchObject({ reached: 30, interacted: 18, committed: S, quizAnswered: 12 });
    // Everyone who interacted answered the check (18 of 18): the total and all its parts are hidden.
    expect(at(30)).toMatchObject({ checkAnswered: S, checks: { always: S, usually: S, rarely: S, unknown: S } });
  });

  it('leaves no hidden funnel stage within k of a shown stage that encloses it', () => {
    const stages = ['interacted', 'quizAnswered', 'committed', 'checkAnswered'] as const;
    for (let seed = 1; seed < 400; seed++) {
      const n = (i: number) => (seed * (i + 3) * 37 + i * 11) % 25;
      const interacted = 5 + n(0);
      const facts = [
        fact({ themeId: 'passwords', type: 'any', people: interacted }),
        fact({ themeId: 'passwords', type: 'committed', people: Math.min(interacted, n(1)) }),
        fact({ themeId: 'passwords', type: 'quiz-answered', value: 'right', people: Math.min(interacted, n(2)) }),
        fact({ themeId: 'passwords', type: 'check-answered', value: 'always', people: Math.min(interacted, n(3)) }),
      ];
      const reach = [{ tenantId: 't1', themeId: 'passwords' as const, people: interacted + (seed % 9) }];
      const theme = aggregate(facts, reach, 5)[0]?.themes[0];
      if (!theme) throw new Error('no theme');
      const shown = (cell: unknown): cell is number => typeof cell === 'number';
      for (const stage of stages) {
        const value = theme[stage];
        if (!shown(value)) continue;
        expect(value).toBeGreaterThanOrEqual(5);
        const enclosing = stage === 'interacted' ? [theme.reached] : [theme.interacted, theme.reached];
        const parent = enclosing.find(shown);
        if (parent !== undefined) expect(parent - value).toBeGreaterThanOrEqual(5);
      }
    }
  });
});

describe('aggregate: meeting kits and pauses per theme', () => {
  const fact = (f: Partial<ThemeFact>): ThemeFact => ({ tenantId: 't1', type: 'any', people: 0, ...f });
  const reach = (['passwords', 'two-factor', 'photo-consent'] as const).map((themeId) => ({
    tenantId: 't1',
    themeId,
    people: 40,
  }));
  const byTheme = (facts: ThemeFact[]) => {
    const [tenant] = aggregate(facts, reach, 5);
    return { total: tenant?.paused, themes: Object.fromEntries(tenant!.themes.map((t) => [t.themeId, t.paused])) };
  };

  it('counts leaders who opened a meeting kit, suppressed under k', () => {
    const [tenant] = aggregate(
      [
        fact({ themeId: 'passwords', type: 'meeting-kit', people: 6 }),
        fact({ themeId: 'two-factor', type: 'meeting-kit', people: 4 }),
      ],
      reach,
      5,
    );
    expect(tenant?.themes.map((t) => [t.themeId, t.meetingKits])).toEqual([
      ['passwords', 6],
      ['two-factor', S],
      ['photo-consent', S],
    ]);

    // Leaders took part: 6 of 8 who took part would tell that 2 did not open the kit.
    const [within] = aggregate(
      [
        fact({ themeId: 'passwords', type: 'any', people: 8 }),
        fact({ themeId: 'passwords', type: 'meeting-kit', people: 6 }),
      ],
      reach,
      5,
    );
    expect(within?.themes[0]).toMatchObject({ themeId: 'passwords', interacted: 8, meetingKits: S });
  });

  it('shows pauses per theme and the tenant total when every group is large enough', () => {
    const facts = [
      fact({ themeId: 'passwords', type: 'paused', people: 6 }),
      fact({ themeId: 'two-factor', type: 'paused', people: 7 }),
      fact({ themeId: 'photo-consent', type: 'paused', people: 5 }),
    ];
    expect(byTheme(facts)).toEqual({ total: 18, themes: { passwords: 6, 'two-factor': 7, 'photo-consent': 5 } });
  });

  it('never lets a small group of pauses be worked out from the total', () => {
    // 2 paused after photo-consent: hidden, and so is the next smallest (passwords), or 13 − 6 − 5 would tell.
    const facts = [
      fact({ themeId: 'passwords', type: 'paused', people: 6 }),
      fact({ themeId: 'two-factor', type: 'paused', people: 7 }),
      fact({ themeId: 'photo-consent', type: 'paused', people: 2 }),
    ];
    expect(byTheme(facts)).toEqual({ total: 15, themes: { passwords: S, 'two-factor': 7, 'photo-consent': S } });
    // People who paused before any theme reached them count in the total and hide like any other part.
    const beforeAnyTheme = [...facts.slice(0, 2), fact({ type: 'paused', people: 3 })];
    expect(byTheme(beforeAnyTheme)).toEqual({
      total: 16,
      themes: { passwords: S, 'two-factor': 7, 'photo-consent': S },
    });
  });
});
