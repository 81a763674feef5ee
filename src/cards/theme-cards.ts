import type { ThemeText } from '../content/localize-theme';
import { THEME_IDS } from '../content/theme-schema';
import type { AdaptiveCard } from '../domain/turn';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import type { CardRenderer } from './render-card';

/**
 * The monthly nudge: hook, habit, why (folded), tips, and the buttons that turn
 * intent into action. `expanded` unfolds "why" and the leader section, for the gallery.
 */
export function nudgeCard(render: CardRenderer, t: Catalogue, theme: ThemeText, expanded = false): AdaptiveCard {
  const badge = interpolate(t.nudge.badge, { number: theme.number, total: THEME_IDS.length });
  return render('nudge', { t, theme, badge, tips: theme.tips, expanded });
}

export function quizCard(render: CardRenderer, t: Catalogue, theme: ThemeText): AdaptiveCard {
  const options = theme.quiz.options.map((option, index) => ({ text: option.text, value: String(index) }));
  return render('quiz', { t, theme, badge: interpolate(t.quiz.badge, { title: theme.title }), options });
}

/**
 * The answer to the quiz. A wrong answer gets the same warm tone as a right
 * one: the chosen option's explanation says what was good about the thinking
 * and what works better, then the right answer is named.
 */
export function quizResultCard(
  render: CardRenderer,
  t: Catalogue,
  theme: ThemeText,
  chosenIndex: number,
): AdaptiveCard {
  const chosen = theme.quiz.options[chosenIndex];
  const right = theme.quiz.options.find((option) => option.correct);
  if (!chosen || !right) throw new RangeError(`Quiz ${theme.id} has no option ${chosenIndex}`);
  return render('quiz-result', {
    t,
    theme,
    badge: interpolate(t.quiz.badge, { title: theme.title }),
    chosen,
    headline: chosen.correct ? t.quiz.correctHeadline : t.quiz.wrongHeadline,
    // The ✓ in the headline carries the meaning; the colour only repeats it.
    headlineColor: chosen.correct ? 'good' : 'default',
    yourAnswer: interpolate(t.quiz.yourAnswer, { answer: chosen.text }),
    rightAnswer: interpolate(t.quiz.rightAnswer, { answer: right.text }),
  });
}

export const CHECK_ANSWERS = ['always', 'usually', 'rarely', 'unknown'] as const;
export type CheckAnswer = (typeof CHECK_ANSWERS)[number];

/** The follow-up "refleks-sjekk" some weeks after a theme: one question about the habit. */
export function checkCard(render: CardRenderer, t: Catalogue, theme: ThemeText): AdaptiveCard {
  const answers = CHECK_ANSWERS.map((value) => ({ value, title: t.check.answers[value] }));
  // Two buttons per row, so the answers fit on a phone without being cut off.
  const answerRows = [{ answers: answers.slice(0, 2) }, { answers: answers.slice(2) }];
  return render('check', {
    t,
    theme,
    themeId: theme.id,
    badge: interpolate(t.check.badge, { title: theme.title }),
    answerRows,
  });
}
