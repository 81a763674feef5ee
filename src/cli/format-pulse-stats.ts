import { PULSE_ANSWERS, PULSE_PHASES } from '../content/pulse-schema';
import type { TenantStats } from '../engagement/aggregate';
import type { Cell } from '../engagement/suppress';

/** The pulse's columns, after the themes' in the same CSV. */
export const PULSE_COLUMNS = [
  'pulse_question',
  'pulse_phase',
  'pulse_answered',
  ...PULSE_ANSWERS.map((answer) => `pulse_${answer}`),
];

/** One row per question and phase: the cells of the pulse columns only. */
export function pulseCsvCells(tenant: TenantStats, cell: (value: Cell) => string): string[][] {
  return tenant.pulse.flatMap((question) =>
    PULSE_PHASES.map((phase) => [
      question.questionId,
      phase,
      cell(question[phase].answered),
      ...PULSE_ANSWERS.map((answer) => cell(question[phase].answers[answer])),
    ]),
  );
}
