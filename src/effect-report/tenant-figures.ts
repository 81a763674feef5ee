import type { TenantStats } from '../engagement/aggregate';
import { isShown } from '../engagement/suppress';
import { interpolate } from '../i18n/catalogue';
import { chartFigure } from './chart-figure';
import { drawBarChart } from './draw-bar-chart';
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
 * Pulse before and after: a placeholder until the pulse survey adds its
 * aggregate (a `pulse` field on TenantStats). Then this draws grouped bars
 * with drawBarChart: one row per question, the series «before» and «after».
 */
export function pulseFigure(_tenant: TenantStats, c: SectionContext): string {
  const p = c.t.effectReport.pulse;
  return chartFigure({ heading: p.heading, intro: p.placeholder, className: 'placeholder' });
}
