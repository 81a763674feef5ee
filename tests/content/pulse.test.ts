import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { pulseCard } from '../../src/cards/pulse-cards';
import { LANGUAGES } from '../../src/content/languages';
import { loadPulse, parsePulse, PulseFileError } from '../../src/content/load-pulse';
import { localizePulse } from '../../src/content/localize-pulse';
import { PULSE_ANSWERS, PULSE_QUESTION_IDS } from '../../src/content/pulse-schema';
import { textsFor } from '../../src/i18n/texts-for';
import { THEMES_DIR } from '../../src/project-paths';
import { pulse, render } from '../support/content';

const file = path.join(THEMES_DIR, 'pulse.yaml');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break arbitrary fields on purpose
type AnyPulse = Record<string, any>;
const problemsOf = (mutate: (pulse: AnyPulse) => void): string => {
  const raw = parse(readFileSync(file, 'utf8')) as AnyPulse;
  mutate(raw);
  try {
    parsePulse(file, stringify(raw));
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(PulseFileError);
    return (error as Error).message;
  }
};

describe('the pulse survey (themes/pulse.yaml)', () => {
  it('asks the five fixed questions with the five fixed answers, in that order', () => {
    expect(pulse.questions.map((q) => q.id)).toEqual([...PULSE_QUESTION_IDS]);
    expect(Object.keys(pulse.answers)).toEqual([...PULSE_ANSWERS]);
  });

  it('has the same questions and options in nb, nn and en, every text filled in', () => {
    const shape = LANGUAGES.map((language) => {
      const text = localizePulse(pulse, language);
      for (const q of text.questions) expect([q.label.trim(), q.text.trim()]).not.toContain('');
      for (const a of text.answers) expect(a.title.trim()).not.toBe('');
      return { questions: text.questions.map((q) => q.id), answers: text.answers.map((a) => a.id) };
    });
    expect(shape[1]).toEqual(shape[0]);
    expect(shape[2]).toEqual(shape[0]);
  });

  it('asks questions, not statements, and says the answers plainly in each language', () => {
    for (const language of LANGUAGES) {
      for (const q of localizePulse(pulse, language).questions) expect(q.text).toMatch(/\?$/);
    }
    expect(localizePulse(pulse, 'nn').answers.map((a) => a.title)).toEqual([
      'Alltid',
      'Som regel',
      'Sjeldan',
      'Aldri',
      'Veit ikkje',
    ]);
  });

  it('renders as one card: a compact, optional choice per question and Action.Execute with a Submit fallback', () => {
    const t = textsFor('nb', {});
    const card = pulseCard(render, t, localizePulse(pulse, 'nb'), 'before');
    const inputs = (card.body as Record<string, unknown>[]).filter((b) => b.type === 'Input.ChoiceSet');
    expect(inputs.map((i) => i.id)).toEqual([...PULSE_QUESTION_IDS]);
    for (const input of inputs) {
      expect(input).toMatchObject({ style: 'compact', value: '' });
      expect(input.isRequired).toBeUndefined();
      expect((input.choices as { value: string }[]).map((c) => c.value)).toEqual([...PULSE_ANSWERS]);
    }
    expect((card.actions as Record<string, unknown>[])[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'pulse-answer',
      data: { phase: 'before' },
      fallback: { type: 'Action.Submit', data: { action: 'pulse-answer', phase: 'before' } },
    });
  });
});

describe('a broken pulse file stops start-up with the file and the field', () => {
  it('names a missing translation', () => {
    const message = problemsOf((p) => delete p.questions[1].text.nn);
    expect(message).toContain('pulse.yaml');
    expect(message).toContain('questions[1].text.nn');
  });

  it('rejects a question moved, dropped or renamed, so before and after always compare', () => {
    const order = /questions: must list the questions lock-screen, separate-passwords/;
    expect(problemsOf((p) => p.questions.reverse())).toMatch(order);
    expect(problemsOf((p) => p.questions.pop())).toMatch(order);
    expect(problemsOf((p) => (p.questions[0].id = 'lock-the-screen'))).toMatch(/questions\[0\]\.id/);
  });

  it('rejects an answer option more or less than the fixed five', () => {
    expect(problemsOf((p) => (p.answers.sometimes = { nb: 'Av og til', nn: 'Av og til', en: 'Sometimes' }))).toMatch(
      /answers: Unrecognized key/,
    );
    expect(problemsOf((p) => delete p.answers.never)).toMatch(/answers\.never/);
  });

  it('rejects bokmål in nynorsk, placeholders and over-long questions', () => {
    expect(problemsOf((p) => (p.questions[0].text.nn = 'Låser du skjermen når du går fra PC-en?'))).toMatch(
      /questions\[0\]\.text\.nn: "fra": bokmål form in nynorsk text/,
    );
    expect(problemsOf((p) => (p.questions[0].text.nb = 'Ringer du {itSupport}?'))).toMatch(/takes no placeholders/);
    expect(problemsOf((p) => (p.questions[0].text.en = `${'x'.repeat(160)}?`))).toMatch(
      /questions\[0\]\.text\.en: must be at most 160/,
    );
  });

  it('reports a missing file by name', () => {
    expect(() => loadPulse(path.join(THEMES_DIR, 'no-such-folder'))).toThrow(/pulse\.yaml.*missing/s);
  });
});
