import type { Route } from '../app/route';
import { CHECK_ANSWERS } from '../cards/theme-cards';
import { isThemeId } from '../content/theme-library';
import { recordAnswer } from '../engagement/record-event';
import { textsFor } from '../i18n/texts-for';

const isCheckAnswer = (value: unknown) => (CHECK_ANSWERS as readonly unknown[]).includes(value);

/** An answer to the follow-up "refleks-sjekk", counted in aggregate; a changed answer replaces the first. */
export const answerCheck: Route = {
  name: 'check-answer',
  select: (turn) =>
    turn.kind === 'submit' &&
    turn.action?.name === 'check-answer' &&
    isThemeId(turn.action.data.theme) &&
    isCheckAnswer(turn.action.data.answer),
  async handle(turn, ctx) {
    const { theme, answer } = turn.action?.data ?? {};
    if (isThemeId(theme)) {
      await recordAnswer(turn, ctx, { type: 'check-answered', themeId: theme, value: String(answer) }, 'latest');
    }
    return { replies: [{ kind: 'text', text: textsFor(ctx.language, ctx.services.localRules).check.thanks }] };
  },
};
