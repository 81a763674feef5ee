import { PULSE_ANSWERS, PULSE_PHASES, type PulseQuestionId } from '../content/pulse-schema';
import type { TenantStats } from '../engagement/aggregate';
import { isShown } from '../engagement/suppress';
import { interpolate } from '../i18n/catalogue';
import { chartFigure } from './chart-figure';
import { drawBarChart } from './draw-bar-chart';
import { drawStackedChart } from './draw-stacked-chart';
import type { SectionContext } from './section-context';

/** «Meld fra»: people who reported per month, and the median time from the latest nudge to a report. */
export function reportsFigure(tenant: TenantStats, c: SectionContext): string {
  const r = c.t.effectReport.reports;
  const { count } = c.format;
  const rows = tenant.reportsPerMonth.map((m) => ({ label: c.format.month(m.month), cells: [m.people] }));
  const { median, people } = tenant.reportDelay;
  const medianNote =
    median !== 'suppressed' && isShown(people)
      ? interpolate(r.median, { median: c.t.engagement.delay[median], people: count(people) })
      : interpolate(r.medianHidden, { min: c.minGroupSize });
  if (rows.length === 0) return chartFigure({ heading: r.heading, intro: r.intro, notes: [r.empty, medianNote] });
  return chartFigure({
    heading: r.heading,
    intro: r.intro,
    chart: drawBarChart({
      id: `${c.idPrefix}-reports`,
      title: r.caption,
      desc: r.desc,
      series: [r.people],
      rows,
      count,
    }),
    notes: [medianNote],
    table: {
      caption: r.caption,
      columns: [r.month, r.people],
      rows: rows.map((row) => ({ label: row.label, cells: row.cells.map(count) })),
    },
  });
}

/**
 * The pulse before and after: for each question one divided bar per phase,
 * so the change in the answers shows bar against bar. Suppressed answers are
 * the hatched rest, as for the follow-up check.
 */
export function pulseFigure(tenant: TenantStats, c: SectionContext): string {
  const p = c.t.effectReport.pulse;
  if (tenant.pulse.length === 0 || !c.pulse)
    return chartFigure({ heading: p.heading, intro: p.intro, notes: [p.empty] });
  const { count } = c.format;
  const pulse = c.pulse;
  const label = (id: PulseQuestionId) => pulse.questions.find((q) => q.id === id)?.label ?? id;
  const rows = tenant.pulse.flatMap((question) =>
    PULSE_PHASES.map((phase) => ({
      question: label(question.questionId),
      phase: c.t.pulse.phaseShort[phase].toLowerCase(),
      stats: question[phase],
    })),
  );
  const answers = PULSE_ANSWERS.map((id) => pulse.answers.find((a) => a.id === id)?.title ?? id);
  const chart = drawStackedChart({
    id: `${c.idPrefix}-pulse`,
    title: p.caption,
    desc: p.desc,
    segments: answers,
    rows: rows.map((row) => ({
      label: interpolate(p.row, { question: row.question, phase: row.phase, answered: count(row.stats.answered) }),
      total: row.stats.answered,
      parts: PULSE_ANSWERS.map((answer) => row.stats.answers[answer]),
    })),
    count,
    hiddenLabel: p.hiddenPart,
  });
  return chartFigure({
    heading: p.heading,
    intro: p.intro,
    chart,
    table: {
      caption: p.caption,
      columns: [p.question, ...answers, p.answered],
      rows: rows.map((row) => ({
        label: `${row.question} – ${row.phase}`,
        cells: [...PULSE_ANSWERS.map((answer) => count(row.stats.answers[answer])), count(row.stats.answered)],
      })),
    },
  });
}
