import type { QuestionAnswer } from '../questions/question-answer';
import type { UsageEvent } from './usage-event';

export type QuestionOutcome = 'answered' | 'unanswered';

/**
 * What is counted when someone asks: the theme and whether the content had an
 * answer, never the question. A "not sure" reply counts as unanswered under
 * the closest theme, so the content team sees where answers are missing.
 * Questions outside the campaign (lunch, pay …) are not counted at all: they
 * say nothing about the themes, and what is not needed is not stored.
 */
export function questionEvent(result: QuestionAnswer): Pick<UsageEvent, 'type' | 'themeId' | 'value'> | undefined {
  if (result.kind === 'answer' && result.theme)
    return { type: 'question-asked', themeId: result.theme, value: 'answered' };
  const closest = result.closestThemes[0];
  if (result.kind === 'low-confidence' && closest)
    return { type: 'question-asked', themeId: closest, value: 'unanswered' };
  return undefined;
}
