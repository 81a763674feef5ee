import type { ThemeText } from '../content/localize-theme';
import type { AdaptiveCard } from '../domain/turn';
import type { RelatedQuestion } from '../questions/question-answer';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import { createCardMemo } from './memo-card';
import type { CardRenderer } from './render-card';

const rememberAnswer = createCardMemo();

export interface AnswerCardInput {
  answer: string;
  theme: ThemeText;
  faqId: string;
  /** 0–3 follow-up questions, offered as buttons: the theme's own, perhaps one of a neighbouring theme. */
  related: readonly RelatedQuestion[];
}

/** An answer from the campaign content, which theme it came from, related questions and 👍/👎. */
export function answerCard(render: CardRenderer, t: Catalogue, input: AnswerCardInput): AdaptiveCard {
  const related = input.related.slice(0, 3);
  const key = [input.theme.id, input.faqId, input.answer, ...related.map((r) => `${r.theme}/${r.faqId}`)].join(
    '\u0000',
  );
  return rememberAnswer(render, t, key, () =>
    render('answer', {
      t,
      answer: input.answer,
      fromTheme: interpolate(t.answer.fromTheme, { title: input.theme.title }),
      themeId: input.theme.id,
      faqId: input.faqId,
      // The button names its entry, so pressing it answers that entry and not whatever its wording matches best.
      related: related.map(({ theme, faqId, question }) => ({ question, theme, faq: faqId })),
    }),
  );
}
