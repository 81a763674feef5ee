import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/project-paths';
import { TENANT } from '../support/activities';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { EXPECTED, S, SMALL_TENANT, seedEffectData } from '../support/effect-fixture';
import { newDataDir } from '../support/test-service';

const run = promisify(execFile);
const REPORT = path.join(PROJECT_ROOT, 'src', 'cli', 'report.ts');
/** A4 is 210 mm; with the report's 15 mm page margins 180 mm is left, 680 CSS pixels at 96 dpi. */
const A4_PRINT_WIDTH = 680;
const SUPPRESSED = 'færre enn 5';

/** The CLI as `npm run report` starts it: its own Node process on the seeded store. */
function report(dataDir: string, args: string[]) {
  return run(process.execPath, ['--import', 'tsx', REPORT, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
}

interface Drawn {
  id: string;
  title: string;
  desc: string;
  labelledBy: string;
  width: number;
  bars: { value: number; width: number; height: number }[];
  values: string[];
  segments: { value: number; total: number; width: number }[];
  hidden: number[];
  suppressed: string[];
}

// Runs in the page (string, since the tests compile without the DOM library).
const DRAWN = `[...document.querySelectorAll('svg.chart')].map((svg) => {
  const box = (el) => el.getBoundingClientRect();
  const all = (selector) => [...svg.querySelectorAll(selector)];
  return {
    id: svg.id,
    title: svg.querySelector('title')?.textContent ?? '',
    desc: svg.querySelector('desc')?.textContent ?? '',
    labelledBy: svg.getAttribute('aria-labelledby'),
    width: box(svg).width,
    bars: all('rect.bar').map((r) => ({ value: Number(r.getAttribute('data-value')), width: box(r).width, height: box(r).height })),
    values: all('text.value').map((t) => t.textContent),
    segments: all('rect.segment').map((r) => ({
      value: Number(r.getAttribute('data-value')), total: Number(r.getAttribute('data-total')), width: box(r).width,
    })),
    hidden: all('rect.hidden-part').map((r) => box(r).width),
    suppressed: all('text.suppressed').map((t) => t.textContent),
  };
})`;

const TABLES = `[...document.querySelectorAll('figure table')].map((table) =>
  [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent)))`;

const OVERFLOW = `(() => {
  const limit = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > limit) out.push('page is ' + document.documentElement.scrollWidth + 'px wide');
  for (const el of document.querySelectorAll('main *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > limit + 0.5 || r.left < -0.5)) out.push(el.tagName + ' ' + (el.textContent ?? '').slice(0, 40));
  }
  for (const svg of document.querySelectorAll('svg.chart')) {
    const s = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (r.left < s.left - 0.5 || r.right > s.right + 0.5) out.push(svg.id + ': «' + text.textContent + '» leaves the chart');
    }
  }
  return out;
})()`;

const widthPerUnit = (items: { value: number; width: number }[]) => items.map((i) => i.width / i.value);
const spread = (ratios: number[]) => (Math.max(...ratios) - Math.min(...ratios)) / Math.max(...ratios);
const shown = <T>(cells: readonly (T | typeof S)[]) => cells.filter((c): c is T => c !== S);

describeWithChromium('npm run report: the effect report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let html = '';
  let out = '';
  const requests: string[] = [];
  let drawn: Drawn[] = [];
  const chart = (name: string) => drawn.find((d) => d.id === `tenant-0-${name}`) as Drawn;

  beforeAll(async () => {
    const dataDir = newDataDir();
    await seedEffectData(dataDir);
    out = path.join(dataDir, 'rapport', 'effekt.html');
    const { stdout } = await report(dataDir, ['--out', out, '--tenant', TENANT]);
    expect(stdout.trim()).toBe(out);
    html = readFileSync(out, 'utf8');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(out).href);
    drawn = (await page.evaluate(DRAWN)) as Drawn[];
  }, 120_000);
  afterAll(() => browser?.close());

  it('writes one self-contained file that fetches nothing', async () => {
    expect(requests).toEqual([pathToFileURL(out).href]);
    expect(await page.evaluate('performance.getEntriesByType("resource").length')).toBe(0);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\b(src|href)=|@import|url\((?!#)|https?:\/\//i);
    expect(html).toMatch(/^<!doctype html>\n<html lang="nb">/);
  });

  it('covers the asked municipality only', () => {
    expect(html).toContain(`Virksomhet (tenant-ID ${TENANT})`);
    expect(html).not.toContain(SMALL_TENANT);
  });

  it('draws the funnel with one scale, and no bar for a suppressed figure', () => {
    const funnel = chart('funnel');
    const values = EXPECTED.funnel.flatMap(([, cells]) => shown(cells));
    expect(funnel.bars.map((b) => b.value)).toEqual(values);
    expect(funnel.values).toEqual(values.map(String));
    expect(funnel.bars.every((b) => b.width > 0 && b.height > 0)).toBe(true);
    expect(spread(widthPerUnit(funnel.bars))).toBeLessThan(0.01);
    expect(funnel.bars[0]?.width).toBeGreaterThan(funnel.width * 0.4);
    const hidden = EXPECTED.funnel.flatMap(([, cells]) => cells.filter((c) => c === S));
    expect(funnel.suppressed).toEqual(hidden.map(() => SUPPRESSED));
  });

  it('draws the follow-up answers as shares of each theme, the hidden rest hatched', () => {
    const checks = chart('checks');
    const parts = EXPECTED.checks.flatMap((row) => shown(row.parts).map((value) => ({ value, total: row.total })));
    expect(checks.segments.map(({ value, total }) => ({ value, total }))).toEqual(parts);
    for (const segment of checks.segments)
      expect(segment.width / checks.width).toBeCloseTo(segment.value / segment.total, 2);
    expect(checks.hidden.map((w) => w / checks.width)).toEqual([expect.closeTo(9 / 17, 2), expect.closeTo(5 / 15, 2)]);
    expect(checks.suppressed).toEqual([SUPPRESSED]);
  });

  it('draws the pulse before and after as shares per question, the hidden rest hatched', () => {
    const pulse = chart('pulse');
    const parts = EXPECTED.pulse.flatMap((row) => shown(row.parts).map((value) => ({ value, total: row.total })));
    expect(pulse.segments.map(({ value, total }) => ({ value, total }))).toEqual(parts);
    for (const segment of pulse.segments)
      expect(segment.width / pulse.width).toBeCloseTo(segment.value / segment.total, 2);
    expect(pulse.hidden.map((w) => w / pulse.width)).toEqual([expect.closeTo(6 / 20, 2), expect.closeTo(10 / 22, 2)]);
    // The four questions nobody answered: no bar before or after.
    expect(pulse.suppressed).toEqual(Array(8).fill(SUPPRESSED));
  });

  it('draws «Meld fra» per month and says the median', async () => {
    const reports = chart('reports');
    expect(reports.bars.map((b) => b.value)).toEqual(shown(EXPECTED.reports.map(([, n]) => n)));
    expect(reports.bars.every((b) => b.width > 0)).toBe(true);
    expect(spread(widthPerUnit(reports.bars))).toBeLessThan(0.01);
    expect(reports.suppressed).toEqual([SUPPRESSED]);
    expect(await page.textContent('body')).toContain(`Median tid fra siste tips til melding: ${EXPECTED.median}`);
  });

  it('draws questions per theme with the share unanswered beside the bar', () => {
    const questions = chart('questions');
    expect(questions.bars.map((b) => b.value)).toEqual(shown(EXPECTED.questions));
    expect(spread(widthPerUnit(questions.bars))).toBeLessThan(0.01);
    expect(questions.values.map((v) => v.replace(/\s/g, ' '))).toEqual(['10 · 50 % uten sikkert svar', '7']);
    expect(questions.suppressed).toEqual([SUPPRESSED]);
  });

  it('gives every chart a title and a description, and the same figures in a table', async () => {
    expect(drawn.map((d) => d.id)).toEqual(
      ['funnel', 'checks', 'pulse', 'reports', 'questions'].map((n) => `tenant-0-${n}`),
    );
    for (const d of drawn) {
      expect(d.title).not.toBe('');
      expect(d.desc).not.toBe('');
      expect(d.labelledBy).toBe(`${d.id}-title ${d.id}-desc`);
    }
    const [funnel, checks, pulse, reports, questions] = (await page.evaluate(TABLES)) as string[][][];
    const text = (cells: string[] | undefined) => cells?.map((c) => c.replace(/\s/g, ' '));
    expect(text(funnel?.[0])).toEqual(['Lås enhetene dine', '40', '24', '18', '67 %', '9']);
    expect(text(funnel?.[2])).toEqual([
      'Bruk to-faktor der du kan',
      ...Array(3).fill(SUPPRESSED),
      'skjult',
      SUPPRESSED,
    ]);
    expect(text(checks?.[0])).toEqual(['Lås enhetene dine', '8', SUPPRESSED, SUPPRESSED, SUPPRESSED, '17']);
    expect(text(reports?.[1])).toEqual(['september 2026', SUPPRESSED]);
    expect(questions?.map((row) => text(row)?.slice(1))).toEqual([
      ['10', EXPECTED.questionShares[0], EXPECTED.helpfulShares[0]],
      ['7', EXPECTED.questionShares[1], EXPECTED.helpfulShares[1]],
      [SUPPRESSED, EXPECTED.questionShares[2], EXPECTED.helpfulShares[2]],
    ]);
    expect(text(pulse?.[0])).toEqual(['Låser skjermen – før', SUPPRESSED, '8', '6', SUPPRESSED, SUPPRESSED, '20']);
  });

  it('fits A4 print width: nothing overflows the page or its chart', async () => {
    await page.setViewportSize({ width: A4_PRINT_WIDTH, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(OVERFLOW)).toEqual([]);
  });
});

describe('npm run report usage', () => {
  it('exits with 2 and the usage on wrong arguments', async () => {
    for (const args of [[], ['--out'], ['--out', 'x.html', '--language', 'sv'], ['--format', 'pdf']]) {
      const failed = await report(newDataDir(), args).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code).toBe(2);
      expect(failed?.stderr).toContain('usage: npm run report -- --out <file.html>');
    }
  });
});
