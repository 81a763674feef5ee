import type { Route, RouteContext } from '../app/route';
import { quizCard, quizResultCard, type QuizAnswer } from '../cards/theme-cards';
import type { ThemeText } from '../content/localize-theme';
import type { Turn } from '../domain/turn';
import { personOf, pseudonymFor } from '../engagement/record-event';
import { textsFor } from '../i18n/texts-for';
import { isThemeCardAction, themeOf } from './card-actions';

/** The person's first answer to a theme's quiz, from their own events: what they knew. */
async function recordedAnswer(turn: Turn, ctx: RouteContext, themeId: string): Promise<string | undefined> {
  const { tenantId } = personOf(turn);
  const events = await ctx.services.engagement.events.listFor(tenantId, pseudonymFor(turn, ctx));
  return events.find((event) => event.type === 'quiz-answered' && event.themeId === themeId)?.value;
}

/**
 * The option the card asked about counts only when it agrees with what was
 * recorded; otherwise (or without one) all we know is right or wrong.
 */
function answerOf(theme: ThemeText, value: string, option: unknown): QuizAnswer {
  const right = value === 'right';
  const index = typeof option === 'string' && /^\d$/.test(option) ? Number(option) : -1;
  const chosen = theme.quiz.options[index];
  return chosen && chosen.correct === right ? { option: index } : { right };
}

/**
 * Universal Actions refresh (Teams sends it when the quiz card is shown, with
 * trigger "automatic", or from the card's menu): this user's own view, the
 * result if they have answered, else the question. Nothing is recorded.
 */
export const refreshQuiz: Route = {
  name: 'quiz-refresh',
  select: (turn) => turn.kind === 'invoke' && isThemeCardAction(turn, 'quiz-refresh'),
  async handle(turn, ctx) {
    const t = textsFor(ctx.language, ctx.services.localRules);
    const theme = themeOf(turn, ctx);
    const userId = turn.address.userId;
    const value = await recordedAnswer(turn, ctx, theme.id);
    const card =
      value === undefined
        ? quizCard(ctx.services.cards, t, theme, userId)
        : quizResultCard(ctx.services.cards, t, theme, answerOf(theme, value, turn.action?.data.option), userId);
    return { replies: [], updatedCard: card };
  },
};
