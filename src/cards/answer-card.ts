import type { ThemeText } from '../content/localize-theme';
import type { AdaptiveCard } from '../domain/turn';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import type { CardRenderer } from './render-card';

export interface AnswerCardInput {
  answer: string;
  theme: ThemeText;
  faqId: string;
  /** 0–3 follow-up questions offered as buttons. */
  related: string[];
}

/** An answer from the campaign content, which theme it came from, related questions and 👍/👎. */
export function answerCard(render: CardRenderer, t: Catalogue, input: AnswerCardInput): AdaptiveCard {
  return render('answer', {
    t,
    answer: input.answer,
    fromTheme: interpolate(t.answer.fromTheme, { title: input.theme.title }),
    themeId: input.theme.id,
    faqId: input.faqId,
    related: input.related.slice(0, 3).map((question) => ({ question })),
  });
}
