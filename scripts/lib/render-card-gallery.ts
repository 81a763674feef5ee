import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './launch-chromium';
import { listSampleCards, type SampleCard } from '../../src/cards/list-sample-cards';
import { createCardRenderer } from '../../src/cards/render-card';
import type { Language } from '../../src/content/languages';
import { loadLocalRules } from '../../src/content/load-local-rules';
import { loadPulse } from '../../src/content/load-pulse';
import { loadThemes } from '../../src/content/load-themes';
import { localizeTheme } from '../../src/content/localize-theme';
import type { ThemeId } from '../../src/content/theme-schema';
import { CARDS_DIR, PROJECT_ROOT, THEMES_DIR } from '../../src/project-paths';
import { buildGalleryIndex, type GalleryItem } from './gallery-index-html';

export interface GalleryOptions {
  out: string;
  themeIds?: readonly ThemeId[];
  languages?: readonly Language[];
  /** A local rules file (YAML/JSON); without one every text uses the general wording. */
  localRulesFile?: string;
  chromiumPath?: string;
}

export interface GalleryResult {
  out: string;
  cards: number;
  pngs: number;
  /** "card (view): what sticks out", one entry per card and phone view. */
  overflowing: string[];
  /** SDK parse/validation events and render errors, one entry per card and view. */
  failures: string[];
}

/** Desktop is Teams' ~480 px card column; phone is a 360 px screen minus the chat margins. */
export const VIEWS = [
  { name: 'light', label: 'Lys / Light', scheme: 'light', phone: false },
  { name: 'dark', label: 'Mørk / Dark', scheme: 'dark', phone: false },
  { name: 'phone-light', label: 'Mobil lys / Phone light', scheme: 'light', phone: true },
  { name: 'phone-dark', label: 'Mobil mørk / Phone dark', scheme: 'dark', phone: true },
] as const;
export type ViewName = (typeof VIEWS)[number]['name'];

/** Where a sample's screenshot lands, relative to the output folder (also the <img src>). */
export function pngPath(sample: SampleCard, view: ViewName): string {
  return `png/${sample.themeId ?? 'general'}/${sample.variant}.${sample.language}.${view}.png`;
}

// The SDK's own stylesheet styles buttons for a white page; this mimics Teams'
// Fluent look in both schemes so dark mode isn't judged with light buttons.
const PAGE_CSS = `
body{margin:0;font-family:'Segoe UI','Helvetica Neue',Arial,sans-serif}
body.light{background:#f5f5f5} body.dark{background:#1f1f1f}
#stage{box-sizing:border-box;width:512px;padding:16px} .phone #stage{width:360px;padding:12px}
.ac-adaptiveCard{border-radius:6px} .light .ac-adaptiveCard{box-shadow:0 1px 2px rgba(0,0,0,.14)}
.dark .ac-adaptiveCard{outline:1px solid #3d3d3d}
.ac-pushButton{font-family:inherit;font-size:14px;font-weight:600;line-height:20px;padding:5px 12px;border-radius:4px;border:1px solid;overflow:hidden;text-overflow:ellipsis;min-height:32px}
.light .ac-pushButton{background:#fff;color:#242424;border-color:#d1d1d1} .dark .ac-pushButton{background:#292929;color:#fff;border-color:#666}
.light .ac-pushButton.style-positive{background:#5b5fc7;color:#fff;border-color:#5b5fc7}
.dark .ac-pushButton.style-positive{background:#4f52b2;color:#fff;border-color:#4f52b2}
.ac-pushButton.style-destructive{background:#c4314b;color:#fff;border-color:#c4314b}
.ac-input{font-family:inherit;font-size:14px;box-sizing:border-box;border-radius:4px}
.ac-textInput,.ac-dateInput,.ac-timeInput,.ac-numberInput{height:32px;padding:4px 8px} .ac-textInput.ac-multiline{height:72px}
.light .ac-input{color:#242424} .light .ac-textInput,.light .ac-dateInput,.light .ac-timeInput{background:#fff;border:1px solid #d1d1d1}
.dark .ac-input{color:#fff;color-scheme:dark} .dark .ac-textInput,.dark .ac-dateInput,.dark .ac-timeInput{background:#292929;border:1px solid #666}
.ac-input-validation-failed{border-color:#c4314b!important}`;

