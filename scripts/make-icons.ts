/**
 * Renders the Teams app icons from the SVG sources in scripts/icons/ into appPackage/:
 * `npx tsx scripts/make-icons.ts`. The PNGs are checked in; run this only after changing an SVG.
 * Needs Chromium at /usr/bin/chromium (Debian package `chromium`), or set CHROMIUM_PATH.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/launch-chromium';
import { PNG } from 'pngjs';

const ROOT = path.resolve(__dirname, '..');

interface IconSpec {
  source: string;
  target: string;
  size: number;
  /** Teams rejects outline icons with any colour other than white on transparent. */
  whiteOnTransparent: boolean;
}

const ICONS: IconSpec[] = [
  { source: 'color.svg', target: 'color.png', size: 192, whiteOnTransparent: false },
  { source: 'outline.svg', target: 'outline.png', size: 32, whiteOnTransparent: true },
];

async function renderSvg(browser: Browser, svg: string, size: number): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  try {
    const html = `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`;
    await page.setContent(html);
    return await page.screenshot({
      clip: { x: 0, y: 0, width: size, height: size },
      omitBackground: true,
      type: 'png',
    });
  } finally {
    await page.close();
  }
}

/**
 * Anti-aliased edges come back from Chromium as premultiplied-then-unpremultiplied colour,
 * which can drift to e.g. rgb(254,254,254). Snap every visible pixel to pure white and every
 * invisible one to transparent black, keeping the alpha for smooth edges.
 */
function snapToWhiteOnTransparent(png: PNG): void {
  for (let offset = 0; offset < png.data.length; offset += 4) {
    const alpha = png.data[offset + 3] ?? 0;
    const channel = alpha === 0 ? 0 : 255;
    png.data[offset] = channel;
    png.data[offset + 1] = channel;
    png.data[offset + 2] = channel;
  }
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const icon of ICONS) {
      const svg = readFileSync(path.join(ROOT, 'scripts', 'icons', icon.source), 'utf8');
      const png = PNG.sync.read(await renderSvg(browser, svg, icon.size));
      if (png.width !== icon.size || png.height !== icon.size) {
        throw new Error(`${icon.target}: rendered ${png.width}×${png.height}, expected ${icon.size}×${icon.size}`);
      }
      if (icon.whiteOnTransparent) snapToWhiteOnTransparent(png);
      const target = path.join(ROOT, 'appPackage', icon.target);
      writeFileSync(target, PNG.sync.write(png, { colorType: 6 }));
      console.log(`wrote ${path.relative(ROOT, target)} (${icon.size}×${icon.size})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
