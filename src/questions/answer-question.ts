import type { Language } from '../content/languages';
import type { LocalRules } from '../content/local-rules-schema';
import { createThemeLibrary, type ThemeLibrary } from '../content/theme-library';
import type { Theme } from '../content/theme-schema';
import { buildQuestionIndex, type FaqRef } from './build-index';
import {
  ANSWER_THRESHOLD,
  ASKED_AS_WRITTEN,
  chooseFaq,
  closestThemes,
  neighbourFaq,
  relatedFaqIds,
  tiedThemes,
} from './choose-answer';
import { detectAsks } from './detect-asks';
import { detectLanguage, replyLanguage, type DetectedLanguage } from './detect-language';
import { detectUrgent } from './detect-urgent';
import type { AnswerKind, QuestionAnswerer, RelatedQuestion } from './question-answer';
import { createFaqScorer, type FaqScore, type ScoredQuestion } from './score-faqs';
import type { StemmerLanguage } from './stemmers';

/**
 * A question that names only a device or channel (phone, PC, e-mail) and no
 * security topic must fit an entry this well: «how do I change the ringtone
 * on my work phone» shares "work phone" with the content and nothing else.
 */
const CARRIER_ONLY_THRESHOLD = 0.8;
/** Below this nothing security-related was recognised: the question is about something else. */
const SECURITY_FLOOR = 0.25;

function kindOf(best: FaqScore | undefined, { namesTopic, namesSecurityTopic }: ScoredQuestion): AnswerKind {
  if (!best) return 'out-of-scope';
  const askedAsWritten = best.variantCovered >= ASKED_AS_WRITTEN && best.score >= ANSWER_THRESHOLD;
  if ((!namesTopic && !askedAsWritten) || best.score < SECURITY_FLOOR) return 'out-of-scope';
  const threshold = namesSecurityTopic || askedAsWritten ? ANSWER_THRESHOLD : CARRIER_ONLY_THRESHOLD;
  if (best.score >= threshold) return 'answer';
  // Too weak to answer, and about an everyday topic the content does not cover: outside what refleks knows.
  return best.missesOutOfScopeWord ? 'out-of-scope' : 'low-confidence';
}

function stemmersFor(detected: DetectedLanguage): StemmerLanguage[] {
  if (detected === undefined) return ['norwegian', 'english'];
  return detected === 'en' ? ['english'] : ['norwegian'];
}

/**
 * The best-ranked entry, or when its own coverage is too low to answer, the
 * best-ranked entry of the same theme that covers enough: the rank only
 * orders entries by how closely their wording fits, and must not turn a
 * well-covered question into «not sure».
 */
function answerableInTheme(ranked: readonly FaqScore[], best: FaqScore | undefined): FaqScore | undefined {
  if (!best || best.score >= ANSWER_THRESHOLD) return best;
  return ranked.find((faq) => faq.theme === best.theme && faq.score >= ANSWER_THRESHOLD) ?? best;
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

  const faqEntry = (ref: FaqRef, language: Language) =>
    library.text(ref.theme, language).faq.find((entry) => entry.id === ref.faqId);

  const relatedQuestion = (ref: FaqRef, language: Language): RelatedQuestion => ({
    theme: ref.theme,
    faqId: ref.faqId,
    question: faqEntry(ref, language)?.questions[0] ?? '',
  });

  /**
   * Up to three questions to ask next: the same theme's, and when the question
   * sits between two themes, the other theme's closest entry in the last place.
   * An entry picked on a card was meant as it is and gets only its own theme's.
   */
  const relatedTo = (ranked: readonly FaqScore[], best: FaqScore, language: Language, picked: boolean) => {
    const ids = library.text(best.theme, language).faq.map((e) => e.id);
    const own = relatedFaqIds(ranked, best, ids).map((faqId) =>
      relatedQuestion({ theme: best.theme, faqId }, language),
    );
    const neighbour = picked ? undefined : neighbourFaq(ranked, best);
    return neighbour ? [...own.slice(0, 2), relatedQuestion(neighbour, language)] : own;
  };

  /** An entry picked on a card is answered as it is, when it exists; the ranking then only orders related questions. */
  const pickedScore = (ranked: readonly FaqScore[], picked: FaqRef | undefined, language: Language) => {
    if (!picked || !faqEntry(picked, language)) return undefined;
    const key = `${picked.theme}/${picked.faqId}`;
    const found = ranked.find((faq) => faq.key === key);
    const unranked = { score: 0, variantCovered: 0, rank: 0, missesOutOfScopeWord: false };
    return found ?? { ...picked, key, ...unranked };
  };

  /** Everything but the choice among tied themes, which may need the user's history. */
  const rank: QuestionAnswerer['rank'] = (question, { userLanguage, picked }) => {
    const detected = detectLanguage(question);
    const language = replyLanguage(detected, userLanguage);
    const scored = scoreFaqs(question, stemmersFor(detected));
    const ranked = scored.faqs;
    const chosen = pickedScore(ranked, picked, language);
    return {
      tiedThemes: chosen ? [] : tiedThemes(ranked),
      answer(preferredThemeIds = []) {
        const best =
          chosen ??
          answerableInTheme(ranked, chooseFaq(ranked, preferredThemeIds, scored.namedThemes, detectAsks(question)));
        const kind = chosen ? 'answer' : kindOf(best, scored);
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
        const related = relatedTo(ranked, best, language, chosen !== undefined);
        return { ...base, theme: best.theme, faqId: best.faqId, answer: entry.answer, related };
      },
    };
  };

  return {
    rank,
    answer: (question, options) => rank(question, options).answer(options.preferredThemeIds),
  };
}
