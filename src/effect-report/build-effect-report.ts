import type { Language } from '../content/languages';
import type { PulseText } from '../content/localize-pulse';
import type { ThemeId } from '../content/theme-schema';
import type { TenantStats } from '../engagement/aggregate';
import { CATALOGUES, interpolate } from '../i18n/catalogue';
import { escapeHtml as esc } from './escape-html';
import { cellFormat } from './format-cells';
import { REPORT_CSS } from './report-styles';
import type { SectionContext } from './section-context';
import { pulseFigure, reportsFigure } from './tenant-figures';
import { checksFigure, funnelFigure, questionsFigure } from './theme-figures';

export interface EffectReportInput {
  /** Already suppressed: this builder never sees a figure about fewer than k people. */
  stats: TenantStats[];
  language: Language;
  themeTitles: Record<ThemeId, string>;
  /** The pulse questions and answers in the report's language, for the before/after chart. */
  pulse?: PulseText;
  minGroupSize: number;
  retentionMonths: number;
  generatedAt: Date;
}

function tenantSection(tenant: TenantStats, index: number, base: Omit<SectionContext, 'idPrefix'>): string {
  const c: SectionContext = { ...base, idPrefix: `tenant-${index}` };
  const r = c.t.effectReport;
  const figures =
    tenant.themes.length > 0
      ? [
          funnelFigure(tenant, c),
          checksFigure(tenant, c),
          pulseFigure(tenant, c),
          reportsFigure(tenant, c),
          questionsFigure(tenant, c),
        ]
      : [`<p>${esc(r.empty)}</p>`, pulseFigure(tenant, c), reportsFigure(tenant, c)];
  return [
    `<section class="tenant" aria-labelledby="${c.idPrefix}-heading">`,
    `<h2 id="${c.idPrefix}-heading">${esc(interpolate(r.tenant, { tenant: tenant.tenantId }))}</h2>`,
    ...figures,
    '</section>',
  ].join('\n');
}

/**
 * The effect report for management and internal control: aggregates in,
 * one self-contained HTML document out (inline CSS and SVG, no scripts, no
 * fonts, images or addresses to fetch). Pure, so it is tested without I/O.
 */
export function buildEffectReport(input: EffectReportInput): string {
  const t = CATALOGUES[input.language];
  const r = t.effectReport;
  const min = input.minGroupSize;
  const format = cellFormat(input.language, interpolate(r.suppressed, { min }), r.hidden);
  const base = {
    t,
    format,
    themeTitle: (id: ThemeId) => input.themeTitles[id],
    minGroupSize: min,
    pulse: input.pulse,
  };
  const sections =
    input.stats.length > 0
      ? input.stats.map((tenant, index) => tenantSection(tenant, index, base))
      : [`<p>${esc(r.empty)}</p>`];
  return [
    '<!doctype html>',
    `<html lang="${input.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(r.documentTitle)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${esc(r.documentTitle)}</h1>`,
    `<p class="meta">${esc(interpolate(r.generated, { date: format.date(input.generatedAt), months: input.retentionMonths }))}</p>`,
    '</header>',
    '<section class="intro">',
    `<p>${esc(r.what)}</p>`,
    `<p>${esc(r.privacy)}</p>`,
    `<p>${esc(interpolate(r.small, { min }))}</p>`,
    '</section>',
    ...sections,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
