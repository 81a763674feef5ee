import type { Route } from '../app/route';
import { quizCard, quizResultCard } from '../cards/theme-cards';
import { recordAnswer } from '../engagement/record-event';
import { textsFor } from '../i18n/texts-for';
import { isThemeCardAction, respondWithCard, themeOf } from './card-actions';

export const openQuiz: Route = {
  name: 'quiz-open',
  select: (turn) => isThemeCardAction(turn, 'quiz-open'),
  async handle(turn, ctx) {
    const t = textsFor(ctx.language, ctx.services.localRules);
    const card = quizCard(ctx.services.cards, t, themeOf(turn, ctx), turn.address.userId);
    return { replies: [{ kind: 'card', card }] };
  },
};

/** The card sends the option's index as text; an empty choice is no choice (Number('') would be 0). */
function optionIndex(option: unknown): number | undefined {
  if (typeof option === 'number') return Number.isInteger(option) && option >= 0 ? option : undefined;
  return typeof option === 'string' && /^\d+$/.test(option.trim()) ? Number(option.trim()) : undefined;
}

export const answerQuiz: Route = {
  name: 'quiz-answer',
  select: (turn) => isThemeCardAction(turn, 'quiz-answer'),
  async handle(turn, ctx) {
    const t = textsFor(ctx.language, ctx.services.localRules);
    const theme = themeOf(turn, ctx);
    const chosen = optionIndex(turn.action?.data.option);
    // No or a stale option: show the question again rather than guess.
    if (chosen === undefined || chosen >= theme.quiz.options.length) {
      return respondWithCard(turn, quizCard(ctx.services.cards, t, theme, turn.address.userId));
    }
    // The first answer is what the person knew; later ones follow the explanation.
    const value = theme.quiz.options[chosen]?.correct ? 'right' : 'wrong';
    await recordAnswer(turn, ctx, { type: 'quiz-answered', themeId: theme.id, value }, 'first');
    return respondWithCard(turn, quizResultCard(ctx.services.cards, t, theme, { option: chosen }, turn.address.userId));
  },
};
