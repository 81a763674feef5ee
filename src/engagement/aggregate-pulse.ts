import {
  PULSE_ANSWERS,
  PULSE_QUESTION_IDS,
  type PulseAnswer,
  type PulsePhase,
  type PulseQuestionId,
} from '../content/pulse-schema';
import type { ThemeFact } from '../stores/event-store';
import { pulseSubject } from './pulse-subject';
import { suppressPartition, type Cell } from './suppress';

/** One question in one phase: people who answered it, and how many chose each option. */
export interface PulsePhaseStats {
  answered: Cell;
  answers: Record<PulseAnswer, Cell>;
}

export interface PulseQuestionStats {
  questionId: PulseQuestionId;
  before: PulsePhaseStats;
  after: PulsePhaseStats;
}

/**
 * The pulse before and after, per question, for one tenant's facts. Each
 * question and phase is a partition of the people who answered it (one
 * answer per person: the latest), so it is suppressed as one, against
 * differencing too. Empty when nobody in the tenant has answered the pulse.
 */
export function aggregatePulse(facts: ThemeFact[], k: number): PulseQuestionStats[] {
  const answers = facts.filter((f) => f.type === 'pulse-answered');
  if (answers.length === 0) return [];
  const phase = (phase: PulsePhase, questionId: PulseQuestionId): PulsePhaseStats => {
    const subject = pulseSubject(phase, questionId);
    const byAnswer = Object.fromEntries(
      PULSE_ANSWERS.map((answer) => [
        answer,
        answers.filter((f) => f.subject === subject && f.value === answer).reduce((sum, f) => sum + f.people, 0),
      ]),
    ) as Record<PulseAnswer, number>;
    const { total, parts } = suppressPartition(byAnswer, k);
    return { answered: total, answers: parts };
  };
  return PULSE_QUESTION_IDS.map((questionId) => ({
    questionId,
    before: phase('before', questionId),
    after: phase('after', questionId),
  }));
}