// Runs inside Chromium (plain JS: our tsconfig has no DOM types). It renders one
// card into #stage and, at phone width, measures whether anything sticks out.
const PAGE_SCRIPT = `window.__gallery = { configs: {}, render(card, scheme, phone) {
  const stage = document.getElementById('stage'), failures = [], overflow = [];
  document.body.className = scheme + (phone ? ' phone' : '');
  stage.replaceChildren();
  try {
    const sdk = new AdaptiveCards.AdaptiveCard(), context = new AdaptiveCards.SerializationContext();
    sdk.hostConfig = new AdaptiveCards.HostConfig(this.configs[scheme]);
    sdk.parse(card, context);
    for (let i = 0; i < context.eventCount; i++) failures.push('parse: ' + context.getEventAt(i).message);
    for (const e of sdk.validateProperties().validationEvents) failures.push('validation: ' + e.message);
    const root = sdk.render();
    if (!root) failures.push('card.render() returned nothing');
    else stage.appendChild(root);
    if (root && phone) {
      const edge = root.getBoundingClientRect().right;
      if (root.scrollWidth > root.clientWidth + 1) overflow.push('card content is ' + root.scrollWidth + 'px wide in ' + root.clientWidth + 'px');
      const name = (el) => (el.closest('button') ? 'button' : el.tagName.toLowerCase() + '.' + el.classList[0]) + ' "' + (el.textContent || el.value || '').trim().slice(0, 40) + '"';
      for (const el of root.querySelectorAll('*')) {
        const past = Math.round(el.getBoundingClientRect().right - edge);
        if (past > 1) overflow.push(name(el) + ' ends ' + past + 'px past the right edge');
        // The SDK shrinks buttons and ellipsizes their titles: they fit the card but can't be read.
        // scrollWidth is rounded, and even 0.1 px too little shows "Take the q…", so measure the text.
        else if (!/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && getComputedStyle(el).textOverflow === 'ellipsis') {
          const text = document.createRange(); text.selectNodeContents(el);
          const need = text.getBoundingClientRect().width, has = el.getBoundingClientRect().width;
          if (need > has + 0.01) overflow.push(name(el) + ' is cut off (' + Math.ceil(need) + 'px of text in ' + Math.floor(has) + 'px)');
        }
      }
    }
  } catch (error) { failures.push('render threw: ' + String(error && error.stack || error)); }
  const box = stage.getBoundingClientRect();
  return { failures, overflow, clip: { x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height } };
} };`;

interface PageReport {
  failures: string[];
  overflow: string[];
  clip: { x: number; y: number; width: number; height: number };
}

/** Renders every sample card in every view to PNG and writes index.html next to them. */
export async function renderCardGallery(options: GalleryOptions): Promise<GalleryResult> {
  const out = path.resolve(options.out);
  const rules = loadLocalRules(options.localRulesFile);
  const themes = loadThemes(THEMES_DIR);
  const samples = listSampleCards(createCardRenderer(CARDS_DIR), themes, rules, {
    languages: options.languages,
    themeIds: options.themeIds,
    pulse: loadPulse(THEMES_DIR),
  });
  const items: GalleryItem[] = samples.map((sample) => ({
    ...sample,
    group: sample.themeId ?? 'general',
    shots: VIEWS.map((view) => ({ label: view.label, file: pngPath(sample, view.name), problems: [] })),
  }));
  const overflowing: string[] = [];
  const failures: string[] = [];
  const browser = await launchChromium(options.chromiumPath);
  try {
    // One page for everything: launching pages per card would cost far more than rendering.
    const page = await browser.newPage({ deviceScaleFactor: 1, viewport: { width: 512, height: 1200 } });
    await page.route('**/*', (route) => route.abort()); // nothing may reach the network
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head><body><div id="stage"></div></body></html>`,
    );
    await page.addScriptTag({
      content: readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8'),
    });
    await page.addScriptTag({ content: PAGE_SCRIPT });
    const config = (name: string): unknown =>
      JSON.parse(readFileSync(path.join(CARDS_DIR, 'host-config', name), 'utf8'));
    const configs = { light: config('teams-light.json'), dark: config('teams-dark.json') };
    await page.evaluate(`window.__gallery.configs = ${JSON.stringify(configs)}`);
    for (const [v, view] of VIEWS.entries()) {
      await page.setViewportSize({ width: view.phone ? 360 : 512, height: 1200 });
      for (const [i, sample] of samples.entries()) {
        const shot = items[i]?.shots[v];
        if (!shot) continue;
        const args = [sample.card, view.scheme, view.phone].map((a) => JSON.stringify(a)).join(',');
        const report = (await page.evaluate(`window.__gallery.render(${args})`)) as PageReport;
        const name = `${items[i]?.group}/${sample.variant}/${sample.language} (${view.name})`;
        if (report.overflow.length) overflowing.push(`${name}: ${report.overflow.slice(0, 3).join('; ')}`);
        if (report.failures.length) failures.push(`${name}: ${report.failures.join('; ')}`);
        shot.problems = [...report.overflow.slice(0, 3), ...report.failures];
        const file = path.join(out, shot.file);
        mkdirSync(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file, clip: report.clip, fullPage: true, animations: 'disabled', caret: 'hide' });
      }
    }
  } finally {
    await browser.close();
  }
  const groups = [
    { id: 'general', title: 'Generelle kort / General cards' },
    ...themes
      .filter((t) => items.some((item) => item.group === t.id))
      .map((t) => ({ id: t.id, title: `Tema / Theme: ${localizeTheme(t, 'nb', rules).title} (${t.id})` })),
  ];
  const localRules = options.localRulesFile
    ? path.relative(PROJECT_ROOT, path.resolve(options.localRulesFile))
    : undefined;
  writeFileSync(
    path.join(out, 'index.html'),
    buildGalleryIndex({ groups, items, localRules, languages: options.languages }),
  );
  return { out, cards: samples.length, pngs: samples.length * VIEWS.length, overflowing, failures };
}
