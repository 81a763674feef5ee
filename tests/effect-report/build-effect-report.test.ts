import { THEME_IDS, type ThemeId } from '../../src/content/theme-schema';
import { sampleStatistics } from '../../src/cards/sample-engagement';
import { buildEffectReport, type EffectReportInput } from '../../src/effect-report/build-effect-report';
import { drawBarChart } from '../../src/effect-report/draw-bar-chart';
import { drawStackedChart } from '../../src/effect-report/draw-stacked-chart';
import type { TenantStats } from '../../src/engagement/aggregate';
import type { Cell } from '../../src/engagement/suppress';

const S = 'suppressed';
const titles = Object.fromEntries(THEME_IDS.map((id) => [id, `Tittel ${id}`])) as Record<ThemeId, string>;
const input = (stats: TenantStats[], extra: Partial<EffectReportInput> = {}): EffectReportInput => ({
  stats,
  language: 'nb',
  themeTitles: titles,
  minGroupSize: 5,
  retentionMonths: 13,
  generatedAt: new Date('2027-04-01T10:00:00Z'),
  ...extra,
});
const count = (cell: Cell) => (cell === S ? 'færre enn 5' : String(cell));
const bars = (svg: string) => [...svg.matchAll(/<rect class="bar" data-value="(\d+)"[^>]* width="([\d.]+)"/g)];

describe('the effect report document', () => {
  it('escapes every value, from the data and the content alike', () => {
    const evil = '"><img src=x onerror=alert(1)>&';
    const html = buildEffectReport(
      input([{ ...sampleStatistics('passwords'), tenantId: evil }], {
        themeTitles: { ...titles, passwords: '<b>Passord</b> & «sikkerhet»' },
      }),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;');
    expect(html).toContain('&lt;b&gt;Passord&lt;/b&gt; &amp; «sikkerhet»');
  });

  it.each([
    ['nb', 'Fra tips til vane', 'færre enn 5', 'Laget 1. april 2027'],
    ['nn', 'Frå tips til vane', 'færre enn 5', 'Laga 1. april 2027'],
    ['en', 'From tip to habit', 'fewer than 5', 'Made 1 April 2027'],
  ] as const)('speaks %s throughout', (language, heading, suppressed, made) => {
    const html = buildEffectReport(input([sampleStatistics('passwords')], { language }));
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(`<h3>${heading}</h3>`);
    expect(html).toContain(`>${suppressed}<`);
    expect(html).toContain(made);
  });

  it('says so when there are no figures yet, and hides the median under k people', () => {
    expect(buildEffectReport(input([]))).toContain('Ingen tall ennå.');
    const quiet: TenantStats = {
      ...sampleStatistics('passwords'),
      reportsPerMonth: [],
      reportDelay: { people: S, median: S },
    };
    const html = buildEffectReport(input([quiet]));
    expect(html).toContain('Ingen har meldt fra ennå.');
    expect(html).toContain('Median tid fra siste tips til melding vises når minst 5 personer');
    expect(html).not.toContain('tenant-0-reports');
  });
});

describe('the chart helpers', () => {
  it('draws grouped bars from plain rows on one scale, labelling every bar with its series', () => {
    // The shape a pulse chart will have: one row per question, the series before and after.
    const svg = drawBarChart({
      id: 'pulse',
      title: 'Puls',
      desc: 'Før og etter',
      series: ['Før', 'Etter'],
      rows: [
        { label: 'Låser du skjermen?', cells: [20, 40] },
        { label: 'Bruker du to-faktor?', cells: [S, 10] },
      ],
      count,
    });
    const drawn = bars(svg).map(([, value, width]) => [Number(value), Number(width)] as const);
    expect(drawn.map(([value]) => value)).toEqual([20, 40, 10]);
    const [w20, w40, w10] = drawn.map(([, width]) => width);
    expect(w40! / w20!).toBeCloseTo(2, 2);
    expect(w40! / w10!).toBeCloseTo(4, 2);
    expect(svg.match(/class="bar-label">Før</g)).toHaveLength(2);
    expect(svg).toMatch(/font-style="italic"[^>]*class="suppressed">færre enn 5</);
  });

  it('stacks parts as shares of the total and hatches what suppressed parts add up to', () => {
    const svg = drawStackedChart({
      id: 'checks',
      title: 'Svar',
      desc: 'Fordeling',
      segments: ['A', 'B', 'C'],
      rows: [{ label: 'Tema: 20 svar', total: 20, parts: [10, S, S] }],
      count,
      hiddenLabel: 'skjult',
    });
    const segment = Number(/class="segment"[^>]* width="([\d.]+)"/.exec(svg)?.[1]);
    const rest = Number(/class="hidden-part"[^>]* width="([\d.]+)"/.exec(svg)?.[1]);
    expect(segment).toBeCloseTo(340, 1);
    expect(rest).toBeCloseTo(340, 1);
    expect(svg).toContain('fill="url(#checks-hatch)"');
  });
});
