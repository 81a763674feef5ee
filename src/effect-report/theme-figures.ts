import { CHECK_ANSWERS } from '../cards/theme-cards';
import type { TenantStats } from '../engagement/aggregate';
import { isShown } from '../engagement/suppress';
import { interpolate } from '../i18n/catalogue';
import { chartFigure } from './chart-figure';
import { drawBarChart } from './draw-bar-chart';
import { drawStackedChart } from './draw-stacked-chart';
import type { SectionContext } from './section-context';

/** Reached → took part → quiz → «Jeg gjør det», four bars per theme. */
export function funnelFigure(tenant: TenantStats, c: SectionContext): string {
  const f = c.t.effectReport.funnel;
  const { count, share } = c.format;
  const rows = tenant.themes.map((theme) => ({
    label: c.themeTitle(theme.themeId),
    cells: [theme.reached, theme.interacted, theme.quizAnswered, theme.committed],
  }));
  const chart = drawBarChart({
    id: `${c.idPrefix}-funnel`,
    title: f.caption,
    desc: f.desc,
    series: [f.reached, f.interacted, f.quiz, f.committed],
    rows,
    count,
  });
  return chartFigure({
    heading: f.heading,
    intro: f.intro,
    chart,
    table: {
      caption: f.caption,
      columns: [c.t.effectReport.theme, f.reached, f.interacted, f.quiz, f.correct, f.committed],
      rows: tenant.themes.map((theme) => ({
        label: c.themeTitle(theme.themeId),
        cells: [
          count(theme.reached),
          count(theme.interacted),
          count(theme.quizAnswered),
          share(theme.quizCorrectShare),
          count(theme.committed),
        ],
      })),
    },
  });
}

/** The follow-up answers by option, one divided bar per theme. */
export function checksFigure(tenant: TenantStats, c: SectionContext): string {
  const k = c.t.effectReport.checks;
  const answers = CHECK_ANSWERS.map((answer) => c.t.check.answers[answer]);
  const { count } = c.format;
  const chart = drawStackedChart({
    id: `${c.idPrefix}-checks`,
    title: k.caption,
    desc: k.desc,
    segments: answers,
    rows: tenant.themes.map((theme) => ({
      label: interpolate(k.row, { theme: c.themeTitle(theme.themeId), answered: count(theme.checkAnswered) }),
      total: theme.checkAnswered,
      parts: CHECK_ANSWERS.map((answer) => theme.checks[answer]),
    })),
    count,
    hiddenLabel: k.hiddenPart,
  });
  return chartFigure({
    heading: k.heading,
    intro: k.intro,
    chart,
    table: {
      caption: k.caption,
      columns: [c.t.effectReport.theme, ...answers, k.answered],
      rows: tenant.themes.map((theme) => ({
        label: c.themeTitle(theme.themeId),
        cells: [...CHECK_ANSWERS.map((answer) => count(theme.checks[answer])), count(theme.checkAnswered)],
      })),
    },
  });
}

/** People who asked per theme, with the share who at least once got «not sure», and how helpful answers were. */
export function questionsFigure(tenant: TenantStats, c: SectionContext): string {
  const q = c.t.effectReport.questions;
  const { count, share } = c.format;
  const chart = drawBarChart({
    id: `${c.idPrefix}-questions`,
    title: q.caption,
    desc: q.desc,
    series: [q.asked],
    rows: tenant.themes.map((theme) => ({
      label: c.themeTitle(theme.themeId),
      cells: [theme.questionsAsked],
      note: isShown(theme.questionsUnansweredShare)
        ? interpolate(q.note, { share: share(theme.questionsUnansweredShare) })
        : undefined,
    })),
    count,
  });
  return chartFigure({
    heading: q.heading,
    intro: q.intro,
    chart,
    table: {
      caption: q.caption,
      columns: [c.t.effectReport.theme, q.asked, q.unanswered, q.helpful],
      rows: tenant.themes.map((theme) => ({
        label: c.themeTitle(theme.themeId),
        cells: [count(theme.questionsAsked), share(theme.questionsUnansweredShare), share(theme.answersHelpfulShare)],
      })),
    },
  });
}
