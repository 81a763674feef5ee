import type { PulseText } from '../content/localize-pulse';
import { PULSE_PHASES } from '../content/pulse-schema';
import type { PulseQuestionStats } from '../engagement/aggregate-pulse';
import type { Cell } from '../engagement/suppress';
import { interpolate, type Catalogue } from '../i18n/catalogue';

/**
 * The pulse section of the statistics card: per question, one line before and
 * one after, each with the people who answered and the count per option.
 * `count` shows a suppressed cell the way the rest of the card does.
 */
export function pulseStatisticsRows(
  t: Catalogue,
  pulse: PulseText,
  stats: PulseQuestionStats[],
  count: (cell: Cell) => string,
): { title: string; phases: string[] }[] {
  return stats.map((question) => ({
    title: pulse.questions.find((q) => q.id === question.questionId)?.label ?? question.questionId,
    phases: PULSE_PHASES.map((phase) =>
      interpolate(t.pulse.stats.phase, {
        phase: t.pulse.phaseShort[phase],
        answered: count(question[phase].answered),
        answers: pulse.answers.map((a) => `${a.title} ${count(question[phase].answers[a.id])}`).join(' · '),
      }),
    ),
  }));
}
