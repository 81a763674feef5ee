import type { Language } from './languages';
import { PULSE_ANSWERS, type PulseAnswer, type PulseQuestionId, type PulseSurvey } from './pulse-schema';

/** The pulse in one language, as cards and statistics use it. */
export interface PulseText {
  language: Language;
  questions: { id: PulseQuestionId; label: string; text: string }[];
  answers: { id: PulseAnswer; title: string }[];
}

export function localizePulse(survey: PulseSurvey, language: Language): PulseText {
  return {
    language,
    questions: survey.questions.map((q) => ({ id: q.id, label: q.label[language], text: q.text[language] })),
    answers: PULSE_ANSWERS.map((id) => ({ id, title: survey.answers[id][language] })),
  };
}
