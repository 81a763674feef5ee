import path from 'node:path';
import { BLIND_SETS, DEV_SET, HOLDOUT_SET, evaluate, readQuestionSet } from '../../scripts/qa/evaluate-questions';
import { LANGUAGES } from '../../src/content/languages';
import { answerer, normaliseForComparison } from '../support/questions';
import { themes } from '../support/content';

const devSet = readQuestionSet(DEV_SET);

describe('the development set', () => {
  it('has at least 150 in-scope and 20 out-of-scope questions, in all three languages', () => {
    expect(devSet.filter((q) => q.theme !== null).length).toBeGreaterThanOrEqual(150);
    expect(devSet.filter((q) => q.theme === null).length).toBeGreaterThanOrEqual(20);
    for (const language of LANGUAGES) expect(devSet.filter((q) => q.language === language).length).toBeGreaterThan(15);
    for (const theme of themes) expect(devSet.filter((q) => q.theme === theme.id).length).toBeGreaterThanOrEqual(15);
  });

  it('is written fresh: no question equals an FAQ question variant after normalisation', () => {
    const variants = new Set(
      themes.flatMap((theme) =>
        theme.faq.flatMap((entry) => LANGUAGES.flatMap((l) => entry.questions[l].map(normaliseForComparison))),
      ),
    );
    const copies = [...devSet, ...readQuestionSet(HOLDOUT_SET)]
      .map((q) => q.question)
      .filter((question) => variants.has(normaliseForComparison(question)));
    expect(copies).toEqual([]);
  });
});

describe('answer quality', () => {
  const dev = evaluate(answerer, DEV_SET);

  it('answers at least 90 % of in-scope questions from the expected theme', () => {
    expect(dev.inScopeAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('declines at least 85 % of out-of-scope questions', () => {
    expect(dev.outOfScopeRejectionRate).toBeGreaterThanOrEqual(0.85);
  });

  it('does as well on the hold-out set it was never tuned against', () => {
    const holdout = evaluate(answerer, HOLDOUT_SET);
    expect(holdout.inScopeAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(holdout.outOfScopeRejectionRate).toBeGreaterThanOrEqual(0.85);
  });

  it("replies in the question's language when the user's Teams language is another", () => {
    const questions = [DEV_SET, HOLDOUT_SET, ...BLIND_SETS].flatMap(readQuestionSet);
    const right = questions.filter(({ question, language }) => {
      const userLanguage = language === 'en' ? 'nb' : 'en';
      return answerer.answer(question, { userLanguage }).language === language;
    });
    // The misses are short questions whose words fit either language («mfa», «hjemmekontor tips»).
    expect(right.length / questions.length).toBeGreaterThanOrEqual(0.97);
  });

  // Written from the theme list only, and harder (everyday questions full of device words). Floors about
  // 0.05 under the figures at the end of the second session on 28 November 2026 (for «reachable», under
  // those of 29 November, when the answer card began to offer a neighbouring theme's question), so a
  // change that makes the engine guess more or answer less shows up here. First measurements are in the README.
  const floors: Record<string, { accuracy: number; reachable: number; rejection: number }> = {
    'blind-set-1.jsonl': { accuracy: 0.84, reachable: 0.9, rejection: 0.95 },
    'blind-set-2.jsonl': { accuracy: 0.85, reachable: 0.92, rejection: 0.88 },
    'blind-set-3.jsonl': { accuracy: 0.86, reachable: 0.91, rejection: 0.87 },
    'blind-set-4.jsonl': { accuracy: 0.78, reachable: 0.91, rejection: 0.95 },
    'blind-set-5.jsonl': { accuracy: 0.79, reachable: 0.87, rejection: 0.91 },
    'blind-set-6.jsonl': { accuracy: 0.78, reachable: 0.85, rejection: 0.91 },
    'blind-set-7.jsonl': { accuracy: 0.86, reachable: 0.95, rejection: 0.83 },
    'blind-set-8.jsonl': { accuracy: 0.84, reachable: 0.9, rejection: 0.95 },
    'blind-set-9.jsonl': { accuracy: 0.77, reachable: 0.89, rejection: 0.91 },
    'blind-set-10.jsonl': { accuracy: 0.84, reachable: 0.9, rejection: 0.87 },
    'blind-set-11.jsonl': { accuracy: 0.67, reachable: 0.84, rejection: 0.83 },
    'blind-set-12.jsonl': { accuracy: 0.66, reachable: 0.84, rejection: 0.75 },
    'blind-set-13.jsonl': { accuracy: 0.79, reachable: 0.9, rejection: 0.87 },
    'blind-set-14.jsonl': { accuracy: 0.81, reachable: 0.93, rejection: 0.87 },
    'blind-set-15.jsonl': { accuracy: 0.76, reachable: 0.87, rejection: 0.83 },
    'blind-set-16.jsonl': { accuracy: 0.78, reachable: 0.92, rejection: 0.87 },
    'blind-set-17.jsonl': { accuracy: 0.69, reachable: 0.89, rejection: 0.79 },
    'blind-set-18.jsonl': { accuracy: 0.71, reachable: 0.87, rejection: 0.83 },
    'blind-set-19.jsonl': { accuracy: 0.82, reachable: 0.88, rejection: 0.91 },
    'blind-set-20.jsonl': { accuracy: 0.71, reachable: 0.85, rejection: 0.83 },
    'blind-set-21.jsonl': { accuracy: 0.82, reachable: 0.9, rejection: 0.83 },
    'blind-set-22.jsonl': { accuracy: 0.75, reachable: 0.89, rejection: 0.83 },
  };

  it.each(BLIND_SETS)('keeps its figures on the blind set %s', (file) => {
    const floor = floors[path.basename(file)];
    if (!floor) throw new Error(`no floors for ${file}`);
    const blind = evaluate(answerer, file);
    expect(blind.inScopeAccuracy).toBeGreaterThanOrEqual(floor.accuracy);
    expect(blind.inScopeReachable).toBeGreaterThanOrEqual(floor.reachable);
    expect(blind.outOfScopeRejectionRate).toBeGreaterThanOrEqual(floor.rejection);
  });
});
