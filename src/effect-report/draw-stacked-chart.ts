import { isShown, type Cell } from '../engagement/suppress';
import { escapeHtml as esc } from './escape-html';
import { CHART_WIDTH, FONT_SIZE, INK, estimateWidth, svgDocument, svgText, toneOf } from './svg-parts';

export interface StackedRow {
  /** The row's heading, with its total in words. */
  label: string;
  total: Cell;
  /** One cell per segment, in the order of the segments. */
  parts: Cell[];
}

export interface StackedChartSpec {
  id: string;
  title: string;
  desc: string;
  segments: string[];
  rows: StackedRow[];
  count(cell: Cell): string;
  /** The label of what suppressed parts add up to (already known as the total minus the shown parts). */
  hiddenLabel: string;
}

const BAR = 20;
const HEADING = 18;
const ROW_GAP = 10;
const SWATCH = 12;

/** A segment's own label when it fits: name and number, else the number, else nothing (the legend says it). */
function insideLabel(x: number, width: number, y: number, texts: string[], fill: string): string {
  const fits = texts.find((text) => estimateWidth(text) + 8 <= width);
  return fits ? svgText(x + 4, y + 14, fits, { fill, className: 'segment-label' }) : '';
}

/** The legend inside the drawing, so it prints with it; wraps onto more lines when needed. */
function legend(spec: StackedChartSpec, hatch: string): { parts: string[]; height: number } {
  const entries = [
    ...spec.segments.map((label, index) => ({ label, fill: toneOf(index).fill })),
    { label: spec.hiddenLabel, fill: hatch },
  ];
  const parts: string[] = [];
  let x = 0;
  let y = 2;
  for (const entry of entries) {
    const width = SWATCH + 6 + estimateWidth(entry.label) + 16;
    if (x > 0 && x + width > CHART_WIDTH) [x, y] = [0, y + FONT_SIZE + 8];
    parts.push(
      `<rect class="swatch" x="${x}" y="${y}" width="${SWATCH}" height="${SWATCH}" fill="${entry.fill}" stroke="${INK}" stroke-width="0.6"/>`,
      svgText(x + SWATCH + 6, y + 10, entry.label, { className: 'legend' }),
    );
    x += width;
  }
  return { parts, height: y + SWATCH + 12 };
}

/**
 * One bar per row, split into its parts (check answers by option), each part
 * as its share of the row's total. Suppressed parts are not drawn one by one:
 * together they are the hatched rest, which is already known from the total
 * and the shown parts. A suppressed total draws no bar, only its text.
 */
export function drawStackedChart(spec: StackedChartSpec): string {
  const hatchId = `${spec.id}-hatch`;
  const hatch = `url(#${esc(hatchId)})`;
  const defs =
    `<defs><pattern id="${esc(hatchId)}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#6b6b6b" stroke-width="2"/></pattern></defs>`;
  const top = legend(spec, hatch);
  const body = [defs, ...top.parts];
  let y = top.height;
  for (const row of spec.rows) {
    body.push(svgText(0, y + 13, row.label, { weight: 'bold', className: 'row-label' }));
    y += HEADING;
    const total = row.total;
    if (!isShown(total)) {
      body.push(svgText(2, y + 14, spec.count(total), { italic: true, className: 'suppressed' }));
      y += BAR + ROW_GAP;
      continue;
    }
    let x = 0;
    row.parts.forEach((part, index) => {
      if (!isShown(part) || part === 0) return;
      const width = (part / total) * CHART_WIDTH;
      const tone = toneOf(index);
      body.push(
        `<rect class="segment" data-value="${part}" data-total="${total}" x="${x.toFixed(2)}" y="${y}" width="${width.toFixed(2)}"` +
          ` height="${BAR}" fill="${tone.fill}" stroke="${INK}" stroke-width="0.6"/>`,
        insideLabel(x, width, y, [`${spec.segments[index] ?? ''} ${spec.count(part)}`, spec.count(part)], tone.text),
      );
      x += width;
    });
    const rest = CHART_WIDTH - x;
    if (rest > 0.5) {
      body.push(
        `<rect class="hidden-part" x="${x.toFixed(2)}" y="${y}" width="${rest.toFixed(2)}" height="${BAR}" fill="${hatch}" stroke="${INK}" stroke-width="0.6"/>`,
      );
    }
    y += BAR + ROW_GAP;
  }
  return svgDocument(spec.id, spec.title, spec.desc, y, body);
}
