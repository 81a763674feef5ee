/**
 * npm run eval:qa [-- --set questions.jsonl]
 * Prints JSON: in-scope top-1 theme accuracy and out-of-scope rejection rate on
 * the development set (or the given set), the hold-out and blind sets' figures, and the
 * development set's misses. Sets are JSON Lines: {"question", "theme" (id or null), "language"}.
 */
import path from 'node:path';
import { loadQuestionAnswerer } from '../../src/cli/load-question-answerer';
import { BLIND_SETS, DEV_SET, HOLDOUT_SET, evaluate } from './evaluate-questions';

const setFlag = process.argv.indexOf('--set');
const chosen = setFlag >= 0 ? process.argv[setFlag + 1] : undefined;
const answerer = loadQuestionAnswerer();
const { misses, ...figures } = evaluate(answerer, chosen ? path.resolve(chosen) : DEV_SET);
// The hold-out set is never tuned against, and the blind sets were written without seeing the content:
// their figures show how the engine does on questions it has not seen. Only printed without --set.
const figuresOf = (file: string) => ({ ...evaluate(answerer, file), misses: undefined });
const others = chosen ? {} : { holdout: figuresOf(HOLDOUT_SET), blind: BLIND_SETS.map(figuresOf) };
console.log(JSON.stringify({ ...figures, ...others, misses }, null, 2));
