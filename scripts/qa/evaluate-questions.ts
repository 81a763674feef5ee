import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isLanguage, type Language } from '../../src/content/languages';
import { isThemeId } from '../../src/content/theme-library';
import type { ThemeId } from '../../src/content/theme-schema';
import { PROJECT_ROOT } from '../../src/project-paths';
import type { QuestionAnswer, QuestionAnswerer } from '../../src/questions/question-answer';

/** One labelled question: the theme a good answer comes from, or null when the bot must not answer. */
export interface LabelledQuestion {
  question: string;
  theme: ThemeId | null;
  language: Language;
}

const QA_DIR = path.join(PROJECT_ROOT, 'tests', 'qa');
export const DEV_SET = path.join(QA_DIR, 'dev-set.jsonl');
export const HOLDOUT_SET = path.join(QA_DIR, 'holdout-set.jsonl');
const BLIND_SET = /^blind-set-(\d+)\.jsonl$/;
const setNumber = (file: string) => Number(BLIND_SET.exec(file)?.[1]);
/** Written by people who never saw the FAQ content, from the theme list only (see the README); in number order. */
export const BLIND_SETS = readdirSync(QA_DIR)
  .filter((file) => BLIND_SET.test(file))
  .sort((a, b) => setNumber(a) - setNumber(b))
  .map((file) => path.join(QA_DIR, file));

export function readQuestionSet(file: string): LabelledQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const row = JSON.parse(line) as { question?: unknown; theme?: unknown; language?: unknown };
      if (
        typeof row.question !== 'string' ||
        !(row.theme === null || isThemeId(row.theme)) ||
        !isLanguage(row.language)
      )
        throw new Error(`${file}:${i + 1}: needs question, theme (a theme id or null) and language`);
      return { question: row.question, theme: row.theme, language: row.language };
    });
}

export interface Evaluation {
  set: string;
  /** Share of in-scope questions whose answer comes from the expected theme. */
  inScopeAccuracy: number;
  /**
   * Share of in-scope questions answered from the expected theme, or with the
   * expected theme one press away: among the topics offered when refleks is
   * not sure, or among the related questions on the answer card.
   */
  inScopeReachable: number;
  /** Share of out-of-scope questions the bot did not answer from the content (theme null). */
  outOfScopeRejectionRate: number;
  inScope: { questions: number; correct: number };
  outOfScope: { questions: number; rejected: number };
  misses: { question: string; expected: ThemeId | null; got: ThemeId | null; score: number }[];
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

/** A button on the reply leads to the theme: a topic on the «not sure» card, or a related question. */
const offers = (answer: QuestionAnswer, theme: ThemeId) =>
  answer.kind === 'low-confidence'
    ? answer.closestThemes.includes(theme)
    : answer.related.some((related) => related.theme === theme);

/** Top-1 theme accuracy on in-scope questions and the share of out-of-scope questions not answered. */
export function evaluate(answerer: QuestionAnswerer, file: string): Evaluation {
  const results = readQuestionSet(file).map((row) => ({
    row,
    answer: answerer.answer(row.question, { userLanguage: row.language }),
  }));
  const inScope = results.filter((r) => r.row.theme !== null);
  const outOfScope = results.filter((r) => r.row.theme === null);
  const correct = inScope.filter((r) => r.answer.theme === r.row.theme).length;
  const offered = inScope.filter(
    (r) => r.row.theme !== null && r.answer.theme !== r.row.theme && offers(r.answer, r.row.theme),
  ).length;
  const rejected = outOfScope.filter((r) => r.answer.theme === null).length;
  return {
    set: path.relative(PROJECT_ROOT, file),
    inScopeAccuracy: share(correct, inScope.length),
    inScopeReachable: share(correct + offered, inScope.length),
    outOfScopeRejectionRate: share(rejected, outOfScope.length),
    inScope: { questions: inScope.length, correct },
    outOfScope: { questions: outOfScope.length, rejected },
    misses: results
      .filter((r) => r.answer.theme !== r.row.theme)
      .map((r) => ({ question: r.row.question, expected: r.row.theme, got: r.answer.theme, score: r.answer.score })),
  };
}
