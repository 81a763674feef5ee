import type { ThemeText } from '../content/localize-theme';
import type { AdaptiveCard } from '../domain/turn';
import type { LocalRules } from '../content/local-rules-schema';
import { interpolate, type Catalogue } from '../i18n/catalogue';
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

/** IT's e-mail and self-service portal from the local rules, when the municipality has them. */
export type ItContact = NonNullable<LocalRules['itSupport']>;

/**
 * When the engine will not guess: the closest topics, the IT contact (with
 * the e-mail address and a portal button when configured) and «Spør IT»
 * with the question.
 */
export function questionFallbackCard(
  render: CardRenderer,
  t: Catalogue,
  question: string,
  topics: readonly ThemeText[],
  contact: ItContact = {},
): AdaptiveCard {
  const f = t.questions.fallback;
  return render('question-fallback', {
    t,
    question,
    topics: topics.map(({ id, title }) => ({ id, title })),
    itContact: contact.email ? interpolate(f.itContactWithEmail, { email: contact.email }) : f.itContact,
    hasPortal: contact.portalUrl !== undefined,
    portalUrl: contact.portalUrl ?? '',
  });
}

/** A topic offered by the fallback card: what the habit is and a few questions to ask about it. */
export function topicSummaryCard(render: CardRenderer, t: Catalogue, theme: ThemeText): AdaptiveCard {
  const examples = theme.faq
    .slice(0, EXAMPLE_QUESTIONS)
    .map((entry) => ({ question: entry.questions[0] ?? '', theme: theme.id, faq: entry.id }));
  return render('topic-summary', { t, theme, examples });
}
