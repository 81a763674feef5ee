import type { Language } from '../content/languages';
import type { LocalRules } from '../content/local-rules-schema';
import { createThemeLibrary, type ThemeLibrary } from '../content/theme-library';
import type { Theme } from '../content/theme-schema';
import { buildQuestionIndex } from './build-index';
import { chooseFaq, closestThemes, relatedFaqIds } from './choose-answer';
import { detectLanguage, replyLanguage, type DetectedLanguage } from './detect-language';
import { detectUrgent } from './detect-urgent';
import type { AnswerKind, QuestionAnswerer } from './question-answer';
import { createFaqScorer, type FaqScore } from './score-faqs';
import type { StemmerLanguage } from './stemmers';

/** From this share of the question covered, the best entry answers it. */
const ANSWER_THRESHOLD = 0.5;
/** Below this nothing security-related was recognised: the question is about something else. */
const SECURITY_FLOOR = 0.25;

function kindOf(best: FaqScore | undefined, namesTopic: boolean): AnswerKind {
  if (!best || !namesTopic || best.score < SECURITY_FLOOR) return 'out-of-scope';
  if (best.score >= ANSWER_THRESHOLD) return 'answer';
  // Too weak to answer, and about an everyday topic the content does not cover: outside what refleks knows.
  return best.missesOutOfScopeWord ? 'out-of-scope' : 'low-confidence';
}

function stemmersFor(detected: DetectedLanguage): StemmerLanguage[] {
  if (detected === undefined) return ['norwegian', 'english'];
  return detected === 'en' ? ['english'] : ['norwegian'];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The question engine: retrieval over the FAQ entries of every theme, never
 * generated text. Build it once at start-up (about half a second); each answer then
 * takes well under a millisecond and does no I/O.
 */
export function createQuestionAnswerer(
  themes: ThemeLibrary | readonly Theme[],
  localRules: LocalRules,
): QuestionAnswerer {
  const library = 'text' in themes ? themes : createThemeLibrary([...themes], localRules);
  const scoreFaqs = createFaqScorer(buildQuestionIndex(library));

  const faqEntry = (best: FaqScore, language: Language) =>
    library.text(best.theme, language).faq.find((entry) => entry.id === best.faqId);

  return {
    answer(question, { userLanguage, preferredThemeIds = [] }) {
      const detected = detectLanguage(question);
      const language = replyLanguage(detected, userLanguage);
      const { faqs: ranked, namesTopic } = scoreFaqs(question, stemmersFor(detected));
      const best = chooseFaq(ranked, preferredThemeIds);
      const kind = kindOf(best, namesTopic);
      const base = {
        question,
        kind,
        language,
        urgent: detectUrgent(question),
        score: round(best?.score ?? 0),
        closestThemes: kind === 'out-of-scope' ? [] : closestThemes(ranked),
      };
      const entry = best && kind === 'answer' ? faqEntry(best, language) : undefined;
      if (!best || !entry) return { ...base, theme: null, faqId: null, answer: null, related: [] };
      const { faq } = library.text(best.theme, language);
      const firstQuestion = (id: string) => faq.find((e) => e.id === id)?.questions[0] ?? '';
      const related = relatedFaqIds(
        ranked,
        best,
        faq.map((e) => e.id),
      ).map(firstQuestion);
      return { ...base, theme: best.theme, faqId: best.faqId, answer: entry.answer, related };
    },
  };
}
