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

/**
 * The question. Both quiz cards carry a Universal Actions refresh: when the
 * card is shown again (another device, the chat reopened), Teams asks refleks
 * for this user's view of it. `userId` is the user's Teams id (29:…); a
 * personal chat has one user, far below the 60 Teams allows.
 */
export function quizCard(render: CardRenderer, t: Catalogue, theme: ThemeText, userId: string): AdaptiveCard {
  const options = theme.quiz.options.map((option, index) => ({ text: option.text, value: String(index) }));
  const badge = interpolate(t.quiz.badge, { title: theme.title });
  return render('quiz', { t, theme, badge, options, userId, refreshData: { theme: theme.id } });
}

/** What the user answered: the option when known, else only whether it was right (all a refresh may know). */
export type QuizAnswer = { option: number } | { right: boolean };

/**
 * The answer to the quiz. A wrong answer gets the same warm tone as a right
 * one: the chosen option's explanation says what was good about the thinking
 * and what works better, then the right answer is named. When only "wrong" is
 * known, the right answer comes first and then why it works.
 */
export function quizResultCard(
  render: CardRenderer,
  t: Catalogue,
  theme: ThemeText,
  answer: QuizAnswer,
  userId: string,
): AdaptiveCard {
  const right = theme.quiz.options.find((option) => option.correct);
  const chosen = 'option' in answer ? theme.quiz.options[answer.option] : answer.right ? right : undefined;
  if (!right || ('option' in answer && !chosen)) throw new RangeError(`Quiz ${theme.id} has no such option`);
  const correct = chosen?.correct === true;
  const option = chosen ? String(theme.quiz.options.indexOf(chosen)) : undefined;
  return render('quiz-result', {
    t,
    theme,
    badge: interpolate(t.quiz.badge, { title: theme.title }),
    headline: correct ? t.quiz.correctHeadline : t.quiz.wrongHeadline,
    // The ✓ in the headline carries the meaning; the colour only repeats it.
    headlineColor: correct ? 'good' : 'default',
    yourAnswer: chosen ? interpolate(t.quiz.yourAnswer, { answer: chosen.text }) : '',
    explanation: chosen?.explanation ?? '',
    rightAnswer: correct ? '' : interpolate(t.quiz.rightAnswer, { answer: right.text }),
    rightExplanation: chosen ? '' : right.explanation,
    userId,
    // The option lets a later refresh show exactly this card again.
    refreshData: option === undefined ? { theme: theme.id } : { theme: theme.id, option },
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
