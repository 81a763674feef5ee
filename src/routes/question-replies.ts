import type { AppServices } from '../app/app-services';
import { answerCard } from '../cards/answer-card';
import { questionFallbackCard, urgentCard } from '../cards/question-cards';
import type { Reply } from '../domain/turn';
import { textsFor } from '../i18n/texts-for';
import type { QuestionAnswer } from '../questions/question-answer';

/**
 * What the user sees for one answered question, in the question's language:
 * the urgent steps first when something has already happened, then the answer
 * card, the "not sure" card with the closest topics, or a kind "outside what I
 * know". After urgent steps, a "not sure" or "outside" reply adds nothing.
 */
export function repliesFor(result: QuestionAnswer, services: AppServices): Reply[] {
  const t = textsFor(result.language, services.localRules);
  const render = services.cards;
  const replies: Reply[] = [];
  if (result.urgent) replies.push({ kind: 'card', card: urgentCard(render, t, result.urgent) });
  if (result.kind === 'answer' && result.theme && result.faqId && result.answer) {
    const theme = services.themes.text(result.theme, result.language);
    const input = { answer: result.answer, theme, faqId: result.faqId, related: result.related };
    replies.push({ kind: 'card', card: answerCard(render, t, input) });
  } else if (result.urgent) {
    return replies;
  } else if (result.kind === 'low-confidence') {
    const topics = result.closestThemes.map((id) => services.themes.text(id, result.language));
    const contact = services.localRules.itSupport;
    replies.push({ kind: 'card', card: questionFallbackCard(render, t, result.question, topics, contact) });
  } else {
    replies.push({ kind: 'text', text: t.questions.outOfScope });
  }
  return replies;
}
