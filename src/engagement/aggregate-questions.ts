import type { ThemeId } from '../content/theme-schema';
import type { QuestionFact } from '../stores/event-store';
import { suppressCount, suppressShare, type Cell } from './suppress';

export interface QuestionStats {
  /** People who asked a question answered from the theme, or whose closest theme it was. */
  questionsAsked: Cell;
  /** Fraction 0–1 of them who at least once got «not sure» instead of an answer. */
  questionsUnansweredShare: Cell;
  /** Fraction 0–1 of the people who rated an answer from the theme whose latest rating was 👍. */
  answersHelpfulShare: Cell;
}

/** People whose latest 👍/👎 on the theme's answers was 👍, and 👎: each person is in one of them. */
export interface FeedbackCounts {
  helpful: number;
  notHelpful: number;
}

/** Questions for one theme in one municipality, over distinct people and suppressed like every figure. */
export function questionStats(
  facts: QuestionFact[],
  tenantId: string,
  themeId: ThemeId,
  k: number,
  feedback: FeedbackCounts,
): QuestionStats {
  const fact = facts.find((f) => f.tenantId === tenantId && f.themeId === themeId);
  const asked = fact?.asked ?? 0;
  return {
    questionsAsked: suppressCount(asked, k),
    questionsUnansweredShare: suppressShare(fact?.unanswered ?? 0, asked, k),
    answersHelpfulShare: suppressShare(feedback.helpful, feedback.helpful + feedback.notHelpful, k),
  };
}
