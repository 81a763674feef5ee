import type { Route } from '../app/route';
import { showHelp, unknownAction } from './help-routes';
import { quietInstallEvents, welcomeOnInstall } from './install-routes';
import { setLanguage, showLanguageChoice } from './language-routes';
import { answerQuestion, askFollowUp, askIt, showTopic, thankForFeedback } from './question-routes';
import { answerQuiz, openQuiz } from './quiz-routes';

/** Order matters: the first route that selects a turn handles it; catch-alls last. */
export const ALL_ROUTES: Route[] = [
  welcomeOnInstall,
  quietInstallEvents,
  showHelp,
  showLanguageChoice,
  setLanguage,
  openQuiz,
  answerQuiz,
  askFollowUp,
  showTopic,
  thankForFeedback,
  askIt,
  unknownAction,
  // Catch-all: any other text is a question.
  answerQuestion,
];
