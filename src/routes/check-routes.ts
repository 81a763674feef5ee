import type { Route } from '../app/route';
import { CHECK_ANSWERS } from '../cards/theme-cards';
import { isThemeId } from '../content/theme-library';
import { textsFor } from '../i18n/texts-for';

const isCheckAnswer = (value: unknown) => (CHECK_ANSWERS as readonly unknown[]).includes(value);

/** An answer to the follow-up "refleks-sjekk". Counting it in aggregate belongs to the measurement feature. */
export const answerCheck: Route = {
  name: 'check-answer',
  select: (turn) =>
    turn.kind === 'submit' &&
    turn.action?.name === 'check-answer' &&
    isThemeId(turn.action.data.theme) &&
    isCheckAnswer(turn.action.data.answer),
  async handle(_turn, { services, language }) {
    return { replies: [{ kind: 'text', text: textsFor(language, services.localRules).check.thanks }] };
  },
};
