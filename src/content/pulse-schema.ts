import { z } from 'zod';

/**
 * The shape of themes/pulse.yaml: the same few questions asked before and
 * after the campaign. Question and answer ids are fixed here, not in the
 * file, because the before/after comparison and the statistics export rely on
 * them: a question renamed mid-campaign would split its answers in two.
 */

export const PULSE_PHASES = ['before', 'after'] as const;
export type PulsePhase = (typeof PULSE_PHASES)[number];

export const PULSE_QUESTION_IDS = [
  'lock-screen',
  'separate-passwords',
  'login-via-site',
  'report-suspicious',
  'two-factor',
] as const;
export type PulseQuestionId = (typeof PULSE_QUESTION_IDS)[number];

/** The same options for every question, in this order. */
export const PULSE_ANSWERS = ['always', 'usually', 'rarely', 'never', 'unknown'] as const;
export type PulseAnswer = (typeof PULSE_ANSWERS)[number];

export const isPulsePhase = (value: unknown): value is PulsePhase =>
  typeof value === 'string' && (PULSE_PHASES as readonly string[]).includes(value);
export const isPulseAnswer = (value: unknown): value is PulseAnswer =>
  typeof value === 'string' && (PULSE_ANSWERS as readonly string[]).includes(value);

const text = z.string().trim().min(1, 'must not be empty');
const limited = (max: number) => text.max(max, `must be at most ${max} characters`);
// Every text is {nb, nn, en} and strict: a language missing from one question fails by name.
const localized = <T extends z.ZodType>(field: T) => z.strictObject({ nb: field, nn: field, en: field });

const question = z.strictObject({
  id: z.enum(PULSE_QUESTION_IDS),
  /** Short, for «mine data» and the statistics. */
  label: localized(limited(40)),
  /** The question as the card asks it. */
  text: localized(limited(160)),
});

const answer = localized(limited(20));

export const pulseSchema = z.strictObject({
  // One entry per PULSE_ANSWERS id, in that order (a content test holds them together).
  answers: z.strictObject({ always: answer, usually: answer, rarely: answer, never: answer, unknown: answer }),
  questions: z.array(question).refine((questions) => questions.map((q) => q.id).join() === PULSE_QUESTION_IDS.join(), {
    message: `must list the questions ${PULSE_QUESTION_IDS.join(', ')}, each once, in this order`,
  }),
});

export type PulseSurvey = z.infer<typeof pulseSchema>;
