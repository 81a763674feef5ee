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
      fact({ themeId: 'passwords', type: 'any', people: 12 }),
      fact({ themeId: 'passwords', type: 'quiz-answered', value: 'right', people: 7 }),
      fact({ themeId: 'passwords', type: 'quiz-answered', value: 'wrong', people: 3 }),
      fact({ themeId: 'passwords', type: 'committed', people: 6 }),
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
      themes: [
        {
          themeId: 'passwords',
          reached: 40,
          interacted: 12,
          quizAnswered: 10,
          quizCorrectShare: S, // only 3 got another answer
          committed: 6,
          checkAnswered: 12,
          // rarely (1) and unknown (0) are hidden; together 1 < 5, so usually (5) goes too.
          checks: { always: 6, usually: S, rarely: S, unknown: S },
        },
      ],
      pulse: [], // nobody answered the pulse
    });
    expect(t2?.themes.map((t) => [t.themeId, t.reached, t.interacted])).toEqual([['two-factor', S, S]]);
  });
});
