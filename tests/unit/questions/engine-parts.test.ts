import { DEV_SET, readQuestionSet } from '../../../scripts/qa/evaluate-questions';
import { createQuestionAnswerer } from '../../../src/questions/answer-question';
import { memoiseWord } from '../../../src/questions/memoise-word';
import { selectLeaders } from '../../../src/questions/select-leaders';
import { library } from '../../support/questions';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const bySorting = (documents: number[], values: Float64Array, count: number) =>
  [...documents].sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b).slice(0, count);

describe('selecting the leading documents', () => {
  it('gives what a full sort gives, ties by document number, over many random cases', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const size = Math.floor(next() * 200);
      // Few distinct values, so ties are common.
      const values = Float64Array.from({ length: 200 }, () => Math.floor(next() * 6) / 4);
      const documents = Array.from({ length: size }, () => Math.floor(next() * 200));
      const count = Math.floor(next() * 50);
      expect(selectLeaders(documents, values, count)).toEqual(bySorting(documents, values, count));
    }
  });

  it('keeps all documents in order when there are fewer than asked for, and none for a count of 0', () => {
    const values = Float64Array.from([0.1, 0.9, 0.5]);
    expect(selectLeaders([0, 1, 2], values, 40)).toEqual([1, 2, 0]);
    expect(selectLeaders([0, 1, 2], values, 0)).toEqual([]);
  });
});

describe('remembering a word', () => {
  it('computes each word once and remembers "nothing found" too', () => {
    const seen: string[] = [];
    const lookUp = memoiseWord((word) => {
      seen.push(word);
      return word.length > 3 ? word.toUpperCase() : undefined;
    });
    expect([lookUp('lenke'), lookUp('pc'), lookUp('lenke'), lookUp('pc')]).toEqual([
      'LENKE',
      undefined,
      'LENKE',
      undefined,
    ]);
    expect(seen).toEqual(['lenke', 'pc']);
  });
});

describe('answering one question after another', () => {
  // The engine reuses working arrays and remembers weighed words between questions; neither may carry a
  // question's traces into the next one.
  it('answers each development-set question the same, whatever was asked before it', () => {
    const questions = readQuestionSet(DEV_SET);
    const answerAll = (list: typeof questions) => {
      const fresh = createQuestionAnswerer(library, {});
      return new Map(list.map((q) => [q.question, fresh.answer(q.question, { userLanguage: q.language })]));
    };
    const inOrder = answerAll(questions);
    const reversed = answerAll([...questions].reverse());
    for (const { question } of questions) expect(reversed.get(question)).toEqual(inOrder.get(question));
  });
});
