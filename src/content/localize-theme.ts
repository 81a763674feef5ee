import { fillDeep } from './fill-deep';
import type { Language } from './languages';
import { fillPlaceholders } from './local-rule-placeholders';
import { localRuleValues } from './local-rule-values';
import type { LocalRules } from './local-rules-schema';
import { THEME_IDS, type Theme, type ThemeId } from './theme-schema';

/** One theme in one language, with the municipality's local rules filled in. */
export interface ThemeText {
  id: ThemeId;
  /** 1–10, the theme's place in the campaign order. */
  number: number;
  language: Language;
  title: string;
  habit: string;
  hook: string;
  why: string;
  tips: string[];
  quiz: { question: string; options: { text: string; explanation: string; correct: boolean }[] };
  commitment: string;
  reminderAction: string;
  leaderQuestion: string;
  checkQuestion: string;
  keywords: string[];
  faq: { id: string; questions: string[]; answer: string }[];
}

export function localizeTheme(theme: Theme, language: Language, rules: LocalRules): ThemeText {
  const values = localRuleValues(rules, language);
  const fill = (text: string) => fillPlaceholders(text, values);
  return fillDeep(
    {
      id: theme.id,
      number: THEME_IDS.indexOf(theme.id) + 1,
      language,
      title: theme.title[language],
      habit: theme.habit[language],
      hook: theme.hook[language],
      why: theme.why[language],
      tips: theme.tips.map((tip) => tip[language]),
      quiz: {
        question: theme.quiz.question[language],
        options: theme.quiz.options.map((o) => ({
          text: o.text[language],
          explanation: o.explanation[language],
          correct: o.correct,
        })),
      },
      commitment: theme.commitment[language],
      reminderAction: theme.reminderAction[language],
      leaderQuestion: theme.leaderQuestion[language],
      checkQuestion: theme.checkQuestion[language],
      keywords: theme.keywords[language],
      faq: theme.faq.map((entry) => ({
        id: entry.id,
        questions: entry.questions[language],
        answer: entry.answer[language],
      })),
    },
    fill,
  );
}
