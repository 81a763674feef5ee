/**
 * npm run bench:qa
 * In-process speed of the question engine over the development set: build
 * time, answers per second and per-answer latency. Prints JSON.
 */
import { performance } from 'node:perf_hooks';
import { loadQuestionAnswerer } from '../../src/cli/load-question-answerer';
import { DEV_SET, readQuestionSet } from './evaluate-questions';

const ROUNDS = 20;
const TARGET_P99_MS = 5;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const round = (ms: number) => Math.round(ms * 1000) / 1000;

const buildStart = performance.now();
const answerer = loadQuestionAnswerer();
const buildMs = performance.now() - buildStart;
const questions = readQuestionSet(DEV_SET);
const ask = (q: (typeof questions)[number]) => answerer.answer(q.question, { userLanguage: q.language });
// One warm-up round so the JIT has compiled the hot paths, as in a running bot.
questions.forEach(ask);

const latencies: number[] = [];
const started = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const question of questions) {
    const t0 = performance.now();
    ask(question);
    latencies.push(performance.now() - t0);
  }
}
const elapsedMs = performance.now() - started;
latencies.sort((a, b) => a - b);
const p99 = percentile(latencies, 0.99);
console.log(
  JSON.stringify(
    {
      questions: questions.length,
      answers: latencies.length,
      buildMs: Math.round(buildMs),
      answersPerSecond: Math.round((latencies.length / elapsedMs) * 1000),
      latencyMs: { p50: round(percentile(latencies, 0.5)), p99: round(p99), max: round(latencies.at(-1) ?? 0) },
      targetP99Ms: TARGET_P99_MS,
      meetsTarget: p99 < TARGET_P99_MS,
    },
    null,
    2,
  ),
);
