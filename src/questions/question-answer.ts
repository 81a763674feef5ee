import type { Language } from '../content/languages';
import type { ThemeId } from '../content/theme-schema';
import type { UrgentSituation } from './detect-urgent';

export interface AskOptions {
  /** The user's language, used when the question's own cannot be told. */
  userLanguage: Language;
  /** Themes the user has received, most recent first: preferred when two themes score close. */
  preferredThemeIds?: readonly ThemeId[];
  /**
   * The entry a related or example question pressed on a card comes from: it
   * is answered as it is, not looked up again from its wording. Ignored when
   * the theme has no such entry.
   */
  picked?: { theme: ThemeId; faqId: string };
}

/** Another question offered as a button: from the answer's theme, or from a theme scoring nearly as well. */
export interface RelatedQuestion {
  theme: ThemeId;
  faqId: string;
  question: string;
}

/**
 * answer: the content answers it. low-confidence: it sounds like security but
 * no entry fits well enough to answer without guessing. out-of-scope: it is
 * about something else (lunch, pay, weather …).
 */
export type AnswerKind = 'answer' | 'low-confidence' | 'out-of-scope';

export interface QuestionAnswer {
  question: string;
  kind: AnswerKind;
  /** The language to reply in. */
  language: Language;
  /** Set when the question says something has already happened: the urgent steps come first. */
  urgent?: UrgentSituation;
  /** The theme and entry the answer comes from; null unless kind is answer. */
  theme: ThemeId | null;
  faqId: string | null;
  answer: string | null;
  /** How well the best entry covers the question, 0..1. */
  score: number;
  /**
   * Up to three other questions in the reply language: from the same theme,
   * the last one from another theme when that theme scores nearly as well.
   */
  related: RelatedQuestion[];
  /** The closest themes, best first: offered as topics when the engine will not guess. */
  closestThemes: ThemeId[];
}

/** A question ranked against the content, before the user's history breaks any tie. */
export interface RankedQuestion {
  /**
   * The themes that score within a tie of the best, when two or more do: then
   * the one the user received last answers, so only then is it worth reading
   * what the user received. Empty when one theme leads clearly.
   */
  tiedThemes: readonly ThemeId[];
  /** The answer, preferring these themes (most recent first) among the tied ones. */
  answer(preferredThemeIds?: readonly ThemeId[]): QuestionAnswer;
}

export interface QuestionAnswerer {
  answer(question: string, options: AskOptions): QuestionAnswer;
  /** The ranking half of answer(): the bot reads the user's history only when tiedThemes asks for it. */
  rank(question: string, options: Omit<AskOptions, 'preferredThemeIds'>): RankedQuestion;
}
