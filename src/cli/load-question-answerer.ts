import { loadLocalRules } from '../content/load-local-rules';
import { loadThemes } from '../content/load-themes';
import { THEMES_DIR } from '../project-paths';
import { createQuestionAnswerer } from '../questions/answer-question';
import type { QuestionAnswerer } from '../questions/question-answer';

/** The same engine the bot builds at start-up: the themes, and the local rules if LOCAL_RULES_FILE is set. */
export function loadQuestionAnswerer(env: NodeJS.ProcessEnv = process.env): QuestionAnswerer {
  const localRules = loadLocalRules(env.LOCAL_RULES_FILE || undefined);
  return createQuestionAnswerer(loadThemes(THEMES_DIR), localRules);
}
