import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { pngPath, renderCardGallery, VIEWS, type GalleryResult } from '../scripts/lib/render-card-gallery';
import { listSampleCards } from '../src/cards/list-sample-cards';
import { describeWithChromium } from './support/chromium';
import { pulse, render, themes } from './support/content';

const distance = (p: number, q: number) =>
  [24, 16, 8].reduce((sum, shift) => sum + Math.abs(((p >>> shift) & 255) - ((q >>> shift) & 255)), 0);

/**
 * A screenshot shows a card when it has "ink": pixels clearly different from
 * both the chat background (top-left corner) and the card's fill (the most
 * common other colour), i.e. text, buttons and inputs; plus enough distinct
 * colours for anti-aliased text. Real cards have >= 3.5 % ink and > 200
 * colours; an empty stage or an empty card box (even with its outline or
 * shadow) has well under 2 % ink and a handful of colours.
 */
function looksRendered(png: PNG): boolean {
  const counts = new Map<number, number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const pixel = png.data.readUInt32BE(i);
    counts.set(pixel, (counts.get(pixel) ?? 0) + 1);
  }
  const background = png.data.readUInt32BE(0);
  const [fill] = [...counts].filter(([c]) => c !== background).sort((a, b) => b[1] - a[1])[0] ?? [background];
  let ink = 0;
  for (const [colour, n] of counts) if (distance(colour, background) > 60 && distance(colour, fill) > 60) ink += n;
  return counts.size >= 64 && ink / (png.width * png.height) >= 0.02;
}

/** A stage in one colour, optionally with a card box and a 2 px outline in a contrasting colour. */
function blank(bg: number[], card?: number[], outline?: number[]): PNG {
  const png = new PNG({ width: 360, height: 200 });
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const inset = Math.min(x, y, png.width - 1 - x, png.height - 1 - y);
      const colour = !card || inset < 12 ? bg : outline && inset < 14 ? outline : card;
      png.data.set([...colour, 255], (y * png.width + x) * 4);
    }
  }
  return png;
}

describe('the non-blank criterion itself', () => {
  it('rejects an empty stage and an empty card box, light and dark', () => {
    expect(looksRendered(blank([245, 245, 245]))).toBe(false);
    expect(looksRendered(blank([245, 245, 245], [255, 255, 255], [180, 180, 180]))).toBe(false);
    expect(looksRendered(blank([31, 31, 31], [41, 41, 41], [120, 120, 120]))).toBe(false);
  });
});

describeWithChromium('npm run cards:preview (one theme, three languages)', () => {
  let out = '';
  const samples = listSampleCards(render, themes, {}, { themeIds: ['lock-devices'], pulse });
  const files = samples.flatMap((sample) => VIEWS.map((view) => pngPath(sample, view.name)));
  let result: GalleryResult;

  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'refleks-gallery-'));
    result = await renderCardGallery({ out, themeIds: ['lock-devices'] });
  }, 120_000);
  afterAll(() => out && rmSync(out, { recursive: true, force: true }));

  it('renders every sample in light and dark, at desktop and phone width, without SDK errors', () => {
    expect(result.cards).toBe(samples.length);
    expect(result.pngs).toBe(files.length);
    expect(new Set(samples.map((s) => s.language))).toEqual(new Set(['nb', 'nn', 'en']));
    expect(result.failures).toEqual([]);
  });

  it('shows nothing past the card edge and no cut-off text at phone width', () => {
    expect(result.overflowing).toEqual([]);
  });

  it('writes a PNG with a visible card for every sample and view', () => {
    const blank = files.filter((file) => {
      const full = path.join(out, file);
      return !existsSync(full) || !looksRendered(PNG.sync.read(readFileSync(full)));
    });
    expect(blank).toEqual([]);
  }, 60_000); // decoding a few hundred PNGs takes ~10 s

  it('writes an index.html that shows every PNG and nothing else', () => {
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    const sources = [...html.matchAll(/<img src="([^"]+)" alt="[^"]+"/g)].map((m) => m[1]);
    expect(new Set(sources)).toEqual(new Set(files));
    expect(html).toContain('Lokale regler / Local rules: ingen');
  });
});
