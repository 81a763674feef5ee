import { PULSE_PHASES, PULSE_QUESTION_IDS, type PulsePhase, type PulseQuestionId } from '../content/pulse-schema';

/**
 * A pulse answer is stored as one event per question and phase; its subject
 * "before/lock-screen" is what makes a second answer replace the first.
 */
export const pulseSubject = (phase: PulsePhase, questionId: PulseQuestionId) => `${phase}/${questionId}`;

export function parsePulseSubject(
  subject: string | undefined,
): { phase: PulsePhase; questionId: PulseQuestionId } | undefined {
  const [phase, questionId] = (subject ?? '').split('/');
  const knownPhase = PULSE_PHASES.find((p) => p === phase);
  const knownQuestion = PULSE_QUESTION_IDS.find((q) => q === questionId);
  return knownPhase && knownQuestion ? { phase: knownPhase, questionId: knownQuestion } : undefined;
}
