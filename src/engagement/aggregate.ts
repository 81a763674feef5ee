import { CHECK_ANSWERS, type CheckAnswer } from '../cards/theme-cards';
import { THEME_IDS, type ThemeId } from '../content/theme-schema';
import type { QuestionFact, ReachFact, ReportMonthFact, ThemeFact } from '../stores/event-store';
import { questionStats, type QuestionStats } from './aggregate-questions';
import { reportStats, type ReportStats } from './aggregate-reports';
import { DELAY_BUCKETS, type DelayBucket } from './report-delay';
import { aggregatePulse, type PulseQuestionStats } from './aggregate-pulse';
import {
  isShown,
  nearestShown,
  suppressCount,
  suppressPartition,
  suppressShare,
  suppressSubset,
  type Cell,
} from './suppress';

/** One theme in one municipality: the funnel from reached to committed, the check answers and questions. */
export interface ThemeStats extends QuestionStats {
  themeId: ThemeId;
  reached: Cell;
  interacted: Cell;
  quizAnswered: Cell;
  /** Fraction 0–1 of quiz answers that were right on the first try. */
  quizCorrectShare: Cell;
  committed: Cell;
  /** People who asked for a reminder («Minn meg på det»). */
  reminders: Cell;
  checkAnswered: Cell;
  checks: Record<CheckAnswer, Cell>;
  /** People who asked for the theme's meeting kit: leaders who used it. */
  meetingKits: Cell;
  /** People whose latest pause came after this theme (a part of the tenant's paused total). */
  paused: Cell;
}

export interface TenantStats extends ReportStats {
  tenantId: string;
  themes: ThemeStats[];
  /** Everyone who paused, whichever theme came before. */
  paused: Cell;
  /** The pulse before and after the campaign, per question; empty until someone answers it. */
  pulse: PulseQuestionStats[];
}

/** The bucket for pauses by people who had received no theme yet. */
const NO_THEME = 'none';

/** Facts with their own queries: questions per theme and «Meld fra» reports per month. */
export interface EffectFacts {
  questions: QuestionFact[];
  reportMonths: ReportMonthFact[];
}
const NO_EFFECT_FACTS: EffectFacts = { questions: [], reportMonths: [] };

/**
 * Aggregates with k-suppression (MIN_GROUP_SIZE): every figure is over
 * distinct people, and none is shown when fewer than k people are behind it
 * or behind what could be subtracted from it. Pure, so it is tested alone.
 */
export function aggregate(
  facts: ThemeFact[],
  reach: ReachFact[],
  k: number,
  effect: EffectFacts = NO_EFFECT_FACTS,
): TenantStats[] {
  const tenants = [...new Set([...facts, ...reach].map((f) => f.tenantId))].sort();
  return tenants.map((tenantId) => {
    const own = facts.filter((f) => f.tenantId === tenantId);
    const people = (themeId: ThemeId | undefined, type: ThemeFact['type'], value?: string) =>
      own
        .filter((f) => f.themeId === themeId && f.type === type && (value === undefined || f.value === value))
        .reduce((sum, f) => sum + f.people, 0);
    const reached = (themeId: ThemeId) =>
      reach.find((r) => r.tenantId === tenantId && r.themeId === themeId)?.people ?? 0;
    const themeIds = THEME_IDS.filter((id) => reached(id) > 0 || own.some((f) => f.themeId === id));
    // Pauses per theme are parts of the total, suppressed together against differencing.
    // Themes not shown and an empty "before any theme" group are known to be empty: not parts.
    const pausedParts: Record<string, number> = Object.fromEntries(themeIds.map((id) => [id, people(id, 'paused')]));
    const beforeAnyTheme = people(undefined, 'paused');
    if (beforeAnyTheme > 0) pausedParts[NO_THEME] = beforeAnyTheme;
    const pauses = suppressPartition(pausedParts, k);
    const themes = themeIds.map((themeId): ThemeStats => {
      const right = people(themeId, 'quiz-answered', 'right');
      const answered = right + people(themeId, 'quiz-answered', 'wrong');
      const byAnswer = Object.fromEntries(
        CHECK_ANSWERS.map((answer) => [answer, people(themeId, 'check-answered', answer)]),
      ) as Record<CheckAnswer, number>;
      const reachedCell = suppressCount(reached(themeId), k);
      const interacted = suppressSubset(people(themeId, 'any'), reachedCell, k);
      // Every later stage is a subgroup of those who interacted (or, when that is hidden, of those reached).
      const within = nearestShown(interacted, reachedCell);
      const checks = suppressPartition(byAnswer, k);
      const checkAnswered = isShown(checks.total) ? suppressSubset(checks.total, within, k) : checks.total;
      return {
        themeId,
        reached: reachedCell,
        interacted,
        quizAnswered: suppressSubset(answered, within, k),
        quizCorrectShare: suppressShare(right, answered, k),
        committed: suppressSubset(people(themeId, 'committed'), within, k),
        reminders: suppressSubset(people(themeId, 'reminder-set'), within, k),
        checkAnswered,
        // Shown parts would add up to a hidden total.
        checks: isShown(checkAnswered) ? checks.parts : hideAll(checks.parts),
        // Leaders who opened the kit took part in the theme: a subgroup like the other stages.
        meetingKits: suppressSubset(people(themeId, 'meeting-kit'), within, k),
        paused: pauses.parts[themeId] ?? 'suppressed',
        ...questionStats(effect.questions, tenantId, themeId, k, {
          helpful: people(themeId, 'feedback', 'yes'),
          notHelpful: people(themeId, 'feedback', 'no'),
        }),
      };
    });
    const delays = Object.fromEntries(
      DELAY_BUCKETS.map((bucket) => [bucket, people(undefined, 'report-delay', bucket)]),
    ) as Record<DelayBucket, number>;
    const months = effect.reportMonths.filter((m) => m.tenantId === tenantId);
    return {
      tenantId,
      themes,
      paused: pauses.total,
      pulse: aggregatePulse(own, k),
      ...reportStats(months, delays, k),
    };
  });
}

const hideAll = <K extends string>(parts: Record<K, Cell>) =>
  Object.fromEntries(Object.keys(parts).map((key) => [key, 'suppressed'])) as Record<K, Cell>;
