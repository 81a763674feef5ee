/**
 * Asks the question engine from the command line, for people and evaluation tools.
 *
 *   npm run --silent ask -- "kan jeg lagre dette på OneDrive?"   one JSON object
 *   npm run --silent ask < questions.txt                          one JSON object per line, same order
 *
 * Prints only JSON (see "Asking questions" in the README for the fields).
 */
import { createInterface } from 'node:readline';
import { isLanguage, type Language } from '../content/languages';
import type { QuestionAnswer, QuestionAnswerer } from '../questions/question-answer';
import { StartupError } from '../startup-error';
import { loadQuestionAnswerer } from './load-question-answerer';

/** The contract other tools rely on: these fields, in this order, on one line. */
export function toJsonLine(result: QuestionAnswer): string {
  return JSON.stringify({
    question: result.question,
    theme: result.theme,
    faq: result.faqId,
    answer: result.answer,
    score: result.score,
    kind: result.kind,
    language: result.language,
    urgent: result.urgent ?? null,
  });
}

async function answerLines(answerer: QuestionAnswerer, userLanguage: Language): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    process.stdout.write(`${toJsonLine(answerer.answer(line.trim(), { userLanguage }))}\n`);
  }
}

async function main(): Promise<void> {
  // The same .env as the bot reads, so `ask` answers with the same local rules and default language.
  (await import('dotenv')).config({ quiet: true });
  const env = process.env;
  const userLanguage = isLanguage(env.DEFAULT_LANGUAGE) ? env.DEFAULT_LANGUAGE : 'nb';
  const answerer = loadQuestionAnswerer(env);
  const question = process.argv.slice(2).join(' ').trim();
  if (question) process.stdout.write(`${toJsonLine(answerer.answer(question, { userLanguage }))}\n`);
  else await answerLines(answerer, userLanguage);
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
});
