import type { ThemeText } from '../content/localize-theme';
import type { AdaptiveCard } from '../domain/turn';
import type { Catalogue } from '../i18n/catalogue';
import type { UrgentSituation } from '../questions/detect-urgent';
import type { CardRenderer } from './render-card';

/** How many example questions a topic summary offers. */
const EXAMPLE_QUESTIONS = 3;

/** What to do right now after a click, a typed password, a lost device or a wrong recipient, and «Meld fra». */
export function urgentCard(render: CardRenderer, t: Catalogue, situation: UrgentSituation): AdaptiveCard {
  const text = t.questions.urgent.situations[situation];
  return render('urgent', {
    t,
    situation: text,
    steps: text.steps.map((step, i) => ({ number: i + 1, text: step })),
  });
}

/** When the engine will not guess: the closest topics, the IT contact and «Spør IT» with the question. */
export function questionFallbackCard(
  render: CardRenderer,
  t: Catalogue,
  question: string,
  topics: readonly ThemeText[],
): AdaptiveCard {
  return render('question-fallback', { t, question, topics: topics.map(({ id, title }) => ({ id, title })) });
}

/** A topic offered by the fallback card: what the habit is and a few questions to ask about it. */
export function topicSummaryCard(render: CardRenderer, t: Catalogue, theme: ThemeText): AdaptiveCard {
  const examples = theme.faq
    .slice(0, EXAMPLE_QUESTIONS)
    .map((entry) => ({ question: entry.questions[0] ?? '', theme: theme.id, faq: entry.id }));
  return render('topic-summary', { t, theme, examples });
}
