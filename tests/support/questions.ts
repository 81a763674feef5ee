import { createThemeLibrary } from '../../src/content/theme-library';
import { createQuestionAnswerer } from '../../src/questions/answer-question';
import { buildQuestionIndex } from '../../src/questions/build-index';
import { tokenise } from '../../src/questions/normalise-text';
import type { AskOptions } from '../../src/questions/question-answer';
import { exampleRules, themes } from './content';

/** The real content, general wording: what the bot answers without local rules. */
export const library = createThemeLibrary(themes, {});
export const [norwegian, english] = buildQuestionIndex(library);
export const answerer = createQuestionAnswerer(library, {});
export const answererWithRules = createQuestionAnswerer(themes, exampleRules);

/** Asks as a bokmål user unless told otherwise. */
export const ask = (question: string, options: Partial<AskOptions> = {}) =>
  answerer.answer(question, { userLanguage: 'nb', ...options });

/** One spelling of a whole text, as the engine sees it: for comparing questions. */
export const normaliseForComparison = (text: string) => tokenise(text).join(' ');
